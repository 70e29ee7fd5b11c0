package xport

import (
	"strings"
	"testing"
)

// An HTML document is read as the text its tables render as, not as
// markup: no warning that it is HTML, and its figures are read; EDGAR's
// own <TABLE> and <S> <C> lines in a text exhibit stay text.
func TestConvertReadsHTML(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		figures    int
	}{
		{"html alone on a line", "<HTML>\n<BODY>\n<table><tr><td></td><td>2020</td><td>2019</td></tr>\n<tr><td>Net sales</td><td>$</td><td>1,234</td><td>$</td><td>1,111</td></tr></table>\n</BODY>\n</HTML>\n", 2},
		{"table inside text", "Results <table><tr><td></td><td>2020</td></tr><tr><td>Net sales</td><td>1,234</td></tr></table>\n", 1},
		{"edgar text tables", "<TABLE>\n<S>   <C>\nNet sales     $ 1,234   $ 1,111\n</TABLE>\n", 2},
		{"plain text", "Net sales were $1.2 billion.\n", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := Convert("doc.txt", strings.NewReader(tc.text), Options{Formats: []string{FormatJSON}, AllowEmpty: true})
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range res.Diagnostics {
				if d.Code == "convert.html" {
					t.Errorf("said to be HTML read as text: %v", d)
				}
			}
			if res.Report.Figures != tc.figures {
				t.Errorf("%d figures read, want %d: %v", res.Report.Figures, tc.figures, res.Diagnostics)
			}
		})
	}
}
