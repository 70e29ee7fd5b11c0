package minerals

import (
	"strings"
	"unicode/utf8"

	"github.com/xport/xport/source"
)

// colKind is what a column of a smelter list holds.
type colKind int

const (
	colOther colKind = iota
	colMetal
	colName
	colID
	colCountry
	colStatus
)

// column is one column of a list as its header names it.
type column struct {
	kind  colKind
	title string
	col   int // rune column where its header starts
}

// table is the layout of a smelter list, read from its header row:
// which columns it has, in what order, and how its cells are separated.
// The same model reads every layout: the sample's "Metal<TAB>Name", the
// reporting template's aligned columns, pipe, semicolon or comma
// separated rows, and lists grouped under metal headings, whose header
// has no metal column.
type table struct {
	delim rune     // '|', ';' or ','; 0 for cells separated by tabs or runs of spaces
	cols  []column // of one band
	all   []column // of every band, left to right
	// bands is 2 when the header repeats its columns side by side, as a
	// list printed in two columns of a page does; else 1.
	bands int
	key   string // the header's words, to know it when a page repeats it
}

// has reports whether the table has a column of kind k.
func (t *table) has(k colKind) bool {
	for _, c := range t.cols {
		if c.kind == k {
			return true
		}
	}
	return false
}

// detail reports whether rows carry more than a metal and a name: an
// identification number, a country or a status.
func (t *table) detail() bool { return t.has(colID) || t.has(colCountry) || t.has(colStatus) }

// headerKind reads a header cell: "Metal", "Mineral", "Smelter Name",
// "Standard Smelter Name", "Smelter or Refiner", "Smelter ID", "CID",
// "Smelter Identification Number", "Country", "Location", "Facility
// Location", "RMAP Status", "Conformant", "Conflict Free". Columns a list
// may have beside them (city, state, source of the number, contact) are
// colOther.
func headerKind(title string) colKind {
	t := strings.ToLower(strings.Trim(strings.TrimSpace(title), "|:*#"))
	has := func(ws ...string) bool {
		for _, w := range ws {
			if containsWord(t, w) {
				return true
			}
		}
		return false
	}
	switch {
	case t == "" || t == "#" || t == "no" || t == "no." || t == "number" || t == "item" || t == "row":
		return colOther // the row's number in the list, not the smelter's
	case has("source", "city", "state", "province", "street", "contact", "email", "comment", "comments", "notes", "date", "reference"):
		return colOther
	case has("country", "countries", "location"):
		return colCountry
	case has("status", "conformant", "compliant", "certified", "rmap", "cfsp", "validated") ||
		strings.Contains(t, "conflict free") || strings.Contains(t, "conflict-free"):
		return colStatus
	case has("id", "cid", "identification", "number", "no"):
		return colID
	case has("metal", "metals", "mineral", "minerals", "3tg"):
		return colMetal
	case has("name", "smelter", "smelters", "refiner", "refiners", "refinery", "facility", "facilities"):
		return colName
	}
	return colOther
}

// containsWord reports whether w is a word of s (lower case).
func containsWord(s, w string) bool {
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') }) {
		if f == w {
			return true
		}
	}
	return false
}

// parseHeader reads line l as the header row of a smelter list, if it
// is one: at least two short cells, one naming the facility and another
// the metal, number, country or status, and no prose.
func parseHeader(l source.Line) (*table, bool) {
	delim := headerDelim(l)
	cells := splitCells(l, delim)
	if len(cells) < 2 {
		return nil, false
	}
	t := &table{delim: delim, bands: 1}
	names, known := 0, 0
	for _, c := range cells {
		if len(c.Text) > 50 || len(strings.Fields(c.Text)) > 7 {
			return nil, false
		}
		k := headerKind(c.Text)
		if k == colName {
			names++
		}
		if k != colOther {
			known++
		}
		t.cols = append(t.cols, column{kind: k, title: c.Text, col: c.Col})
	}
	if names == 0 || known < 2 || known*2 < len(cells) {
		return nil, false
	}
	t.all = t.cols
	if names > 1 && !t.splitBands() {
		t.keepOneName()
	}
	if !t.has(colName) || !(t.has(colMetal) || t.detail()) {
		return nil, false
	}
	words := make([]string, len(cells))
	for i, c := range cells {
		words[i] = strings.ToLower(c.Text)
	}
	t.key = strings.Join(words, "|")
	return t, true
}

