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
	// headless is set when no heading band stands above the table.
	headless bool
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
	ends []int // where the figures that made the column end
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
	// Part is the heading of the part of a statement the row is in, when
	// the statement is split by sector or segment ("Automotive" over the
	// rows down to "Total Automotive assets"); empty otherwise.
	Part string
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
//
// Tables are found from layout alone: a body is a run of lines whose
// figures stand apart from their labels, its columns are where those
// figures end, and its headings are the lines above with phrases over the
// columns. Wording only turns headings into periods, later.
func Tables(doc *source.Document) ([]*Table, source.Diagnostics) {
	var (
		lay    = newLayout(doc)
		tables []*Table
		diags  source.Diagnostics
		floor  int // lines above this belong to an earlier table
	)
	for i := 0; i < len(doc.Lines); {
		if lay.kinds[i] != figureLine {
			i++
			continue
		}
		end, rows, valueStart := lay.body(doc, i)
		t := lay.readTable(doc, floor, i, end, rows, valueStart, &diags)
		if t == nil {
			i = max(end, i+1)
			continue
		}
		if n := len(tables); n > 0 && continues(doc, tables[n-1], t) {
			tables[n-1].append(t)
		} else {
			if t.headless {
				diags.Add(source.Warning, "extract.noHeadings", t.Pos,
					"the table has no column headings: its %d column(s) have no period and their figures are not facts", len(t.Columns))
			}
			tables = append(tables, t)
		}
		floor = t.Lines[1]
		i = t.Lines[1]
	}
	return tables, diags
}

// readTable reads the table whose body has its rows of figures in lines
// [from, end): columns from the figures, the heading band and title above
// (no higher than floor), and the rows (rows of them hold figures);
// figures start at column minStart or right of it. It returns nil when no column of
// figures is found.
func (l *layout) readTable(doc *source.Document, floor, from, end, rows, minStart int, diags *source.Diagnostics) *Table {
	cols := l.findColumns(doc, from, end, minStart)
	if len(cols) == 0 {
		return nil
	}
	valueStart := cols[0].Start
	margin := l.margin(doc, from, end)
	bStart, bEnd, bodyStart := l.band(doc, floor, from, cols, margin)
	if bStart == bEnd && (rows < 2 || len(cols) == 1 && rows < 3) {
		return nil // a line or two of figures under no headings: stray figures, not a table
	}
	widenWithRules(doc, bStart, bEnd, cols)
	bodyEnd := withContinuation(doc, end, valueStart)
	t := &Table{Columns: cols, Pos: doc.Pos(bStart, 0), headless: bStart == bEnd}
	stub := assignHeadings(doc, bStart, bEnd, valueStart, margin, t, diags)
	l.readRows(doc, bodyStart, bodyEnd, valueStart, t, diags)
	if len(t.Rows) == 0 {
		return nil
	}
	t.Title = titleLines(doc, floor, bStart)
	t.Scale = findScale(append(append(append([]Text{}, t.Title...), stub...), leadingCaptions(t)...))
	t.Title = append(t.Title, stub...)
	t.Notes = footnotes(doc, bodyEnd)
	t.Lines = [2]int{bStart, bodyEnd}
	if len(t.Title) > 0 {
		t.Lines[0] = min(bStart, t.Title[0].Pos.Line-1)
	}
	return t
}

// leadingCaptions returns the captions among a table's first rows, where a
// scale may be printed: "(In millions)".
func leadingCaptions(t *Table) []Text {
	var out []Text
	for _, r := range t.Rows[:min(3, len(t.Rows))] {
		if r.Kind == Caption {
			out = append(out, Text{r.Label, r.Pos})
		}
	}
	return out
}

