package mapping

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/xport/xport/edgar"
	"github.com/xport/xport/extract"
	"github.com/xport/xport/schema"
	"github.com/xport/xport/source"
	"github.com/xport/xport/xbrl"
)

// Options configure the map stage.
type Options struct {
	// CIK is the SEC Central Index Key of the entity. Empty: the entity is
	// identified by ticker or name under an xport scheme, with a warning.
	CIK string
	// CIKPos is where CIK was read, when it was read from the input (an
	// EDGAR submission header) rather than given. Zero: given.
	CIKPos source.Pos
	// Registrant is the registrant's name as the header of the EDGAR
	// submission the document was taken from gives it (COMPANY CONFORMED
	// NAME), and RegistrantPos where it is printed. It names the
	// registrant (dei:EntityRegistrantName) when the document's text does
	// not, with a provenance note. Empty: the text's name or none.
	Registrant    string
	RegistrantPos source.Pos
	// Form is the form the document is, as the EDGAR submission it was
	// taken from types it ("10-K", "10-Q", ...), and FormPos where.
	// Empty: read from the document's cover page ("FORM 10-K"), if any.
	Form    string
	FormPos source.Pos
	// Name is the base name of the output files; the instance references
	// Name + ".xsd". Default "report".
	Name string
	// Schedules are the EX-27 financial data schedules of the submission
	// the document was taken from: read as facts, and as a check of the
	// statements' figures.
	Schedules []*edgar.Schedule
	// Catalogue and Rules default to the embedded ones.
	Catalogue *schema.Catalogue
	Rules     schema.Rules
}

// mapper holds the state of one document's map stage.
type mapper struct {
	doc    *source.Document
	opts   Options
	rep    *xbrl.Report
	diags  source.Diagnostics
	pf     *periodFinder
	ent    entityInfo
	used   map[string]*xbrl.Concept
	byKey  map[string]*xbrl.Fact
	noted  map[string]bool
	labels map[string]string
	// balances records the balance of each balance sheet line, by
	// normalised label.
	balances map[string]*xbrl.Concept
	// factsByName and docMonths serve the narrative cross-check.
	factsByName map[string][]*xbrl.Fact
	docMonths   int
	// extOrigin records which row (statement kind, heading and label) each
	// extension name was made for.
	extOrigin map[string]string
	// untitled holds the networks of tables with no statement title,
	// titled "Table N" after their place in the document.
	untitled map[*xbrl.Network]bool
	// guessed is set while a table whose kind is guessed is mapped.
	guessed bool
	// inPrimary is set while a titled income statement, balance sheet or
	// cash flow statement is mapped; primary records which facts came
	// from one; dropped holds the facts left out because another primary
	// statement prints a different value.
	inPrimary bool
	// cols are the columns of the table being mapped.
	cols []extract.Column
	// consolidated is set when the document splits net income between
	// the company and noncontrolling interests: a plain "Net income" is
	// then the consolidated figure, us-gaap:ProfitLoss.
	consolidated bool
	primary      map[*xbrl.Fact]bool
	dropped      map[*xbrl.Fact]bool
	// cp is the cover page of an annual or quarterly report; its form is
	// empty for any other document.
	cp coverPage
	// parts are the names of the parts statements are split into
	// ("Automotive", "Financial Services"), as rows are printed under them.
	parts []string
}

