package xport

import (
	"strings"
	"testing"

	"github.com/xport/xport/source"
)

// An HTML document read as text says so once, whether its tags stand alone
// on their lines (as Workiva's exhibits print <HTML>) or sit inside text;
// EDGAR's own <TABLE> and <S> <C> lines in a text exhibit are not HTML.
func TestConvertSaysHTML(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       int
	}{
		{"html alone on a line", "<HTML>\n<BODY>\nNet sales  $ 1\n</BODY>\n</HTML>\n", 1},
		{"table inside text", "Results <table><tr><td>1</td></tr></table>\n", 1},
		{"edgar text tables", "<TABLE>\n<S>   <C>\nNet sales     $ 1,234   $ 1,111\n</TABLE>\n", 0},
		{"plain text", "Net sales were $1.2 billion.\n", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := Convert("doc.txt", strings.NewReader(tc.text), Options{Formats: []string{FormatJSON}})
			if err != nil {
				t.Fatal(err)
			}
			got := 0
			for _, d := range res.Diagnostics {
				if d.Code == "convert.html" {
					got++
					if d.Severity != source.Warning {
						t.Errorf("severity %v, want warning", d.Severity)
					}
				}
			}
			if got != tc.want {
				t.Errorf("%d convert.html diagnostics, want %d", got, tc.want)
			}
		})
	}
}
