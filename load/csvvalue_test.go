package load

import (
	"testing"

	"github.com/xport/xport/xbrl"
)

func TestCSVPeriod(t *testing.T) {
	for _, tt := range []struct {
		in, spec string
		want     string // xbrl.Period's String, or the error code
	}{
		{"2020-01-01T00:00:00/2021-01-01T00:00:00", "", "2020-01-01..2020-12-31"},
		{"2021-01-01T00:00:00", "", "2020-12-31"},
		{"2020-01-01T00:00:00/2021-01-01T00:00:00", "end", "2020-12-31"},
		{"2020-01-01T00:00:00/2021-01-01T00:00:00", "start", "2019-12-31"},
		{"2021-01-01T00:00:00", "end", "xbrlce:referenceTargetNotDuration"},
		{"2020", "", "2020-01-01..2020-12-31"},
		{"2020-02", "", "2020-02-01..2020-02-29"},
		{"2020-02-29", "", "2020-02-29..2020-02-29"},
		{"2020Q3", "", "2020-07-01..2020-09-30"},
		{"2020H2", "", "2020-07-01..2020-12-31"},
		{"2020W01", "", "2019-12-30..2020-01-05"},
		{"2020W53", "", "2020-12-28..2021-01-03"},
		{"2021W53", "", "xbrlce:invalidPeriodRepresentation"},
		{"2020-01-01..2020-03-31", "", "2020-01-01..2020-03-31"},
		{"2020@end", "", "2020-12-31"},
		{"2020Q1@start", "", "2019-12-31"},
		{"2020", "end", "2020-12-31"},
		{"2020@end", "end", "xbrlce:referenceTargetNotDuration"},
		{"2020@middle", "", "xbrlce:invalidPeriodRepresentation"},
		{"2020-13", "", "xbrlce:invalidPeriodRepresentation"},
		{"2020-02-30", "", "xbrlce:invalidPeriodRepresentation"},
		{"2020-03-31..2020-01-01", "", "xbrlce:invalidPeriodRepresentation"},
		{"2020Q5", "", "xbrlce:invalidPeriodRepresentation"},
		{"", "", "xbrlce:invalidPeriodRepresentation"},
	} {
		p, err := csvPeriod(tt.in, tt.spec)
		got := p.String()
		if err != nil {
			got = err.code
		}
		if got != tt.want {
			t.Errorf("csvPeriod(%q, %q) = %s, want %s", tt.in, tt.spec, got, tt.want)
		}
	}
}

func TestSplitDecimals(t *testing.T) {
	for _, tt := range []struct {
		in       string
		number   string
		decimals int
		ok       bool
		code     string
	}{
		{"1500000d-3", "1500000", -3, true, ""},
		{"12.5dINF", "12.5", xbrl.DecimalsINF, true, ""},
		{"12.d0", "12.", 0, true, ""},
		{"7 d 2", "7", 2, true, ""},
		{"42", "42", 0, false, ""},
		{"1d", "", 0, false, "xbrlce:invalidDecimalsSuffix"},
		{"1d-0", "", 0, false, "xbrlce:invalidDecimalsSuffix"},
		{"1d03", "", 0, false, "xbrlce:invalidDecimalsSuffix"},
		{"d3", "", 0, false, "xbrlce:invalidDecimalsSuffix"},
		{"1d99999999999999999999", "", 0, false, "xbrlce:invalidDecimalsSuffix"},
	} {
		number, d, ok, err := splitDecimals(tt.in)
		if err != nil {
			if err.code != tt.code {
				t.Errorf("splitDecimals(%q): %s, want %q", tt.in, err.code, tt.code)
			}
			continue
		}
		if tt.code != "" || number != tt.number || d != tt.decimals || ok != tt.ok {
			t.Errorf("splitDecimals(%q) = %q, %d, %t, want %q, %d, %t (%s)", tt.in, number, d, ok, tt.number, tt.decimals, tt.ok, tt.code)
		}
	}
}

func TestCSVSpecial(t *testing.T) {
	for _, tt := range []struct {
		in, value string
		kind      csvKind
		bad       bool
	}{
		{"x", "x", csvText, false},
		{"", "", csvNone, false},
		{"#none", "", csvNone, false},
		{"#nil", "", csvNil, false},
		{"#empty", "", csvText, false},
		{"##1", "#1", csvText, false},
		{"#1", "", csvNone, true},
	} {
		v, k, err := csvSpecial(tt.in)
		if v != tt.value || k != tt.kind || (err != nil) != tt.bad {
			t.Errorf("csvSpecial(%q) = %q, %d, %v, want %q, %d, error %t", tt.in, v, k, err, tt.value, tt.kind, tt.bad)
		}
	}
}
