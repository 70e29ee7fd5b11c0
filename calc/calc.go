// Package calc is the arithmetic of XBRL calculation relationships: which
// facts a summation-item relationship binds, and whether the total equals
// its items under XBRL 2.1's rounding or Calculation 1.1's intervals. The
// converter checks its own relationships with it before writing them, and
// the validator reports what it finds.
package calc

import (
	"strings"

	"github.com/xport/xport/decimal"
	"github.com/xport/xport/xbrl"
)

// Mode selects how calculation relationships are checked.
type Mode int

// Calculation modes.
const (
	Off    Mode = iota // calculations are not checked
	XBRL21             // XBRL 2.1 §5.2.5.2: round to the least precise decimals
	Calc11             // Calculation 1.1: compare intervals of what the values may be
)

// Inconsistency is a total whose reported items do not add up to it.
type Inconsistency struct {
	Network *xbrl.Network
	Total   *xbrl.Fact
	Sum     string // what the items add up to
	Missing int    // items of the relationship not reported with the total
}

// Inconsistencies checks every summation-item relationship of rep, in each
// context and unit where the total is reported and at least one item is,
// and returns the totals that do not hold under mode.
func Inconsistencies(rep *xbrl.Report, mode Mode) []Inconsistency {
	keys := make([]string, len(rep.Facts))
	for i, f := range rep.Facts {
		keys[i] = f.Key()
	}
	return InconsistenciesWithKeys(rep, keys, mode)
}

// InconsistenciesWithKeys is Inconsistencies, with the facts' keys
// (keys[i] is rep.Facts[i].Key()) made by the caller already.
func InconsistenciesWithKeys(rep *xbrl.Report, keys []string, mode Mode) []Inconsistency {
	// XBRL 2.1 §5.2.5.2 binds a calculation only to facts that are not
	// nil and have no duplicate: a total or item reported twice for one
	// context and unit binds nothing.
	//
	// Facts in tuples bind as Arelle binds them: a total binds the items
	// of its context and unit in the tuple it is in and in every tuple
	// within that one (at the top, in the whole instance); duplicates are
	// facts of one tuple.
	facts := bound{first: make(map[string]*xbrl.Fact, len(rep.Facts)), more: map[string][]*xbrl.Fact{}}
	byConcept := map[*xbrl.Concept][]int{} // indexes of rep.Facts
	for i, f := range rep.Facts {
		k := keys[i]
		if f.Tuple != "" {
			k = untupled(f)
		}
		facts.add(k, f) // a nil fact too: it duplicates the others
		if !f.Nil {
			byConcept[f.Concept] = append(byConcept[f.Concept], i)
		}
	}
	dup := facts.duplicates()
	var out []Inconsistency
	for _, n := range rep.Networks {
		items := map[*xbrl.Concept][]xbrl.Arc{}
		var order []*xbrl.Concept
		for _, a := range n.Calculation {
			if items[a.From] == nil {
				order = append(order, a.From)
			}
			items[a.From] = append(items[a.From], a)
		}
		for _, total := range order {
			for _, i := range byConcept[total] {
				tf := rep.Facts[i]
				if tf.Numeric() && !dup[tf] {
					if inc, bad := checkTotal(n, tf, keys[i], items[total], facts, dup, mode); bad {
						out = append(out, inc)
					}
				}
			}
		}
	}
	return out
}

// checkTotal checks one total fact against the items reported with it.
//
// An item's key is the total's with the item's concept: tfKey, the
// total's key, is written once, not again for every item.
func checkTotal(n *xbrl.Network, tf *xbrl.Fact, tfKey string, arcs []xbrl.Arc, facts bound, dup map[*xbrl.Fact]bool, mode Mode) (Inconsistency, bool) {
	var items []*xbrl.Fact
	var weights []decimal.Decimal
	missing := 0
	var key []byte
	var one [1]*xbrl.Fact
	for _, a := range arcs {
		if tf.Tuple == "" {
			key = append(append(append(key[:0], a.To.Prefix...), ':'), a.To.Name...)
			key = append(key, tfKey[len(tf.Concept.Prefix)+1+len(tf.Concept.Name):]...)
		} else {
			probe := xbrl.Fact{Concept: a.To, Period: tf.Period, Dims: tf.Dims, Unit: tf.Unit, Scope: tf.Scope}
			key = append(key[:0], untupled(&probe)...)
		}
		found := false
		for _, f := range facts.of(key, &one) {
			if !f.Numeric() || !within(f.Tuple, tf.Tuple) || f.Nil && !dup[f] {
				continue
			}
			if dup[f] {
				return Inconsistency{}, false // an item reported twice: the relationship binds nothing
			}
			items = append(items, f)
			weights = append(weights, weightOf(a))
			found = true
		}
		if !found {
			missing++
		}
	}
	if len(items) == 0 {
		return Inconsistency{}, false
	}
	ok, sum := roundedEqual(tf, items, weights)
	if mode == Calc11 {
		ok, sum = intervalsMeet(tf, items, weights)
	}
	return Inconsistency{Network: n, Total: tf, Sum: sum, Missing: missing}, !ok
}

// bound indexes facts, nil ones too, by their key without tuple: most
// keys have one fact (first); the others, reported twice or in several
// tuples, have a list (more).
type bound struct {
	first map[string]*xbrl.Fact
	more  map[string][]*xbrl.Fact
}

