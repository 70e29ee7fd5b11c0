package xport

import (
	"strings"
	"testing"
)

const badTable = `Example Corp
Consolidated Statements of Operations
(In thousands)

                          Year Ended December 31,
                          -----------------------
                            2020         2019
                          ---------    ---------
Revenues                  $ 1,000      $   900
Cost of revenues              6x0          500
Other income                           7         12
                          ---------    ---------
Gross profit                  400          400
`

const badHeading = `Example Corp
Consolidated Statements of Operations
(In thousands)

                              Year Ended
                          -----------------------
                          June 2020    June 2019
                          ---------    ---------
Revenues                  $ 1,000      $   900
`

const strayFigures = `Example Corp

Revenues                  $ 1,000      $   900
Cost                          600          500
`

// TestBadInput converts documents with a figure that is not a number, a
// figure between columns and a column without a readable date: each gets
// a located warning, and the rest of the document still converts.
func TestBadInput(t *testing.T) {
	tests := []struct {
		name, doc string
		want      []string // "line:col code" of the warnings expected
		facts     int      // numeric facts expected
	}{
		{"not a number and unaligned", badTable, []string{"10:31 extract.notANumber", "11:50 extract.unalignedCell"}, 6},
		{"undated column", badHeading, []string{"7:27 extract.undatedColumn", "7:40 extract.undatedColumn"}, 0},
		{"figures outside any table", strayFigures, []string{"3:27 extract.strayFigure", "4:44 extract.strayFigure", "1:1 map.noFacts"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Convert("bad.txt", strings.NewReader(tt.doc), Options{CIK: "1"})
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]bool{}
			for _, d := range res.Diagnostics {
				got[d.Pos.String()[len("bad.txt:"):]+" "+d.Code] = true
			}
			for _, w := range tt.want {
				if !got[w] {
					t.Errorf("no warning %s in %v", w, res.Diagnostics)
				}
			}
			if !res.Valid() {
				t.Errorf("the rest should still convert: %v", res.Diagnostics)
			}
			n := 0
			for _, f := range res.Report.Facts {
				if f.Numeric() {
					n++
				}
			}
			if n != tt.facts {
				t.Errorf("%d numeric facts, want %d", n, tt.facts)
			}
		})
	}
}
