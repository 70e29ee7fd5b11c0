package minerals

import (
	"regexp"
	"slices"
	"strings"

	"github.com/xport/xport/source"
)

// Metal is one of the four conflict minerals' metals (3TG).
type Metal string

// The metals, as the catalogue's enumeration names them.
const (
	Gold     Metal = "Gold"
	Tantalum Metal = "Tantalum"
	Tin      Metal = "Tin"
	Tungsten Metal = "Tungsten"
)

// Metals lists the metals in the order reports list them.
var Metals = []Metal{Gold, Tantalum, Tin, Tungsten}

// The statuses a list's status column gives a facility, as the cmr
// taxonomy enumerates them: conformant with the Responsible Minerals
// Assurance Process (or conflict free, compliant), active in it, not
// conformant, or not enrolled.
const (
	StatusConformant    = "Conformant"
	StatusActive        = "Active"
	StatusNotConformant = "Not Conformant"
	StatusNotEnrolled   = "Not Enrolled"
)

// statusOf reads a status cell: "Yes", "RMAP Conformant", "Conflict
// Free", "Active", "In progress", "No", "Non-conformant", "Not
// enrolled".
func statusOf(s string) (string, bool) {
	t := strings.ToLower(strings.Trim(strings.TrimSpace(s), ".*"))
	switch {
	case strings.Contains(t, "not enrolled") || strings.Contains(t, "not participating") || t == "none" || t == "not listed":
		return StatusNotEnrolled, true
	case strings.HasPrefix(t, "non") || strings.HasPrefix(t, "not ") || t == "no" || t == "n":
		return StatusNotConformant, true
	case strings.Contains(t, "active") || strings.Contains(t, "in progress") || strings.Contains(t, "in-progress") || strings.Contains(t, "participating"):
		return StatusActive, true
	}
	for _, w := range []string{"yes", "y", "x", "true", "conformant", "compliant", "certified", "validated", "conflict free", "conflict-free"} {
		if t == w || strings.HasSuffix(t, " "+w) {
			return StatusConformant, true
		}
	}
	return "", false
}

// metalOf recognises a metal label, in any case.
func metalOf(word string) (Metal, bool) {
	for _, m := range Metals {
		if strings.EqualFold(word, string(m)) {
			return m, true
		}
	}
	return "", false
}

// Facility is one smelter or refiner of the list.
type Facility struct {
	Metal Metal
	// Name is the name exactly as printed, without the mark.
	Name string
	// Marked is the "(*)" mark: conflict free, or active in pursuit of
	// that designation, as the report defines it.
	Marked bool
	// ID is the smelter identification number where the list has one
	// ("CID002763"), else empty.
	ID string
	// Country is the smelter's country where the list gives one.
	Country string
	// Pos is where the name starts; MetalPos, IDPos, CountryPos and
	// StatusPos where the metal label, the number, the country and the
	// status are printed (the metal heading, for a grouped list), each
	// invalid when the list gives none.
	Pos                                    source.Pos
	MetalPos, IDPos, CountryPos, StatusPos source.Pos
	// MetalFrom says how the metal was found when it was not printed
	// beside the name: "neighbours", or the position of the label used.
	MetalFrom string
	// CountryCode is the ISO 3166-1 alpha-2 code of Country, where it
	// names one.
	CountryCode string
	// StatusText is the status column as printed ("RMAP Conformant",
	// "Yes", "Active"); Status is what it says, one of the Status
	// values, or "" when it says none of them.
	StatusText, Status string
	// Repair says what was undone to read the facility ("wrapped": its
	// name went on over the next line); Doubt, what may be wrong with
	// it. Both are also diagnostics.
	Repair, Doubt string

	line, col int // line index and rune column of the name in its Text
}

// markRe matches the conflict-free mark after a name.
var markRe = regexp.MustCompile(`\s*\(\*\)`)

// entry is one line of the list as printed, before metals are assigned.
type entry struct {
	line   int     // index in the document
	metals []Metal // labels printed at the start of the line, or the group heading's
	// metalAt gives where each of metals is printed.
	metalAt []source.Pos
	names   []Facility // names printed on the line, without metals yet
	fused   bool       // a metal label joined to the name by one space
	// unassigned holds identification, country or mark cells of a line
	// with several names: which name they belong to is unknown.
	unassigned []source.Cell
}

