package extract

import (
	"strings"
	"testing"
	"time"

	"github.com/xport/xport/source"
)

func TestParseHeader(t *testing.T) {
	tests := []struct {
		text          string
		end           string // "" for no date
		months, weeks int
	}{
		{"Three Months Ended December 29, 2012", "2012-12-29", 3, 0},
		{"Apr 1, 2023", "2023-04-01", 0, 0},
		{"12 Weeks Ended 6/17/2023", "2023-06-17", 0, 12},
		{"Fiscal 2023", "", 12, 0},
		{"FY23", "", 12, 0},
		{"Q2 Fiscal 2023", "", 0, 0}, // a quarter of the year, not the year
		{"Six Months Fiscal 2023", "", 6, 0},
		{"Percent to Sales", "", 0, 0},
		{"Twelve Months Ended December 31, 2011", "2011-12-31", 12, 0},
		{"December 29, 2012", "2012-12-29", 0, 0},
		{"Year Ended December 31, 2020", "2020-12-31", 12, 0},
		{"Fiscal Year Ended June 30, 2019", "2019-06-30", 12, 0},
		{"Quarter Ended March 31, 2008", "2008-03-31", 3, 0},
		{"13 Weeks Ended September 28, 2013", "2013-09-28", 0, 13},
		{"Fifty-Two Weeks Ended January 30, 2010", "2010-01-30", 0, 52},
		{"Six-Month Period Ended Jun. 30, 2015", "2015-06-30", 6, 0},
		{"Nine Months Ended Sept 30 2014", "2014-09-30", 9, 0},
		{"Q1'11", "", 3, 0},
		{"2012", "", 0, 0},
		{"February 30, 2012", "", 0, 0},
	}
	for _, tt := range tests {
		h := ParseHeaderText(tt.text)
		end := ""
		if !h.End.IsZero() {
			end = h.End.Format(time.DateOnly)
		}
		if end != tt.end || h.Months != tt.months || h.Weeks != tt.weeks {
			t.Errorf("ParseHeaderText(%q) = end %q months %d weeks %d, want %q %d %d", tt.text, end, h.Months, h.Weeks, tt.end, tt.months, tt.weeks)
		}
	}
}

func TestIsHeaderLine(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"                         Three Months Ended          Twelve Months Ended", true},
		{"                     December 29,  December 31,  December 29,  December 31,", true},
		{"                         2012          2011          2012          2011", true},
		{"                Q1'11   Q2'11   Q3'11  Q4'11   Q1'12", true},
		{"    ended December 29, 2012 and December 31, 2011:", false},
		{"  Product            $    109,051  $     93,025", false},
		{"                          29,        29,        31,", false},
		{"---------------------------------", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := isHeaderLine(tt.line); got != tt.want {
			t.Errorf("isHeaderLine(%q) = %v, want %v", tt.line, got, tt.want)
		}
	}
}

func TestFindScale(t *testing.T) {
	tests := []struct {
		title  string
		power  int
		except string
		shares bool
	}{
		{"(In thousands, except share amounts)", 3, "share amounts", false},
		{"(In thousands, except per share data)", 3, "per share data", false},
		{"(in millions, except per-share amounts)", 6, "per-share amounts", false},
		{"($ and shares in millions, except per share amounts)", 6, "per share amounts", true},
		{"(Dollars in billions)", 9, "", false},
		{"(Unaudited)", 0, "", false},
	}
	for _, tt := range tests {
		s := findScale([]Text{{Text: tt.title}})
		if s.Power != tt.power || s.Except != tt.except || s.Shares != tt.shares {
			t.Errorf("findScale(%q) = %d %q %v, want %d %q %v", tt.title, s.Power, s.Except, s.Shares, tt.power, tt.except, tt.shares)
		}
	}
}