// Map turns the tables of doc into a report. Diagnostics say what could
// not be decided with confidence; errors among them (two different values
// for the same fact) make the report invalid.
//
// Map takes the tables over: once a table is mapped it drops the table's
// rows (every cell is by then a fact or not mapped), so the cells of a
// long document are not all held at once. Title, scale, columns and line
// span stay.
func Map(doc *source.Document, tables []*extract.Table, opts Options) (*xbrl.Report, source.Diagnostics, error) {
	if err := opts.defaults(); err != nil {
		return nil, nil, err
	}
	m := &mapper{
		doc: doc, opts: opts, rep: &xbrl.Report{},
		pf:   newPeriodFinder(doc, tables),
		used: map[string]*xbrl.Concept{}, byKey: map[string]*xbrl.Fact{},
		noted: map[string]bool{}, labels: map[string]string{}, balances: map[string]*xbrl.Concept{}, extOrigin: map[string]string{}, untitled: map[*xbrl.Network]bool{},
		primary: map[*xbrl.Fact]bool{}, dropped: map[*xbrl.Fact]bool{},
	}
	m.ent = findEntity(doc, tables)
	m.cp = readCover(doc, opts.Form, opts.FormPos)
	if m.cp.name != "" {
		m.ent.name, m.ent.namePos = m.cp.name, m.cp.namePos
	}
	m.headerName()
	if err := m.identify(); err != nil {
		return nil, nil, err
	}
	m.setNamespace(m.pf.latest())
	m.inheritScales(tables)
	m.consolidated = printsNoncontrolling(tables)
	m.parts = partNames(tables)
	kinds := make([]tableKind, len(tables))
	for i, t := range tables {
		kinds[i] = m.kindOf(t)
	}
	for order := range 4 {
		for i, t := range tables {
			if mapOrder(kinds[i]) == order {
				m.table(i, t, kinds[i])
				t.Rows, t.Unaligned = nil, nil
			}
		}
	}
	m.stray(extract.Stray(doc, tables))
	m.schedules(opts.Schedules)
	if len(m.rep.Facts) == 0 {
		m.diags.Add(source.Warning, "map.noFacts", m.doc.Pos(0, 0), "no figure of the document became a fact")
	}
	m.rep.Facts = slices.DeleteFunc(m.rep.Facts, func(f *xbrl.Fact) bool { return m.dropped[f] })
	sort.SliceStable(m.rep.Tables, func(i, j int) bool { return m.rep.Tables[i].Pos.Before(m.rep.Tables[j].Pos) })
	m.cover()
	m.crossCheck(tables)
	m.joinCalculations()
	m.dropPartialCalculations()
	m.finish()
	m.diags.Sort()
	return m.rep, m.diags, nil
}

// stray reports the figures found outside any table: each is listed as
// not mapped, and each line that has some gets one warning, so a line of
// thousands of figures is one warning, not thousands.
func (m *mapper) stray(cells []extract.Cell) {
	for i, c := range cells {
		m.rep.Figures++
		m.unmap(c, "", "outside any table: no column headings found above it")
		if i > 0 && cells[i-1].Pos.Line == c.Pos.Line {
			continue
		}
		n := 1
		for n < len(cells)-i && cells[i+n].Pos.Line == c.Pos.Line {
			n++
		}
		if n == 1 {
			m.diags.Add(source.Warning, "extract.strayFigure", c.Pos, "figure %q is outside any table: no column headings were found above it", c.Text)
		} else {
			m.diags.Add(source.Warning, "extract.strayFigure", c.Pos, "%d figures (%q, ...) are outside any table: no column headings were found above them", n, c.Text)
		}
	}
}

func (o *Options) defaults() error {
	if o.Name == "" {
		o.Name = "report"
	}
	if o.Catalogue != nil && o.Rules != nil {
		return nil
	}
	cat, rules, err := schema.Default()
	if o.Catalogue == nil {
		o.Catalogue = cat
	}
	if o.Rules == nil {
		o.Rules = rules
	}
	return err
}

// rowMap is how a row is mapped: its concept and the rule's flags.
type rowMap struct {
	concept *xbrl.Concept
	negated bool          // the statement prints the opposite of the value
	at      string        // "start" or "end": an instant of the column's period
	dims    []xbrl.Member // explicit dimensions of the row's facts
}

