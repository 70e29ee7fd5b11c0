package xbrl

import (
	"testing"
	"time"
)

// TestKey: a fact's key, written in one buffer, is its concept, context
// id, unit and scope as the parts write them.
func TestKey(t *testing.T) {
	c := &Concept{Prefix: "us-gaap", Name: "Revenues"}
	m := &Concept{Prefix: "x", Name: "ProductMember"}
	axis := &Concept{Prefix: "us-gaap", Name: "StatementBusinessSegmentsAxis"}
	day := func(d int) time.Time { return time.Date(2023, 1, d, 0, 0, 0, 0, time.UTC) }
	for _, f := range []*Fact{
		{Concept: c, Period: Period{Start: day(1), End: day(31)}, Unit: &USD},
		{Concept: c, Period: Period{Instant: true, End: day(31)}, Unit: &USDPerShare, Dims: []Member{{Axis: axis, Member: m}, {Axis: axis, Typed: "7"}}},
		{Concept: c, Period: Period{Instant: true, End: day(2)}, Scope: "http://example.com E1", Tuple: "/12/40"},
		{Concept: c, Period: Period{Instant: true, End: day(2)}, Unit: &Unit{Numerator: []string{"a", "b"}, Denominator: []string{"c", "d"}}},
	} {
		u := ""
		if f.Unit != nil {
			u = f.Unit.String()
		}
		want := f.Concept.QName() + "|" + f.ContextID() + "|" + u
		if f.Scope != "" || f.Tuple != "" {
			want += "|" + f.Scope + "|" + f.Tuple
		}
		if got := f.Key(); got != want {
			t.Errorf("Key() = %q, want %q", got, want)
		}
	}
}