// TestFindScaleLines reads the scale over several title lines, with share
// counts scaled apart: each case is its lines, the amounts' power, the
// shares' power (-1: not stated) and whether the lines conflict.
func TestFindScaleLines(t *testing.T) {
	tests := []struct {
		lines       []string
		power       int
		shares      int
		conflicting bool
	}{
		{[]string{"(Dollars in millions)", "(Shares in thousands)"}, 6, 3, false},
		{[]string{"(In millions, except number of shares, which are reflected in thousands, and per-share amounts)"}, 6, 3, false},
		{[]string{"Dollars and shares in millions, except per share data"}, 6, 6, false},
		{[]string{"(Shares in thousands)"}, 0, -1, false},
		{[]string{"(000's omitted)"}, 3, -1, false},
		{[]string{"REPORTED SALES ($MM)"}, 6, -1, false},
		{[]string{"(millions, except per share data)"}, 6, -1, false},
		{[]string{"(In thousands)", "(In millions)"}, 0, -1, true},
	}
	for _, tt := range tests {
		var title []Text
		for _, l := range tt.lines {
			title = append(title, Text{Text: l})
		}
		s := findScale(title)
		shares := -1
		if s.Shares {
			shares = s.SharesPower
		}
		if s.Power != tt.power || shares != tt.shares || (s.Conflict != "") != tt.conflicting {
			t.Errorf("findScale(%q) = power %d, shares %d, conflict %q; want %d, %d, %v", tt.lines, s.Power, shares, s.Conflict, tt.power, tt.shares, tt.conflicting)
		}
	}
}

// TestFigureTail: a footnote mark one space after a figure is no figure;
// two spaces apart, "(8)  (12)" are two figures of two columns.
func TestFigureTail(t *testing.T) {
	tests := []struct {
		line string
		want []string
	}{
		{"Revenue          1,234 (2)      1,100", []string{"1,234", "1,100"}},
		{"Revenue          1,234 (a)      1,100 *", []string{"1,234", "1,100"}},
		{"Net loss            (8)  (12)", []string{"(8)", "(12)"}},
		{"Cost of revenues (1)      634", []string{"634"}},
		{"Balance at December 31, 2022     1,234", []string{"1,234"}},
		{"Net revenues......... $ 12,345   $ 10,234", []string{"$ 12,345", "$ 10,234"}},
	}
	for _, tt := range tests {
		var got []string
		for _, w := range figureTail(tt.line) {
			got = append(got, w.Text)
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("figureTail(%q) = %q, want %q", tt.line, got, tt.want)
		}
	}
}

func TestFiscalQuarter(t *testing.T) {
	tests := []struct {
		text          string
		quarter, year int
	}{
		{"Q1'11", 1, 2011},
		{"Q4'12", 4, 2012},
		{"Q3 2012", 3, 2012},
		{"3Q12", 3, 2012},
		{"Third Quarter 2012", 3, 2012},
		{"Fourth Quarter of Fiscal 1998", 4, 1998},
		{"December 29, 2012", 0, 0},
	}
	for _, tt := range tests {
		h := ParseHeaderText(tt.text)
		if h.Quarter != tt.quarter || h.FiscalYear != tt.year {
			t.Errorf("ParseHeaderText(%q) = Q%d %d, want Q%d %d", tt.text, h.Quarter, h.FiscalYear, tt.quarter, tt.year)
		}
	}
}

// TestScaleLineAlone: a line that holds only a scale, "($000)", is a
// line of the title block, not a row of one figure, and scales the
// table.
func TestScaleLineAlone(t *testing.T) {
	for _, scale := range []string{"($000)", "$000", "($ 000's)", "(000's omitted)"} {
		text := strings.Join([]string{
			"                            WIDGET CORPORATION",
			"                  CONSOLIDATED STATEMENTS OF OPERATIONS",
			"                    " + scale,
			"",
			"                                         Quarter Ended",
			"                                    Sept. 28,      Sept. 29,",
			"                                      2007           2006",
			"                                   ----------     ----------",
			"Net sales                          $  12,345      $  11,002",
			"Net income (loss)                  $    (120)     $     431",
		}, "\n")
		doc, err := source.Parse("t.txt", []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		tables, _ := Tables(doc)
		if len(tables) != 1 || tables[0].Scale.Power != 3 || len(tables[0].Rows) != 2 {
			t.Errorf("%s: %d tables", scale, len(tables))
			continue
		}
		if r := tables[0].Rows[0]; r.Label != "Net sales" || r.Cells[0].Number.Value.String() != "12345" {
			t.Errorf("%s: first row %q %v", scale, r.Label, r.Cells)
		}
	}
}