// lister reads the rows of one smelter list.
type lister struct {
	doc     *source.Document
	t       *table
	furn    furniture
	ds      *source.Diagnostics
	bands   [][]entry // the entries of each band of the table
	tails   []int     // the line each band's last entry was last read on, -1 before any
	group   Metal     // the metal heading the rows below it, for a table without a metal column
	groupAt source.Pos
	stats   ListStats
}

// readList reads the smelter list whose header row, read as t, is at
// line start: every line up to the first that is neither a row, a
// header, a metal heading, page furniture nor blank, unless rows follow
// it (then it is reported as not understood). It returns the facilities
// and the index after the list.
func readList(doc *source.Document, start int, t *table, furn furniture, ds *source.Diagnostics) ([]Facility, int, ListStats) {
	ls := &lister{doc: doc, t: t, furn: furn, ds: ds, bands: make([][]entry, t.bands), tails: []int{-1, -1}}
	ls.noteOtherColumns(start)
	i := start + 1
	for ; i < len(doc.Lines); i++ {
		if !ls.line(i) {
			break
		}
	}
	var entries []entry
	for _, b := range ls.bands { // a list printed in two columns reads down the left one first
		entries = append(entries, b...)
	}
	fs := assignMetals(doc, entries, ds)
	ls.stats.count(fs)
	return fs, i, ls.stats
}

// noteOtherColumns says once which columns of the header are not read.
func (ls *lister) noteOtherColumns(at int) {
	var other []string
	for _, c := range ls.t.cols {
		if c.kind == colOther {
			other = append(other, c.title)
		}
	}
	if len(other) > 0 {
		ls.ds.Add(source.Info, "minerals.otherColumns", ls.doc.Pos(at, ls.t.cols[0].col),
			"the list's columns %s are not read", strings.Join(other, ", "))
	}
}

// line reads line i of the list and reports whether the list goes on.
func (ls *lister) line(i int) bool {
	l := ls.doc.Lines[i]
	trimmed := strings.TrimSpace(l.Text)
	switch {
	case trimmed == "":
		return true
	case ls.header(l):
		return true
	case strings.Trim(trimmed, "-=_|+: ") == "":
		return true // a rule under the header or between rows
	case ls.furn.is(l.Text) && !ls.labelled(l):
		ls.stats.Furniture++
		ls.ds.Add(source.Info, "minerals.pageFurniture", ls.doc.Pos(i, indent(l.Text)), "%q read as a page header, footer or number, not as a facility", trimmed)
		return true
	}
	if m, ok := groupHeading(trimmed); ok && !ls.t.has(colMetal) {
		ls.group, ls.groupAt = m, ls.doc.Pos(i, indent(l.Text))
		return true
	}
	recs := ls.t.records(l)
	if !ls.fits(i, l, recs) {
		if ls.nearPageBreak(i) && !ls.labelled(l) {
			ls.stats.Furniture++
			ls.ds.Add(source.Info, "minerals.pageFurniture", ls.doc.Pos(i, indent(l.Text)), "%q, at a page break, read as a page header or footer, not as a facility", trimmed)
			return true
		}
		if indented(l.Text) || ls.rowsFollow(i) {
			ls.stats.NotUnderstood++
			ls.ds.Add(source.Warning, "minerals.notAnEntry", ls.doc.Pos(i, indent(l.Text)),
				"%q is neither a list header nor a smelter entry; not read as a facility", trimmed)
			return true
		}
		return false
	}
	for b := range recs {
		if !recs[b].empty() {
			ls.record(i, b, &recs[b])
		}
	}
	return true
}

// header reads a header row inside the list: the same header repeated
// at the top of a page, or the header of a table that continues the list
// in another layout.
func (ls *lister) header(l source.Line) bool {
	t, ok := parseHeader(l)
	if !ok {
		return false
	}
	if t.key != ls.t.key {
		for len(ls.bands) < t.bands {
			ls.bands = append(ls.bands, nil)
		}
		ls.t = t
	}
	ls.stats.Furniture++
	return true
}