// titleLines returns the lines just above a table's headings, no higher
// than floor: company, statement name, scale, "(Unaudited)". Up to four
// blank lines may stand between the headings and the title, and one
// between title lines; page furniture is skipped.
func titleLines(doc *source.Document, floor, hStart int) []Text {
	j := hStart
	for blanks := 0; j > floor && (strings.TrimSpace(doc.Lines[j-1].Text) == "" || isRule(doc.Lines[j-1].Text) || furniture.MatchString(strings.TrimSpace(doc.Lines[j-1].Text))); j-- {
		if strings.TrimSpace(doc.Lines[j-1].Text) == "" && !doc.Lines[j-1].Markup {
			if blanks++; blanks > 4 {
				break
			}
		}
	}
	var out []Text
	for j > floor && len(out) < 8 {
		l := doc.Lines[j-1]
		text := strings.TrimSpace(l.Text)
		switch {
		case l.Markup || text != "" && furniture.MatchString(text):
			j--
			continue
		case text == "" && j-1 > floor && len(out) > 0 && titleLike(doc.Lines[j-2].Text):
			j-- // one blank line between title lines
			continue
		case isRule(text) && j-1 > floor && underlines(text, doc.Lines[j-2].Text):
			j-- // a title's underline
			continue
		case text == "" || isRule(text) || !titleLike(text):
			j = floor // a gap, a rule or prose ends the title
			continue
		}
		out = append(out, Text{text, l.Pos(doc.Name, len(l.Text)-len(strings.TrimLeft(l.Text, " ")))})
		j--
	}
	for a, b := 0, len(out)-1; a < b; a, b = a+1, b-1 {
		out[a], out[b] = out[b], out[a]
	}
	return out
}

// underlines reports whether rule is the underline of the title line
// above it: no longer than the title by more than a few characters, as
// typewritten statements underline "CONSOLIDATED BALANCE SHEET" with
// "--------------------------".
func underlines(rule, above string) bool {
	t := strings.TrimSpace(above)
	return titleLike(t) && len([]rune(rule)) <= len([]rune(t))+4
}

// sentenceEnd matches the end of a sentence, not of an abbreviation such
// as the "Inc." of a company's name.
var sentenceEnd = regexp.MustCompile(`(?i)[^.]\.$`)

var abbreviationEnd = regexp.MustCompile(`(?i)\b(inc|corp|co|ltd|llc|plc|l\.p|n\.v|s\.a|no|nos)\.$`)

// titleLike reports whether a line may be part of a title block: short
// (a dozen words, however far apart the layout sets them) or a note in
// parentheses or one that states a scale, not a rule, not the end of a
// sentence.
func titleLike(line string) bool {
	t := strings.TrimSpace(line)
	words := strings.Fields(t)
	_, scale := scaleOf(t)
	short := len(words) <= 12 || len([]rune(t)) <= 80 || scale || strings.HasPrefix(t, "(") && strings.HasSuffix(t, ")")
	return t != "" && !isRule(t) && short && (!sentenceEnd.MatchString(t) || abbreviationEnd.MatchString(t))
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

// continues reports whether table t continues table prev on a new page:
// a form feed or a "(continued)" title lies between them, and t has the
// same columns, by heading or, when it repeats no headings, by place.
func continues(doc *source.Document, prev, t *Table) bool {
	if len(prev.Columns) != len(t.Columns) {
		return false
	}
	headless := true
	for c := range t.Columns {
		headless = headless && t.Columns[c].Header.Text == ""
	}
	for c := range t.Columns {
		same := prev.Columns[c].Header.Text == t.Columns[c].Header.Text
		if headless {
			same = prev.Columns[c].overlaps(t.Columns[c].span)
		}
		if !same {
			return false
		}
	}
	// Only page furniture and a few lines (a running header) may stand
	// between the end of one and the title of the other.
	between := 0
	for i := prev.Lines[1]; i < t.Lines[0] && i < len(doc.Lines); i++ {
		if text := strings.TrimSpace(doc.Lines[i].Text); text != "" && !furniture.MatchString(text) {
			between++
		}
	}
	if between > 3 {
		return false
	}
	for i := prev.Lines[1]; i < t.Rows[0].Pos.Line && i < len(doc.Lines); i++ {
		if lower := strings.ToLower(doc.Lines[i].Text); doc.Lines[i].PageBreak || strings.Contains(lower, "(continued)") || strings.Contains(lower, "<page>") {
			return true
		}
	}
	return false
}

// append adds the rows of the continuation next to the table; its first
// rows, indented under the section the page ended in, go on in it.
func (t *Table) append(next *Table) {
	offset := len(t.Rows)
	open := -1 // the section the last row sits in, or heads
	if n := len(t.Rows); n > 0 {
		open = t.Rows[n-1].Section
		if t.Rows[n-1].Kind == Heading {
			open = n - 1
		}
	}
	top := true // before the continuation's own headings and captions
	for _, r := range next.Rows {
		top = top && r.Kind == DataRow
		if r.Section >= 0 {
			r.Section += offset
		} else if top && open >= 0 && r.Indent > t.Rows[open].Indent {
			r.Section = open // the section goes on over the page
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
