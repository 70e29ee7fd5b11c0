package decimal

import "testing"

func TestParseString(t *testing.T) {
	tests := []struct{ in, want string }{
		{"0", "0"},
		{"-0", "0"},
		{"16088", "16088"},
		{"-16088", "-16088"},
		{"0.14", "0.14"},
		{"-.5", "-0.5"},
		{"12.50", "12.5"},
		{"1000", "1000"},
		{"0.001", "0.001"},
		{"+7", "7"},
	}
	for _, tt := range tests {
		d, err := Parse(tt.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.in, err)
			continue
		}
		if got := d.String(); got != tt.want {
			t.Errorf("Parse(%q).String() = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParseRejects(t *testing.T) {
	for _, in := range []string{"", "-", ".", "1,000", "1e3", "12a", "1.2.3", "--1"} {
		if _, err := Parse(in); err == nil {
			t.Errorf("Parse(%q) succeeded, want error", in)
		}
	}
}

func TestArithmetic(t *testing.T) {
	a, b := MustParse("-16088"), MustParse("0.14")
	if got := a.Shift(3).String(); got != "-16088000" {
		t.Errorf("Shift(3) = %s", got)
	}
	if got := a.Add(b).String(); got != "-16087.86" {
		t.Errorf("Add = %s", got)
	}
	if got := a.Sub(a).String(); got != "0" {
		t.Errorf("Sub self = %s", got)
	}
	if got := MustParse("34").Shift(-2).String(); got != "0.34" {
		t.Errorf("percent = %s", got)
	}
	if a.Cmp(b) != -1 || b.Cmp(a) != 1 || a.Cmp(a) != 0 {
		t.Error("Cmp ordering wrong")
	}
	if got := MustParse("1.5").Mul(MustParse("-2")).String(); got != "-3" {
		t.Errorf("Mul = %s", got)
	}
}

func TestRound(t *testing.T) {
	tests := []struct {
		in     string
		places int
		want   string
	}{
		{"0.145", 2, "0.15"},
		{"-0.145", 2, "-0.15"},
		{"0.144", 2, "0.14"},
		{"16088499", -3, "16088000"},
		{"16088500", -3, "16089000"},
		{"-16088500", -3, "-16089000"},
		{"12", 2, "12"},
		{"499", -3, "0"},
		{"500", -3, "1000"},
		{"5", -1, "10"},
		{"9", -2, "0"},
		{"-999", -3, "-1000"},
		{"305000", -2000000000, "0"}, // hostile decimals: no 10^2000000000
		{"305000", 2000000000, "305000"},
	}
	for _, tt := range tests {
		if got := MustParse(tt.in).Round(tt.places).String(); got != tt.want {
			t.Errorf("Round(%s, %d) = %s, want %s", tt.in, tt.places, got, tt.want)
		}
	}
}

func TestRoundHalfEven(t *testing.T) {
	tests := []struct {
		in     string
		places int
		want   string
	}{
		{"0.125", 2, "0.12"},
		{"0.135", 2, "0.14"},
		{"-0.125", 2, "-0.12"},
		{"2500", -3, "2000"},
		{"3500", -3, "4000"},
		{"3501", -3, "4000"},
		{"0.1", 2, "0.1"},
		{"500", -3, "0"},
		{"1500", -3, "2000"},
		{"305000", -2000000000, "0"},
	}
	for _, tt := range tests {
		if got := MustParse(tt.in).RoundHalfEven(tt.places).String(); got != tt.want {
			t.Errorf("RoundHalfEven(%s, %d) = %s, want %s", tt.in, tt.places, got, tt.want)
		}
	}
}
