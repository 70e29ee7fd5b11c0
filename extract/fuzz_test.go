package extract

import (
	"os"
	"testing"

	"github.com/xport/xport/source"
)

// FuzzTables reads arbitrary text as a document: no panic, and every
// position reported lies inside the input.
func FuzzTables(f *testing.F) {
	if b, err := os.ReadFile("../testdata/infinera-q4-2012.txt"); err == nil {
		f.Add(b)
	}
	f.Add([]byte("              Year Ended\n            2012     2011\n           ------   ------\nRevenue   $  1,000  $  (900)\n"))
	f.Add([]byte("Three Months Ended December 29,\n\t2012\t2011\nNet loss\t(1)\t-\n"))
	f.Add([]byte("\f\r\n\xff\xfe December 31, 2012\n  x  1,2,3  --  (4)%\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := source.Parse("fuzz.txt", data)
		if err != nil {
			return
		}
		tables, diags := Tables(doc)
		inside := func(p source.Pos) {
			if !p.IsValid() {
				return
			}
			if p.Line > len(doc.Lines) || p.Col < 1 {
				t.Fatalf("position %v outside the input (%d lines)", p, len(doc.Lines))
			}
		}
		for _, d := range diags {
			inside(d.Pos)
		}
		for _, tb := range tables {
			inside(tb.Pos)
			for _, r := range tb.Rows {
				inside(r.Pos)
				if len(r.Cells) != len(tb.Columns) {
					t.Fatalf("row %q has %d cells for %d columns", r.Label, len(r.Cells), len(tb.Columns))
				}
				for _, c := range r.Cells {
					inside(c.Pos)
				}
			}
		}
	})
}

// FuzzParseNumber: no panic, and a parsed number renders and re-parses to
// the same value.
func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"$ (1,234.56)", "34%", "< 10%", "-", ".62", "(2)%", "1,2,3", "$(0.9)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := ParseNumber(s)
		if err != nil || n.Nil || n.NotApplicable {
			return
		}
		again, err := ParseNumber(n.Value.String())
		if err != nil || !again.Value.Equal(n.Value) {
			t.Fatalf("%q parsed as %s, which does not parse back (%v)", s, n.Value, err)
		}
	})
}
