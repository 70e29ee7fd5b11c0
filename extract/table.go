package extract

import (
	"regexp"
	"strings"

	"github.com/xport/xport/source"
)

// Table is a fixed-width table found in a document: its title lines, the
// scale they state, its columns with their headings, and its rows.
type Table struct {
	Title   []Text
	Scale   Scale
	Columns []Column
	Rows    []Row
	// Unaligned holds figures printed in the table that line up with none
	// of its columns; they are reported, never silently dropped.
	Unaligned []Cell
	// Notes are the footnotes printed below the table, by mark: "(1)"
	// → "Amounts reflect non-GAAP results. ...".
	Notes map[string]Text
	Pos   source.Pos // first heading line
	// Lines are the indexes of the document lines the table covers,
	// [first title line, line after the body).
	Lines [2]int
}

// Text is a line of text with its position.
type Text struct {
	Text string
	Pos  source.Pos
}

// Column is one column of figures.
type Column struct {
	Header Header
	span
}

// RowKind tells data rows from the headings between them.
type RowKind int

// Row kinds.
const (
	DataRow RowKind = iota // a label with figures
	Heading                // a label ending in ':' that opens a section ("Revenue:")
	Caption                // a label with neither figures nor colon ("ASSETS")
)

// Row is one row of a table. A label wrapped over several lines is joined.
type Row struct {
	Kind    RowKind
	Label   string
	Indent  int         // leading spaces of the label's first line
	Pos     source.Pos  // start of the label (or of the first figure when there is no label)
	Cells   []Cell      // one per column; a zero Cell where the column is empty
	Total   bool        // a single rule above it: the total of the rows above
	Section int         // index of the Heading row it sits under, -1 at top level
	Closes  int         // for a total, the Heading row whose section it ends; else -1
	Parts   []LabelPart // where each line of the label starts
}

// LabelPart places one line of a wrapped label: the byte offset in Label
// where it starts, and its position in the source.
type LabelPart struct {
	Offset int
	Pos    source.Pos
}

// LabelPos returns the source position of byte offset off of the label
// (a label's characters are ASCII in practice; others count as one
// column each).
func (r Row) LabelPos(off int) source.Pos {
	var p LabelPart
	for _, part := range r.Parts {
		if part.Offset <= off {
			p = part
		}
	}
	pos := p.Pos
	if pos.IsValid() && off >= p.Offset {
		pos.Col += off - p.Offset
	}
	return pos
}

// Cell is one figure of a row.
type Cell struct {
	Text   string // as printed
	Number Number
	Pos    source.Pos
	Column int
}

// Empty reports whether nothing was printed in the cell.
func (c Cell) Empty() bool { return c.Text == "" }

// HasValues reports whether any cell of the row holds a figure.
func (r Row) HasValues() bool {
	for _, c := range r.Cells {
		if !c.Empty() {
			return true
		}
	}
	return false
}

// Tables finds every table in doc. Problems that do not stop a table
// being read (a figure that lines up with no column, a heading without a
// readable date) are returned as diagnostics with their positions.
func Tables(doc *source.Document) ([]*Table, source.Diagnostics) {
	var (
		tables []*Table
		diags  source.Diagnostics
		floor  int // lines above this belong to an earlier table
	)
	for i := 0; i < len(doc.Lines); {
		if !isHeaderLine(doc.Lines[i].Text) {
			i++
			continue
		}
		hStart, hEnd := headerBlock(doc, i)
		t, end := readTable(doc, hStart, hEnd, &diags)
		if t == nil {
			i = hEnd
			continue
		}
		t.Title = titleLines(doc, floor, hStart)
		t.Scale = findScale(t.Title)
		t.Notes = footnotes(doc, end)
		t.Lines = [2]int{hStart, end}
		if len(t.Title) > 0 {
			t.Lines[0] = t.Title[0].Pos.Line - 1
		}
		if n := len(tables); n > 0 && continues(doc, tables[n-1], t, floor, hStart) {
			tables[n-1].append(t)
		} else {
			tables = append(tables, t)
		}
		floor = end
		i = end
	}
	return tables, diags
}

