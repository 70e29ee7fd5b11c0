package mapping

import (
	"github.com/xport/xport/decimal"
	"github.com/xport/xport/extract"
	"github.com/xport/xport/source"
	"github.com/xport/xport/xbrl"
)

// calcTable is what calculation inference looks at: the table, the
// concept of each row and each row's fact in each column.
type calcTable struct {
	t        *extract.Table
	concepts []*xbrl.Concept
	facts    [][]*xbrl.Fact
	net      *xbrl.Network
	totals   map[*xbrl.Concept]bool
}

// calculations adds to net the summations the statement shows and its
// figures confirm in every column:
//
//   - a row under a single rule is the total of the rows above it, back
//     to the previous heading, caption or total (or including that
//     previous total, as total assets includes total current assets);
//   - a top-level row such as gross profit, operating loss or net loss
//     is the running subtotal of the top-level rows since the previous
//     one (total revenue less total cost of revenue).
//
// Weights follow balance: a debit item in a credit total counts -1. A
// total whose rows do not add up is a warning at the total's position,
// and gets no relationship.
func calculations(net *xbrl.Network, t *extract.Table, concepts []*xbrl.Concept, facts [][]*xbrl.Fact, diags *source.Diagnostics) {
	ct := &calcTable{t: t, concepts: concepts, facts: facts, net: net, totals: map[*xbrl.Concept]bool{}}
	boundary := -1
	var top []int // top-level data rows since the last caption
	anchor := 0   // index in top of the last running subtotal
	for i, row := range t.Rows {
		if row.Kind != extract.DataRow {
			boundary = i
			if row.Kind == extract.Caption {
				top, anchor = nil, 0
			}
			continue
		}
		if concepts[i] == nil {
			continue
		}
		done := false
		if row.Total {
			comps := ct.between(boundary, i)
			done = ct.try(i, comps) || boundary >= 0 && t.Rows[boundary].Total && ct.try(i, append([]int{boundary}, comps...))
			boundary = i
		}
		if row.Section < 0 {
			if len(top)-anchor >= 2 && ct.subtotal(i, top[anchor:]) {
				done = done || ct.try(i, top[anchor:])
				anchor = len(top)
			}
			top = append(top, i)
		}
		if row.Total && !done {
			diags.Add(source.Warning, "map.totalMismatch", row.Pos,
				"%q does not equal the rows above it in every column; no calculation relationship is made for it", row.Label)
		}
	}
}

// between returns the data rows after from and before to.
func (ct *calcTable) between(from, to int) []int {
	var out []int
	for i := from + 1; i < to; i++ {
		if ct.t.Rows[i].Kind == extract.DataRow && ct.concepts[i] != nil {
			out = append(out, i)
		}
	}
	return out
}

// weight is +1 when an item adds to a total of its balance, -1 when
// their balances differ, and 0 when either has no balance: unknown.
func weight(total, item *xbrl.Concept) int {
	switch {
	case total.Balance == xbrl.NoBalance || item.Balance == xbrl.NoBalance:
		return 0
	case total.Balance != item.Balance:
		return -1
	}
	return 1
}

// maxUnknown bounds how many items of unknown balance a summation may
// have: their weights are found by trying each combination.
const maxUnknown = 3

// solve finds weights under which row total equals the weighted sum of
// rows items. Items whose balance is known weigh by it; for the others
// (extension concepts outside any section) every combination of +1 and
// -1 is tried, and the figures decide.
func (ct *calcTable) solve(total int, items []int) ([]int, bool) {
	tc := ct.concepts[total]
	seen := map[*xbrl.Concept]bool{tc: true}
	weights := make([]int, len(items))
	var unknown []int
	for n, i := range items {
		c := ct.concepts[i]
		if seen[c] || c.Type != tc.Type || c.Type != xbrl.Monetary {
			return nil, false
		}
		seen[c] = true
		if weights[n] = weight(tc, c); weights[n] == 0 {
			unknown = append(unknown, n)
		}
	}
	if len(unknown) > maxUnknown {
		return nil, false
	}
	for mask := 0; mask < 1<<len(unknown); mask++ {
		for b, n := range unknown {
			weights[n] = 1 - 2*(mask>>b&1)
		}
		if ct.sums(total, items, weights) {
			return weights, true
		}
	}
	return nil, false
}

// subtotal reports whether row total is the running subtotal of the
// top-level rows items.
func (ct *calcTable) subtotal(total int, items []int) bool {
	_, ok := ct.solve(total, items)
	return ok
}

// sums reports whether row total equals the weighted sum of rows items in
// every column where they are reported, within the precision of the
// figures, and in at least one column.
func (ct *calcTable) sums(total int, items, weights []int) bool {
	checked := 0
	for col, tf := range ct.facts[total] {
		if tf == nil {
			continue
		}
		sum, dec, any := decimal.Decimal{}, tf.Decimals, false
		for n, i := range items {
			f := ct.facts[i][col]
			if f == nil {
				continue
			}
			any = true
			dec = min(dec, f.Decimals)
			v := f.Value
			if weights[n] < 0 {
				v = v.Neg()
			}
			sum = sum.Add(v)
		}
		if !any {
			continue
		}
		if !sum.Round(dec).Equal(tf.Value.Round(dec)) {
			return false
		}
		checked++
	}
	return checked > 0
}

// try adds the summation total = items when the figures confirm it and
// the total has none yet in this network. An item whose balance was
// unknown takes the balance its weight implies: a -1 item in a credit
// total is a debit.
func (ct *calcTable) try(total int, items []int) bool {
	if len(items) == 0 {
		return false
	}
	weights, ok := ct.solve(total, items)
	if !ok {
		return false
	}
	tc := ct.concepts[total]
	if ct.totals[tc] {
		return true
	}
	ct.totals[tc] = true
	for n, i := range items {
		c := ct.concepts[i]
		if c.Balance == xbrl.NoBalance && tc.Balance != xbrl.NoBalance {
			c.Balance = tc.Balance
			if weights[n] < 0 {
				c.Balance = opposite(tc.Balance)
			}
		}
		ct.net.Calculation = append(ct.net.Calculation, xbrl.Arc{
			From: tc, To: c, Order: n + 1, Weight: weights[n], Source: ct.t.Rows[total].Pos,
		})
	}
	return true
}

func opposite(b xbrl.Balance) xbrl.Balance {
	if b == xbrl.Debit {
		return xbrl.Credit
	}
	return xbrl.Debit
}
