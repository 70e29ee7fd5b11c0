package mapping

import (
	"github.com/xport/xport/decimal"
	"github.com/xport/xport/extract"
	"github.com/xport/xport/schema"
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
	weight   weightFunc
	// consumed marks rows that are items of a confirmed total.
	consumed  map[int]bool
	extension string // the extension prefix: only its concepts are given a balance
	// breakdown is set for a table whose rows are members of an axis: its
	// totals are checked (the members add up) but, as XBRL 2.1
	// calculations cannot sum across contexts, they get no relationship.
	breakdown bool
}

// weightFunc gives the weight of row item in the total of row total: +1,
// -1, or 0 when it cannot be known before the figures are tried.
type weightFunc func(total, item int, tc, ic *xbrl.Concept) int

// calcWeights chooses how a statement's rows weigh in its totals. A cash
// flow statement prints every line as its effect on cash, so printed
// figures add up and a negated row weighs -1; elsewhere the concepts'
// balances decide (a debit item in a credit total weighs -1).
func calcWeights(kind schema.Kind, signs []int) weightFunc {
	if kind == schema.CashFlow {
		return func(total, item int, _, _ *xbrl.Concept) int { return signs[total] * signs[item] }
	}
	return func(_, _ int, tc, ic *xbrl.Concept) int { return weight(tc, ic) }
}

// calculations adds to net the summations the statement shows and its
// figures confirm in every column:
//
//   - a row under a single rule is the total of the rows above it, back
//     to the nearest heading, caption or total for which the figures add
//     up (total assets includes total current assets; net cash from
//     operating activities starts at net loss, above two headings);
//   - a top-level row such as gross profit, operating loss or the net
//     change in cash is the running subtotal of the top-level rows and
//     totals since the previous one (total revenue less total cost of
//     revenue).
//
// Rows that are items of a confirmed total are not counted again. A total
// whose rows do not add up is a warning at the total's position, and gets
// no relationship.
func calculations(net *xbrl.Network, t *extract.Table, concepts []*xbrl.Concept, facts [][]*xbrl.Fact, w weightFunc, breakdown bool, extension string, diags *source.Diagnostics) {
	ct := &calcTable{t: t, concepts: concepts, facts: facts, net: net, totals: map[*xbrl.Concept]bool{}, weight: w, consumed: map[int]bool{}, breakdown: breakdown, extension: extension}
	var top []int // top-level rows and totals since the last caption
	anchor := 0   // index in top of the last running subtotal
	for i, row := range t.Rows {
		if row.Kind == extract.Caption {
			top, anchor = nil, 0
		}
		if row.Kind != extract.DataRow || concepts[i] == nil {
			continue
		}
		done := row.Total && ct.tryBoundaries(i)
		if row.Section < 0 || row.Total {
			if items := ct.unconsumed(top[anchor:]); len(items) >= 2 && len(items) <= maxSubtotalItems && ct.subtotal(i, items) {
				done = done || ct.try(i, items)
				anchor = len(top)
			}
			top = append(top, i)
		}
		if row.Total && !done && concepts[i].Type == xbrl.Monetary && !ct.balanceAmongFlows(i) {
			diags.Add(source.Warning, "map.totalMismatch", row.Pos,
				"%q does not equal the rows above it in every column; no calculation relationship is made for it", row.Label)
		}
	}
}

// maxBoundaries bounds how far back a total looks for its items, and
// maxSubtotalItems how many rows a running subtotal may add up, so that a
// long table costs time in proportion to its length.
const (
	maxBoundaries    = 8
	maxSubtotalItems = 16
)

// tryBoundaries tries, nearest first, the rows since each earlier
// heading, caption or total (and since each earlier total, that total
// with them) as the items of the total in row i.
func (ct *calcTable) tryBoundaries(i int) bool {
	var bounds []int
	for j := i - 1; j >= 0 && len(bounds) < maxBoundaries; j-- {
		if r := ct.t.Rows[j]; r.Kind != extract.DataRow || r.Total {
			bounds = append(bounds, j)
		}
	}
	if len(bounds) < maxBoundaries {
		bounds = append(bounds, -1) // the table's start is near enough too
	}
	for _, b := range bounds {
		items := ct.unconsumed(ct.between(b, i))
		if ct.try(i, items) {
			return true
		}
		if b >= 0 && ct.t.Rows[b].Kind == extract.DataRow && ct.concepts[b] != nil && !ct.consumed[b] && ct.try(i, append([]int{b}, items...)) {
			return true
		}
	}
	return false
}

// unconsumed drops the rows that are items of a confirmed total.
func (ct *calcTable) unconsumed(rows []int) []int {
	var out []int
	for _, r := range rows {
		if !ct.consumed[r] {
			out = append(out, r)
		}
	}
	return out
}

// balanceAmongFlows reports whether row i reports a balance (an instant)
// in a table of flows, such as cash at the end of the period: it is not a
// sum of the flows above it, and calculations cannot relate the two.
func (ct *calcTable) balanceAmongFlows(i int) bool {
	if ct.concepts[i].PeriodType != xbrl.Instant {
		return false
	}
	for _, f := range ct.facts[i] {
		if f != nil {
			for _, col := range ct.t.Columns {
				if col.Header.Months > 0 || col.Header.Weeks > 0 {
					return true
				}
			}
		}
	}
	return false
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
		if c.PeriodType != tc.PeriodType {
			return nil, false
		}
		if weights[n] = ct.weight(total, i, tc, c); weights[n] == 0 {
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
		if ct.balanced(tc, items, weights) && ct.sums(total, items, weights) {
			return weights, true
		}
	}
	return nil, false
}

// balanced reports whether the weights respect XBRL 2.1 §5.1.1.2: an item
// of the total's balance weighs +1, one of the opposite balance -1.
func (ct *calcTable) balanced(tc *xbrl.Concept, items, weights []int) bool {
	for n, i := range items {
		if w := weight(tc, ct.concepts[i]); w != 0 && w != weights[n] {
			return false
		}
	}
	return true
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
		if !sum.RoundHalfEven(dec).Equal(tf.Value.RoundHalfEven(dec)) {
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
	if ct.breakdown {
		weights := make([]int, len(items))
		for n := range weights {
			weights[n] = 1
		}
		if !ct.sums(total, items, weights) {
			return false
		}
		for _, i := range items {
			ct.consumed[i] = true
		}
		return true
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
		ct.consumed[i] = true
		c := ct.concepts[i]
		if c.Balance == xbrl.NoBalance && tc.Balance != xbrl.NoBalance && c.Prefix == ct.extension {
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
