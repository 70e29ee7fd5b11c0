package validate

import (
	"github.com/xport/xport/decimal"
	"github.com/xport/xport/source"
	"github.com/xport/xport/xbrl"
)

// checkCalculations checks every summation-item relationship the way
// XBRL 2.1 §5.2.5.2 does: in each context and unit where the total is
// reported and at least one item is, the total and the weighted items,
// each rounded to the least precise decimals among them, must be equal.
func checkCalculations(rep *xbrl.Report, ds *source.Diagnostics) {
	facts := map[string]*xbrl.Fact{}
	for _, f := range rep.Facts {
		facts[f.Key()] = f
	}
	for _, n := range rep.Networks {
		checkWeights(n, ds)
		for _, total := range totals(n.Calculation) {
			checkTotal(n, total, facts, ds)
		}
	}
}

// checkWeights applies XBRL 2.1 §5.1.1.2: between two concepts with a
// balance, a summation weighs +1 when the balances agree and -1 when they
// differ.
func checkWeights(n *xbrl.Network, ds *source.Diagnostics) {
	for _, a := range n.Calculation {
		f, t := a.From.Balance, a.To.Balance
		if f == xbrl.NoBalance || t == xbrl.NoBalance {
			continue
		}
		if (f == t) != (a.Weight > 0) {
			ds.Add(source.Error, "xbrl.5.1.1.2:balanceCalcWeightIllegal", a.Source,
				"%s (%s) weighs %d in %s (%s) in %s", a.To.QName(), t, a.Weight, a.From.QName(), f, n.RoleID)
		}
	}
}

// totals returns the distinct totals of a network's arcs, in order.
func totals(arcs []xbrl.Arc) []*xbrl.Concept {
	var out []*xbrl.Concept
	seen := map[*xbrl.Concept]bool{}
	for _, a := range arcs {
		if !seen[a.From] {
			seen[a.From] = true
			out = append(out, a.From)
		}
	}
	return out
}

func checkTotal(n *xbrl.Network, total *xbrl.Concept, facts map[string]*xbrl.Fact, ds *source.Diagnostics) {
	for _, tf := range facts {
		if tf.Concept != total || !tf.Numeric() {
			continue
		}
		var items []*xbrl.Fact
		var weights []int
		for _, a := range n.Calculation {
			if a.From != total {
				continue
			}
			probe := xbrl.Fact{Concept: a.To, Period: tf.Period, Unit: tf.Unit}
			if f, ok := facts[probe.Key()]; ok {
				items = append(items, f)
				weights = append(weights, a.Weight)
			}
		}
		if len(items) == 0 {
			continue
		}
		d := tf.Decimals
		for _, f := range items {
			d = min(d, f.Decimals)
		}
		sum := decimal.Decimal{}
		for i, f := range items {
			v := f.Value.Round(d)
			if weights[i] < 0 {
				v = v.Neg()
			}
			sum = sum.Add(v)
		}
		if want := tf.Value.Round(d); !sum.Equal(want) {
			ds.Add(source.Error, "xbrl.5.2.5.2:calcInconsistency", tf.Source,
				"%s for %s is %s but its items in %s add up to %s", total.QName(), tf.Period, want, n.RoleID, sum)
		}
	}
}