// table maps one table, read as tk says: its rows to concepts, its cells
// to facts, and its structure to a network with calculation
// relationships.
func (m *mapper) table(index int, t *extract.Table, tk tableKind) {
	m.rep.Figures += countFigures(t)
	title := titleText(t)
	kind := tk.kind
	if why := m.notRead(t, tk); why != "" {
		m.unmapTable(t, why)
		m.rep.Tables = append(m.rep.Tables, xbrl.TableOutcome{Pos: t.Pos, Figures: countFigures(t), Lines: t.Lines, NotRead: why})
		m.diags.Add(source.Info, "map.notStatement", t.Pos, "%d figures not read: %s", countFigures(t), why)
		return
	}
	if kind != schema.Reconciliation && !m.opts.Rules.Covers(kind) {
		why := tk.why
		if why == "" {
			why = fmt.Sprintf("no mapping rules for %s tables yet", kindName(kind))
		}
		m.unmapTable(t, why)
		m.rep.Tables = append(m.rep.Tables, xbrl.TableOutcome{Pos: t.Pos, Figures: countFigures(t)})
		return
	}
	m.guessed, m.cols = tk.guessed, t.Columns
	m.inPrimary = !tk.guessed && (kind == schema.Income || kind == schema.Balance || kind == schema.CashFlow)
	defer func() { m.guessed, m.inPrimary, m.cols = false, false, nil }()
	periods := make([]columnPeriod, len(t.Columns))
	for c, col := range t.Columns {
		periods[c] = m.pf.period(col.Header, kind == schema.Balance, title)
		if !periods[c].ok && !col.Header.IsChange() && col.Header.Text != "" { // a table without headings is one warning, at extraction
			m.diags.Add(source.Warning, "map.undatedColumn", col.Header.Pos,
				"column %d (%q) has no period, so its figures are not facts: %s", c+1, col.Header.Text, periods[c].why)
		}
		if periods[c].ok && periods[c].note != "" && !m.noted[periods[c].period.ID()] {
			m.noted[periods[c].period.ID()] = true
			m.rep.Provenance.Notes = append(m.rep.Provenance.Notes, xbrl.Note{Pos: col.Header.Pos, Text: periods[c].note})
		}
	}
	rows := m.rowMaps(kind, t, tk.guessed)
	colParts := m.columnParts(t)
	if part := m.pagePart(t); part != "" {
		for c := range colParts {
			if colParts[c] == "" {
				colParts[c] = part // the whole table is the part's
			}
		}
	}
	concepts := make([]*xbrl.Concept, len(rows))
	for r := range rows {
		concepts[r] = rows[r].concept
	}
	sharePower := m.sharePower(t, concepts)
	facts := make([][]*xbrl.Fact, len(t.Rows))
	warned := false // that the table states no scale
	for r, row := range t.Rows {
		facts[r] = make([]*xbrl.Fact, len(t.Columns))
		for c, cell := range row.Cells {
			if cell.Empty() {
				continue
			}
			if headingYear(row.Label, cell.Text) {
				m.unmap(cell, row.Label, "a year in a line of column headings, not an amount")
				continue
			}
			if concepts[r] == nil {
				why := "the row has no label to map"
				if tk.guessed && row.Label != "" {
					why = tk.why
				}
				m.unmap(cell, row.Label, why)
				continue
			}
			power := t.Scale.Power
			if p, ok := schema.RowScale(row.Label); ok {
				power = p
			} else if why := unscaled(t, concepts[r], cell); why != "" && periods[c].ok {
				m.unmap(cell, row.Label, why)
				if !warned {
					warned = true
					m.diags.Add(source.Warning, "map.noScale", t.Pos, "%s: its amounts are not facts", why)
				}
				continue
			}
			rm := rows[r]
			if colParts[c] != "" {
				rm.dims = m.inPart(rm.dims, colParts[c])
			}
			facts[r][c] = m.cellFact(row, cell, rm, periods[c], sharePower, power)
		}
		if kind == schema.Balance && row.Kind == extract.DataRow && !tk.guessed {
			m.labelFacts(t, row, periods, sharePower)
		}
	}
	for _, cell := range t.Unaligned {
		m.unmap(cell, "", "the figure lines up with no column of the table")
	}
	if kind == schema.Income {
		m.deductions(t, concepts, facts)
	}
	outcome := xbrl.TableOutcome{Pos: t.Pos, Figures: countFigures(t)}
	for r := range facts {
		for _, f := range facts[r] {
			if f != nil {
				outcome.Facts++
			}
		}
	}
	m.rep.Tables = append(m.rep.Tables, outcome)
	net := m.network(index, kind, t)
	dimRows := rows
	for _, p := range colParts {
		if p == "" {
			continue
		}
		for _, r := range rows {
			if r.concept != nil {
				r.dims = m.inPart(r.dims, p)
				dimRows = append(dimRows, r)
			}
		}
	}
	if hasDims(dimRows) {
		m.dimensional(net, dimRows)
	} else {
		m.present(net, t, rows, facts)
	}
	signs := make([]int, len(rows))
	for r := range rows {
		signs[r] = 1
		if rows[r].negated {
			signs[r] = -1
		}
	}
	calculations(net, t, concepts, facts, calcWeights(kind, signs), hasDims(dimRows), m.rep.Taxonomy.Prefix, &m.diags)
	if len(net.Presentation) > 0 && !m.printedBefore(net) {
		m.rep.Networks = append(m.rep.Networks, net)
	}
}

