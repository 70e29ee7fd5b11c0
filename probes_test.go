package xport

import (
	"path/filepath"
	"testing"

	"github.com/xport/xport/decimal"
)

// TestProbeFacts converts the layout probes of extract/testdata/probes
// and finds in each the facts its layout must give, typed from the probe:
// a footnote mark after a figure is no figure, "(000's omitted)" scales,
// a section heading without a colon is no part of its rows' labels, a
// heading shares its line with the scale note, two dates one space apart,
// weeks, years under "Years Ended December 31,", a table continued after a
// page break, years dated by the title ("DECEMBER 31, 1997 AND 1996") and
// losses printed as positive figures under a "NET LOSS" label, an EDGAR
// exhibit of 1998 with dot leaders up to "$" and share counts under a
// heading that says "per share", amounts in millions and shares in
// thousands under one long title line, income taxes printed as a
// deduction ("Provision for income taxes (225)") or with their own sign
// ("Income tax benefit (provision) 191"), and an amount without its "$"
// under a heading whose first row prints one ("Europe 3,428" is millions).
func TestProbeFacts(t *testing.T) {
	tests := []struct {
		probe, concept, period, value string
	}{
		{"footnote-marks", "Revenues", "2023-01-01..2023-12-31", "1234000000"},
		{"section-currency", "EuropeNetRevenue", "2023-03-26..2023-06-17", "3428000000"},
		{"footnote-marks", "CostOfRevenue", "2023-01-01..2023-12-31", "634000000"},
		{"footnote-marks", "NetIncomeLoss", "2022-01-01..2022-12-31", "250000000"},
		{"omitted-scale", "NetIncomeLoss", "1998-01-01..1998-12-31", "3120000"},
		{"section-without-colon", "Revenues", "2023-01-01..2023-03-31", "1500000"},
		{"stub-heading", "Revenues", "2023-01-01..2023-04-01", "11715000000"},
		{"stub-heading", "EarningsPerShareBasic", "2022-01-02..2022-04-02", "1.99"},
		{"dates-one-space", "Assets", "2022-05-08", "9410000000"},
		{"weeks", "NetIncomeLoss", "2023-03-26..2023-06-17", "2748000000"},
		{"weeks", "Revenues", "2021-12-26..2022-06-11", "36425000000"},
		{"years-under-heading", "Revenues", "1999-01-01..1999-12-31", "98200000"},
		{"page-break", "NetCashProvidedByUsedInOperatingActivities", "2022-01-01..2022-06-30", "14000000"},
		{"loss-labels", "NetIncomeLoss", "1997-01-01..1997-12-31", "-4200103000"},
		{"loss-labels", "OperatingIncomeLoss", "1996-01-01..1996-12-31", "-752066000"},
		{"loss-labels", "EarningsPerShareBasicAndDiluted", "1997-01-01..1997-12-31", "-0.42"},
		{"loss-labels", "Revenues", "1997-01-01..1997-12-31", "1216355000"},
		{"shares-in-thousands", "WeightedAverageNumberOfDilutedSharesOutstanding", "2023-04-02..2023-07-01", "15775021000"},
		{"shares-in-thousands", "NetIncomeLoss", "2022-03-27..2022-06-25", "19442000000"},
		{"edgar-page", "NetCashProvidedByUsedInOperatingActivities", "2000-01-01..2000-12-31", "5500000"},
		{"edgar-page", "NetIncomeLoss", "1999-01-01..1999-12-31", "3870000"},
		{"ratio-columns", "Revenues", "2023-04-30..2023-07-29", "9583000000"},
		{"ratio-columns", "NetIncomeLoss", "2022-05-01..2022-07-30", "306000000"},
		{"tax-deduction", "IncomeTaxExpenseBenefit", "2023-05-01..2023-07-31", "225000000"},
		{"tax-deduction", "IncomeTaxExpenseBenefit", "2022-04-01..2022-06-30", "-191000000"},
		{"tax-deduction", "NetIncomeLoss", "2022-04-01..2022-06-30", "-536000000"},
		{"edgar-1998", "Revenues", "1998-07-01..1998-09-30", "12345000"},
		{"edgar-1998", "NetIncomeLoss", "1997-01-01..1997-09-30", "2210000"},
		{"edgar-1998", "EarningsPerShareDiluted", "1998-01-01..1998-09-30", "0.66"},
		{"edgar-1998", "WeightedAverageNumberOfSharesOutstandingBasic", "1998-07-01..1998-09-30", "5000000"},
	}
	results := map[string]*Result{}
	for _, tt := range tests {
		res, ok := results[tt.probe]
		if !ok {
			res = convertFile(t, filepath.Join("extract", "testdata", "probes", tt.probe+".txt"), Options{CIK: "1"})
			results[tt.probe] = res
		}
		found := false
		for _, f := range res.Report.Facts {
			if f.Concept.Name != tt.concept || f.Period.String() != tt.period || len(f.Dims) > 0 {
				continue
			}
			found = true
			if !f.Value.Equal(decimal.MustParse(tt.value)) {
				t.Errorf("%s: %s for %s = %s, want %s", tt.probe, tt.concept, tt.period, f.ValueString(), tt.value)
			}
		}
		if !found {
			t.Errorf("%s: no %s for %s", tt.probe, tt.concept, tt.period)
		}
	}
}
