package mapping

import (
	"testing"
	"time"

	"github.com/xport/xport/source"
)

// TestReadCover reads the cover pages of annual and quarterly reports as
// they are laid out; a document with no form line has no cover, whatever
// its prose says.
func TestReadCover(t *testing.T) {
	tests := []struct {
		name, text, form, end, name2, shares, at string
	}{
		{name: "annual report",
			text: "                FORM 10-K\n\n   For the fiscal year ended December 31, 2001\n\n" +
				"            ACME WIDGET CORPORATION\n  (Exact name of registrant as specified in its charter)\n\n" +
				"There were 12,345,678 shares of common stock, $1 par value per share, outstanding as of February 1, 2002.\n",
			form: "10-K", end: "2001-12-31", name2: "ACME WIDGET CORPORATION", shares: "12345678", at: "2002-02-01"},
		{name: "amended quarterly report, count on the next line",
			text: "FORM 10-Q/A\nFOR THE QUARTERLY PERIOD ENDED June 30, 2023\n" +
				"  Class                                    Outstanding as of July 24, 2023\n" +
				"  Common Stock, $0.50 par value per share              852,981,921 shares\n",
			form: "10-Q/A", end: "2023-06-30", shares: "852981921", at: "2023-07-24"},
		{name: "treasury shares in parentheses and a market value are not the count",
			text: "FORM 10-K\nThe aggregate market value held by non-affiliates was $26,991,014,119.\n" +
				"Number of shares of Common Stock outstanding as of June 15, 2020: 609,869,264 (excluding 144,744,064 shares held in the treasury).\n",
			form: "10-K", shares: "609869264", at: "2020-06-15"},
		{name: "the count on the line above",
			text: "FORM 10-K\nAs of March 1, 1999, there were 8,412,300 shares of the registrant's Common\nStock outstanding.\n",
			form: "10-K", shares: "8412300", at: "1999-03-01"},
		{name: "two classes give no count",
			text: "FORM 10-K\nAs of February 1, 2002, 1,800,000,000 shares of Common Stock and 70,852,076 shares of Class B Stock were outstanding.\n",
			form: "10-K"},
		{name: "a release is no cover",
			text: "ACME REPORTS RESULTS\nFor the quarter ended June 30, 2023, revenue rose. 5,000,000 shares outstanding as of July 1, 2023.\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := source.Parse("cover.txt", []byte(tt.text))
			if err != nil {
				t.Fatal(err)
			}
			cp := readCover(doc, "", source.Pos{})
			date := func(d time.Time) string {
				if d.IsZero() {
					return ""
				}
				return d.Format(time.DateOnly)
			}
			shares := ""
			if cp.sharesPos.IsValid() {
				shares = cp.shares.String()
			}
			if cp.form != tt.form || date(cp.end) != tt.end || cp.name != tt.name2 || shares != tt.shares || date(cp.sharesAt) != tt.at {
				t.Errorf("form %q, end %q, name %q, shares %q at %q; want %q, %q, %q, %q at %q",
					cp.form, date(cp.end), cp.name, shares, date(cp.sharesAt), tt.form, tt.end, tt.name2, tt.shares, tt.at)
			}
		})
	}
}

// TestStatementHeading tells a primary statement's heading from a
// sentence of the notes that names one.
func TestStatementHeading(t *testing.T) {
	tests := map[string]bool{
		"CONSOLIDATED STATEMENT OF INCOME":                                                           true,
		"Consolidated Balance Sheets":                                                                true,
		"Condensed Consolidated Statements of Cash Flows (Unaudited)":                                true,
		"STATEMENTS OF CONSOLIDATED OPERATIONS FOR THE YEARS ENDED DECEMBER 31, 1998, 1997 AND 1996": true,
		"Consolidated Statements of Income      Corning Incorporated and Subsidiary Companies":       true,
		"recorded in other income, net in the consolidated statements of income (in millions):":      false,
		"Joint venture related balance sheet activity is as follows:":                                false,
		"The number of off-balance sheet SPEs and the amount of assets (in billions) held":           false,
		"As discussed in Note 3, the amounts in the consolidated statements of operations include":   false,
		"Ford Motor Company and Subsidiaries":                                                        false,
	}
	for line, want := range tests {
		if got := statementHeading(line); got != want {
			t.Errorf("statementHeading(%q) = %v, want %v", line, got, want)
		}
	}
}
