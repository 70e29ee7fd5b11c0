package mapping

import (
	"fmt"
	"strings"

	"github.com/xport/xport/decimal"
	"github.com/xport/xport/extract"
	"github.com/xport/xport/source"
	"github.com/xport/xport/xbrl"
)

// deductions settles the sign of an expense printed in parentheses in a
// statement of operations. "Provision for income taxes (225)" between
// "Income before provision for income taxes 1,492" and "Net income 1,267"
// prints the expense as a deduction: the rows add up as printed (1,492 +
// (225) = 1,267), and the expense, IncomeTaxExpenseBenefit, is 225.
// "Income tax benefit (335)" between 75 and 410 is subtracted (75 - (335)
// = 410): the expense is -335, a benefit. A debit row printed negative
// between two results whose figures show neither is left out, with a
// warning: its sign is in doubt, and a wrong sign is a wrong value. Among
// a list of expenses (above their total), a negative figure is a credit,
// as printed.
func (m *mapper) deductions(t *extract.Table, concepts []*xbrl.Concept, facts [][]*xbrl.Fact) {
	for r, row := range t.Rows {
		c := concepts[r]
		if c == nil || c.Balance != xbrl.Debit || c.Type != xbrl.Monetary || !printsNegative(row, facts[r]) {
			continue
		}
		b := resultBelow(t, concepts, r)
		if a := neighbour(t, concepts, r, -1); a < 0 || b < 0 || !isResult(concepts[a]) || !isResult(concepts[b]) {
			continue // an item of a list of expenses: a negative one is a credit, as printed
		}
		switch addsUp(t, concepts, r, b) {
		case deducted:
			for _, f := range facts[r] {
				if f != nil && f.Value.Sign() != 0 && !m.dropped[f] {
					f.Value = f.Value.Neg()
				}
			}
			m.rep.Provenance.Notes = append(m.rep.Provenance.Notes, xbrl.Note{Pos: row.Pos,
				Text: fmt.Sprintf("%q prints %s as a deduction: the rows above %q add up to it with it as printed", row.Label, c.QName(), t.Rows[b].Label)})
		case subtracted:
			// an expense printed with its own sign: a negative one is a benefit
		default:
			for _, f := range facts[r] {
				if f != nil && !m.dropped[f] {
					m.dropped[f] = true
					m.unmapped(f, fmt.Sprintf("%s is printed negative and the rows around it do not show whether it is deducted", c.QName()))
				}
			}
			m.diags.Add(source.Warning, "map.signInDoubt", row.Pos,
				"%q is printed negative and the rows around it do not show whether it is a deduction or a credit: its figures are not facts", row.Label)
		}
	}
}

// resultBelow returns the row a few rows below r that carries the result
// down (a total, or income or a loss), or else the next data row, or -1.
func resultBelow(t *extract.Table, concepts []*xbrl.Concept, r int) int {
	for i := r + 1; i < len(t.Rows) && i <= r+4; i++ {
		if c := concepts[i]; t.Rows[i].Kind == extract.DataRow && c != nil && (t.Rows[i].Total || strings.Contains(c.Name, "IncomeLoss")) {
			return i
		}
	}
	return neighbour(t, concepts, r, +1)
}

// isResult reports whether a concept is a result the statement carries
// down (income, a loss, revenue): an expense between two of them is
// either deducted or subtracted.
func isResult(c *xbrl.Concept) bool {
	return c.Balance == xbrl.Credit || strings.Contains(c.Name, "IncomeLoss") || strings.Contains(c.Name, "ProfitLoss")
}

// printsNegative reports whether a figure of the row that is a fact is
// printed negative (a column of percent changes is no period's).
func printsNegative(row extract.Row, facts []*xbrl.Fact) bool {
	for _, c := range row.Cells {
		if k := c.Column; k >= 0 && k < len(facts) && facts[k] != nil && !c.Empty() && c.Number.Value.Sign() < 0 {
			return true
		}
	}
	return false
}

// neighbour returns the nearest data row with a concept above (step -1)
// or below (+1) row r, or -1.
func neighbour(t *extract.Table, concepts []*xbrl.Concept, r, step int) int {
	for i := r + step; i >= 0 && i < len(t.Rows); i += step {
		if t.Rows[i].Kind == extract.DataRow && concepts[i] != nil && t.Rows[i].HasValues() {
			return i
		}
	}
	return -1
}

// How a row's printed figures make the result below it.
const (
	unknown    = iota
	deducted   // the result is the sum of the rows above it as printed
	subtracted // the result is the sum with this row taken away
)

// addsUp finds how row r makes the result in row b: from some data row
// above r (the nearest first, a few at most), the rows down to b sum to
// b in every column where they all print a figure, with row r as printed
// (deducted) or taken away (subtracted).
func addsUp(t *extract.Table, concepts []*xbrl.Concept, r, b int) int {
	var rows []int // data rows with concepts, from r up
	for i := r; i >= 0 && len(rows) < 8; i-- {
		if t.Rows[i].Kind == extract.DataRow && concepts[i] != nil && t.Rows[i].HasValues() {
			rows = append(rows, i)
		}
	}
	var after []int // between r and b
	for i := r + 1; i < b; i++ {
		if t.Rows[i].Kind == extract.DataRow && concepts[i] != nil && t.Rows[i].HasValues() {
			after = append(after, i)
		}
	}
	for k := 1; k < len(rows); k++ {
		items := append(append([]int{}, rows[:k+1]...), after...)
		for _, how := range []int{deducted, subtracted} {
			if sums(t, items, r, b, how == subtracted) {
				return how
			}
		}
	}
	return unknown
}

// sums reports whether the printed figures of rows items (row r taken
// away when subtract is set) add up to row b's in every column where all
// print a figure, and there is at least one such column.
func sums(t *extract.Table, items []int, r, b int, subtract bool) bool {
	n := 0
	for c := range t.Rows[b].Cells {
		total := t.Rows[b].Cells[c]
		if total.Empty() || total.Number.Nil {
			continue
		}
		var sum decimal.Decimal
		complete := true
		for _, i := range items {
			cell := t.Rows[i].Cells[c]
			if cell.Empty() {
				complete = false
				break
			}
			v := cell.Number.Value
			if cell.Number.Nil {
				v = decimal.Decimal{}
			}
			if i == r && subtract {
				v = v.Neg()
			}
			sum = sum.Add(v)
		}
		if !complete {
			continue
		}
		if !sum.Equal(total.Number.Value) {
			return false
		}
		n++
	}
	return n > 0
}
