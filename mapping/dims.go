package mapping

import (
	"slices"
	"sort"
	"strings"

	"github.com/xport/xport/extract"
	"github.com/xport/xport/source"
	"github.com/xport/xport/xbrl"
)

// members resolves a rule's dimensions for a row: a rule member stands
// for itself; a wildcard becomes an extension member named after the
// label ("Cost of revenue - amortization from balance sheet*" is
// CostOfRevenueAmortizationFromBalanceSheetMember).
func (m *mapper) members(dims []xbrl.Member, label string) []xbrl.Member {
	if len(dims) == 0 {
		return nil
	}
	out := make([]xbrl.Member, len(dims))
	for i, d := range dims {
		out[i] = d
		if d.Member == nil {
			out[i].Member = m.ext(camel(label)+"Member", &xbrl.Concept{Type: xbrl.Domain, PeriodType: xbrl.Duration}, label)
			out[i].Member.Abstract = true
		}
		m.use(out[i].Axis, "")
		m.use(out[i].Member, label)
	}
	sort.Slice(out, func(a, b int) bool { return out[a].Axis.QName() < out[b].Axis.QName() })
	return out
}

// inPart adds to a row's dimensions the part of the statement it is
// printed in: a figure under "Automotive", down to "Total Automotive
// assets", is a fact of the Automotive segment (an extension member of
// us-gaap:StatementBusinessSegmentsAxis), never of the whole company.
func (m *mapper) inPart(dims []xbrl.Member, part string) []xbrl.Member {
	axis := m.opts.Catalogue.Lookup("us-gaap:StatementBusinessSegmentsAxis")
	name := partName(part)
	member := m.ext(camel(name)+"Member", &xbrl.Concept{Type: xbrl.Domain, PeriodType: xbrl.Duration}, name)
	member.Abstract = true
	m.use(axis, "")
	m.use(member, name+" [Member]")
	out := append(slices.Clone(dims), xbrl.Member{Axis: axis, Member: member})
	sort.Slice(out, func(a, b int) bool { return out[a].Axis.QName() < out[b].Axis.QName() })
	return out
}

// columnParts names the part of the statement each column of t is, when
// its heading names a part that rows of the document are printed under
// ("2001 / Automotive" over a column of the cash flow statement, when the
// balance sheet has an Automotive part); "" for a column of the whole.
func (m *mapper) columnParts(t *extract.Table) []string {
	out := make([]string, len(t.Columns))
	for c, col := range t.Columns {
		heading := " " + strings.ToLower(strings.Join(strings.Fields(col.Header.Text), " ")) + " "
		for _, p := range m.parts {
			if strings.Contains(heading, " "+strings.ToLower(p)+" ") && (out[c] == "" || len(p) > len(out[c])) {
				out[c] = p
			}
		}
	}
	return out
}

// partNames lists the parts rows of the tables are printed under, each
// once, by name ("FINANCIAL SERVICES" and "Financial Services" are one).
func partNames(tables []*extract.Table) []string {
	var out []string
	seen := map[string]bool{}
	for _, t := range tables {
		for _, r := range t.Rows {
			if name := partName(r.Part); r.Part != "" && !seen[strings.ToLower(name)] {
				seen[strings.ToLower(name)] = true
				out = append(out, name)
			}
		}
	}
	return out
}

// partName writes a part's heading as a name: "FINANCIAL SERVICES" is
// "Financial Services".
func partName(heading string) string {
	words := strings.Fields(heading)
	for i, w := range words {
		if allUpper(w) && len(w) > 1 {
			words[i] = w[:1] + strings.ToLower(w[1:])
		}
	}
	return strings.Join(words, " ")
}

func allUpper(w string) bool { return strings.ToUpper(w) == w && strings.ToLower(w) != w }

func hasDims(rows []rowMap) bool {
	for _, r := range rows {
		if len(r.dims) > 0 {
			return true
		}
	}
	return false
}