// headerBlock extends a heading line at i to the whole block of heading and
// rule lines around it, returning [start, end).
func headerBlock(doc *source.Document, i int) (start, end int) {
	start = i
	for start > 0 && isRule(doc.Lines[start-1].Text) {
		start--
	}
	end = i + 1
	for end < len(doc.Lines) {
		t := doc.Lines[end].Text
		if isHeaderContinuation(t) || isRule(t) {
			end++
			continue
		}
		break
	}
	return start, end
}

// titleLines returns the non-blank lines just above a table's headings:
// company, statement name, scale, "(Unaudited)".
func titleLines(doc *source.Document, floor, hStart int) []Text {
	j := hStart
	for blanks := 0; j > floor && strings.TrimSpace(doc.Lines[j-1].Text) == ""; j-- {
		if !doc.Lines[j-1].Markup {
			if blanks++; blanks > 1 {
				break
			}
		}
	}
	var out []Text
	for j > floor && len(out) < 8 {
		l := doc.Lines[j-1]
		text := strings.TrimSpace(l.Text)
		if l.Markup {
			j--
			continue
		}
		if text == "" || isRule(text) {
			break
		}
		out = append(out, Text{text, l.Pos(doc.Name, len(l.Text)-len(strings.TrimLeft(l.Text, " ")))})
		j--
	}
	for a, b := 0, len(out)-1; a < b; a, b = a+1, b-1 {
		out[a], out[b] = out[b], out[a]
	}
	return out
}

// readTable reads the body below the heading block [hStart, hEnd). It
// returns nil when no row of figures follows.
func readTable(doc *source.Document, hStart, hEnd int, diags *source.Diagnostics) (*Table, int) {
	valueStart, valueEnd := headingExtent(doc, hStart, hEnd)
	// Prose runs at least halfway into the figures' columns; a long label
	// may overflow into them a little.
	bodyEnd := bodyExtent(doc, hEnd, valueStart, valueStart+(valueEnd-valueStart)/2)
	cols := findColumns(doc, hEnd, bodyEnd, valueStart, headingSpans(doc, hStart, hEnd))
	if len(cols) == 0 {
		return nil, hEnd
	}
	widenWithRules(doc, hStart, hEnd, cols)
	t := &Table{Columns: cols, Pos: doc.Pos(hStart, 0)}
	assignHeadings(doc, hStart, hEnd, valueStart, t, diags)
	readRows(doc, hEnd, bodyEnd, valueStart, t, diags)
	if len(t.Rows) == 0 {
		return nil, hEnd
	}
	return t, bodyEnd
}

// headingExtent returns the leftmost and rightmost columns of the heading
// words: figures sit between them, labels left of start.
func headingExtent(doc *source.Document, hStart, hEnd int) (start, end int) {
	start = -1
	for i := hStart; i < hEnd; i++ {
		t := doc.Lines[i].Text
		if isRule(t) {
			continue
		}
		if ws := words(t); len(ws) > 0 {
			if start < 0 || ws[0].Start < start {
				start = ws[0].Start
			}
			end = max(end, ws[len(ws)-1].End)
		}
	}
	return max(start, 0), end
}

// bodyExtent returns the end of a table body starting at line from: the
// line after the last figure or rule before prose (a line without figures
// that runs past proseEnd), the next table's headings, or the end of the
// document.
func bodyExtent(doc *source.Document, from, valueStart, proseEnd int) int {
	return withContinuation(doc, figuresExtent(doc, from, valueStart, proseEnd), proseEnd)
}

// figuresExtent is bodyExtent without the label continuation.
func figuresExtent(doc *source.Document, from, valueStart, proseEnd int) int {
	end := from
	inBody := true // the last non-blank line was a figure or a rule
	for i := from; i < len(doc.Lines); i++ {
		t := doc.Lines[i].Text
		switch {
		case strings.TrimSpace(t) == "":
			continue
		case isRule(t):
			if inBody {
				end = i + 1
			}
			continue
		case startsHeaderBlock(doc, i):
			return end
		}
		if toks := valueTokens(t); len(toks) > 0 && toks[len(toks)-1].End > valueStart {
			end, inBody = i+1, true
			continue
		}
		if len([]rune(strings.TrimRight(t, " "))) > proseEnd {
			return end // prose or a footnote runs into the figures' columns
		}
		inBody = false
	}
	return end
}