// notRead says why a table of an annual or quarterly report is left
// unread: only its primary statements (operations or income,
// comprehensive income, balance sheet, cash flows) are, as titled; the
// tables of the notes, of management's discussion and of selected data
// print figures the statements hold, broken down in ways no rule maps,
// and a figure mapped from them is more often wrong than not. It returns
// "" for a table that is read.
func (m *mapper) notRead(t *extract.Table, tk tableKind) string {
	if !m.cp.periodic() {
		return ""
	}
	title := titleLines(t)
	if !tk.guessed && (tk.kind == schema.Income || tk.kind == schema.Balance || tk.kind == schema.CashFlow) &&
		slices.ContainsFunc(title, statementHeading) && !discussion.MatchString(strings.Join(title, " ")) {
		return ""
	}
	return "a table of an annual or quarterly report that is not one of its titled primary statements"
}

// statementHeading reports whether a title line is the heading of a
// primary statement: it names one, and is a heading, not a sentence of
// the notes that mentions one ("recorded in other income in the
// consolidated statements of income (in millions):", "Joint venture
// related balance sheet activity is as follows:").
func statementHeading(line string) bool {
	t := strings.TrimSpace(line)
	loc := primaryTitle.FindStringIndex(t)
	if loc == nil || t[0] >= 'a' && t[0] <= 'z' || strings.HasSuffix(t, ":") || strings.Contains(strings.ToLower(t), "off-balance") {
		return false
	}
	// The statement's name opens the heading, after a word or two
	// ("Condensed Consolidated Statements of Operations"), however long
	// the rest ("... for the Years Ended December 31, 2001, 2000 and 1999").
	return len(strings.Fields(t[:loc[0]])) <= 4 && len(strings.Fields(t)) <= 24
}

var (
	// primaryTitle matches the title of a primary statement: "Consolidated
	// Statements of Operations", "Balance Sheet"; an analysis titled
	// "Results of Operations" is not one.
	primaryTitle = regexp.MustCompile(`(?i)\bstatements?\s+of\b|\bbalance\s+sheets?\b|\b(income|earnings|operations|cash\s+flows?)\s+statements?\b`)
	discussion   = regexp.MustCompile(`(?i)\bdiscussion\b|\bselected\b`)
)

// printedBefore reports whether a network with the same title (or none)
// and the same relationships is already in the report: a statement
// printed again (in a second exhibit, or repeated further down) is one
// role, not one per printing. The facts are the same facts, merged when
// they were added. An untitled table's root is made for its network
// ("Table9Abstract"); a repeated one's is dropped with it.
func (m *mapper) printedBefore(net *xbrl.Network) bool {
	for _, other := range m.rep.Networks {
		untitled := m.untitled[other] && m.untitled[net]
		if !untitled && (other.Title != net.Title || other.Root != net.Root) {
			continue
		}
		same := func(a, b []xbrl.Arc) bool { return sameArcs(a, b, other.Root, net.Root) }
		if same(other.Presentation, net.Presentation) && same(other.Calculation, net.Calculation) && same(other.Definition, net.Definition) {
			if net.Root != other.Root && net.Root.Prefix == m.rep.Taxonomy.Prefix {
				delete(m.used, net.Root.QName())
				delete(m.labels, net.Root.QName())
			}
			return true
		}
	}
	return false
}