// dimensional builds the definition and presentation relationships of a
// table whose rows are members of axes: for each axis, the line items
// open a closed hypercube (the catalogue's table) on the axis, whose
// domain is the default and holds the members the rows use; the line
// items hold the primary concepts. Presentation follows the same tree.
func (m *mapper) dimensional(net *xbrl.Network, rows []rowMap) {
	axes := map[*xbrl.Concept][]*xbrl.Concept{} // axis → members in row order
	var axisOrder []*xbrl.Concept
	var primaries []*xbrl.Concept
	seen := map[*xbrl.Concept]bool{}
	for _, r := range rows {
		if r.concept == nil {
			continue
		}
		if !seen[r.concept] {
			seen[r.concept] = true
			primaries = append(primaries, r.concept)
		}
		for _, d := range r.dims {
			if !seen[d.Member] {
				seen[d.Member] = true
				if axes[d.Axis] == nil {
					axisOrder = append(axisOrder, d.Axis)
				}
				axes[d.Axis] = append(axes[d.Axis], d.Member)
			}
		}
	}
	for _, axis := range axisOrder {
		members := axes[axis]
		dim := m.opts.Catalogue.Dimensions[axis.QName()]
		if dim == nil {
			m.diags.Add(source.Error, "map.unknownDimension", source.Pos{File: m.doc.Name}, "%s is not a dimension of the catalogue", axis.QName())
			continue
		}
		for _, c := range []*xbrl.Concept{dim.Table, dim.Domain, dim.LineItems} {
			m.use(c, "")
		}
		def := []xbrl.Arc{
			{From: dim.LineItems, To: dim.Table, Arcrole: "all"},
			{From: dim.Table, To: axis, Arcrole: "hypercube-dimension"},
			{From: axis, To: dim.Domain, Arcrole: "dimension-domain"},
			{From: axis, To: dim.Domain, Arcrole: "dimension-default"},
		}
		pre := []xbrl.Arc{{From: net.Root, To: dim.Table}, {From: dim.Table, To: axis}, {From: axis, To: dim.Domain}}
		for _, mem := range members {
			def = append(def, xbrl.Arc{From: dim.Domain, To: mem, Arcrole: "domain-member"})
			pre = append(pre, xbrl.Arc{From: dim.Domain, To: mem})
		}
		pre = append(pre, xbrl.Arc{From: dim.Table, To: dim.LineItems})
		for _, p := range primaries {
			def = append(def, xbrl.Arc{From: dim.LineItems, To: p, Arcrole: "domain-member"})
			pre = append(pre, xbrl.Arc{From: dim.LineItems, To: p})
		}
		net.Definition = append(net.Definition, numbered(def)...)
		net.Presentation = append(net.Presentation, numbered(pre)...)
	}
}

// numbered orders arcs from each parent 1, 2, 3, ... as listed.
func numbered(arcs []xbrl.Arc) []xbrl.Arc {
	next := map[string]int{}
	for i := range arcs {
		k := arcs[i].From.QName() + arcs[i].Arcrole
		next[k]++
		arcs[i].Order = next[k]
	}
	return arcs
}

// pagePart finds the part of the company a table without a statement
// title is printed under: the nearest heading in capitals above it that
// names no statement and no section of a release ("CONSTRUCTION
// INDUSTRIES" over a segment's pages of tables), up to a statement's
// title. Its figures are that part's, never the whole company's.
func (m *mapper) pagePart(t *extract.Table) string {
	for _, l := range t.Title {
		if statementTitle.MatchString(l.Text) {
			return ""
		}
	}
	for i := len(t.Title) - 1; i >= 0; i-- {
		if text := strings.TrimSpace(t.Title[i].Text); partHeading(text) {
			return text
		}
	}
	for i := t.Lines[0] - 1; i >= 0 && i >= t.Lines[0]-80; i-- {
		text := strings.TrimSpace(m.doc.Lines[i].Text)
		switch {
		case statementTitle.MatchString(text) && !strings.Contains(text, "  "):
			return ""
		case partHeading(text):
			return text
		}
	}
	return ""
}

// notPart are words of headings in capitals that name a section of a
// release or a statement, not a part of the company.
var notPart = map[string]bool{"CONSOLIDATED": true, "STATEMENT": true, "STATEMENTS": true, "RESULTS": true, "FINANCIAL": true,
	"SUPPLEMENTAL": true, "RECONCILIATION": true, "RECONCILIATIONS": true, "GAAP": true, "NON-GAAP": true, "HIGHLIGHTS": true,
	"OUTLOOK": true, "DATA": true, "INFORMATION": true, "SUMMARY": true, "MORE": true, "NOTES": true, "NOTE": true,
	"TABLE": true, "EXHIBIT": true, "RELEASE": true, "NEWS": true, "CONTACT": true, "CONTACTS": true, "QUARTER": true,
	"YEAR": true, "MONTHS": true, "UNAUDITED": true, "CONDENSED": true, "SELECTED": true, "SCHEDULE": true, "GUIDANCE": true,
	"FORWARD-LOOKING": true, "ABOUT": true, "INC": true, "INC.": true, "CORPORATION": true, "COMPANY": true, "LTD": true,
	"BALANCE": true, "SHEET": true, "SHEETS": true, "CASH": true, "FLOWS": true, "INCOME": true, "OPERATIONS": true,
	"EARNINGS": true, "DIVIDEND": true, "DIVIDENDS": true, "WEBCAST": true, "CALL": true, "CONFERENCE": true, "PER": true,
	"SHARE": true, "RATIOS": true, "METRICS": true, "KEY": true, "OTHER": true, "TOTAL": true}

// partHeading reports whether a line is a heading in capitals that can
// name a part of the company: one to five words, letters only.
func partHeading(text string) bool {
	words := strings.Fields(strings.ReplaceAll(text, "&", " "))
	if len(words) == 0 || len(words) > 5 || !allUpper(text) {
		return false
	}
	long := false
	for _, w := range words {
		if notPart[strings.Trim(w, ",:")] || strings.ContainsAny(w, "0123456789()$%") {
			return false
		}
		long = long || len(w) >= 3
	}
	return long
}
