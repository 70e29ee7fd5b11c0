package mapping

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/xport/xport/decimal"
	"github.com/xport/xport/extract"
	"github.com/xport/xport/source"
	"github.com/xport/xport/xbrl"
)

// unitFor returns the unit facts of a concept are measured in. Amounts
// are taken to be in US dollars.
func unitFor(c *xbrl.Concept) *xbrl.Unit {
	switch c.Type {
	case xbrl.Monetary:
		return &xbrl.USD
	case xbrl.PerShare:
		return &xbrl.USDPerShare
	case xbrl.Shares:
		return &xbrl.SharesUnit
	case xbrl.Pure, xbrl.Percent:
		return &xbrl.PureUnit
	}
	return nil
}

// cellFact turns one printed figure into a fact, or reports why not.
// Monetary figures take the table's scale; share counts take sharePower;
// per-share amounts and percentages are never scaled. A dash is a zero,
// as SEC filers tag it, with the precision of its row. A negated row's
// value is the opposite of the printed figure.
func (m *mapper) cellFact(row extract.Row, cell extract.Cell, rm rowMap, cp columnPeriod, sharePower, power int) *xbrl.Fact {
	c := rm.concept
	n := cell.Number
	if cp.ok && rm.at != "" {
		cp = cp.instant(rm.at)
	}
	switch {
	case n.NotApplicable:
		m.unmap(cell, row.Label, "printed as not applicable")
		return nil
	case n.Qualifier != "":
		m.unmap(cell, row.Label, fmt.Sprintf("printed as a bound (%s), not a value", cell.Text))
		return nil
	case !cp.ok:
		m.unmap(cell, row.Label, cp.why)
		return nil
	case (c.PeriodType == xbrl.Instant) != cp.period.Instant:
		m.unmap(cell, row.Label, fmt.Sprintf("%s is reported for %s periods, the column is not", c.QName(), c.PeriodType))
		return nil
	}
	switch c.Type {
	case xbrl.PerShare:
		power = 0
	case xbrl.Shares:
		power = sharePower
	case xbrl.Percent, xbrl.Pure:
		power = 0
		if n.Percent {
			power = -2
		}
	}
	places := n.Places
	if n.Nil {
		places = rowPlaces(row)
	}
	value := n.Value.Shift(power)
	if rm.negated {
		value = value.Neg()
	}
	if value.Sign() > 0 && lossOnly(c, row.Label) {
		value = value.Neg() // "NET LOSS  $ 4,200,103": the label says it is a loss
	}
	f := &xbrl.Fact{
		Concept:  c,
		Dims:     rm.dims,
		Period:   cp.period,
		Unit:     unitFor(c),
		Value:    value,
		Decimals: places - power,
		Source:   cell.Pos,
		Label:    row.Label,
	}
	if old, ok := m.byKey[f.Key()]; ok && m.guessed && !agree(old, f) {
		why := fmt.Sprintf("%s for %s is %s at %s, and this table's statement is only guessed from its rows", c.QName(), f.Period, old.ValueString(), old.Source)
		m.unmap(cell, row.Label, why)
		m.diags.Add(source.Warning, "map.guessContradicted", cell.Pos, "%s is not mapped: %s", cell.Text, why)
		return nil
	}
	return m.add(f)
}

var (
	lossWord      = regexp.MustCompile(`(?i)\bloss(es)?\b`)
	gainWord      = regexp.MustCompile(`(?i)\b(income|earnings|profit|gain)\b`)
	incomeTaxWord = regexp.MustCompile(`(?i)\bincome tax(es)?\b`)
)

// lossOnly reports whether a row of an income-or-loss concept is labelled
// a loss and nothing else ("Net loss", "LOSS FROM OPERATIONS", "Loss before
// income taxes", "Net loss per share"): such rows print a loss as a
// positive figure, and the fact is negative. "Net income (loss)" prints
// its losses in parentheses.
func lossOnly(c *xbrl.Concept, label string) bool {
	if !strings.Contains(c.Name, "IncomeLoss") && !strings.Contains(c.Name, "ProfitLoss") && !strings.HasPrefix(c.Name, "EarningsPerShare") {
		return false
	}
	label = incomeTaxWord.ReplaceAllString(label, "")
	return lossWord.MatchString(label) && !gainWord.MatchString(label)
}

// rowPlaces is the number of decimal places the row's figures print, the
// precision a dash in the row stands for.
func rowPlaces(row extract.Row) int {
	p := 0
	for _, c := range row.Cells {
		if !c.Empty() && !c.Number.Nil {
			p = max(p, c.Number.Places)
		}
	}
	return p
}

// add records a fact, merging it with an earlier fact of the same
// concept, period and unit. The same value printed twice (net loss in the
// statement of operations and in the cash flow statement) is one fact.
//
// Two values that do not agree within their precision mean that at least
// one row was mapped wrong; a wrong value is worse than a missing one, and
// one clash never discards the document. The later figure is left out
// (not mapped, with a warning naming both places); when both are printed
// in primary statements (income, balance sheet, cash flows), neither can
// be trusted over the other and the first is left out too.
func (m *mapper) add(f *xbrl.Fact) *xbrl.Fact {
	old, ok := m.byKey[f.Key()]
	if !ok {
		m.byKey[f.Key()] = f
		m.rep.Facts = append(m.rep.Facts, f)
		m.primary[f] = m.inPrimary
		return f
	}
	if m.dropped[old] {
		m.unmapped(f, fmt.Sprintf("%s for %s is printed with different values elsewhere (%s)", f.Concept.QName(), f.Period, old.Source))
		return nil
	}
	if !agree(old, f) {
		return m.clash(old, f)
	}
	if f.Decimals > old.Decimals {
		// the more precise printing is the fact; the other is another place
		old.Value, old.Decimals = f.Value, f.Decimals
		old.Source, f.Source = f.Source, old.Source
		old.Label = f.Label
	}
	old.Also = append(old.Also, f.Source)
	return old
}