// sameArcs reports whether two lists of arcs relate the same concepts in
// the same way, wherever they were printed, with root a in the first
// standing for root b in the second.
func sameArcs(as, bs []xbrl.Arc, a, b *xbrl.Concept) bool {
	return slices.EqualFunc(as, bs, func(x, y xbrl.Arc) bool {
		x.Source, y.Source = source.Pos{}, source.Pos{}
		if x.From == a {
			x.From = b
		}
		return x == y
	})
}

func titleLines(t *extract.Table) []string {
	var out []string
	for _, l := range t.Title {
		out = append(out, l.Text)
	}
	return out
}

func kindName(k schema.Kind) string {
	if k == schema.Unknown {
		return "unrecognised"
	}
	return string(k)
}

// unscaled says why an amount or share count of a table whose title
// states no scale (or two) cannot be read: "in thousands" or "in millions"
// would make it a thousand or a million times larger, and a figure at a
// guessed scale is worse than none. Figures printed with cents are in
// units. It returns "" when the cell's scale is known.
func unscaled(t *extract.Table, c *xbrl.Concept, cell extract.Cell) string {
	if c.Type != xbrl.Monetary && c.Type != xbrl.Shares {
		return ""
	}
	switch {
	case t.Scale.Conflict != "":
		return "the table's scale is in doubt: " + t.Scale.Conflict
	case t.Scale.Text == "" && !(c.Type == xbrl.Monetary && cell.Number.Places == 2):
		return "the table states no scale (\"in thousands\", \"in millions\", \"$000\")"
	}
	return ""
}

// adjustedSection matches a heading whose rows are non-GAAP measures:
// "Adjusted earnings before provision for taxes and net earnings".
var adjustedSection = regexp.MustCompile(`(?i)^(adjusted|non-gaap|pro forma|core|organic)\b`)

var (
	attributable  = regexp.MustCompile(`(?i)\battributable\b`)
	noncontrolled = regexp.MustCompile(`(?i)\battributable to (redeemable (and )?)?(non-?controlling|minority) interests?\b`)
)

// printsNoncontrolling reports whether a table of the document prints net
// income attributable to noncontrolling interests.
func printsNoncontrolling(tables []*extract.Table) bool {
	for _, t := range tables {
		for _, r := range t.Rows {
			if r.HasValues() && noncontrolled.MatchString(r.Label) {
				return true
			}
		}
	}
	return false
}

var footnoteTitle = regexp.MustCompile(`^\s*(\(\d{1,2}\)|\*)\s`)

// inheritScales gives a table whose title states no scale, and is a
// footnote to the statement above it ("(1) The following table summarizes
// ..."), the scale of the table before it, and says so in the provenance.
func (m *mapper) inheritScales(tables []*extract.Table) {
	for i := 1; i < len(tables); i++ {
		t, prev := tables[i], tables[i-1]
		if t.Scale.Text != "" || prev.Scale.Text == "" || len(t.Title) == 0 || !footnoteTitle.MatchString(t.Title[0].Text) {
			continue
		}
		t.Scale = prev.Scale
		m.rep.Provenance.Notes = append(m.rep.Provenance.Notes, xbrl.Note{Pos: t.Title[0].Pos,
			Text: fmt.Sprintf("this footnote table states no scale; it takes %q from the table at %s", prev.Scale.Text, prev.Pos)})
	}
}

// countFigures counts the figures printed in a table.
func countFigures(t *extract.Table) int {
	n := len(t.Unaligned)
	for _, row := range t.Rows {
		for _, c := range row.Cells {
			if !c.Empty() {
				n++
			}
		}
	}
	return n
}

