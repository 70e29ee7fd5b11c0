package validate_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/xport/xport"
	"github.com/xport/xport/decimal"
	"github.com/xport/xport/validate"
)

// TestConflictMineralsChecks: a metal outside the enumeration and a count
// that disagrees with the list are errors at the fact; the report as
// converted has neither.
func TestConflictMineralsChecks(t *testing.T) {
	path := filepath.Join("..", "testdata", "infinera-sd-2014.txt")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	res, err := xport.Convert(path, f, xport.Options{CIK: "1138639"})
	if err != nil {
		t.Fatal(err)
	}
	if ds := validate.Check(res.Report, validate.Options{Calc: validate.CalcXBRL21, Cross: true}); ds.HasErrors() {
		t.Fatalf("as converted: %v", ds)
	}
	for _, fact := range res.Report.Facts {
		switch fact.Concept.QName() {
		case "cmr:SmelterMetal":
			if fact.Text == "Tin" {
				fact.Text = "Tim"
			}
		case "cmr:MarkedSmelterCount":
			fact.Value = fact.Value.Add(decimal.FromInt(1))
		}
	}
	codes := map[string]int{}
	for _, d := range validate.Check(res.Report, validate.Options{Cross: true}) {
		codes[d.Code]++
	}
	// 68 tin facilities misspelt; the tin count and the marked count now
	// disagree with the list.
	if codes["xmlSchema:enumeration"] != 68 || codes["xport.cross:smelterCountMismatch"] != 2 {
		t.Errorf("codes %v", codes)
	}
}
