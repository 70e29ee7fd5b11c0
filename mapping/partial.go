package mapping

import (
	"github.com/xport/xport/calc"
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