// unmapTable reports every figure of a table that is not mapped.
func (m *mapper) unmapTable(t *extract.Table, reason string) {
	for _, row := range t.Rows {
		for _, cell := range row.Cells {
			if !cell.Empty() {
				m.unmap(cell, row.Label, reason)
			}
		}
	}
	for _, cell := range t.Unaligned {
		m.unmap(cell, "", "the figure lines up with no column")
	}
}

func (m *mapper) unmap(cell extract.Cell, label, reason string) {
	m.rep.Unmapped = append(m.rep.Unmapped, xbrl.Unmapped{Pos: cell.Pos, Text: cell.Text, Label: label, Reason: reason})
}

// rowMaps finds the concept of every data row: by rule, or else an
// extension concept named after the label. In a table whose kind is
// guessed, a row no rule maps has none.
func (m *mapper) rowMaps(kind schema.Kind, t *extract.Table, guessed bool) []rowMap {
	out := make([]rowMap, len(t.Rows))
	for i, row := range t.Rows {
		if row.Kind != extract.DataRow {
			continue
		}
		if row.Label == "" {
			if !row.Total || kind != schema.Compensation {
				continue
			}
			row.Label = "Subtotal" // an unlabelled total of the rows above
		}
		section := sectionOf(t, row)
		if row.Part != "" {
			row.Label = extract.WithoutPart(row.Label, row.Part)
		}
		if kind == schema.Reconciliation {
			out[i] = m.reconciliationRow(row, section)
		} else if r := m.match(kind, t, row, section); r != nil {
			out[i] = rowMap{concept: r.Concept, negated: r.Negated, at: r.At, dims: m.members(r.Dims, row.Label)}
			if m.consolidated && r.Concept.QName() == "us-gaap:NetIncomeLoss" && !attributable.MatchString(row.Label) {
				if c := m.opts.Catalogue.Lookup("us-gaap:ProfitLoss"); c != nil {
					out[i].concept = c
				}
			}
			if kind == schema.Balance && row.Part == "" {
				m.balances[schema.NormalizeLabel(row.Label)] = r.Concept
			}
		} else if guessed {
			continue
		} else {
			var parent *xbrl.Concept
			if r := m.opts.Rules.Match(kind, "", section); section != "" && r != nil {
				parent = r.Concept
			}
			out[i] = m.extension(kind, row, section, underPerShare(t, row), sectionPrintsCurrency(t, row), parent)
		}
		if kind != schema.Reconciliation && (nonGAAPNote(row.Label, t.Notes) || nonGAAPNote(section, t.Notes) || adjustedSection.MatchString(section)) {
			out[i].concept = m.ext("NonGaap"+out[i].concept.Name, out[i].concept, row.Label)
		}
		if row.Part != "" {
			out[i].dims = m.inPart(out[i].dims, row.Part)
		}
		m.use(out[i].concept, row.Label)
	}
	if kind == schema.Balance {
		m.equityWithNoncontrolling(t, out)
	}
	return out
}

var (
	namedEquity = regexp.MustCompile(`^total .+ (stockholders|shareholders)['’]? equity$`)
	plainEquity = regexp.MustCompile(`^(total )?(stockholders|shareholders|shareowners)['’]? (equity|equity \(deficit\)|\(deficit\) equity|deficit)$`)
)