// nearPageBreak reports whether line i is among the last lines of a page
// or the first of the next (a form feed starts the next page's first
// line), where running footers and headers stand.
func (ls *lister) nearPageBreak(i int) bool {
	for j := max(i-2, 0); j <= min(i+3, len(ls.doc.Lines)-1); j++ {
		if ls.doc.Lines[j].PageBreak {
			return true
		}
	}
	return false
}

// labelled reports whether a line starts with a metal label or holds a
// smelter identification number, as no page header does.
func (ls *lister) labelled(l source.Line) bool {
	first := strings.Fields(strings.Trim(l.Text, " |;,"))
	if len(first) > 0 {
		if _, ok := metalOf(strings.Trim(first[0], ",;:|")); ok {
			return true
		}
	}
	return cidRe.MatchString(l.Text)
}

// cidRe matches a smelter identification number of the industry's
// reporting template.
var cidRe = regexp.MustCompile(`\bCID\d{6}\b`)

// fits reports whether a line reads as a row of the table: delimited as
// its header is, or laid out under its columns; prose does not fit.
func (ls *lister) fits(i int, l source.Line, recs []record) bool {
	t := ls.t
	text := strings.TrimSpace(l.Text)
	if t.delim != 0 && t.delim != '\t' && !strings.ContainsRune(text, t.delim) {
		return false
	}
	any := false
	for _, r := range recs {
		any = any || !r.empty()
	}
	if !any {
		return false
	}
	if t.delim == '|' {
		return strings.Count(text, "|") >= 2 || !isProse(text)
	}
	if t.delim == ',' || t.delim == ';' {
		// A row of values has the header's cells, none of them prose.
		cells := splitCells(l, t.delim)
		for len(cells) > len(t.all) && cells[len(cells)-1].Text == "" {
			cells = cells[:len(cells)-1]
		}
		if len(cells) != len(t.all) {
			return false
		}
		for _, c := range cells {
			if isProse(c.Text) || len(strings.Fields(c.Text)) > 10 {
				return false
			}
		}
		return true
	}
	if isProse(text) {
		return false
	}
	cells := splitCells(l, t.delim)
	for len(cells) > 1 && cells[0].Text == "" {
		cells = cells[1:]
	}
	if t.has(colMetal) {
		// A row starts with its metal label, or, its label lost, is
		// indented under the names.
		for _, r := range recs {
			if ms, _, _, _ := metalsOf(r.metal); len(ms) > 0 {
				return true
			}
		}
		// An indented line under a row may be the rest of it.
		under := cells[0].Col > 0 && ls.t.detail() && slices.Contains(ls.tails, i-1)
		return ls.labelled(l) || under || cells[0].Col > 0 && startsName(cells[0].Text) || len(cells) >= 2 && len(strings.Fields(cells[0].Text)) == 1
	}
	name := -1
	for _, c := range t.all {
		if c.kind == colName {
			name = c.col
			break
		}
	}
	return cells[0].Col >= name-3 || ls.labelled(l)
}

// isProse reports whether text reads as a sentence rather than a row.
func isProse(text string) bool {
	n := len(strings.Fields(text))
	return n > 14 || n > 7 && (strings.HasSuffix(text, ".") || strings.HasSuffix(text, ":")) && !strings.Contains(text, "  ")
}

// rowsFollow reports whether one of the next three lines that are not
// blank is a labelled row of the list: a line before it that fits no
// row is inside the list, not after it.
func (ls *lister) rowsFollow(i int) bool {
	seen := 0
	for j := i + 1; j < len(ls.doc.Lines) && seen < 3; j++ {
		l := ls.doc.Lines[j]
		if strings.TrimSpace(l.Text) == "" {
			continue
		}
		seen++
		if _, ok := parseHeader(l); ok {
			return true
		}
		if ls.labelled(l) && ls.fits(j, l, ls.t.records(l)) {
			return true
		}
	}
	return false
}

