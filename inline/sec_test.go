package inline

import "testing"

// TestSECTransforms applies the SEC's formats as cover pages use them.
func TestSECTransforms(t *testing.T) {
	for _, tt := range []struct {
		format, shown, want string
		fails               bool
	}{
		{format: "ixt-sec:exchnameen", shown: "The New York Stock Exchange", want: "NYSE"},
		{format: "ixt-sec:exchnameen", shown: "The Nasdaq Stock Market LLC", want: "NASDAQ"},
		{format: "ixt-sec:exchnameen", shown: "NASDAQ Global Select Market", want: "NASDAQ"},
		{format: "ixt-sec:exchnameen", shown: "NYSE  American", want: "NYSEAMER"},
		{format: "ixt-sec:exchnameen", shown: "Cboe BZX Exchange, Inc.", want: "CboeBZX"},
		{format: "ixt-sec:exchnameen", shown: "London Stock Exchange", fails: true},
		{format: "ixt-sec:stateprovnameen", shown: "Illinois", want: "IL"},
		{format: "ixt-sec:stateprovnameen", shown: "new\u00a0york", want: "NY"},
		{format: "ixt-sec:stateprovnameen", shown: "Québec", want: "QC"},
		{format: "ixt-sec:stateprovnameen", shown: "Bavaria", fails: true},
		{format: "ixt-sec:entityfilercategoryen", shown: "Large accelerated filer", want: "Large Accelerated Filer"},
		{format: "ixt-sec:datequarterend", shown: "first quarter of 2023", want: "2023-03-31"},
		{format: "ixt-sec:datequarterend", shown: "2022 Q4", want: "2022-12-31"},
		{format: "ixt-sec:datequarterend", shown: "the quarter", fails: true},
		{format: "ixt-sec:duryear", shown: "1.5", want: "P1Y6M"},
		{format: "ixt-sec:durmonth", shown: "2.5", want: "P2M15D"},
		{format: "ixt-sec:durday", shown: "1.5", want: "P1DT12H"},
		{format: "ixt-sec:duryear", shown: "0", want: "P0D"},
		{format: "ixt-sec:duryear", shown: "-2", want: "-P2Y"},
		{format: "ixt-sec:duryear", shown: "two", fails: true},
		{format: "ixt-sec:numinf", shown: "unlimited", want: "INF"},
		{format: "ixt-sec:yesnoballotbox", shown: "☒", want: "Yes"},
		{format: "ixt-sec:boolballotbox", shown: "☐", want: "false"},
	} {
		got, err := transform(tt.format, tt.shown)
		if tt.fails != (err != nil) || got != tt.want {
			t.Errorf("%s(%q) = %q, %v; want %q (fails %v)", tt.format, tt.shown, got, err, tt.want, tt.fails)
		}
	}
}
