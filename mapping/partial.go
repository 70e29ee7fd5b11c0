package mapping

import (
	"github.com/xport/xport/decimal"
	"github.com/xport/xport/source"
	"github.com/xport/xport/xbrl"
)

// dropPartialCalculations removes the summations that XBRL 2.1 would find
// inconsistent only because a period reports the total and some of its
// items but not all: the reconciliation of the quarter ended September 29,
// 2012 prints gross profit and operating loss, but no operating expenses,
// so "operating loss = gross profit - operating expenses" cannot hold
// there. The facts stay; the relationship goes, with a note at the total.
func (m *mapper) dropPartialCalculations() {
	facts := map[string]*xbrl.Fact{}
	for _, f := range m.rep.Facts {
		facts[f.Key()] = f
	}
	for _, n := range m.rep.Networks {
		var keep []xbrl.Arc
		dropped := map[*xbrl.Concept]bool{}
		for _, total := range calcTotals(n.Calculation) {
			if f := partialMismatch(n.Calculation, total, m.rep.Facts, facts); f != nil {
				dropped[total] = true
				m.diags.Add(source.Info, "map.calcPartial", f.Source,
					"no calculation for %s in %s: %s reports it without all of its items, which XBRL 2.1 would check as inconsistent",
					total.QName(), n.RoleID, f.Period)
			}
		}
		for _, a := range n.Calculation {
			if !dropped[a.From] {
				keep = append(keep, a)
			}
		}
		n.Calculation = keep
	}
}

// calcTotals returns the distinct totals of a network's arcs, in order.
func calcTotals(arcs []xbrl.Arc) []*xbrl.Concept {
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

// partialMismatch returns a fact of total whose period has some but not
// all of the total's items and whose items do not add up to it.
func partialMismatch(arcs []xbrl.Arc, total *xbrl.Concept, all []*xbrl.Fact, facts map[string]*xbrl.Fact) *xbrl.Fact {
	for _, tf := range all {
		if tf.Concept != total {
			continue
		}
		sum, dec, present, missing := decimal.Decimal{}, tf.Decimals, 0, 0
		for _, a := range arcs {
			if a.From != total {
				continue
			}
			probe := xbrl.Fact{Concept: a.To, Period: tf.Period, Dims: tf.Dims, Unit: tf.Unit}
			f, ok := facts[probe.Key()]
			if !ok {
				missing++
				continue
			}
			present++
			dec = min(dec, f.Decimals)
			v := f.Value.Round(f.Decimals)
			if a.Weight < 0 {
				v = v.Neg()
			}
			sum = sum.Add(v)
		}
		if present > 0 && missing > 0 && !sum.Round(dec).Equal(tf.Value.Round(dec)) {
			return tf
		}
	}
	return nil
}
