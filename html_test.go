package xport

import (
	"strings"
	"testing"

	"github.com/xport/xport/source"
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

// TestHTMLExhibit converts an HTML release written for the constructs of
// EDGAR's exhibits ("$" and figures in cells of their own, colspan
// headings, a footnote mark in a raised <font>, &nbsp; inside cells, a
// balance sheet with a "Liabilities" section and noncontrolling
// interests, a segment's page): each key fact, typed from the file, at
// the line and column where its figure's text starts; and no fact from
// the segment's page for the whole company.
func TestHTMLExhibit(t *testing.T) {
	res := convertFile(t, "testdata/html/acme-q1-2024.htm", Options{CIK: "1"})
	if !res.Valid() {
		t.Fatalf("invalid: %v", res.Diagnostics)
	}
	for _, want := range []string{
		"us-gaap:Revenues 2024-01-01..2024-03-31 1250000000 acme-q1-2024.htm:9:42", // "$" then "1,250"
		"us-gaap:Revenues 2023-01-01..2023-03-31 1100000000 acme-q1-2024.htm:9:66",
		"us-gaap:NetIncomeLoss 2024-01-01..2024-03-31 300000000 acme-q1-2024.htm:12:87",     // "Profit" with its raised "1"
		"us-gaap:EarningsPerShareDiluted 2024-01-01..2024-03-31 1.5 acme-q1-2024.htm:13:57", // "Profit per common share – diluted"
		"us-gaap:CashAndCashEquivalentsAtCarryingValue 2024-03-31 500000000 acme-q1-2024.htm:20:43",
		"us-gaap:Assets 2023-12-31 1100000000 acme-q1-2024.htm:22:51",
		"us-gaap:Liabilities 2024-03-31 600000000 acme-q1-2024.htm:25:35", // under "Liabilities", no segment
		"us-gaap:StockholdersEquityIncludingPortionAttributableToNoncontrollingInterest 2024-03-31 600000000 acme-q1-2024.htm:30:44",
		"us-gaap:LiabilitiesAndStockholdersEquity 2024-03-31 1200000000 acme-q1-2024.htm:31:60",
	} {
		found := false
		for _, f := range res.Report.Facts {
			if len(f.Dims) == 0 && f.Concept.QName()+" "+f.Period.String()+" "+f.ValueString()+" "+f.Source.String() == want {
				found = true
			}
		}
		if !found {
			t.Errorf("no fact %s", want)
		}
	}
	for _, f := range res.Report.Facts {
		if f.ValueString() == "2023000000" || len(f.Dims) == 0 && f.Source.Line >= 37 { // the segment's table, lines 37-38
			t.Errorf("a fact of the segment's page, or a year, for the whole company: %s %s = %s at %s", f.Concept.QName(), f.Period, f.ValueString(), f.Source)
		}
	}
}

// TestInlineFacts: a filing's Inline XBRL facts join the report and hold
// the figures read from its tables to them. Of the six numeric facts of
// testdata/html/acme-ixbrl-q1-2024.htm, the revenues (line 16, scale 6)
// and the net loss (line 17, "(30)" with sign="-") agree with the
// tables; the prior year's net income (line 17, scale 3: 25 thousand
// against the table's 25 million) disagrees, a warning, and the filing's
// fact is kept; the research costs of 2024 (line 18, a dash, fixed-zero)
// only the Inline XBRL gives, and they are added; those of 2023 use a
// format xport does not read.
func TestInlineFacts(t *testing.T) {
	res := convertFile(t, "testdata/html/acme-ixbrl-q1-2024.htm", Options{CIK: "1"})
	var info, warn []string
	for _, d := range res.Diagnostics {
		switch d.Code {
		case "convert.inline":
			info = append(info, d.Message)
		case "convert.inlineDisagrees":
			warn = append(warn, d.Message)
		}
	}
	if len(info) != 1 || !strings.Contains(info[0], "6 Inline XBRL facts: 3 agree with the figures read from its tables, 1 disagree, 1 only it gives (added), 1 have dimensions") {
		t.Errorf("info %q", info)
	}
	if len(warn) != 1 || !strings.Contains(warn[0], "us-gaap:NetIncomeLoss for 2023-01-01..2023-03-31 is 25000000 here, but the filing's Inline XBRL says 25000") {
		t.Errorf("warnings %q", warn)
	}
	got := map[string]string{}
	for _, f := range res.Report.Facts {
		got[f.Concept.QName()+" "+f.Period.String()] = f.ValueString() + " " + f.Source.String()
	}
	for k, want := range map[string]string{
		"us-gaap:NetIncomeLoss 2023-01-01..2023-03-31":                 "25000 acme-ixbrl-q1-2024.htm:17:332",
		"us-gaap:ResearchAndDevelopmentExpense 2024-01-01..2024-03-31": "0 acme-ixbrl-q1-2024.htm:18:181",        // the dash, fixed-zero
		"us-gaap:NetIncomeLoss 2024-01-01..2024-03-31":                 "-30000000 acme-ixbrl-q1-2024.htm:17:35", // the table's "(30)", which agrees
	} {
		if got[k] != want {
			t.Errorf("%s = %q, want %q", k, got[k], want)
		}
	}
}

// TestPlaces: positions of a rendering go back to the file: a text part
// line by line (a lone carriage return ends a line, as the reader has
// it), an HTML part by the offset of each character.
func TestPlaces(t *testing.T) {
	text, pl := render("f.txt", []part{{[]byte("one\rtwo\nthree\n"), 1}, {[]byte("<p>x</p>\n<p>yz</p>"), 10}})
	if string(text) != "one\ntwo\nthree\nx\nyz\n" {
		t.Fatalf("rendered %q", text)
	}
	for _, tt := range []struct {
		line, col int
		want      string
	}{
		{3, 2, "f.txt:3:2"}, {4, 1, "f.txt:10:4"}, {5, 2, "f.txt:11:5"},
	} {
		if got := pl.pos(source.Pos{File: "f.txt", Line: tt.line, Col: tt.col}).String(); got != tt.want {
			t.Errorf("line %d col %d: %s, want %s", tt.line, tt.col, got, tt.want)
		}
	}
}

// TestHTMLRelease2006 converts an exhibit in the HTML of 2006 (upper-case
// tags, <FONT> in every cell, "$" and ")" in cells of their own under
// headings spanning three cells per year, &#151; in a label): every
// figure of its statement, typed from the file, where its text starts
// (the "$" for a figure printed with one).
func TestHTMLRelease2006(t *testing.T) {
	res := convertFile(t, "testdata/html/zenith-q3-2006.htm", Options{CIK: "1"})
	if !res.Valid() {
		t.Fatalf("invalid: %v", res.Diagnostics)
	}
	want := map[string]string{
		"us-gaap:Revenues 2006-07-01..2006-09-30":                      "48215000 zenith-q3-2006.htm:12:111",
		"us-gaap:Revenues 2005-01-01..2005-09-30":                      "118420000 zenith-q3-2006.htm:12:490",
		"us-gaap:CostOfRevenue 2006-07-01..2006-09-30":                 "21640000 zenith-q3-2006.htm:13:131",
		"us-gaap:GrossProfit 2006-01-01..2006-09-30":                   "76759000 zenith-q3-2006.htm:14:319",
		"us-gaap:ResearchAndDevelopmentExpense 2005-07-01..2005-09-30": "8914000 zenith-q3-2006.htm:15:234",
		"us-gaap:NetIncomeLoss 2005-07-01..2005-09-30":                 "-1207000 zenith-q3-2006.htm:16:241",
		"us-gaap:NetIncomeLoss 2005-01-01..2005-09-30":                 "-3388000 zenith-q3-2006.htm:16:510",
		"us-gaap:EarningsPerShareBasic 2005-01-01..2005-09-30":         "-0.12 zenith-q3-2006.htm:17:529",
	}
	got := map[string]string{}
	numeric := 0
	for _, f := range res.Report.Facts {
		got[f.Concept.QName()+" "+f.Period.String()] = f.ValueString() + " " + f.Source.String()
		if f.Numeric() {
			numeric++
		}
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s = %q, want %q", k, got[k], w)
		}
	}
	if numeric != 24 {
		t.Errorf("%d figures became facts, want the statement's 24", numeric)
	}
}

