package extract

import "testing"

func TestParseNumber(t *testing.T) {
	tests := []struct {
		in     string
		value  string
		places int
		flags  string // n=nil p=percent c=currency q=qualifier a=n/a
	}{
		{"109,051", "109051", 0, ""},
		{"$    109,051", "109051", 0, "c"},
		{"(16,088)", "-16088", 0, ""},
		{"$ (16,088)", "-16088", 0, "c"},
		{"$(0.9)", "-0.9", 1, "c"},
		{"(0.14)", "-0.14", 2, ""},
		{"-1,234.5", "-1234.5", 1, ""},
		{".62", "0.62", 2, ""},
		{"34%", "34", 0, "p"},
		{"(2)%", "-2", 0, "p"},
		{"(2%)", "-2", 0, "p"},
		{"< 10%", "10", 0, "pq"},
		{"$92.9", "92.9", 1, "c"},
		{"1,118", "1118", 0, ""},
		{"0", "0", 0, ""},
		{"-", "0", 0, "n"},
		{"--", "0", 0, "n"},
		{"—", "0", 0, "n"},
		{"$ -", "0", 0, "nc"},
		{"n/a", "0", 0, "a"},
		{"NM", "0", 0, "a"},
		{"<1,234>", "-1234", 0, ""},
		{"1,234-", "-1234", 0, ""},
		{"0.45-", "-0.45", 2, ""},
	}
	for _, tt := range tests {
		n, err := ParseNumber(tt.in)
		if err != nil {
			t.Errorf("ParseNumber(%q): %v", tt.in, err)
			continue
		}
		flags := ""
		for _, f := range []struct {
			set bool
			c   string
		}{{n.Nil, "n"}, {n.Percent, "p"}, {n.Currency, "c"}, {n.Qualifier != "", "q"}, {n.NotApplicable, "a"}} {
			if f.set {
				flags += f.c
			}
		}
		if got := n.Value.String(); got != tt.value || n.Places != tt.places || !sameFlags(flags, tt.flags) {
			t.Errorf("ParseNumber(%q) = %s places %d flags %q, want %s places %d flags %q", tt.in, got, n.Places, flags, tt.value, tt.places, tt.flags)
		}
	}
}

func sameFlags(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for _, c := range a {
		if !containsRune(b, c) {
			return false
		}
	}
	return true
}

func containsRune(s string, r rune) bool {
	for _, c := range s {
		if c == r {
			return true
		}
	}
	return false
}

func TestParseNumberRejects(t *testing.T) {
	for _, in := range []string{"", "abc", "12,34", "1,2345", "(12", "2012,", "916-595-8157", "Q1'11", "$", "((1))", "-(1)", "1.2.3", "29,"} {
		if n, err := ParseNumber(in); err == nil {
			t.Errorf("ParseNumber(%q) = %+v, want an error", in, n)
		}
	}
}
