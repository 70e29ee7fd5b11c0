package mapping

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/xport/xport/extract"
	"github.com/xport/xport/schema"
	"github.com/xport/xport/source"
	"github.com/xport/xport/xbrl"
)

var roots = map[schema.Kind]string{
	schema.Income:   "us-gaap:IncomeStatementAbstract",
	schema.Balance:  "us-gaap:StatementOfFinancialPositionAbstract",
	schema.CashFlow: "us-gaap:StatementOfCashFlowsAbstract",
}

var statementTitle = regexp.MustCompile(`(?i)(statements?|balance sheets?|reconciliations?)\b`)

// network starts the statement network of a table: its role is named
// after the title line that names the statement.
func (m *mapper) network(index int, kind schema.Kind, t *extract.Table) *xbrl.Network {
	untitled := fmt.Sprintf("Table %d", index+1)
	title := untitled
	for _, l := range t.Title {
		if statementTitle.MatchString(l.Text) {
			title = l.Text
			break
		}
	}
	id := camel(title)
	if id == "" || !unicode.IsLetter(rune(id[0])) {
		id = "Role" + id // an XML id starts with a letter
	}
	net := &xbrl.Network{RoleID: id, Title: title}
	m.untitled[net] = title == untitled
	net.Root = m.opts.Catalogue.Lookup(roots[kind])
	if net.Root == nil {
		net.Root = m.ext(net.RoleID+"Abstract", &xbrl.Concept{Type: xbrl.String, PeriodType: xbrl.Duration}, title)
		net.Root.Abstract = true
	}
	m.use(net.Root, title)
	for _, other := range m.rep.Networks {
		if other.RoleID == net.RoleID {
			net.RoleID += fmt.Sprint(index + 1)
		}
	}
	return net
}

// present lists the concepts of the rows that produced facts under the
// network's root, in the order the statement prints them.
//
// A row whose statement prints the opposite of the concept's value (a
// payment printed in parentheses) is presented with the negated label, so
// that a viewer shows the figure as the statement does.
func (m *mapper) present(net *xbrl.Network, t *extract.Table, rows []rowMap, facts [][]*xbrl.Fact) {
	seen := map[*xbrl.Concept]bool{}
	for r, rm := range rows {
		c := rm.concept
		if c == nil || seen[c] || !anyFact(facts[r]) {
			continue
		}
		seen[c] = true
		net.Presentation = append(net.Presentation, xbrl.Arc{From: net.Root, To: c, Order: len(net.Presentation) + 1, Negated: rm.negated, Source: t.Rows[r].Pos})
	}
}

func anyFact(fs []*xbrl.Fact) bool {
	for _, f := range fs {
		if f != nil {
			return true
		}
	}
	return false
}