// clash settles two values for one concept and period, old added before
// f: the primary statement's figure stands and the other is left out; when
// both or neither are in a primary statement, both are left out. Each
// left out is a warning naming the other place, and listed as not mapped.
// It returns the fact that stands, or nil.
func (m *mapper) clash(old, f *xbrl.Fact) *xbrl.Fact {
	leaveOut := func(x, other *xbrl.Fact, why string) {
		why = fmt.Sprintf("%s for %s is %s here but %s at %s%s", x.Concept.QName(), x.Period, x.ValueString(), other.ValueString(), other.Source, why)
		m.diags.Add(source.Warning, "map.inconsistentDuplicate", x.Source, "%s: left out", why)
		m.unmapped(x, why)
	}
	switch oldPrimary := m.primary[old]; {
	case oldPrimary && !m.inPrimary:
		leaveOut(f, old, ", in a primary statement")
		return nil
	case !oldPrimary && m.inPrimary:
		leaveOut(old, f, ", in a primary statement")
		m.dropped[old] = true
		m.byKey[f.Key()] = f
		m.rep.Facts = append(m.rep.Facts, f)
		m.primary[f] = true
		return f
	}
	both := ", both in primary statements"
	if !m.inPrimary {
		both = ", neither in a primary statement"
	}
	leaveOut(f, old, both)
	leaveOut(old, f, both)
	m.dropped[old] = true
	return nil
}

// unmapped lists a fact that is left out as a figure not mapped, at each
// place it is printed.
func (m *mapper) unmapped(f *xbrl.Fact, why string) {
	for _, p := range append([]source.Pos{f.Source}, f.Also...) {
		m.rep.Unmapped = append(m.rep.Unmapped, xbrl.Unmapped{Pos: p, Text: f.ValueString(), Label: f.Label, Reason: why})
	}
}

// agree reports whether two facts of one concept, period and unit have
// the same value within the precision of the less precise.
func agree(a, b *xbrl.Fact) bool {
	d := min(a.Decimals, b.Decimals)
	return a.Value.RoundHalfEven(d).Equal(b.Value.RoundHalfEven(d)) && a.Text == b.Text
}

var (
	perShareWords = regexp.MustCompile(`(?i)\bper[\s-]+share\b`)
	shareWords    = regexp.MustCompile(`(?i)\bshares?\b`)
)

// sharePower decides the scale of share counts in a table. Titles say
// "(In thousands, except per share amounts)", which scales share counts,
// and "(In thousands, except share and per share amounts)", which does
// not; but many write "except share amounts" and mean per-share amounts.
// When the title exempts shares, the table's own figures decide if they
// can: net income ≈ EPS × weighted shares holds at only one scale.
func (m *mapper) sharePower(t *extract.Table, concepts []*xbrl.Concept) int {
	p := t.Scale.Power
	except := perShareWords.ReplaceAllString(t.Scale.Except, "")
	if t.Scale.Shares {
		return t.Scale.SharesPower
	}
	if p == 0 || !shareWords.MatchString(except) {
		return p
	}
	got, ok := epsScale(t, concepts, p)
	if !ok {
		m.rep.Provenance.Notes = append(m.rep.Provenance.Notes, xbrl.Note{Pos: t.Scale.Pos,
			Text: fmt.Sprintf("share counts taken as printed: the title says %q", t.Scale.Text)})
		return 0
	}
	if got != 0 {
		m.rep.Provenance.Notes = append(m.rep.Provenance.Notes, xbrl.Note{Pos: t.Scale.Pos,
			Text: fmt.Sprintf("share counts scaled by 10^%d although the title says %q: net income equals EPS times weighted shares only at that scale", got, t.Scale.Text)})
	}
	return got
}

// epsScale tests net income = EPS × weighted average shares (within the
// rounding of EPS to cents) with share counts unscaled and scaled by
// 10^power, and returns the scale that holds when exactly one does.
func epsScale(t *extract.Table, concepts []*xbrl.Concept, power int) (int, bool) {
	ni, eps, sh := rowOf(t, concepts, "NetIncomeLoss"), rowOf(t, concepts, "EarningsPerShare"), rowOf(t, concepts, "WeightedAverageNumberOf")
	if ni < 0 || eps < 0 || sh < 0 {
		return 0, false
	}
	for c := range t.Columns {
		n, e, s := t.Rows[ni].Cells[c], t.Rows[eps].Cells[c], t.Rows[sh].Cells[c]
		if n.Empty() || e.Empty() || s.Empty() || n.Number.Nil || s.Number.Nil || s.Number.Value.IsZero() {
			continue
		}
		income := n.Number.Value.Shift(power)
		var fits []int
		for _, sp := range []int{0, power} {
			shares := s.Number.Value.Shift(sp)
			diff := e.Number.Value.Mul(shares).Sub(income).Abs()
			if diff.Cmp(shares.Mul(decimal.MustParse("0.006"))) <= 0 {
				fits = append(fits, sp)
			}
		}
		if len(fits) == 1 {
			return fits[0], true
		}
	}
	return 0, false
}

// rowOf returns the first data row whose concept name starts with prefix.
func rowOf(t *extract.Table, concepts []*xbrl.Concept, prefix string) int {
	for i, c := range concepts {
		if c != nil && strings.HasPrefix(c.Name, prefix) && t.Rows[i].Kind == extract.DataRow {
			return i
		}
	}
	return -1
}
