package extract

import (
	"strings"
	"testing"

	"github.com/xport/xport/source"
)

// TestLabelContinuedAfterLastRow: a label wrapped onto the line below the
// table's last row belongs to that row, whether more rows follow or not.
func TestLabelContinuedAfterLastRow(t *testing.T) {
	head := "                                   Three Months Ended\n" +
		"                                 March 31,    March 31,\n" +
		"                                    2010         2009\n" +
		"Revenue                          $ 10,000     $ 9,000\n" +
		"Net income available to common      1,000         900\n" +
		"  stockholders\n"
	tests := []struct {
		name, text string
	}{
		{"at the end of the document", head},
		{"before prose", head + "\nOther text follows here, long enough to be a paragraph of its own.\n"},
		{"before another row", head + "Net loss per share                 (0.01)      (0.02)\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := source.Parse("t.txt", []byte(tt.text))
			if err != nil {
				t.Fatal(err)
			}
			tables, _ := Tables(doc)
			if len(tables) != 1 {
				t.Fatalf("%d tables", len(tables))
			}
			found := false
			for _, r := range tables[0].Rows {
				found = found || r.Label == "Net income available to common stockholders"
			}
			if !found {
				var labels []string
				for _, r := range tables[0].Rows {
					labels = append(labels, r.Label)
				}
				t.Errorf("labels %q", labels)
			}
		})
	}
}

// TestJoinLabel joins wrapped label lines, mending a word hyphenated
// across two of them and keeping a compound's hyphen.
func TestJoinLabel(t *testing.T) {
	tests := []struct {
		lines []string
		want  string
	}{
		{[]string{"Research and develop-", "ment expenses"}, "Research and development expenses"},
		{[]string{"Acquisition and divestiture-", "related charges"}, "Acquisition and divestiture-related charges"},
		{[]string{"Net income attributable to", "common stockholders"}, "Net income attributable to common stockholders"},
		{[]string{"Total -", "net"}, "Total - net"},
	}
	for _, tt := range tests {
		if got := joinLabel(tt.lines); got != tt.want {
			t.Errorf("joinLabel(%q) = %q, want %q", tt.lines, got, tt.want)
		}
		parts := labelParts(tt.lines, make([]source.Pos, len(tt.lines)))
		if last := parts[len(parts)-1]; !strings.HasPrefix(tt.want[last.Offset:], tt.lines[len(tt.lines)-1]) {
			t.Errorf("labelParts(%q): the last line starts at %d of %q", tt.lines, last.Offset, tt.want)
		}
	}
}