// withContinuation extends a body that ends at line end by the line just
// below its last row when that line continues the row's label: indented,
// starting in lower case or with "(", short of the figures' columns
// ("Net income available to common" over "  stockholders").
func withContinuation(doc *source.Document, end, proseEnd int) int {
	if end <= 0 || end >= len(doc.Lines) {
		return end
	}
	t := doc.Lines[end].Text
	trimmed := strings.TrimSpace(t)
	if t == "" || t[0] != ' ' || !continuesLabel(trimmed) || len(valueTokens(t)) > 0 || len([]rune(strings.TrimRight(t, " "))) > proseEnd {
		return end
	}
	return end + 1
}

// startsHeaderBlock reports whether line i begins the headings of another
// table rather than being, say, a lone year wrapped from a label.
func startsHeaderBlock(doc *source.Document, i int) bool {
	if !isHeaderLine(doc.Lines[i].Text) {
		return false
	}
	if len(words(doc.Lines[i].Text)) > 1 {
		return true
	}
	next := i + 1
	return next < len(doc.Lines) && (isHeaderLine(doc.Lines[next].Text) || isRule(doc.Lines[next].Text))
}

var noteMark = regexp.MustCompile(`^\s*(\(\d{1,2}\)|\(?[a-z]\)|\*+)\s+\S`)

// footnotes reads the notes printed below a table ending at line from: a
// paragraph that starts with a mark such as "(1)" or "*", and the lines
// that continue it, up to the next paragraph without a mark or the next
// table's headings.
func footnotes(doc *source.Document, from int) map[string]Text {
	notes := map[string]Text{}
	mark := ""
	for i := from; i < len(doc.Lines) && i < from+40; i++ {
		text := doc.Lines[i].Text
		switch m := noteMark.FindStringSubmatch(text); {
		case strings.TrimSpace(text) == "":
			continue
		case m != nil:
			mark = m[1]
			notes[mark] = Text{strings.TrimSpace(text), doc.Pos(i, len(text)-len(strings.TrimLeft(text, " ")))}
		case mark != "" && text[0] == ' ' && !isHeaderLine(text):
			n := notes[mark]
			n.Text += " " + strings.TrimSpace(text)
			notes[mark] = n
		default:
			return notes
		}
	}
	return notes
}

// continues reports whether table t, whose headings start at line hStart,
// continues table prev (which ends at line prevEnd) on a new page: a form
// feed or a "(continued)" title lies between them and the column headings
// are the same.
func continues(doc *source.Document, prev, t *Table, prevEnd, hStart int) bool {
	if len(prev.Columns) != len(t.Columns) {
		return false
	}
	for c := range t.Columns {
		if prev.Columns[c].Header.Text != t.Columns[c].Header.Text {
			return false
		}
	}
	for i := prevEnd; i < hStart; i++ {
		if doc.Lines[i].PageBreak || strings.Contains(strings.ToLower(doc.Lines[i].Text), "(continued)") {
			return true
		}
	}
	return false
}

// append adds the rows of the continuation t to the table.
func (t *Table) append(next *Table) {
	offset := len(t.Rows)
	for _, r := range next.Rows {
		if r.Section >= 0 {
			r.Section += offset
		}
		if r.Closes >= 0 {
			r.Closes += offset
		}
		t.Rows = append(t.Rows, r)
	}
	t.Unaligned = append(t.Unaligned, next.Unaligned...)
	t.Lines[1] = next.Lines[1]
	for mark, n := range next.Notes {
		t.Notes[mark] = n
	}
}

// Stray returns the figures printed outside every table: lines that end
// in two or more figures, as table rows do, where no column headings were
// found above them. They are reported, never silently dropped.
func Stray(doc *source.Document, tables []*Table) []Cell {
	inTable := make([]bool, len(doc.Lines))
	for _, t := range tables {
		for i := max(t.Lines[0], 0); i < t.Lines[1] && i < len(inTable); i++ {
			inTable[i] = true
		}
	}
	var out []Cell
	for i, l := range doc.Lines {
		if inTable[i] || isRule(l.Text) {
			continue
		}
		toks := valueTokens(l.Text)
		if len(toks) < 2 {
			continue
		}
		for _, tok := range toks {
			c := Cell{Text: tok.Text, Pos: doc.Pos(i, tok.Start), Column: -1}
			c.Number, _ = ParseNumber(tok.Text)
			out = append(out, c)
		}
	}
	return out
}
