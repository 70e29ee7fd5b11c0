package mapping

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xport/xport/calc"
	"github.com/xport/xport/extract"
	"github.com/xport/xport/source"
	"github.com/xport/xport/xbrl"
)

func mapText(t *testing.T, text string, opts Options) (*xbrl.Report, source.Diagnostics) {
	t.Helper()
	doc, err := source.Parse("in.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	tables, _ := extract.Tables(doc)
	rep, diags, err := Map(doc, tables, opts)
	if err != nil {
		t.Fatal(err)
	}
	return rep, diags
}

func factsByKey(rep *xbrl.Report) map[string]*xbrl.Fact {
	out := map[string]*xbrl.Fact{}
	for _, f := range rep.Facts {
		out[f.Concept.QName()+" "+f.Period.String()] = f
	}
	return out
}

func date(s string) time.Time {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return d
}

func TestMonthsBefore(t *testing.T) {
	tests := []struct {
		end  string
		n    int
		want string
	}{
		{"2012-12-29", 3, "2012-09-29"},
		{"2011-12-31", 3, "2011-09-30"},
		{"2011-12-31", 12, "2010-12-31"},
		{"2012-05-31", 3, "2012-02-29"},
		{"2013-03-30", 1, "2013-02-28"},
		{"2014-06-28", 6, "2013-12-28"},
	}
	for _, tt := range tests {
		if got := monthsBefore(date(tt.end), tt.n).Format(time.DateOnly); got != tt.want {
			t.Errorf("monthsBefore(%s, %d) = %s, want %s", tt.end, tt.n, got, tt.want)
		}
	}
}

func TestPeriods(t *testing.T) {
	pf := &periodFinder{ends: []periodEnd{{date: date("2012-09-29")}, {date: date("2011-12-31")}}}
	tests := []struct {
		header   string
		instant  bool
		title    string
		want     string
		inferred bool
	}{
		{"Three Months Ended December 29, 2012", false, "", "2012-09-30..2012-12-29", false},
		{"Twelve Months Ended December 29, 2012", false, "", "2012-01-01..2012-12-29", false},
		{"Three Months Ended December 31, 2011", false, "", "2011-10-01..2011-12-31", true},
		{"13 Weeks Ended March 30, 2013", false, "", "2012-12-30..2013-03-30", false},
		{"December 29, 2012", true, "", "2012-12-29", false},
		{"December 31, 2020", false, "For the Years Ended December 31,", "2020-01-01..2020-12-31", true},
	}
	for _, tt := range tests {
		cp := pf.period(extract.ParseHeaderText(tt.header), tt.instant, tt.title)
		if !cp.ok || cp.period.String() != tt.want || strings.Contains(cp.note, "inferred") != tt.inferred {
			t.Errorf("period(%q) = %v %q ok=%v, want %s inferred=%v", tt.header, cp.period, cp.note, cp.ok, tt.want, tt.inferred)
		}
	}
	if cp := pf.period(extract.ParseHeaderText("Q1'11"), false, ""); cp.ok || cp.why == "" {
		t.Errorf("an undated column got a period: %+v", cp)
	}
	// A year that ends late in January is named for its first year by
	// some companies and its last by others: "FY24" is not dated from it.
	jan := &periodFinder{fiscalYears: map[int]periodEnd{2022: {date: date("2023-01-31")}}}
	if cp := jan.period(extract.ParseHeaderText("Fiscal 2024 FY24"), false, ""); cp.ok {
		t.Errorf("FY24 of a year ending January 31 got the period %v (%s)", cp.period, cp.note)
	}
	// One that ends in the first days of January covers the year before.
	dec := &periodFinder{fiscalYears: map[int]periodEnd{2022: {date: date("2023-01-01")}}}
	if cp := dec.period(extract.ParseHeaderText("Fiscal 2023"), false, ""); !cp.ok || cp.period.End.Format(time.DateOnly) != "2023-12-31" {
		t.Errorf("fiscal 2023 of a year ending January 1: %v ok=%v %s", cp.period, cp.ok, cp.why)
	}
}

const millions = `Example Corp (NYSE: EXM) today reported results.

Example Corp
Consolidated Statements of Income
($ and shares in millions, except per share amounts)

                                      Year Ended December 31,
                                     ------------------------
                                        2020          2019
                                     ----------    ----------
Net sales                            $   1,250.5   $   1,100.0
Cost of sales                              750.5         700.0
                                     ----------    ----------
Gross margin                               500.0         400.0
Selling, general and administrative        200.0         180.0
Impairment of goodwill                      50.0            --
                                     ----------    ----------
Operating income                           250.0         220.0
                                     ==========    ==========
Net income                           $     200.0   $     150.0
Earnings per share:
  Basic                              $      2.00   $      1.50
  Diluted                                   1.98          1.49
Weighted average shares outstanding:
  Basic                                    100.0         100.0
  Diluted                                  101.0         100.7
`

// TestMillions maps a statement in millions with shares in millions,
// per-share rows under a heading, a dash, and an unknown row that becomes
// an extension concept; the operating income total is checked.
func TestMillions(t *testing.T) {
	rep, diags := mapText(t, millions, Options{CIK: "42"})
	facts := factsByKey(rep)
	y20 := "2020-01-01..2020-12-31"
	tests := []struct {
		key, value string
		decimals   int
	}{
		{"us-gaap:Revenues " + y20, "1250500000", -5},
		{"us-gaap:CostOfRevenue " + y20, "750500000", -5},
		{"us-gaap:GrossProfit " + y20, "500000000", -5},
		{"exm:ImpairmentOfGoodwill 2019-01-01..2019-12-31", "0", -5},
		{"us-gaap:OperatingIncomeLoss " + y20, "250000000", -5},
		{"us-gaap:EarningsPerShareBasic " + y20, "2", 2},
		{"us-gaap:EarningsPerShareDiluted " + y20, "1.98", 2},
		{"us-gaap:WeightedAverageNumberOfSharesOutstandingBasic " + y20, "100000000", -5},
		{"us-gaap:WeightedAverageNumberOfDilutedSharesOutstanding 2019-01-01..2019-12-31", "100700000", -5},
	}
	for _, tt := range tests {
		f := facts[tt.key]
		if f == nil {
			t.Errorf("no fact %s", tt.key)
			continue
		}
		if f.Value.String() != tt.value || f.Decimals != tt.decimals {
			t.Errorf("%s = %s decimals %d, want %s decimals %d", tt.key, f.Value, f.Decimals, tt.value, tt.decimals)
		}
	}
	if rep.Entity.ID != "0000000042" || rep.Entity.Scheme != xbrl.SECScheme {
		t.Errorf("entity = %+v", rep.Entity)
	}
	if imp := facts["exm:ImpairmentOfGoodwill "+y20]; imp == nil || imp.Concept.Balance != xbrl.Debit {
		t.Errorf("the impairment extension concept should be a debit, as the operating income total implies")
	}
	if len(diags) != 0 {
		t.Errorf("unexpected diagnostics: %v", diags)
	}
	var calc []string
	for _, n := range rep.Networks {
		for _, a := range n.Calculation {
			calc = append(calc, a.From.Name+"="+a.To.Name+":"+string(rune('0'+a.Weight+1)))
		}
	}
	want := "GrossProfit=Revenues:2 GrossProfit=CostOfRevenue:0 OperatingIncomeLoss=GrossProfit:2 OperatingIncomeLoss=SellingGeneralAndAdministrativeExpense:0 OperatingIncomeLoss=ImpairmentOfGoodwill:0"
	if got := strings.Join(calc, " "); got != want {
		t.Errorf("calculations:\n got %s\nwant %s", got, want)
	}
}

const narrative = `Example Corp (NYSE: EXM) reported revenues for the year were $1.3 billion compared to $1.1 billion in 2019. Net income for the year was $210.0 million, or $2.10 per share.

Example Corp
Consolidated Statements of Income
($ and shares in millions, except per share amounts)

                                      Year Ended December 31,
                                     ------------------------
                                        2020          2019
                                     ----------    ----------
Net sales                            $   1,250.5   $   1,100.0
Net income                                 200.0         150.0
Net income per share, basic and diluted     2.00          1.50
`

// TestNarrative cross-checks narrative figures: agreement within the
// narrative's rounding is recorded, disagreement is a warning naming both
// positions.
func TestNarrative(t *testing.T) {
	rep, diags := mapText(t, narrative, Options{CIK: "42"})
	agreed := 0
	for _, n := range rep.Provenance.Notes {
		if strings.HasPrefix(n.Text, "the narrative") {
			agreed++
		}
	}
	if agreed != 2 { // $1.3 billion and $1.1 billion
		t.Errorf("%d narrative figures agree, want 2: %v", agreed, rep.Provenance.Notes)
	}
	var got []string
	for _, d := range diags {
		if d.Code == "map.narrativeMismatch" {
			got = append(got, d.Pos.String()+" "+d.Message)
		}
	}
	want := []string{
		`in.txt:1:137 the narrative says "$210.0 million" but us-gaap:NetIncomeLoss for 2020-01-01..2020-12-31 is 200000000 at in.txt:12:44`,
		`in.txt:1:156 the narrative says "$2.10 per share" but us-gaap:EarningsPerShareBasicAndDiluted for 2020-01-01..2020-12-31 is 2 at in.txt:13:45`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("mismatches:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// twoTables is a statement printed twice: the quarter's table has no
// impairment row, the year's has one.
const twoTables = `Example Corp
Consolidated Statements of Operations
(In thousands)
                                      Three Months Ended December 31,
                                        2020          2019
Gross profit                         $   500       $   400
Research and development                 200           180
Operating income                         300           220

Example Corp
Consolidated Statements of Operations
(In thousands)
                                      Year Ended December 31,
                                        2020          2019
Gross profit                         $ 1,900       $ 1,500
Research and development                 800           700
Impairment of goodwill                    50            --
Operating income                       1,050           800
`

// TestJoinedCalculations: a calculation network applies to every fact,
// so the quarter's summation of operating income takes the impairment
// the year's table adds (the quarter has no impairment fact, which is no
// inconsistency); without it the year would be checked without its
// impairment and fail.
func TestJoinedCalculations(t *testing.T) {
	rep, diags := mapText(t, twoTables, Options{CIK: "42"})
	if diags.HasErrors() {
		t.Fatalf("errors: %v", diags)
	}
	for _, n := range rep.Networks {
		var items []string
		for _, a := range n.Calculation {
			if a.From.Name == "OperatingIncomeLoss" {
				items = append(items, a.To.QName())
			}
		}
		if len(items) > 0 && !slices.ContainsFunc(items, func(s string) bool { return strings.Contains(s, "Impairment") }) {
			t.Errorf("%s sums operating income with %v, without the impairment", n.RoleID, items)
		}
	}
	if incs := calc.Inconsistencies(rep, calc.XBRL21); len(incs) > 0 {
		t.Errorf("%d calculation inconsistencies: %+v", len(incs), incs[0])
	}
}
