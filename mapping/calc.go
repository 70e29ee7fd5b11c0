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
			if len(top)-anchor >= 2 && ct.sums(i, top[anchor:]) {
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

// weight is +1 when an item adds to a total of its balance, -1 otherwise.
func weight(total, item *xbrl.Concept) int {
	if total.Balance != xbrl.NoBalance && item.Balance != xbrl.NoBalance && total.Balance != item.Balance {
		return -1
	}
	return 1
}

// sums reports whether row total equals the weighted sum of rows items in
// every column where they are reported, within the precision of the
// figures, and in at least one column.
func (ct *calcTable) sums(total int, items []int) bool {
	tc := ct.concepts[total]
	seen := map[*xbrl.Concept]bool{tc: true}
	for _, i := range items {
		c := ct.concepts[i]
		if seen[c] || c.Type != tc.Type || c.Type != xbrl.Monetary {
			return false
		}
		seen[c] = true
	}
	checked := 0
	for col, tf := range ct.facts[total] {
		if tf == nil {
			continue
		}
		sum, dec, any := decimal.Decimal{}, tf.Decimals, false
		for _, i := range items {
			f := ct.facts[i][col]
			if f == nil {
				continue
			}
			any = true
			dec = min(dec, f.Decimals)
			v := f.Value
			if weight(tc, ct.concepts[i]) < 0 {
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
// the total has none yet in this network.
func (ct *calcTable) try(total int, items []int) bool {
	if len(items) == 0 || !ct.sums(total, items) {
		return false
	}
	tc := ct.concepts[total]
	if ct.totals[tc] {
		return true
	}
	ct.totals[tc] = true
	for n, i := range items {
		ct.net.Calculation = append(ct.net.Calculation, xbrl.Arc{
			From: tc, To: ct.concepts[i], Order: n + 1, Weight: weight(tc, ct.concepts[i]), Source: ct.t.Rows[total].Pos,
		})
	}
	return true
}
