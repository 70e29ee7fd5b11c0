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
		if c == nil || c.Balance != xbrl.Debit || c.Type != xbrl.Monetary || !printsNegative(row) {
			continue
		}
		a, b := neighbour(t, concepts, r, -1), neighbour(t, concepts, r, +1)
		if a < 0 || b < 0 || !isResult(concepts[a]) || !isResult(concepts[b]) {
			continue // an item of a list of expenses: a negative one is a credit, as printed
		}
		switch {
		case a >= 0 && b >= 0 && adds(t.Rows[a], row, t.Rows[b], false):
			for _, f := range facts[r] {
				if f != nil && f.Value.Sign() != 0 && !m.dropped[f] {
					f.Value = f.Value.Neg()
				}
			}
			m.rep.Provenance.Notes = append(m.rep.Provenance.Notes, xbrl.Note{Pos: row.Pos,
				Text: fmt.Sprintf("%q prints %s as a deduction: the rows above and below add up with it as printed", row.Label, c.QName())})
		case a >= 0 && b >= 0 && adds(t.Rows[a], row, t.Rows[b], true):
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

// isResult reports whether a concept is a result the statement carries
// down (income, a loss, revenue): an expense between two of them is
// either deducted or subtracted.
func isResult(c *xbrl.Concept) bool {
	return c.Balance == xbrl.Credit || strings.Contains(c.Name, "IncomeLoss") || strings.Contains(c.Name, "ProfitLoss")
}

// printsNegative reports whether a figure of the row is printed negative.
func printsNegative(row extract.Row) bool {
	for _, c := range row.Cells {
		if !c.Empty() && c.Number.Value.Sign() < 0 {
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

// adds reports whether, in every column where all three print a figure,
// above + row = below (or above - row = below when subtract is set), and
// there is at least one such column.
func adds(above, row, below extract.Row, subtract bool) bool {
	n := 0
	for c := range row.Cells {
		x, y, z := above.Cells[c], row.Cells[c], below.Cells[c]
		if x.Empty() || y.Empty() || z.Empty() || x.Number.Nil || z.Number.Nil {
			continue
		}
		v := y.Number.Value
		if y.Number.Nil {
			v = decimal.Decimal{}
		}
		if subtract {
			v = v.Neg()
		}
		if !x.Number.Value.Add(v).Equal(z.Number.Value) {
			return false
		}
		n++
	}
	return n > 0
}