// equityWithNoncontrolling reads a balance sheet that totals the equity of
// the company's own holders ("Total Intel stockholders' equity") and
// then all equity ("Total stockholders' equity", with noncontrolling
// interests), or that lists noncontrolling interests above its total of
// equity: that total is equity including the noncontrolling interests.
func (m *mapper) equityWithNoncontrolling(t *extract.Table, rows []rowMap) {
	named := false
	for i, r := range rows {
		l := schema.NormalizeLabel(t.Rows[i].Label)
		named = named || r.concept != nil && r.concept.QName() == "us-gaap:StockholdersEquity" && namedEquity.MatchString(l) && !plainEquity.MatchString(l)
	}
	including := m.opts.Catalogue.Lookup("us-gaap:StockholdersEquityIncludingPortionAttributableToNoncontrollingInterest")
	if including == nil {
		return
	}
	noncontrolling := false // a row of noncontrolling interests above: the plain total below includes them
	for i, r := range rows {
		l := schema.NormalizeLabel(t.Rows[i].Label)
		if minorityRow.MatchString(l) && !strings.HasPrefix(l, "total") && !strings.Contains(l, "redeemable") { // redeemable ones stand outside equity
			noncontrolling = true
		}
		if r.concept != nil && r.concept.QName() == "us-gaap:StockholdersEquity" && plainEquity.MatchString(l) && (named || noncontrolling) {
			rows[i].concept = including
			m.use(including, t.Rows[i].Label)
		}
	}
}

// minorityRow matches the equity of noncontrolling (minority) holders.
var minorityRow = regexp.MustCompile(`non-?controlling interests?|minority interests?`)

// match finds the rule for a row: by the heading it sits under, else by
// all the headings it sits under, outermost first ("Net income/(loss)"
// under "Basic income" under "AMOUNTS PER SHARE" is basic earnings per
// share).
func (m *mapper) match(kind schema.Kind, t *extract.Table, row extract.Row, section string) *schema.Rule {
	path := sectionPath(t, row)
	if path != section && underPerShare(t, row) {
		return m.opts.Rules.Match(kind, path, row.Label) // amounts per share, never amounts
	}
	if r := m.opts.Rules.Match(kind, section, row.Label); r != nil || path == section {
		return r
	}
	return m.opts.Rules.Match(kind, path, row.Label)
}

// use records that a concept is reported, with the label the document
// gives it the first time.
func (m *mapper) use(c *xbrl.Concept, label string) {
	m.used[c.QName()] = c
	if _, ok := m.labels[c.QName()]; !ok && label != "" {
		m.labels[c.QName()] = cleanLabel(label)
	}
}

// cleanLabel drops footnote marks and a trailing colon from a printed
// label, keeping its case: "Cost of revenue (1):" → "Cost of revenue".
func cleanLabel(s string) string {
	s = strings.TrimSpace(footnoteMarks.ReplaceAllString(s, ""))
	s = strings.TrimSuffix(s, ":")
	return strings.Join(strings.Fields(s), " ")
}

// finish sorts what the report lists and gives facts their ids.
func (m *mapper) finish() {
	for _, c := range m.used {
		m.rep.Concepts = append(m.rep.Concepts, c)
	}
	sort.Slice(m.rep.Concepts, func(i, j int) bool { return m.rep.Concepts[i].QName() < m.rep.Concepts[j].QName() })
	units := map[string]*xbrl.Unit{}
	for _, f := range m.rep.Facts {
		f.ID = f.Concept.ID() + "_" + f.ContextID()
		if f.Unit != nil {
			units[f.Unit.ID] = f.Unit
		}
	}
	for _, u := range units {
		m.rep.Units = append(m.rep.Units, u)
	}
	sort.Slice(m.rep.Units, func(i, j int) bool { return m.rep.Units[i].ID < m.rep.Units[j].ID })
	m.rep.Labels = m.labels
}

// periodWords mark a label that is a column heading read as a row:
// "First Quarter 2024", "Three Months Ended".
var periodWords = regexp.MustCompile(`(?i)\b(quarter|months|weeks|year|ended|fiscal|19[0-9][0-9]|20[0-9][0-9])\b`)

// headingYear reports whether a figure is a year under a label that
// names a period: a line of headings taken for a row, whose years are
// no amounts ("First Quarter 2024   First Quarter 2023").
func headingYear(label, text string) bool {
	t := strings.TrimSpace(text)
	if len(t) != 4 || !(strings.HasPrefix(t, "19") || strings.HasPrefix(t, "20")) || strings.Trim(t, "0123456789") != "" {
		return false
	}
	return periodWords.MatchString(label)
}