// cover adds the document and entity information facts (dei) for the
// document's period: the period the cover of an annual or quarterly
// report states, or else the shortest duration ending on the latest date
// (the longest, a year, for an annual report). An annual or quarterly
// report adds its form, fiscal year and period focus, whether it is an
// amendment, and the shares outstanding its cover states.
func (m *mapper) cover() {
	period, ok := m.documentPeriod()
	if !ok {
		return
	}
	var facts []*xbrl.Fact
	add := func(q, text string, pos source.Pos) {
		c := m.opts.Catalogue.Lookup(q)
		if c == nil || text == "" {
			return
		}
		m.use(c, c.Label)
		facts = append(facts, m.add(&xbrl.Fact{Concept: c, Period: period, Text: text, Source: pos}))
	}
	cp := m.cp
	if cp.periodic() {
		add("dei:DocumentType", strings.TrimSuffix(cp.form, "/A"), cp.formPos)
		add("dei:AmendmentFlag", fmt.Sprint(strings.HasSuffix(cp.form, "/A")), cp.formPos)
	}
	add("dei:EntityRegistrantName", m.ent.name, m.ent.namePos)
	add("dei:TradingSymbol", m.ent.ticker, m.ent.tickerPos)
	if m.rep.Entity.Scheme == xbrl.SECScheme {
		pos := m.ent.cikPos
		if m.opts.CIK != "" {
			pos = m.opts.CIKPos // zero when given on the command line
		}
		add("dei:EntityCentralIndexKey", m.rep.Entity.ID, pos)
	}
	endPos := m.pf.posOf(period.End)
	if cp.end.Equal(period.End) {
		endPos = cp.endPos
	}
	add("dei:DocumentPeriodEndDate", period.End.Format(time.DateOnly), endPos)
	if cp.periodic() {
		year, focus := m.focus(period)
		add("dei:DocumentFiscalYearFocus", year, endPos)
		add("dei:DocumentFiscalPeriodFocus", focus, endPos)
		if c := m.opts.Catalogue.Lookup("dei:EntityCommonStockSharesOutstanding"); c != nil && cp.sharesPos.IsValid() {
			m.use(c, c.Label)
			at := xbrl.Period{Instant: true, End: cp.sharesAt}
			facts = append(facts, m.add(&xbrl.Fact{Concept: c, Period: at, Unit: unitFor(c), Value: cp.shares, Decimals: xbrl.DecimalsINF, Source: cp.sharesPos}))
		}
	}
	facts = slices.DeleteFunc(facts, func(f *xbrl.Fact) bool { return f == nil })
	root := m.opts.Catalogue.Lookup("dei:CoverAbstract")
	if root == nil || len(facts) == 0 {
		return
	}
	m.use(root, "")
	net := &xbrl.Network{RoleID: "Cover", Title: "Cover", Root: root}
	for i, f := range facts {
		net.Presentation = append(net.Presentation, xbrl.Arc{From: root, To: f.Concept, Order: i + 1})
	}
	m.rep.Networks = append([]*xbrl.Network{net}, m.rep.Networks...)
}

// focus names the fiscal year and the part of it a report's period is:
// the year the fiscal year ends in ("2024" for a quarter of a fiscal
// year that starts in February 2023), and "FY" for a year, "Q1" to "Q3"
// for a quarter by the months of the longest period the report gives to
// the same end (six months to date: "Q2").
func (m *mapper) focus(period xbrl.Period) (year, focus string) {
	longest := period
	for _, f := range m.rep.Facts {
		if p := f.Period; !p.Instant && p.End.Equal(period.End) && p.Start.Before(longest.Start) {
			longest = p
		}
	}
	months := int(math.Round(longest.End.Sub(longest.Start).Hours() / 24 / 30.44))
	switch {
	case m.cp.annual() || months >= 12:
		return fmt.Sprint(period.End.AddDate(0, 0, -7).Year()), "FY"
	case months >= 2 && months <= 11:
		q := (months + 1) / 3
		yearEnd := longest.Start.AddDate(1, 0, -1)
		return fmt.Sprint(yearEnd.AddDate(0, 0, -7).Year()), fmt.Sprintf("Q%d", q)
	}
	return "", ""
}

// documentPeriod is the period the document reports on: of the duration
// facts ending on the date the cover of a report states, or else on the
// latest date, the shortest, or the longest (a year) for an annual report.
func (m *mapper) documentPeriod() (xbrl.Period, bool) {
	if p, ok := m.periodEnding(m.cp.end); ok || m.cp.end.IsZero() {
		return p, ok
	}
	return m.periodEnding(time.Time{})
}

// periodEnding is documentPeriod among the periods ending on end, or
// among all when end is zero.
func (m *mapper) periodEnding(end time.Time) (xbrl.Period, bool) {
	var best xbrl.Period
	ok := false
	for _, f := range m.rep.Facts {
		p := f.Period
		if p.Instant || len(f.Dims) > 0 || !end.IsZero() && !p.End.Equal(end) {
			continue
		}
		shorter := p.Start.After(best.Start)
		if m.cp.annual() {
			shorter = p.Start.Before(best.Start)
		}
		if !ok || p.End.After(best.End) || p.End.Equal(best.End) && shorter {
			best, ok = p, true
		}
	}
	return best, ok
}

// posOf returns where the document names a period end.
func (pf *periodFinder) posOf(d time.Time) source.Pos {
	for _, e := range pf.ends {
		if e.date.Equal(d) {
			return e.pos
		}
	}
	return source.Pos{}
}