// groupHeading reads a metal heading over the rows of a grouped list:
// "Gold", "TIN:", "Tantalum smelters (12)", "Metal: Tungsten".
func groupHeading(s string) (Metal, bool) {
	m := groupRe.FindStringSubmatch(s)
	if m == nil {
		return "", false
	}
	return metalOf(m[1])
}

var groupRe = regexp.MustCompile(`(?i)^(?:metal:\s*)?(gold|tantalum|tin|tungsten)(?:\s+(?:smelters?|refiners?|refineries|facilities|smelters?\s+(?:and|&|or)\s+refiner(?:s|ies)))?\s*(?:\(\d+\))?\s*:?$`)

// record reads one band of a row: a facility, a name without its metal,
// or the rest of the row above.
func (ls *lister) record(i, band int, r *record) {
	metals, metalCols, rest, unknown := metalsOf(r.metal)
	if unknown != nil {
		ls.stats.NotUnderstood++
		ls.ds.Add(source.Warning, "minerals.unknownMetal", ls.doc.Pos(i, unknown.Col),
			"%q is not a conflict mineral's metal (gold, tantalum, tin, tungsten); the entry is not read as a facility", unknown.Text)
		return
	}
	names := r.names
	if rest != nil {
		names = append([]source.Cell{*rest}, names...)
	}
	if len(metals) == 0 && ls.continues(i, band, r, names) {
		ls.extend(i, band, r, names)
		return
	}
	e := entry{line: i, metals: metals, fused: rest != nil}
	for _, c := range metalCols {
		e.metalAt = append(e.metalAt, ls.doc.Pos(i, c))
	}
	if len(metals) == 0 && !ls.t.has(colMetal) && ls.group != "" {
		e.metals, e.metalAt = []Metal{ls.group}, []source.Pos{ls.groupAt}
	}
	if ls.t.detail() && len(names) > 1 {
		names = []source.Cell{joinCells(names)} // one row, one name
	}
	for _, c := range names {
		e.names = append(e.names, splitNames(ls.doc, i, c)...)
	}
	if len(e.names) == 1 {
		ls.details(&e.names[0], r, i)
	} else if len(e.names) > 1 && r.details() {
		for _, c := range []source.Cell{r.id, r.country, r.status} {
			if c.Text != "" {
				e.unassigned = append(e.unassigned, c)
			}
		}
	}
	if len(e.metals) > 0 || len(e.names) > 0 {
		ls.bands[band] = append(ls.bands[band], e)
		ls.tails[band] = i
	}
}

// metalsOf reads the metal cells of a row: the labels, and the text
// after them when a label is joined to the name by a space ("Gold
// Advanced Chemical Company"). unknown is a cell that names no metal.
func metalsOf(cells []source.Cell) (metals []Metal, cols []int, rest, unknown *source.Cell) {
	for _, c := range cells {
		words := strings.Split(c.Text, " ")
		n := 0
		for ; n < len(words); n++ {
			w := strings.Trim(words[n], ",;:")
			if n > 0 && elementSymbol.MatchString(w) {
				continue // "Tin (Sn)"
			}
			m, ok := metalOf(strings.Split(w, "/")[0]) // "Tantalum/Niobium"
			if !ok {
				break
			}
			metals = append(metals, m)
			cols = append(cols, c.Col+len([]rune(strings.Join(words[:n], " ")))+min(n, 1))
		}
		switch {
		case n == 0:
			return nil, nil, nil, &c
		case n < len(words):
			prefix := strings.Join(words[:n], " ") + " "
			rest = &source.Cell{Text: c.Text[len(prefix):], Col: c.Col + len([]rune(prefix))}
		}
	}
	return metals, cols, rest, nil
}

// elementSymbol matches a metal's chemical symbol printed after its
// name.
var elementSymbol = regexp.MustCompile(`^\((?:Au|Ta|Sn|W)\)$`)

// joinCells joins the cells of one column into one, at the first.
func joinCells(cs []source.Cell) source.Cell {
	out := cs[0]
	for _, c := range cs[1:] {
		out.Text += " " + c.Text
	}
	return out
}

