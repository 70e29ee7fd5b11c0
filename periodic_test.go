package xport

import (
	"strings"
	"testing"

	"github.com/xport/xport/source"
)

// TestPeriodicSubmission converts a 10-K submission of the 1990s with an
// EX-27 financial data schedule (testdata/periodic/harbor-10k-1998.txt,
// written for this test): the statements give the facts, the
// schedule's agreeing figures are noted, the one that differs
// (<TOTAL-REVENUES> 42,060 at line 163 against net sales of 42,600 at
// line 66) is left out with a warning naming both places, the one the
// statements lack (<INCOME-CONTINUING>) is a fact, tags xport does not
// map are listed as not mapped, and the MD&A table is one line, not read.
func TestPeriodicSubmission(t *testing.T) {
	res := convertFile(t, "testdata/periodic/harbor-10k-1998.txt", Options{})
	want := []keyFact{
		{line: "66", concept: "Revenues", period: "1998-01-01..1998-12-31", value: "42600000"},
		{line: "66", concept: "Revenues", period: "1996-01-01..1996-12-31", value: "33120000"},
		{line: "79", concept: "NetIncomeLoss", period: "1998-01-01..1998-12-31", value: "2199000"},
		{line: "83", concept: "EarningsPerShareDiluted", period: "1998-01-01..1998-12-31", value: ".25"},
		{line: "106", concept: "Assets", period: "1998-12-31", value: "28645000"},
		{line: "103", concept: "AssetsCurrent", period: "1997-12-31", value: "19775000"},
		{line: "120", concept: "StockholdersEquity", period: "1998-12-31", value: "23110000"},
		{line: "171", concept: "IncomeLossFromContinuingOperations", period: "1998-01-01..1998-12-31", value: "2199000"},
		{line: "37", concept: "EntityCommonStockSharesOutstanding", period: "1999-03-01", value: "8412300"},
	}
	wantKeyFacts(t, res, want)
	text := map[string]string{}
	for _, f := range res.Report.Facts {
		if f.Text != "" {
			text[f.Concept.QName()] = f.Text
		}
		if f.Source.Line >= 46 && f.Source.Line <= 52 {
			t.Errorf("%s at %s: a fact from the discussion's table", f.Concept.QName(), f.Source)
		}
	}
	for q, v := range map[string]string{"dei:DocumentType": "10-K", "dei:DocumentFiscalPeriodFocus": "FY", "dei:DocumentFiscalYearFocus": "1998",
		"dei:DocumentPeriodEndDate": "1998-12-31", "dei:EntityCentralIndexKey": "0000912345", "dei:EntityRegistrantName": "HARBOR INSTRUMENTS INC."} {
		if text[q] != v {
			t.Errorf("%s is %q, want %q", q, text[q], v)
		}
	}
	var differ, notRead int
	for _, d := range res.Diagnostics {
		switch {
		case d.Code == "map.inconsistentDuplicate" && d.Pos.Line == 163 && strings.Contains(d.Message, ":66:"):
			differ++
		case d.Code == "map.notStatement" && d.Pos.Line == 46:
			notRead++
		case d.Severity >= source.Warning:
			t.Errorf("unexpected: %s", d)
		}
	}
	if differ != 1 || notRead != 1 {
		t.Errorf("%d warnings of the schedule's revenue against line 66, %d notes of the unread table; want 1 and 1", differ, notRead)
	}
	agreed := false
	for _, n := range res.Report.Provenance.Notes {
		agreed = agreed || strings.Contains(n.Text, "EX-27 financial data schedule (article 5): 11 figures agree with the statements, 1 differ")
	}
	if !agreed {
		t.Errorf("no provenance note of the schedule's agreement: %v", res.Report.Provenance.Notes)
	}
	unmappedTag := false
	for _, u := range res.Report.Unmapped {
		unmappedTag = unmappedTag || u.Label == "<PP&E>" && u.Pos.Line == 152
	}
	if !unmappedTag {
		t.Error("<PP&E> (line 152) is not listed as not mapped")
	}
}

// TestPeriodicQuarterly converts a 10-Q submission of 1998 laid out as
// most were (testdata/periodic/kestrel-10q-1998.txt, written for this
// test): three and nine months under one heading each, a balance sheet
// at the quarter's end and the last year's, nine months of cash flows,
// an EX-27 that agrees. Values typed from the document, with their lines.
func TestPeriodicQuarterly(t *testing.T) {
	res := convertFile(t, "testdata/periodic/kestrel-10q-1998.txt", Options{})
	want := []keyFact{
		{line: "61", concept: "Revenues", period: "1998-07-01..1998-09-30", value: "22515000"},
		{line: "61", concept: "Revenues", period: "1997-01-01..1997-09-30", value: "53525000"},
		{line: "77", concept: "NetIncomeLoss", period: "1998-01-01..1998-09-30", value: "6460000"},
		{line: "81", concept: "EarningsPerShareDiluted", period: "1998-07-01..1998-09-30", value: ".16"},
		{line: "80", concept: "EarningsPerShareBasic", period: "1997-01-01..1997-09-30", value: ".29"},
		{line: "99", concept: "CashAndCashEquivalentsAtCarryingValue", period: "1997-12-31", value: "17880000"},
		{line: "105", concept: "AssetsCurrent", period: "1998-09-30", value: "58205000"},
		{line: "109", concept: "Assets", period: "1998-09-30", value: "68735000"},
		{line: "118", concept: "LiabilitiesCurrent", period: "1998-09-30", value: "13835000"},
		{line: "124", concept: "StockholdersEquity", period: "1997-12-31", value: "47985000"},
		{line: "150", concept: "NetCashProvidedByUsedInOperatingActivities", period: "1998-01-01..1998-09-30", value: "7555000"},
		{line: "153", concept: "PaymentsToAcquirePropertyPlantAndEquipment", period: "1998-01-01..1998-09-30", value: "2795000"},
		{line: "39", concept: "EntityCommonStockSharesOutstanding", period: "1998-11-06", value: "14212504"},
	}
	wantKeyFacts(t, res, want)
	text := map[string]string{}
	for _, f := range res.Report.Facts {
		text[f.Concept.QName()] = f.Text
	}
	if text["dei:DocumentType"] != "10-Q" || text["dei:DocumentFiscalPeriodFocus"] != "Q3" || text["dei:DocumentFiscalYearFocus"] != "1998" {
		t.Errorf("cover: %q, %q, %q; want 10-Q, Q3, 1998", text["dei:DocumentType"], text["dei:DocumentFiscalPeriodFocus"], text["dei:DocumentFiscalYearFocus"])
	}
	for _, d := range res.Diagnostics {
		if d.Severity >= source.Warning {
			t.Errorf("unexpected: %s", d)
		}
	}
}

// wantKeyFacts fails t for each key fact the conversion does not give.
func wantKeyFacts(t *testing.T, res *Result, want []keyFact) {
	t.Helper()
	for _, k := range want {
		if got, ok := findKeyFact(res.Report.Facts, k); !ok {
			t.Errorf("line %s: %s for %s: got %v, want %s", k.line, k.concept, k.period, got, k.value)
		}
	}
}
