package mapping

import (
	"slices"

	"github.com/xport/xport/calc"
	"github.com/xport/xport/source"
	"github.com/xport/xport/xbrl"
)

// joinCalculations gives each summation of a total the items other
// networks sum the same total with: a calculation network applies to
// every fact, so J&J's quarter statement, which prints no "In-process
// research and development", would otherwise check the six months'
// earnings before taxes without it. An item missing from a period is no
// inconsistency; an item weighed differently by two networks leaves the
// total's summations as they are.
func (m *mapper) joinCalculations() {
	items := map[*xbrl.Concept][]xbrl.Arc{} // total → an arc to every item any network sums it with
	conflict := map[*xbrl.Concept]bool{}
	for _, n := range m.rep.Networks {
		for _, a := range n.Calculation {
			k := slices.IndexFunc(items[a.From], func(b xbrl.Arc) bool { return b.To == a.To })
			switch {
			case k < 0:
				items[a.From] = append(items[a.From], a)
			case items[a.From][k].Weight != a.Weight || !items[a.From][k].Factor.Equal(a.Factor):
				conflict[a.From] = true
			}
		}
	}
	for _, n := range m.rep.Networks {
		done := map[*xbrl.Concept]bool{}
		var add []xbrl.Arc
		for _, a := range n.Calculation {
			if conflict[a.From] || done[a.From] {
				continue
			}
			done[a.From] = true
			order := 0
			have := map[*xbrl.Concept]bool{}
			for _, b := range n.Calculation {
				if b.From == a.From {
					have[b.To] = true
					order = max(order, b.Order)
				}
			}
			for _, it := range items[a.From] {
				if !have[it.To] {
					order++
					it.Order, it.Source = order, a.Source
					add = append(add, it)
				}
			}
		}
		n.Calculation = append(n.Calculation, add...)
	}
}

// dropPartialCalculations removes the summations that XBRL 2.1 would find
// inconsistent only because a period reports the total and some of its
// items but not all: the reconciliation of the quarter ended September 29,
// 2012 prints gross profit and operating loss, but no operating expenses,
// so "operating loss = gross profit - operating expenses" cannot hold
// there. The facts stay; the relationship goes, with a note at the total.
func (m *mapper) dropPartialCalculations() {
	dropped := map[*xbrl.Network]map[*xbrl.Concept]bool{}
	for _, inc := range calc.Inconsistencies(m.rep, calc.XBRL21) {
		if inc.Missing == 0 {
			continue // the statement's own figures did not add up: validation reports it
		}
		if dropped[inc.Network] == nil {
			dropped[inc.Network] = map[*xbrl.Concept]bool{}
		}
		if t := inc.Total.Concept; !dropped[inc.Network][t] {
			dropped[inc.Network][t] = true
			m.diags.Add(source.Info, "map.calcPartial", inc.Total.Source,
				"no calculation for %s in %s: %s reports it without all of its items, which XBRL 2.1 would check as inconsistent",
				t.QName(), inc.Network.RoleID, inc.Total.Period)
		}
	}
	for n, totals := range dropped {
		var keep []xbrl.Arc
		for _, a := range n.Calculation {
			if !totals[a.From] {
				keep = append(keep, a)
			}
		}
		n.Calculation = keep
	}
}