// splitBands makes a header whose columns repeat side by side ("Metal
// Smelter Name Metal Smelter Name") two bands of one table.
func (t *table) splitBands() bool {
	n := len(t.cols)
	if n%2 != 0 || n < 4 {
		return false
	}
	for i := 0; i < n/2; i++ {
		if t.cols[i].kind != t.cols[i+n/2].kind {
			return false
		}
	}
	t.bands = 2
	t.cols = t.cols[:n/2]
	return true
}

// keepOneName keeps one name column of a header that has several (the
// template's "Smelter Reference List" beside "Standard Smelter Name"):
// the first whose title says "name".
func (t *table) keepOneName() {
	keep := -1
	for i, c := range t.cols {
		if c.kind == colName && keep < 0 && containsWord(strings.ToLower(c.title), "name") {
			keep = i
		}
	}
	for i := range t.cols {
		if t.cols[i].kind == colName && keep >= 0 && i != keep {
			t.cols[i].kind = colOther
		}
	}
}

// headerDelim finds how a header separates its cells: pipes, semicolons,
// commas, or else tabs and runs of spaces.
func headerDelim(l source.Line) rune {
	s := l.Text
	switch {
	case strings.Contains(l.Raw(), "\t"):
		return '\t'
	case strings.Count(s, "|") >= 2:
		return '|'
	case strings.Count(s, ";") >= 1 && !strings.Contains(s, "  "):
		return ';'
	case strings.Count(s, ",") >= 1 && !strings.Contains(s, "  ") && !strings.Contains(s, "\t"):
		return ','
	}
	return 0
}

// splitCells splits a line into its cells: at the delimiter (commas and
// semicolons inside double quotes do not split), or at tabs and runs of
// two or more spaces. Each cell is trimmed, at the rune column where its
// text starts; for a delimiter, empty cells are kept, so that a cell's
// place says its column, but not those outside a row's outer pipes.
func splitCells(l source.Line, delim rune) []source.Cell {
	switch delim {
	case 0:
		return l.Cells()
	case '\t':
		return tabCells(l)
	}
	var cells []source.Cell
	var cur []rune
	start, quoted := 0, false
	flush := func(col int) {
		text := string(cur)
		trimmed := strings.TrimSpace(text)
		lead := len([]rune(text)) - len([]rune(strings.TrimLeft(text, " ")))
		if delim != '|' && len(trimmed) >= 2 && trimmed[0] == '"' && trimmed[len(trimmed)-1] == '"' {
			trimmed = strings.ReplaceAll(trimmed[1:len(trimmed)-1], `""`, `"`)
			lead++
		}
		cells = append(cells, source.Cell{Text: trimmed, Col: start + lead})
		cur, start = cur[:0], col+1
	}
	col := 0
	for _, r := range l.Text {
		switch {
		case r == '"' && delim != '|':
			quoted = !quoted
			cur = append(cur, r)
		case r == delim && !quoted:
			flush(col)
		default:
			cur = append(cur, r)
		}
		col++
	}
	flush(col)
	if delim == '|' {
		if len(cells) > 0 && cells[0].Text == "" && strings.HasPrefix(strings.TrimSpace(l.Text), "|") {
			cells = cells[1:]
		}
		if n := len(cells); n > 0 && cells[n-1].Text == "" && strings.HasSuffix(strings.TrimSpace(l.Text), "|") {
			cells = cells[:n-1]
		}
	}
	return cells
}

// tabCells splits a line at its tabs, each cell trimmed and at the rune
// column of Text (tabs expanded) where its text starts.
func tabCells(l source.Line) []source.Cell {
	var cells []source.Cell
	var cur []rune
	col, start := 0, -1
	flush := func() {
		cells = append(cells, source.Cell{Text: strings.TrimSpace(string(cur)), Col: max(start, 0)})
		cur, start = cur[:0], -1
	}
	for _, r := range decodeRaw(l.Raw()) {
		switch r {
		case '\t':
			flush()
			col += source.TabWidth - col%source.TabWidth
			continue
		case '\f', '\v':
			continue
		}
		if start < 0 && r != ' ' && r != '\u00a0' {
			start = col
		}
		cur = append(cur, r)
		col++
	}
	flush()
	for len(cells) > 0 && cells[len(cells)-1].Text == "" {
		cells = cells[:len(cells)-1]
	}
	return cells
}

// record is one line of the list read against its table: the cells of
// one band by column.
type record struct {
	metal   []source.Cell
	names   []source.Cell
	id      source.Cell
	country source.Cell
	status  source.Cell
	other   []source.Cell // cells under no known column
}

