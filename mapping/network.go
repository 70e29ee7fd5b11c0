package mapping

import (
	"fmt"
	"regexp"
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
// document's period: the shortest duration ending on the latest date.
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
	add("dei:EntityRegistrantName", m.ent.name, m.ent.namePos)
	add("dei:TradingSymbol", m.ent.ticker, m.ent.tickerPos)
	if m.rep.Entity.Scheme == xbrl.SECScheme {
		pos := m.ent.cikPos
		if m.opts.CIK != "" {
			pos = m.opts.CIKPos // zero when given on the command line
		}
		add("dei:EntityCentralIndexKey", m.rep.Entity.ID, pos)
	}
	add("dei:DocumentPeriodEndDate", period.End.Format(time.DateOnly), m.pf.posOf(period.End))
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

// documentPeriod is the period the document reports on: of the duration
// facts ending on the latest date, the shortest.
func (m *mapper) documentPeriod() (xbrl.Period, bool) {
	var best xbrl.Period
	ok := false
	for _, f := range m.rep.Facts {
		p := f.Period
		if p.Instant {
			continue
		}
		if !ok || p.End.After(best.End) || p.End.Equal(best.End) && p.Start.After(best.Start) {
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
