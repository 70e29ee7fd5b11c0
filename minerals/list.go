package minerals

import (
	"regexp"
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
	// Pos is where the name starts.
	Pos source.Pos
	// MetalFrom says how the metal was found when it was not printed
	// beside the name: "neighbours", or the position of the label used.
	MetalFrom string

	line, col int // line index and rune column of the name in its Text
}

// listHeader matches the header row of a smelter list: "Metal  Smelter
// or Refiner Facility Name", "Metal  Smelter Name  Smelter ID  Country".
var listHeader = regexp.MustCompile(`(?i)^\s*metal\s+.*\b(smelter|refiner|facility)`)

// markRe matches the conflict-free mark after a name.
var markRe = regexp.MustCompile(`\s*\(\*\)`)

// entry is one line of the list as printed, before metals are assigned.
type entry struct {
	line   int        // index in the document
	metals []Metal    // labels printed at the start of the line
	names  []Facility // names printed on the line, without metals yet
	fused  bool       // a metal label joined to the name by one space
	// unassigned holds identification, country or mark cells of a line
	// with several names: which name they belong to is unknown.
	unassigned []source.Cell
}

// readList reads the smelter list that starts at the header line at
// index start, until the first line that is neither a header, an entry
// nor blank. It returns the facilities and the index after the list.
func readList(doc *source.Document, start int, ds *source.Diagnostics) ([]Facility, int) {
	var entries []entry
	var lay layout
	i := start
	for ; i < len(doc.Lines); i++ {
		text := doc.Lines[i].Text
		trimmed := strings.TrimSpace(text)
		switch {
		case trimmed == "":
			continue
		case listHeader.MatchString(text):
			lay = headerLayout(doc.Lines[i]) // the first header, or a page-header repeat
			continue
		}
		e, ok := readEntry(doc, i, lay)
		if !ok {
			if cs := doc.Lines[i].Cells(); len(cs) >= 2 && cs[0].Col == 0 && len(strings.Fields(cs[0].Text)) == 1 {
				ds.Add(source.Warning, "minerals.unknownMetal", doc.Pos(i, 0),
					"%q is not a conflict mineral's metal (gold, tantalum, tin, tungsten); the entry %q is not read as a facility", cs[0].Text, cs[1].Text)
				continue
			}
			if !indented(text) {
				break // the paragraph after the list
			}
			ds.Add(source.Warning, "minerals.notAnEntry", doc.Pos(i, len(text)-len(strings.TrimLeft(text, " "))),
				"%q is neither a list header nor a smelter entry; not read as a facility", trimmed)
			continue
		}
		entries = append(entries, e)
	}
	return assignMetals(doc, entries, ds), i
}

// indented reports whether a line starts with white space, as a list line
// whose metal cell is empty does.
func indented(s string) bool { return s != "" && (s[0] == ' ' || s[0] == '\t') }

// layout locates the columns a list's header names beyond the metal and
// the name, as the industry's reporting template lays a list out:
// "Metal  Smelter Name  Smelter ID  Country  Conflict-Free". Each is the
// rune column its header starts at, or -1.
type layout struct {
	id, country, mark int
}

var (
	idHeader      = regexp.MustCompile(`(?i)\b(smelter )?(id|identification( number)?)\b`)
	countryHeader = regexp.MustCompile(`(?i)\b(country|location)\b`)
	markHeader    = regexp.MustCompile(`(?i)conflict[- ]free|conformant|certified|status`)
)

func headerLayout(l source.Line) layout {
	lay := layout{-1, -1, -1}
	for _, c := range l.Cells() {
		switch {
		case idHeader.MatchString(c.Text) && !strings.Contains(strings.ToLower(c.Text), "name"):
			lay.id = c.Col
		case countryHeader.MatchString(c.Text):
			lay.country = c.Col
		case markHeader.MatchString(c.Text):
			lay.mark = c.Col
		}
	}
	return lay
}

// column names the header column a cell at col falls under: the one that
// starts nearest at or before it (one column of slack for ragged text).
func (lay layout) column(col int) string {
	best, name := -1, "name"
	for _, c := range []struct {
		at   int
		name string
	}{{lay.id, "id"}, {lay.country, "country"}, {lay.mark, "mark"}} {
		if c.at >= 0 && c.at <= col+1 && c.at > best {
			best, name = c.at, c.name
		}
	}
	return name
}

// marked reads a conflict-free column: yes, conformant, active, certified.
func marked(s string) bool {
	s = strings.ToLower(strings.TrimSpace(s))
	if strings.HasPrefix(s, "not") || strings.HasPrefix(s, "non") || s == "no" {
		return false
	}
	for _, w := range []string{"yes", "y", "x", "true", "conformant", "compliant", "active", "certified", "conflict free", "conflict-free"} {
		if s == w {
			return true
		}
	}
	return false
}

// readEntry reads one list line: leading metal labels, then one or more
// names with their marks, and the columns of the header's layout. A line
// without metal labels must be indented and hold a name that starts with
// a capital or a digit.
func readEntry(doc *source.Document, i int, lay layout) (entry, bool) {
	cells := doc.Lines[i].Cells()
	e := entry{line: i}
	if len(cells) == 0 {
		return e, false
	}
	first := cells[0]
	words := strings.Split(first.Text, " ")
	n := 0
	for ; n < len(words); n++ {
		m, ok := metalOf(words[n])
		if !ok {
			break
		}
		e.metals = append(e.metals, m)
	}
	var names []source.Cell
	switch {
	case n == len(words):
		names = cells[1:]
	case n > 0:
		e.fused = true
		prefix := strings.Join(words[:n], " ") + " "
		names = append([]source.Cell{{Text: first.Text[len(prefix):], Col: first.Col + len([]rune(prefix))}}, cells[1:]...)
	default:
		if first.Col == 0 || !startsName(first.Text) {
			return e, false
		}
		names = cells
	}
	var extra []source.Cell
	for _, c := range names {
		if lay.column(c.Col) != "name" {
			extra = append(extra, c)
			continue
		}
		e.names = append(e.names, splitNames(doc, i, c)...)
	}
	if len(e.names) > 1 && len(extra) > 0 {
		e.unassigned = extra
	}
	if len(e.names) == 1 {
		f := &e.names[0]
		for _, c := range extra {
			switch lay.column(c.Col) {
			case "id":
				f.ID = c.Text
			case "country":
				f.Country = c.Text
			case "mark":
				f.Marked = f.Marked || marked(c.Text)
			}
		}
	}
	return e, len(e.metals) > 0 || len(e.names) > 0
}

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