// empty reports whether the record holds nothing.
func (r *record) empty() bool {
	return len(r.metal) == 0 && len(r.names) == 0 && r.id.Text == "" && r.country.Text == "" && r.status.Text == "" && len(r.other) == 0
}

// details reports whether the record has a number, country or status.
func (r *record) details() bool {
	return r.id.Text != "" || r.country.Text != "" || r.status.Text != ""
}

// records reads a line against the table: one record per band.
func (t *table) records(l source.Line) []record {
	cells := splitCells(l, t.delim)
	if t.delim == 0 {
		cells = t.splitNarrow(cells)
	}
	out := make([]record, t.bands)
	n := len(t.cols)
	if t.delim == '\t' && len(cells) > 0 && cells[0].Col > 0 && t.cols[0].kind == colMetal {
		if _, ok := metalOf(strings.Fields(cells[0].Text + " x")[0]); !ok {
			cells = append([]source.Cell{{}}, cells...) // indented without a tab: the metal's cell is empty
		}
	}
	for i, c := range cells {
		if c.Text == "" {
			continue
		}
		var band, k int
		if t.delim != 0 {
			if i >= n*t.bands {
				out[t.bands-1].other = append(out[t.bands-1].other, c)
				continue
			}
			band, k = i/n, i%n
		} else {
			band, k = t.columnAt(c.Col)
		}
		r := &out[band]
		switch t.cols[k].kind {
		case colMetal:
			r.metal = append(r.metal, c)
		case colName:
			r.names = append(r.names, c)
		case colID:
			r.id = joinCell(r.id, c)
		case colCountry:
			r.country = joinCell(r.country, c)
		case colStatus:
			r.status = joinCell(r.status, c)
		default:
			r.other = append(r.other, c)
		}
	}
	return out
}

// splitNarrow splits a cell that runs over the start of a later column
// with one space before it, as pdftotext leaves a narrow gutter ("CID000082
// Japan"), where what follows reads as that column's value: a metal, a
// smelter number, a country or a status. A name running long is not
// split: nothing tells where it would end.
func (t *table) splitNarrow(cells []source.Cell) []source.Cell {
	var out []source.Cell
	for _, c := range cells {
		for {
			left, right, ok := t.narrowSplit(c)
			if !ok {
				break
			}
			out, c = append(out, left), right
		}
		out = append(out, c)
	}
	return out
}

// narrowSplit finds the first column start inside c where splitNarrow
// splits it.
func (t *table) narrowSplit(c source.Cell) (left, right source.Cell, ok bool) {
	rs := []rune(c.Text)
	for _, col := range t.all {
		at := col.col - c.Col
		if at <= 1 || at >= len(rs) || rs[at-1] != ' ' || rs[at] == ' ' {
			continue
		}
		rest := strings.TrimSpace(string(rs[at:]))
		fields := strings.Fields(rest)
		if len(fields) == 0 {
			continue // only white space past the column's start
		}
		first := fields[0]
		var fits bool
		switch col.kind {
		case colMetal:
			_, fits = metalOf(first)
		case colID:
			fits = cidRe.MatchString(first)
		case colCountry:
			fits = countryCode(rest) != "" || countryCode(first) != ""
		case colStatus:
			_, fits = statusOf(rest)
		}
		if fits {
			return source.Cell{Text: strings.TrimSpace(string(rs[:at])), Col: c.Col}, source.Cell{Text: rest, Col: col.col}, true
		}
	}
	return c, c, false
}

// joinCell adds c to a cell already read in the same column.
func joinCell(a, c source.Cell) source.Cell {
	if a.Text == "" {
		return c
	}
	a.Text += " " + c.Text
	return a
}

// columnAt finds the column of an aligned cell: the last whose header
// starts at or before the cell, with two columns of slack for text that
// starts a little left of its header.
func (t *table) columnAt(col int) (band, k int) {
	best := 0
	for i := 0; i < len(t.cols)*t.bands; i++ {
		if t.colStart(i) <= col+2 {
			best = i
		}
	}
	return best / len(t.cols), best % len(t.cols)
}

// colStart is where column i of all the bands starts.
func (t *table) colStart(i int) int { return t.all[i].col }

// decodeRaw reads a line's bytes as its Text does: UTF-8, and a byte
// that is not as Windows-1252.
func decodeRaw(raw string) []rune {
	out := make([]rune, 0, len(raw))
	for i := 0; i < len(raw); {
		r, n := utf8.DecodeRuneInString(raw[i:])
		if r == utf8.RuneError && n <= 1 {
			r, n = source.Windows1252(raw[i]), 1
		}
		out = append(out, r)
		i += n
	}
	return out
}