// TestHTMLReviewView: NAME.html of an HTML exhibit shows the text its
// tables render as, not its markup, with every fact read from a place in
// the file highlighted where the rendering prints it, and the panel
// naming the place in the file.
func TestHTMLReviewView(t *testing.T) {
	res := convertFile(t, "testdata/html/acme-q1-2024.htm", Options{CIK: "1", Formats: []string{FormatIXBRL}})
	if !res.Valid() {
		t.Fatalf("invalid: %v", res.Diagnostics)
	}
	page := string(file(t, res, "acme-q1-2024.html"))
	body := page[strings.Index(page, "<pre>"):]
	if strings.Contains(body, "&lt;td") || strings.Contains(body, "&lt;tr") {
		t.Errorf("the page shows the exhibit's markup")
	}
	placed := 0
	for _, f := range res.Report.Facts {
		if f.Source.IsValid() {
			placed++
		}
	}
	if n := strings.Count(body, `class="xport-fact"`) + strings.Count(body, `class="xport-fact xport-hidden"`); n != placed || placed == 0 {
		t.Errorf("%d facts marked in the rendering, want each of the %d read from a place", n, placed)
	}
	// line 9 of the file, column 42: "1,250", the first quarter's sales
	// and revenues, in millions
	want := `read from acme-q1-2024.htm:9:42"><ix:nonFraction id="us-gaap_Revenues_D20240101_20240331" name="us-gaap:Revenues" contextRef="D20240101_20240331" unitRef="USD" decimals="-6" format="ixt:num-dot-decimal" scale="6">1,250</ix:nonFraction>`
	if !strings.Contains(body, want) {
		t.Errorf("the revenue is not tagged where the rendering prints it: no %s", want)
	}
}

