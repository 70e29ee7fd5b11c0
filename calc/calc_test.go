package calc

import (
	"testing"
	"time"

	"github.com/xport/xport/decimal"
	"github.com/xport/xport/xbrl"
)

// TestBinding checks a total of two items under XBRL 2.1's rules: each
// item rounded to its own decimals, nil facts taking no part, a
// duplicated item binding nothing, items found in the total's tuple and
// those within it, precision 0 never consistent.
func TestBinding(t *testing.T) {
	total := &xbrl.Concept{Prefix: "t", Name: "Total", Type: xbrl.Monetary}
	a := &xbrl.Concept{Prefix: "t", Name: "A", Type: xbrl.Monetary}
	b := &xbrl.Concept{Prefix: "t", Name: "B", Type: xbrl.Monetary}
	end := xbrl.Period{Instant: true, End: time.Date(2024, 12, 31, 0, 0, 0, 0, time.UTC)}
	fact := func(c *xbrl.Concept, v string, dec int, tuple string) *xbrl.Fact {
		return &xbrl.Fact{Concept: c, Period: end, Unit: &xbrl.USD, Value: decimal.MustParse(v), Decimals: dec, Tuple: tuple}
	}
	net := &xbrl.Network{RoleID: "r", Calculation: []xbrl.Arc{{From: total, To: a, Weight: 1}, {From: total, To: b, Weight: 1}}}
	tests := []struct {
		name  string
		facts []*xbrl.Fact
		want  int // inconsistent totals
	}{
		{"adds up", []*xbrl.Fact{fact(total, "30", 0, ""), fact(a, "10", 0, ""), fact(b, "20", 0, "")}, 0},
		{"does not", []*xbrl.Fact{fact(total, "31", 0, ""), fact(a, "10", 0, ""), fact(b, "20", 0, "")}, 1},
		{"items rounded to their own decimals", []*xbrl.Fact{fact(total, "3", 0, ""), fact(a, "1.4", 0, ""), fact(b, "1.4", 0, "")}, 1},
		{"nil item takes no part", []*xbrl.Fact{fact(total, "10", 0, ""), fact(a, "10", 0, ""), {Concept: b, Period: end, Unit: &xbrl.USD, Nil: true}}, 0},
		{"duplicate item binds nothing", []*xbrl.Fact{fact(total, "99", 0, ""), fact(a, "10", 0, ""), fact(a, "10", 0, ""), fact(b, "20", 0, "")}, 0},
		{"items in a tuple within", []*xbrl.Fact{fact(total, "30", 0, ""), fact(a, "10", 0, "/5"), fact(b, "20", 0, "/5/9")}, 0},
		{"a tuple's total sees only its own", []*xbrl.Fact{fact(total, "20", 0, "/5"), fact(a, "10", 0, ""), fact(b, "20", 0, "/5")}, 0},
		{"precision 0", []*xbrl.Fact{fact(total, "30", xbrl.DecimalsUnknown, ""), fact(a, "10", 0, ""), fact(b, "20", 0, "")}, 1},
		{"weight 0.5", []*xbrl.Fact{fact(total, "15", 0, ""), fact(a, "10", 0, ""), fact(b, "20", 0, "")}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep := &xbrl.Report{Facts: tt.facts, Networks: []*xbrl.Network{net}}
			if got := len(Inconsistencies(rep, XBRL21)); got != tt.want {
				t.Errorf("%d inconsistent totals, want %d", got, tt.want)
			}
		})
	}
	half := &xbrl.Network{RoleID: "h", Calculation: []xbrl.Arc{{From: total, To: a, Weight: 1, Factor: decimal.MustParse("0.5")}, {From: total, To: b, Weight: 1, Factor: decimal.MustParse("0.5")}}}
	rep := &xbrl.Report{Facts: []*xbrl.Fact{fact(total, "15", 0, ""), fact(a, "10", 0, ""), fact(b, "20", 0, "")}, Networks: []*xbrl.Network{half}}
	if got := Inconsistencies(rep, XBRL21); len(got) != 0 {
		t.Errorf("weights of 0.5: %d inconsistent, want 0", len(got))
	}
}
