package xport

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/beevik/etree"

	"github.com/xport/xport/extract"
	"github.com/xport/xport/source"
	"github.com/xport/xport/validate"
	"github.com/xport/xport/xbrl"
)

var update = flag.Bool("update", false, "rewrite golden files")

const sample = "testdata/infinera-q4-2012.txt"

func convertFile(t *testing.T, path string, opts Options) *Result {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	res, err := Convert(path, f, opts)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func file(t *testing.T, res *Result, name string) []byte {
	t.Helper()
	for _, f := range res.Files {
		if f.Name == name {
			return f.Data
		}
	}
	t.Fatalf("no output file %s", name)
	return nil
}

// TestGolden compares every output file of the sample with its golden
// copy in testdata/golden; run go test -update to rewrite them.
func TestGolden(t *testing.T) {
	res := convertFile(t, sample, Options{CIK: "1138639"})
	if !res.Valid() {
		t.Fatalf("sample is invalid: %v", res.Diagnostics)
	}
	for _, f := range res.Files {
		golden := filepath.Join("testdata", "golden", f.Name)
		if *update {
			if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(golden, f.Data, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(f.Data, want) {
			t.Errorf("%s differs from %s; run go test -update and review the diff", f.Name, golden)
		}
	}
}

// TestDeterministic converts the sample twice and expects the same bytes.
func TestDeterministic(t *testing.T) {
	a, b := convertFile(t, sample, Options{}), convertFile(t, sample, Options{})
	if len(a.Files) != len(b.Files) {
		t.Fatalf("got %d and %d files", len(a.Files), len(b.Files))
	}
	for i := range a.Files {
		if a.Files[i].Name != b.Files[i].Name || !bytes.Equal(a.Files[i].Data, b.Files[i].Data) {
			t.Errorf("%s differs between two runs", a.Files[i].Name)
		}
	}
}

// fact is what a user checks of a fact: concept, period, unit, decimals
// and value.
type fact struct {
	concept, start, end, unit, decimals, value string
}

// statementOfOperations lists every figure of the sample's statement of
// operations: the row, then the four columns (three months ended
// 2012-12-29 and 2011-12-31, twelve months ended 2012-12-29 and
// 2011-12-31) as they must be reported.
var statementOfOperations = []struct {
	concept string
	values  [4]string
}{
	{"infn:ProductRevenue", [4]string{"109051000", "93025000", "378138000", "349468000"}},
	{"infn:RatableProductAndRelatedSupportAndServicesRevenue", [4]string{"393000", "593000", "1897000", "3176000"}},
	{"infn:ServicesRevenue", [4]string{"18620000", "18391000", "58402000", "52233000"}},
	{"us-gaap:Revenues", [4]string{"128064000", "112009000", "438437000", "404877000"}},
	{"infn:CostOfProduct", [4]string{"77023000", "61103000", "258874000", "219710000"}},
	{"infn:CostOfRatableProductAndRelatedSupportAndServices", [4]string{"104000", "250000", "563000", "1096000"}},
	{"infn:CostOfServices", [4]string{"7669000", "5972000", "21431000", "18580000"}},
	{"us-gaap:CostOfRevenue", [4]string{"84796000", "67325000", "280868000", "239386000"}},
	{"us-gaap:GrossProfit", [4]string{"43268000", "44684000", "157569000", "165491000"}},
	{"us-gaap:ResearchAndDevelopmentExpense", [4]string{"26660000", "31218000", "117233000", "127120000"}},
	{"us-gaap:SellingAndMarketingExpense", [4]string{"20558000", "18336000", "75862000", "64773000"}},
	{"us-gaap:GeneralAndAdministrativeExpense", [4]string{"11563000", "14119000", "47475000", "54375000"}},
	{"us-gaap:RestructuringCharges", [4]string{"0", "-129000", "0", "-129000"}},
	{"us-gaap:OperatingExpenses", [4]string{"58781000", "63544000", "240570000", "246139000"}},
	{"us-gaap:OperatingIncomeLoss", [4]string{"-15513000", "-18860000", "-83001000", "-80648000"}},
	{"us-gaap:InvestmentIncomeInterest", [4]string{"233000", "272000", "911000", "1014000"}},
	{"us-gaap:OtherNonoperatingIncomeExpense", [4]string{"-158000", "-216000", "-1050000", "-419000"}},
	{"us-gaap:NonoperatingIncomeExpense", [4]string{"75000", "56000", "-139000", "595000"}},
	{"us-gaap:IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest", [4]string{"-15438000", "-18804000", "-83140000", "-80053000"}},
	{"us-gaap:IncomeTaxExpenseBenefit", [4]string{"650000", "546000", "2190000", "1691000"}},
	{"us-gaap:NetIncomeLoss", [4]string{"-16088000", "-19350000", "-85330000", "-81744000"}},
	{"us-gaap:EarningsPerShareBasicAndDiluted", [4]string{"-0.14", "-0.18", "-0.77", "-0.78"}},
	{"us-gaap:WeightedAverageNumberOfShareOutstandingBasicAndDiluted", [4]string{"112311000", "106893000", "110739000", "105432000"}},
}

// The columns' periods. The start of the quarter ended 2012-12-29 follows
// the period end September 29, 2012 that the reconciliation names; the
// year ended 2012-12-29 follows the year end December 31, 2011; the 2011
// starts are inferred from the calendar.
var columns = [4][2]string{
	{"2012-09-30", "2012-12-29"},
	{"2011-10-02", "2011-12-31"},
	{"2012-01-01", "2012-12-29"},
	{"2011-01-02", "2011-12-31"},
}

func wantFacts() map[fact]bool {
	want := map[fact]bool{}
	for _, row := range statementOfOperations {
		unit, decimals := "USD", "-3"
		switch row.concept {
		case "us-gaap:EarningsPerShareBasicAndDiluted":
			unit, decimals = "USD/shares", "2"
		case "us-gaap:WeightedAverageNumberOfShareOutstandingBasicAndDiluted":
			unit = "shares"
		}
		for c, v := range row.values {
			want[fact{row.concept, columns[c][0], columns[c][1], unit, decimals, v}] = true
		}
	}
	return want
}

// TestStatementOfOperationsXML reads the instance back and finds every
// figure of the statement of operations with its concept, period, unit
// and decimals.
func TestStatementOfOperationsXML(t *testing.T) {
	res := convertFile(t, sample, Options{})
	doc := etree.NewDocument()
	if err := doc.ReadFromBytes(file(t, res, "infinera-q4-2012.xbrl")); err != nil {
		t.Fatal(err)
	}
	root := doc.Root()
	periods := map[string][2]string{}
	for _, ctx := range root.SelectElements("context") {
		p := ctx.SelectElement("period")
		if s, e := p.SelectElement("startDate"), p.SelectElement("endDate"); s != nil && e != nil {
			periods[ctx.SelectAttrValue("id", "")] = [2]string{s.Text(), e.Text()}
		}
	}
	sources := map[string]string{}
	if fl := root.SelectElement("footnoteLink"); fl != nil {
		for _, fn := range fl.SelectElements("footnote") {
			sources[strings.TrimPrefix(fn.SelectAttrValue("xlink:label", ""), "source_")] = fn.Text()
		}
	}
	units := map[string]string{"USD": "USD", "USDPerShare": "USD/shares", "shares": "shares"}
	got := map[fact]bool{}
	for _, el := range root.ChildElements() {
		if el.Space != "xbrli" && el.Space != "link" && !strings.HasPrefix(sources[el.SelectAttrValue("id", "")], "infinera-q4-2012.txt:") {
			t.Errorf("fact %s has no source footnote", el.SelectAttrValue("id", ""))
		}
		if el.Space == "xbrli" || el.Space == "link" || el.Space == "dei" {
			continue
		}
		p := periods[el.SelectAttrValue("contextRef", "")]
		got[fact{el.Space + ":" + el.Tag, p[0], p[1], units[el.SelectAttrValue("unitRef", "")], el.SelectAttrValue("decimals", ""), el.Text()}] = true
	}
	compareFacts(t, got, wantFacts())
}

// TestStatementOfOperationsJSON does the same for the xBRL-JSON output,
// whose periods use end-of-day semantics.
func TestStatementOfOperationsJSON(t *testing.T) {
	res := convertFile(t, sample, Options{})
	var doc struct {
		Facts map[string]struct {
			Value      string
			Decimals   *int
			Dimensions map[string]string
			Source     string `json:"xport:source"`
		}
	}
	if err := json.Unmarshal(file(t, res, "infinera-q4-2012.json"), &doc); err != nil {
		t.Fatal(err)
	}
	units := map[string]string{"iso4217:USD": "USD", "iso4217:USD/xbrli:shares": "USD/shares", "xbrli:shares": "shares"}
	got := map[fact]bool{}
	for id, f := range doc.Facts {
		if f.Source == "" {
			t.Errorf("fact %s has no xport:source", id)
		}
		if f.Decimals == nil || !strings.Contains(f.Dimensions["period"], "/") {
			continue
		}
		start, end := oimPeriod(t, f.Dimensions["period"])
		got[fact{f.Dimensions["concept"], start, end, units[f.Dimensions["unit"]], itoa(*f.Decimals), f.Value}] = true
	}
	compareFacts(t, got, wantFacts())
}

// compareFacts compares the facts of the statement of operations' concepts
// and periods found in an output with the ones wanted. (The reconciliation
// adds GAAP figures for the quarter ended September 29, 2012, which the
// statement of operations does not show.)
func compareFacts(t *testing.T, got, want map[fact]bool) {
	t.Helper()
	concepts := map[string]bool{}
	for _, row := range statementOfOperations {
		concepts[row.concept] = true
	}
	periods := map[[2]string]bool{}
	for _, c := range columns {
		periods[c] = true
	}
	for f := range got {
		if !concepts[f.concept] || !periods[[2]string{f.start, f.end}] {
			delete(got, f)
		}
	}
	for f := range want {
		if !got[f] {
			t.Errorf("missing %+v", f)
		}
	}
	for f := range got {
		if !want[f] {
			t.Errorf("unexpected %+v", f)
		}
	}
}

// TestJSONMatchesSchema checks the emitted xBRL-JSON against the JSON
// Schema generated from the Go types, and that a violation is reported
// at the source position of the fact it concerns.
func TestJSONMatchesSchema(t *testing.T) {
	res := convertFile(t, sample, Options{})
	js := file(t, res, "infinera-q4-2012.json")
	where := map[string]source.Pos{}
	for _, f := range res.Report.Facts {
		where[f.ID] = f.Source
	}
	if ds := validate.JSON(js, "infinera-q4-2012.json", where); len(ds) > 0 {
		t.Fatalf("emitted JSON does not match its schema: %v", ds)
	}
	for _, tt := range []struct{ what, from, to string }{
		{"a malformed period", `"period": "2012-09-30T00:00:00/2012-12-30T00:00:00"`, `"period": "Q4 2012"`},
		{"a dimension that is not an SQName", `"period": "2012-09-30T00:00:00/2012-12-30T00:00:00"`, `"period": "2012-09-30T00:00:00/2012-12-30T00:00:00", "segment": "us-gaap:ServiceMember"`},
		{"a member that is neither an SQName nor a typed value", `"period": "2012-09-30T00:00:00/2012-12-30T00:00:00"`, `"period": "2012-09-30T00:00:00/2012-12-30T00:00:00", "srt:ProductOrServiceAxis": "services"`},
		{"no concept", `"concept": "us-gaap:Revenues",`, ``},
	} {
		bad := bytes.Replace(js, []byte(tt.from), []byte(tt.to), 1)
		if bytes.Equal(bad, js) {
			t.Fatalf("%s: %s is not in the JSON", tt.what, tt.from)
		}
		ds := validate.JSON(bad, "infinera-q4-2012.json", where)
		if len(ds) == 0 {
			t.Errorf("%s passed the schema", tt.what)
			continue
		}
		if got := ds[0].Pos; got.File != "infinera-q4-2012.txt" || got.Line == 0 {
			t.Errorf("%s: violation reported at %v, want a position in the source document", tt.what, got)
		}
	}
}

// TestConflictingFiguresLeftOut converts a document that prints two
// different revenues for the same year in two statements of operations:
// at least one row is mapped wrong and neither can be trusted, so both
// are left out with a warning at each, listed as not mapped, and the rest
// of the document converts.
func TestConflictingFiguresLeftOut(t *testing.T) {
	res := convertFile(t, "testdata/invalid/conflicting-revenue.txt", Options{})
	if !res.Valid() {
		t.Fatalf("one clash discarded the document: %v", res.Diagnostics)
	}
	warned := map[string]bool{}
	for _, d := range res.Diagnostics {
		if d.Code == "map.inconsistentDuplicate" && d.Severity == source.Warning {
			warned[d.Pos.String()] = true
		}
	}
	for _, at := range []string{"conflicting-revenue.txt:11:27", "conflicting-revenue.txt:26:27"} {
		if !warned[at] {
			t.Errorf("no inconsistentDuplicate warning at %s in %v", at, res.Diagnostics)
		}
		listed := false
		for _, u := range res.Report.Unmapped {
			listed = listed || u.Pos.String() == at
		}
		if !listed {
			t.Errorf("the figure at %s is not listed as not mapped", at)
		}
	}
	for _, f := range res.Report.Facts {
		if f.Concept.Name == "Revenues" && f.Period.End.Year() == 2020 {
			t.Errorf("a 2020 revenue fact was kept: %s at %s", f.ValueString(), f.Source)
		}
	}
}

// TestInvalidWritesNothing converts a conflict minerals report without a
// reporting period: an error, and Write refuses to write anything.
func TestInvalidWritesNothing(t *testing.T) {
	res := convertFile(t, "testdata/invalid/minerals-no-period.txt", Options{})
	if res.Valid() {
		t.Fatal("a report without a period converted without error")
	}
	dir := t.TempDir()
	if err := res.Write(dir); err != ErrInvalid {
		t.Errorf("Write = %v, want ErrInvalid", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("Write left %d files behind", len(entries))
	}
}

// TestWrite writes a valid result and finds every file, complete.
func TestWrite(t *testing.T) {
	res := convertFile(t, sample, Options{})
	dir := filepath.Join(t.TempDir(), "out")
	if err := res.Write(dir); err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Files {
		got, err := os.ReadFile(filepath.Join(dir, f.Name))
		if err != nil || !bytes.Equal(got, f.Data) {
			t.Errorf("%s not written whole: %v", f.Name, err)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != len(res.Files) {
		t.Errorf("%d files in %s, want %d (no temporary files left)", len(entries), dir, len(res.Files))
	}
}

// TestBalanceSheetAndCashFlows checks figures of the sample's balance
// sheet and cash flow statement by concept and period, signs included:
// a payment printed as (25,395) is a positive payment, an increase in
// receivables printed as (26,517) is a positive increase, and the net
// loss the cash flow statement starts from is the same fact as in the
// statement of operations.
func TestBalanceSheetAndCashFlows(t *testing.T) {
	res := convertFile(t, sample, Options{})
	facts := map[string]*xbrl.Fact{}
	for _, f := range res.Report.Facts {
		facts[f.Concept.QName()+" "+f.Period.String()] = f
	}
	const y12, y11, i12, i11 = "2012-01-01..2012-12-29", "2011-01-02..2011-12-31", "2012-12-29", "2011-12-31"
	tests := []struct{ key, value string }{
		{"us-gaap:CashAndCashEquivalentsAtCarryingValue " + i12, "104666000"},
		{"us-gaap:AccountsReceivableNetCurrent " + i11, "80616000"},
		{"us-gaap:AssetsCurrent " + i12, "429497000"},
		{"us-gaap:Assets " + i12, "528170000"},
		{"us-gaap:LiabilitiesCurrent " + i11, "119465000"},
		{"us-gaap:CommonStockValue " + i12, "112000"},
		{"us-gaap:PreferredStockValue " + i12, "0"},
		{"us-gaap:RetainedEarningsAccumulatedDeficit " + i12, "-572366000"},
		{"us-gaap:AccumulatedOtherComprehensiveIncomeLossNetOfTax " + i11, "-2195000"},
		{"us-gaap:StockholdersEquity " + i12, "356136000"},
		{"us-gaap:LiabilitiesAndStockholdersEquity " + i11, "531704000"},
		{"us-gaap:NetIncomeLoss " + y12, "-85330000"},
		{"us-gaap:DepreciationDepletionAndAmortization " + y12, "23661000"},
		{"us-gaap:IncreaseDecreaseInAccountsReceivable " + y12, "26517000"},
		{"us-gaap:IncreaseDecreaseInAccountsReceivable " + y11, "4686000"},
		{"us-gaap:IncreaseDecreaseInOtherReceivables " + y11, "-3440000"},
		{"us-gaap:IncreaseDecreaseInInventories " + y12, "40623000"},
		{"infn:IncreaseDecreaseInDeferredInventoryCosts " + y12, "-5741000"},
		{"us-gaap:IncreaseDecreaseInAccountsPayable " + y12, "15410000"},
		{"us-gaap:IncreaseDecreaseInDeferredRevenue " + y11, "-401000"},
		{"us-gaap:NetCashProvidedByUsedInOperatingActivities " + y12, "-49466000"},
		{"us-gaap:PaymentsToAcquirePropertyPlantAndEquipment " + y12, "25395000"},
		{"us-gaap:PaymentsToAcquireAvailableForSaleSecuritiesDebt " + y11, "273334000"},
		{"us-gaap:ProceedsFromMaturitiesPrepaymentsAndCallsOfAvailableForSaleSecurities " + y12, "117605000"},
		{"us-gaap:NetCashProvidedByUsedInInvestingActivities " + y11, "-25168000"},
		{"us-gaap:PaymentsForRepurchaseOfCommonStock " + y12, "882000"},
		{"us-gaap:NetCashProvidedByUsedInFinancingActivities " + y12, "10698000"},
		{"us-gaap:CashCashEquivalentsRestrictedCashAndRestrictedCashEquivalentsPeriodIncreaseDecreaseIncludingExchangeRateEffect " + y11, "-19191000"},
		{"us-gaap:CashCashEquivalentsRestrictedCashAndRestrictedCashEquivalents " + i11, "94458000"},
		{"us-gaap:CashCashEquivalentsRestrictedCashAndRestrictedCashEquivalents " + i12, "104666000"},
		{"us-gaap:CashCashEquivalentsRestrictedCashAndRestrictedCashEquivalents 2011-01-01", "113649000"},
		{"us-gaap:IncomeTaxesPaidNet " + y11, "1487000"},
		// printed inside row labels
		{"us-gaap:AllowanceForDoubtfulAccountsReceivableCurrent " + i12, "94000"},
		{"us-gaap:AllowanceForDoubtfulAccountsReceivableCurrent " + i11, "0"},
		{"us-gaap:PreferredStockSharesAuthorized " + i12, "25000000"},
		{"us-gaap:PreferredStockSharesAuthorized " + i11, "25000000"},
		{"us-gaap:CommonStockSharesIssued " + i12, "112461000"},
		{"us-gaap:CommonStockSharesOutstanding " + i11, "106976000"},
	}
	for _, tt := range tests {
		f := facts[tt.key]
		if f == nil {
			t.Errorf("no fact %s", tt.key)
			continue
		}
		if got := f.Value.String(); got != tt.value || f.Decimals != -3 {
			t.Errorf("%s = %s (decimals %d), want %s (decimals -3)", tt.key, got, f.Decimals, tt.value)
		}
	}
	// line 355: "shares - 25,000 and no shares issued and", the "no" at
	// column 26
	if none := facts["us-gaap:PreferredStockSharesIssued "+i11]; none == nil || !none.Value.IsZero() || none.Source.String() != "infinera-q4-2012.txt:355:26" {
		t.Errorf("preferred shares issued (\"no shares issued\") = %v, want 0 at infinera-q4-2012.txt:355:26", none)
	}
	if par := facts["us-gaap:CommonStockParOrStatedValuePerShare "+i12]; par == nil || par.Value.String() != "0.001" || par.Decimals != 3 || par.Source.String() != "infinera-q4-2012.txt:357:20" {
		t.Errorf("common stock par value = %v, want 0.001 (decimals 3) at infinera-q4-2012.txt:357:20", par)
	}
	if nl := facts["us-gaap:NetIncomeLoss "+y12]; nl == nil || nl.Source.Line != 115 || !containsLine(nl.Also, 383) {
		t.Errorf("the net loss for 2012 should be one fact, printed at line 115 and again at line 383 (cash flows)")
	}
}

// TestReconciliation checks the GAAP to non-GAAP reconciliation: its GAAP
// rows are the GAAP facts (the same facts as in the statement of
// operations, or new ones for the quarter only it shows), its non-GAAP
// figures are extension concepts, and no non-GAAP figure shares a GAAP
// concept and period.
func TestReconciliation(t *testing.T) {
	res := convertFile(t, sample, Options{})
	facts := map[string]*xbrl.Fact{}
	for _, f := range res.Report.Facts {
		facts[f.Concept.QName()+" "+f.Period.String()] = f
	}
	const q4, q3, y12 = "2012-09-30..2012-12-29", "2012-07-01..2012-09-29", "2012-01-01..2012-12-29"
	tests := []struct{ key, value string }{
		{"us-gaap:GrossProfit " + q3, "41500000"},
		{"us-gaap:OperatingIncomeLoss " + q3, "-18205000"},
		{"us-gaap:NetIncomeLoss " + q3, "-19081000"},
		{"us-gaap:EarningsPerShareBasic " + q3, "-0.17"},
		{"us-gaap:WeightedAverageNumberOfSharesOutstandingBasic " + q3, "111579000"},
		{"infn:NonGaapGrossProfit " + q4, "45952000"},
		{"infn:GrossProfitNonGaapAdjustmentStockBasedCompensation " + q4, "2684000"},
		{"infn:GrossMarginPercentage " + q4, "0.34"},
		{"infn:NonGaapGrossMarginPercentage " + y12, "0.38"},
		{"infn:NonGaapOperatingIncomeLoss " + y12, "-41182000"},
		{"infn:NonGaapNetIncomeLoss " + q4, "-5953000"},
		{"infn:NonGaapEarningsPerShareBasic " + y12, "-0.39"},
		{"infn:NonGaapEarningsPerShareDiluted " + y12, "-0.38"},
		{"infn:NonGaapWeightedAverageNumberOfDilutedSharesOutstanding " + q4, "114115000"},
	}
	for _, tt := range tests {
		f := facts[tt.key]
		if f == nil {
			t.Errorf("no fact %s", tt.key)
			continue
		}
		if got := f.Value.String(); got != tt.value {
			t.Errorf("%s = %s, want %s", tt.key, got, tt.value)
		}
	}
	if nl := facts["us-gaap:NetIncomeLoss "+q4]; nl == nil || !containsLine(nl.Also, 206) {
		t.Errorf("the reconciliation's GAAP net loss (line 206) should be the same fact as the statement of operations'")
	}
	for _, f := range res.Report.Facts {
		if f.Concept.Prefix != "infn" && f.Source.Line >= 164 && f.Source.Line < 256 && strings.Contains(f.Label, "Non-GAAP") {
			t.Errorf("non-GAAP figure at %s reported with GAAP concept %s", f.Source, f.Concept.QName())
		}
	}
}

// TestStockBasedCompensation checks the stock-based compensation table:
// one concept, AllocatedShareBasedCompensationExpense, on a member of
// IncomeStatementLocationAxis per income statement line, the total without
// dimensions, and the same figures of the table printed twice as one fact.
func TestStockBasedCompensation(t *testing.T) {
	res := convertFile(t, sample, Options{})
	got := map[string]*xbrl.Fact{}
	for _, f := range res.Report.Facts {
		if f.Concept.Name != "AllocatedShareBasedCompensationExpense" {
			continue
		}
		member := ""
		for _, d := range f.Dims {
			if d.Axis.QName() != "us-gaap:IncomeStatementLocationAxis" {
				t.Errorf("%s is on axis %s", f.ID, d.Axis.QName())
			}
			member = d.Member.QName()
		}
		got[member+" "+f.Period.String()] = f
	}
	const q4, q3, y11 = "2012-09-30..2012-12-29", "2012-07-01..2012-09-29", "2011-01-02..2011-12-31"
	tests := []struct{ key, value string }{
		{"us-gaap:CostOfSalesMember " + q4, "735000"},
		{"us-gaap:ResearchAndDevelopmentExpenseMember " + q3, "3439000"},
		{"us-gaap:SellingAndMarketingExpenseMember " + y11, "8818000"},
		{"us-gaap:GeneralAndAdministrativeExpenseMember " + q4, "1797000"},
		{"infn:CostOfRevenueAmortizationFromBalanceSheetMember " + q4, "1949000"},
		{"infn:SubtotalMember " + q4, "8186000"},
		{" " + q4, "10135000"},
		{" " + y11, "50157000"},
	}
	for _, tt := range tests {
		f := got[tt.key]
		if f == nil {
			t.Errorf("no fact for %s", tt.key)
			continue
		}
		if f.Value.String() != tt.value {
			t.Errorf("%s = %s, want %s", tt.key, f.Value, tt.value)
		}
	}
	if f := got["us-gaap:CostOfSalesMember "+q4]; f != nil && (f.Source.Line != 139 || !containsLine(f.Also, 270)) {
		t.Errorf("cost of revenue stock-based compensation should be printed at line 139 and again at line 270: %v %v", f.Source, f.Also)
	}
}

// TestNothingLost checks, for the sample and every release, that every
// figure read from a table is a fact (at its own position or as another
// printing of the same fact) or is listed as not mapped, with a reason.
func TestNothingLost(t *testing.T) {
	files, _ := filepath.Glob("testdata/releases/*.txt")
	files = append(files, sample, "testdata/warnings/bad-table.txt")
	for _, file := range files {
		if strings.HasSuffix(file, "expected.txt") {
			continue
		}
		res := convertFile(t, file, Options{})
		accounted := map[source.Pos]bool{}
		for _, f := range res.Report.Facts {
			accounted[f.Source] = true
			for _, p := range f.Also {
				accounted[p] = true
			}
		}
		for _, u := range res.Report.Unmapped {
			if u.Reason == "" {
				t.Errorf("%s: %s not mapped without a reason", file, u.Pos)
			}
			accounted[u.Pos] = true
		}
		tables, _ := extract.Tables(res.Document)
		for _, tb := range tables {
			for _, c := range tb.Unaligned {
				if !accounted[c.Pos] {
					t.Errorf("%s: the unaligned figure %q at %s is not reported", file, c.Text, c.Pos)
				}
			}
			for _, r := range tb.Rows {
				for _, c := range r.Cells {
					if !c.Empty() && !accounted[c.Pos] {
						t.Errorf("%s: the figure %q at %s (%q) is neither a fact nor reported as not mapped", file, c.Text, c.Pos, r.Label)
					}
				}
			}
		}
	}
}

// TestSupplemental checks the quarterly supplemental table: quarter labels
// become fiscal quarters of 13 weeks ending at the fiscal year end, "$ Mil"
// rows are in millions with one decimal, balances are at quarter ends,
// footnoted rows are non-GAAP, and counts and ratios are pure numbers.
func TestSupplemental(t *testing.T) {
	res := convertFile(t, sample, Options{})
	facts := map[string]*xbrl.Fact{}
	for _, f := range res.Report.Facts {
		facts[f.Concept.QName()+" "+f.Period.String()] = f
	}
	tests := []struct {
		key, value string
		decimals   int
	}{
		{"us-gaap:Revenues 2012-01-01..2012-03-31", "104700000", -5}, // Q1'12
		{"us-gaap:Revenues 2011-01-02..2011-04-02", "92900000", -5},  // Q1'11
		{"us-gaap:Revenues 2012-09-30..2012-12-29", "128064000", -3}, // Q4'12: the statement's more precise figure
		{"us-gaap:NetCashProvidedByUsedInOperatingActivities 2012-07-01..2012-09-29", "-29300000", -5},
		{"us-gaap:PaymentsToAcquirePropertyPlantAndEquipment 2011-10-02..2011-12-31", "16100000", -5},
		{"us-gaap:InventoryRawMaterials 2012-06-30", "14800000", -5},
		{"us-gaap:InventoryNet 2012-09-29", "118500000", -5},
		{"infn:NonGaapGrossMarginPercentage 2011-01-02..2011-04-02", "0.48", 2},
		{"infn:NonGaapInventoryTurns 2012-09-30..2012-12-29", "2.6", 1},
		{"infn:DSOs 2012-09-30..2012-12-29", "76", 0},
		{"infn:WorldwideHeadcount 2012-09-30..2012-12-29", "1242", 0},
	}
	for _, tt := range tests {
		f := facts[tt.key]
		if f == nil {
			t.Errorf("no fact %s", tt.key)
			continue
		}
		if f.Value.String() != tt.value || f.Decimals != tt.decimals {
			t.Errorf("%s = %s (decimals %d), want %s (decimals %d)", tt.key, f.Value, f.Decimals, tt.value, tt.decimals)
		}
	}
}

// TestValidateOwnOutput writes the sample's outputs and validates them as
// `xport validate --calc xbrl21` does: no errors, every fact read back,
// and every fact traced to where its figure is printed in the source.
func TestValidateOwnOutput(t *testing.T) {
	res := convertFile(t, sample, Options{CIK: "1138639"})
	dir := t.TempDir()
	if err := res.Write(dir); err != nil {
		t.Fatal(err)
	}
	want := map[string]source.Pos{}
	for _, f := range res.Report.Facts {
		want[f.ID] = f.Source
	}
	for _, name := range []string{"infinera-q4-2012.xbrl", "infinera-q4-2012.json"} {
		doc, ds, err := validate.File(filepath.Join(dir, name), validate.Options{Calc: validate.CalcXBRL21, Cross: true}, 0)
		if err != nil {
			t.Fatal(err)
		}
		if ds.HasErrors() || ds.Count(source.Warning) > 0 {
			t.Errorf("%s: %v", name, ds)
		}
		if len(doc.Report.Facts) != len(want) {
			t.Errorf("%s: %d facts read back, want %d", name, len(doc.Report.Facts), len(want))
		}
		for _, f := range doc.Report.Facts {
			if f.Origin != want[f.ID] {
				t.Errorf("%s: fact %s traced to %v, want %v", name, f.ID, f.Origin, want[f.ID])
			}
		}
	}
}