// details gives a facility the number, country and status of its row.
func (ls *lister) details(f *Facility, r *record, i int) {
	if r.id.Text != "" {
		f.ID, f.IDPos = r.id.Text, ls.doc.Pos(i, r.id.Col)
	}
	if r.country.Text != "" {
		f.Country, f.CountryPos = r.country.Text, ls.doc.Pos(i, r.country.Col)
		f.CountryCode = countryCode(f.Country)
	}
	if r.status.Text != "" {
		f.StatusText = r.status.Text
		if !f.StatusPos.IsValid() {
			f.StatusPos = ls.doc.Pos(i, r.status.Col)
		}
		st, ok := statusOf(r.status.Text)
		if !ok {
			f.Doubt = "status"
			ls.ds.Add(source.Warning, "minerals.unknownStatus", ls.doc.Pos(i, r.status.Col),
				"the status %q of %q is none of conformant, active, not conformant or not enrolled; kept as printed", r.status.Text, f.Name)
		}
		f.Status = st
		f.Marked = f.Marked || st == StatusConformant || st == StatusActive
	}
}

// moreDetails adds the cells of a wrapped line to the facility's: a
// cell the row above left empty is the facility's, one it filled goes
// on ("United States of" / "America").
func (ls *lister) moreDetails(f *Facility, r *record, i int) {
	more := func(have, add string) string {
		if have == "" || add == "" {
			return have + add
		}
		return have + " " + add
	}
	ids, country, status := f.ID, f.Country, f.StatusText
	f.ID = more(ids, r.id.Text)
	if ids == "" && r.id.Text != "" {
		f.IDPos = ls.doc.Pos(i, r.id.Col)
	}
	if r.country.Text != "" {
		if country == "" {
			f.CountryPos = ls.doc.Pos(i, r.country.Col)
		}
		f.Country = more(country, r.country.Text)
		f.CountryCode = countryCode(f.Country)
	}
	if r.status.Text != "" {
		joined := r.status
		joined.Text = more(status, r.status.Text)
		f.Doubt = ""
		ls.details(f, &record{status: joined}, i)
	}
}

// continues reports whether a row without a metal is the rest of the
// row above it, wrapped: in a table whose rows carry a number, country
// or status, a name alone under a row that has them, or the details of
// a row that lacks them; in any table, text that cannot start a name
// ("Limited", "and Refining Co.") under a name that goes on.
func (ls *lister) continues(i, band int, r *record, names []source.Cell) bool {
	es := ls.bands[band]
	if len(es) == 0 || len(es[len(es)-1].names) == 0 || ls.tails[band] != i-1 {
		return false // the row above is not this band's last facility
	}
	prev := &es[len(es)-1].names[len(es[len(es)-1].names)-1]
	prevDetails := prev.ID != "" || prev.Country != "" || prev.StatusText != ""
	var text string
	if len(names) > 0 {
		text = joinCells(names).Text
	}
	// A name that ends with its mark "(*)" is whole.
	lexical := text != "" && !(prev.Marked && prev.StatusText == "") && looksContinued(prev.Name, text)
	t := ls.t
	switch {
	case !t.detail():
		return lexical
	case text == "":
		return true // cells alone, under the row's: its country or status wrapped
	case t.has(colMetal) && t.has(colID):
		// Rows start with their metal; without one, a line is the row
		// above wrapped, unless it has a number of its own and the row
		// above has one too (a row whose label was lost).
		return r.id.Text == "" || prev.ID == ""
	case !r.details():
		return prevDetails || lexical
	case t.has(colMetal):
		return !prevDetails || lexical
	}
	return lexical || r.id.Text != "" && prev.ID == "" && !prevDetails
}

// extend adds a wrapped line to the facility above it.
func (ls *lister) extend(i, band int, r *record, names []source.Cell) {
	es := ls.bands[band]
	f := &es[len(es)-1].names[len(es[len(es)-1].names)-1]
	at := ls.doc.Pos(i, indent(ls.doc.Lines[i].Text))
	if len(names) > 0 {
		c := joinCells(names)
		text := c.Text
		if markRe.MatchString(text) {
			f.Marked = true
			text = strings.TrimSpace(markRe.ReplaceAllString(text, ""))
		}
		sep := " "
		if strings.HasSuffix(f.Name, "-") {
			sep = ""
		}
		f.Name += sep + text
		at = ls.doc.Pos(i, c.Col)
	}
	ls.moreDetails(f, r, i)
	ls.tails[band] = i
	f.Repair = "wrapped"
	ls.ds.Add(source.Info, "minerals.wrappedName", at, "the line continues the row above: read as %q", f.Name)
}