func (b bound) add(k string, f *xbrl.Fact) {
	if g, ok := b.first[k]; ok {
		if b.more[k] == nil {
			b.more[k] = []*xbrl.Fact{g}
		}
		b.more[k] = append(b.more[k], f)
		return
	}
	b.first[k] = f
}

// duplicates returns the facts reported twice: with one key in one
// tuple (or both at the top).
func (b bound) duplicates() map[*xbrl.Fact]bool {
	dup := map[*xbrl.Fact]bool{}
	for _, fs := range b.more {
		inTuple := make(map[string]*xbrl.Fact, len(fs)) // tuple → the first of the key there
		for _, f := range fs {
			if g, ok := inTuple[f.Tuple]; ok {
				dup[f], dup[g] = true, true
			}
			inTuple[f.Tuple] = f
		}
	}
	return dup
}

// of returns the facts of key k; a single one in one, without an
// allocation (nor one for the key: the lookups convert it in place).
func (b bound) of(k []byte, one *[1]*xbrl.Fact) []*xbrl.Fact {
	if fs, ok := b.more[string(k)]; ok {
		return fs
	}
	if f, ok := b.first[string(k)]; ok {
		one[0] = f
		return one[:]
	}
	return nil
}

// untupled is a fact's key without the tuple it is in.
func untupled(f *xbrl.Fact) string {
	if f.Tuple == "" {
		return f.Key()
	}
	g := *f
	g.Tuple = ""
	return g.Key()
}

// within reports whether tuple path t is path p or inside it.
func within(t, p string) bool {
	return p == "" || t == p || strings.HasPrefix(t, p+"/")
}

// weightOf is an arc's calculation weight.
func weightOf(a xbrl.Arc) decimal.Decimal {
	if !a.Factor.IsZero() {
		return a.Factor
	}
	return decimal.FromInt(int64(a.Weight))
}

// roundedEqual compares the total with the sum of its weighted items
// (XBRL 2.1 §5.2.5.2): each item rounded to its own decimals, the sum and
// the total then to the total's. A fact with precision 0 knows no digit,
// so a total it takes part in is never consistent.
func roundedEqual(tf *xbrl.Fact, items []*xbrl.Fact, weights []decimal.Decimal) (bool, string) {
	d := tf.Decimals
	for _, f := range items {
		d = min(d, f.Decimals)
	}
	if d == xbrl.DecimalsUnknown {
		return false, "an unknown value (precision 0)"
	}
	sum := decimal.Decimal{}
	for i, f := range items {
		v := f.Value
		if f.Decimals < xbrl.DecimalsINF {
			v = v.RoundHalfEven(clampDecimals(f.Decimals))
		}
		sum = sum.Add(v.Mul(weights[i]))
	}
	// The sum is compared at the total's own decimals (Arelle's reading of
	// §5.2.5.2): 2.85 (one decimal) and 0 (none) add up to 2.8, not the
	// 2.9 of a total to one decimal.
	if t := tf.Decimals; t < xbrl.DecimalsINF {
		t = clampDecimals(t)
		return sum.RoundHalfEven(t).Equal(tf.Value.RoundHalfEven(t)), sum.String()
	}
	return sum.Equal(tf.Value), sum.String()
}

// clampDecimals bounds decimals to what values can carry (MaxDecimals).
func clampDecimals(d int) int { return min(max(d, -MaxDecimals), MaxDecimals) }

// intervalsMeet applies Calculation 1.1 with rounding to nearest: a value
// reported to d decimals stands for any number within half a unit of its
// last digit; the total is consistent when its interval meets the interval
// of the weighted sum.
func intervalsMeet(tf *xbrl.Fact, items []*xbrl.Fact, weights []decimal.Decimal) (bool, string) {
	lo, hi := interval(tf)
	slo, shi := decimal.Decimal{}, decimal.Decimal{}
	for i, f := range items {
		a, b := interval(f)
		a, b = a.Mul(weights[i]), b.Mul(weights[i])
		if weights[i].Sign() < 0 {
			a, b = b, a
		}
		slo, shi = slo.Add(a), shi.Add(b)
	}
	return lo.Cmp(shi) <= 0 && slo.Cmp(hi) <= 0, "[" + slo.String() + ", " + shi.String() + "]"
}

// interval returns the smallest and largest number a fact's value stands
// for.
func interval(f *xbrl.Fact) (decimal.Decimal, decimal.Decimal) {
	if f.Decimals >= xbrl.DecimalsINF {
		return f.Value, f.Value
	}
	if f.Decimals == xbrl.DecimalsUnknown { // precision 0: any value at all
		big := decimal.FromInt(1).Shift(MaxDecimals)
		return big.Neg(), big
	}
	half := HalfUnit(f.Decimals)
	return f.Value.Sub(half), f.Value.Add(half)
}

// MaxDecimals bounds the decimals the checks compute with. Values have at
// most 60 digits (decimal.Parse), so an interval of half of 10^100 already
// contains every sum they can make, and rounding beyond 100 places changes
// nothing: the bound keeps the verdicts exact while a hostile decimals of
// -2000000000 costs no more than -100.
const MaxDecimals = 100

// HalfUnit is half a unit of the last place decimals counts: 0.5 for 0,
// 500 for -3.
func HalfUnit(decimals int) decimal.Decimal {
	return decimal.FromInt(5).Shift(-min(max(decimals, -MaxDecimals), MaxDecimals) - 1)
}