// TestHTMLPreformatted converts an HTML exhibit of the early 2000s that
// wraps a text release in <PRE> (testdata/html/corvid-q2-2002.htm): its
// columns are read as in a text filing, each figure at its line and
// column in the file, typed from it.
func TestHTMLPreformatted(t *testing.T) {
	res := convertFile(t, "testdata/html/corvid-q2-2002.htm", Options{CIK: "1"})
	if !res.Valid() {
		t.Fatalf("invalid: %v", res.Diagnostics)
	}
	have := map[string]bool{}
	for _, f := range res.Report.Facts {
		if len(f.Dims) == 0 {
			have[f.Concept.QName()+" "+f.Period.String()+" "+f.ValueString()+" "+f.Source.String()] = true
		}
	}
	for _, want := range []string{
		"us-gaap:Revenues 2002-04-01..2002-06-30 61398000 corvid-q2-2002.htm:29:41", // "Total revenues  61,398", in thousands
		"us-gaap:Revenues 2002-01-01..2002-06-30 117434000 corvid-q2-2002.htm:29:64",
		"us-gaap:Revenues 2001-01-01..2001-06-30 110553000 corvid-q2-2002.htm:29:75",
		"us-gaap:CostOfRevenue 2002-04-01..2002-06-30 33207000 corvid-q2-2002.htm:30:41",
		"us-gaap:GrossProfit 2001-04-01..2001-06-30 24733000 corvid-q2-2002.htm:32:52",
		"us-gaap:OperatingExpenses 2002-04-01..2002-06-30 22290000 corvid-q2-2002.htm:39:41",
		"us-gaap:OperatingIncomeLoss 2002-01-01..2002-06-30 8987000 corvid-q2-2002.htm:41:66",
		"us-gaap:NetIncomeLoss 2002-04-01..2002-06-30 4104000 corvid-q2-2002.htm:47:40", // "$ 4,104"
		"us-gaap:EarningsPerShareDiluted 2002-04-01..2002-06-30 0.16 corvid-q2-2002.htm:51:40",
		"us-gaap:WeightedAverageNumberOfDilutedSharesOutstanding 2002-04-01..2002-06-30 25640000 corvid-q2-2002.htm:55:41",
	} {
		if !have[want] {
			t.Errorf("no fact %s", want)
		}
	}
	if n := res.Diagnostics.Count(source.Warning); n != 0 {
		t.Errorf("%d warnings: %v", n, res.Diagnostics)
	}
}