// tailWords can only end a company name: a line that starts with one
// continues the name above it.
var tailWords = regexp.MustCompile(`^(?:Ltd\.?|Limited|Co\.|Co\.,|Inc\.?|Corp\.?|Corporation|Company|GmbH|AG|S\.A\.?|LLC|Tbk\.?|plc|Pte\.?|Ltda\.?|Sdn\.? Bhd\.?|Bhd\.?|K\.K\.|KG)(?:\W|$)`)

// looksContinued reports whether next reads as the rest of the name
// prev: a few words that start with one that ends names ("Limited",
// "Co., Ltd."), or under a name that stops where a name cannot (an open
// parenthesis, "&", "and", a comma).
func looksContinued(prev, next string) bool {
	if next == "" || prev == "" {
		return false
	}
	if len(strings.Fields(next)) > 5 || strings.ContainsAny(next, "0123456789") {
		return false // the end of a name is short, and has no page number
	}
	if tailWords.MatchString(next) || strings.Count(prev, "(") > strings.Count(prev, ")") {
		return true
	}
	p := strings.ToLower(strings.TrimSpace(prev))
	for _, end := range []string{",", "&", "-", "+", " and", " of", " de", " du", " des", " la", " del"} {
		if strings.HasSuffix(p, end) {
			return true
		}
	}
	return false
}

// indent is the rune column of the first non-space character of s.
func indent(s string) int { return len([]rune(s)) - len([]rune(strings.TrimLeft(s, " "))) }

// startsName reports whether s can start a facility name: a capital
// letter, a digit or an opening quote or parenthesis.
func startsName(s string) bool {
	if s == "" {
		return false
	}
	r := []rune(s)[0]
	return r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r > 127 && strings.ToUpper(string(r)) == string(r) || r == '"' || r == '('
}

// splitNames reads the names of a cell: a "(*)" followed by more text
// ends one name and starts the next.
func splitNames(doc *source.Document, i int, c source.Cell) []Facility {
	var out []Facility
	add := func(from, to int, marked bool) {
		piece := c.Text[from:to]
		lead := len(piece) - len(strings.TrimLeft(piece, " "))
		name := strings.TrimSpace(piece)
		if name == "" {
			return
		}
		col := c.Col + len([]rune(c.Text[:from+lead]))
		out = append(out, Facility{Name: name, Marked: marked, Pos: doc.Pos(i, col), line: i, col: col})
	}
	from := 0
	for _, m := range markRe.FindAllStringIndex(c.Text, -1) {
		add(from, m[0], true)
		from = m[1]
	}
	add(from, len(c.Text), false)
	return out
}

// ListStats counts what reading a list found: facilities read as
// printed, repaired (a wrapped name joined, a metal taken from the rows
// around it) or doubtful (kept, with a warning); lines not understood
// (a warning each); and page furniture left out (headers repeated on a
// new page, page numbers, running headers and footers).
type ListStats struct {
	Facilities, Repaired, Doubtful int
	NotUnderstood, Furniture       int
}

// count adds the facilities read.
func (s *ListStats) count(fs []Facility) {
	for _, f := range fs {
		switch {
		case f.Doubt != "":
			s.Doubtful++
		case f.Repair != "":
			s.Repaired++
		}
	}
	s.Facilities += len(fs)
}

// add sums the stats of two lists.
func (s *ListStats) add(o ListStats) {
	s.Facilities += o.Facilities
	s.Repaired += o.Repaired
	s.Doubtful += o.Doubtful
	s.NotUnderstood += o.NotUnderstood
	s.Furniture += o.Furniture
}

// indented reports whether a line starts with white space, as a list line
// whose metal cell is empty does.
func indented(s string) bool { return s != "" && (s[0] == ' ' || s[0] == '\t') }
