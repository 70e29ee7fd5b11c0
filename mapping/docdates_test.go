package mapping

import (
	"strings"
	"testing"

	"github.com/xport/xport/extract"
	"github.com/xport/xport/source"
)

// TestProseEnds dates columns that print only a quarter or a year from
// what the document says in prose, and only when that fits: each case is
// the prose, the heading and the period wanted ("" for none).
func TestProseEnds(t *testing.T) {
	tests := []struct {
		prose, heading, want string
	}{
		{"The financial statements present the three and six months ended July 2, 2023 and July 3, 2022.",
			"Second-Quarter 2023", "2023-04-03..2023-07-02"},
		{"Results for the three months ended March 31, 2023 are not indicative.",
			"FOURTH QUARTER 2023", ""}, // March does not end a fourth quarter
		{"We report the six months ended July 2, 2023, and the six months ended May 28, 2023 for subsidiaries.",
			"Six Months 2023", ""}, // two six-month periods of 2023, named alike: in doubt
		{"See our Annual Report for the fiscal year ended January 1, 2023.",
			"Fiscal 2022", "2022-01-03..2023-01-01"},
		{"ȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺȺ ended ȺȺȺ", "Second Quarter 2023", ""}, // lower-casing grows these bytes
	}
	for _, tt := range tests {
		doc, err := source.Parse("in.txt", []byte(tt.prose+"\n"))
		if err != nil {
			t.Fatal(err)
		}
		pf := newPeriodFinder(doc, nil)
		cp := pf.period(extract.ParseHeaderText(tt.heading), false, "")
		got := ""
		if cp.ok {
			got = cp.period.String()
		}
		if got != tt.want {
			t.Errorf("%q under %q: period %q (%s), want %q", tt.heading, strings.TrimSpace(tt.prose), got, cp.why, tt.want)
		}
	}
}
