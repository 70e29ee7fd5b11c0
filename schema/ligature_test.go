package schema

import "testing"

// TestRepairLigatures reads labels as pdftotext printed them in the
// corpus (eBay's "Gross pro t", "Income tax bene t", "Cash ows") and as
// other renderings drop the letters.
func TestRepairLigatures(t *testing.T) {
	tests := []struct{ in, want string }{
		{"gross pro t", "gross profit"},
		{"gross prot", "gross profit"},
		{"income tax bene t (provision)", "income tax benefit (provision)"},
		{"cash ows from operating activities", "cash flows from operating activities"},
		{"changes in assets and liabilities, net of acquisition e ects", "changes in assets and liabilities, net of acquisition effects"},
		{"nancial statements", "financial statements"},
		{"net cash used in nancing activities", "net cash used in financing activities"},
		{"gross profit", "gross profit"},
		{"cost of sales", "cost of sales"},
		{"net income (loss)", "net income (loss)"},
		{"deferred revenue", "deferred revenue"},
		{"a b", "a b"},
	}
	for _, tt := range tests {
		if got := RepairLigatures(tt.in); got != tt.want {
			t.Errorf("RepairLigatures(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzRepairLigatures(f *testing.F) {
	for _, s := range []string{"gross pro t", "cash ows", "nancial", "", "a  b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		RepairLigatures(s)
	})
}
