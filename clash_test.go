package xport

import (
	"strings"
	"testing"
)

// supplementalFirst prints a supplemental table before the statement of
// operations, with another revenue for 2020: the statement's stands.
const supplementalFirst = `Example Corp (NYSE: EXM) reported its results for 2020.

Example Corp
Supplemental Financial Information
(In thousands)

                          Year Ended December 31,
                            2020         2019
Revenues                  $ 1,001      $   900


Example Corp
Consolidated Statements of Operations
(In thousands)

                          Year Ended December 31,
                            2020         2019
Revenues                  $ 1,000      $   900
Net income                    100           90
`

// TestClashPrimaryStands: when a primary statement and another table
// print different values for one concept and period, the primary
// statement's stands, whichever was printed first, and the other is left
// out with a warning; values that agree stay one fact.
func TestClashPrimaryStands(t *testing.T) {
	res, err := Convert("clash.txt", strings.NewReader(supplementalFirst), Options{CIK: "1"})
	if err != nil {
		t.Fatal(err)
	}
	if !res.Valid() {
		t.Fatalf("invalid: %v", res.Diagnostics)
	}
	got := map[string]string{}
	for _, f := range res.Report.Facts {
		if f.Concept.Name == "Revenues" {
			got[f.Period.String()] = f.ValueString() + " at " + f.Source.String()
		}
	}
	if want := "1000000 at clash.txt:18:27"; got["2020-01-01..2020-12-31"] != want {
		t.Errorf("2020 revenue %q, want %q", got["2020-01-01..2020-12-31"], want)
	}
	if want := "900000 at clash.txt:9:40"; got["2019-01-01..2019-12-31"] != want {
		t.Errorf("2019 revenue %q, want %q (the same figure twice is one fact)", got["2019-01-01..2019-12-31"], want)
	}
	warned := false
	for _, d := range res.Diagnostics {
		warned = warned || d.Code == "map.inconsistentDuplicate" && d.Pos.String() == "clash.txt:9:27"
	}
	if !warned {
		t.Errorf("no warning at the supplemental figure clash.txt:9:27: %v", res.Diagnostics)
	}
}
