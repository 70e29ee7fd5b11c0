package extract

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/xport/xport/source"
)

// dotLeaders are the runs of dots that lead a label to its figures:
// "Net revenues .........   $ 2,486.3".
var dotLeaders = regexp.MustCompile(`(\s?\.){3,}\s*$|\.{4,}`)

// rowReader turns body lines into rows: it joins labels wrapped over
// several lines, notes rules that introduce totals, and tracks the
// section headings rows sit under.
type rowReader struct {
	doc        *source.Document
	t          *Table
	valueStart int
	diags      *source.Diagnostics

	pending   []string     // label lines waiting for their figures
	partPos   []source.Pos // where each pending label line starts
	pendPos   source.Pos   // where the pending label starts
	pendLine  int          // index of the line the pending label starts on
	lastData  int          // index of the last line of the last data row, -1 before any
	pendInd   int          // indent of the pending label's first line
	lastCol   int          // rune column where the pending label's last line starts
	ruleAbove bool         // a single rule directly above the pending row
	blank     bool         // a blank line since the last row
	sections  []int        // open Heading rows, innermost last
	// below holds the lower-cased text of the body's lines, so that a
	// label can be looked for in the totals below it.
	below []string
	at    int // index in below of the line being read
	// widest is where the longest label of a row with figures ends.
	widest int
	// flatHeading is set by startsRow when the pending label is a heading
	// though its rows are not indented under it.
	flatHeading bool
	// outer holds the heading rows in capitals that head their rows flat
	// ("AUTOMOTIVE" over "Sales"): their sections hold everything below
	// them, blank lines, totals and smaller headings included, until the
	// next such heading.
	outer map[int]bool
}

// readRows reads body lines [from, to) into t.Rows; page furniture is
// not a row.
func (l *layout) readRows(doc *source.Document, from, to, valueStart int, t *Table, diags *source.Diagnostics) {
	r := &rowReader{doc: doc, t: t, valueStart: valueStart, diags: diags, lastData: -1, outer: map[int]bool{}}
	for i := from; i < to; i++ {
		r.below = append(r.below, strings.ToLower(doc.Lines[i].Text))
		if l.kinds[i] == figureLine {
			r.widest = max(r.widest, labelEnd(doc.Lines[i].Text, valueStart))
		}
	}
	for i := from; i < to; i++ {
		if l.kinds[i] != furnitureLine {
			r.at = i - from
			r.line(i)
		}
	}
	r.flush()
	findParts(t)
}

func (r *rowReader) line(i int) {
	text := r.doc.Lines[i].Text
	switch {
	case strings.TrimSpace(text) == "":
		r.flush()
		r.ruleAbove, r.blank = false, true
		return
	case isRule(text):
		r.flush()
		// A rule across the labels too only separates rows; a single rule
		// under the figures alone introduces a total.
		segs := ruleSegments(text)
		r.ruleAbove = !isDoubleRule(text) && len(segs) > 0 && segs[0].Start >= r.valueStart-1
		return
	}
	label, labelCol, cells := r.split(i, text)
	// A lower-case line just below a data row, followed by a row of its
	// own that starts in upper case, ends the row above's label.
	if len(cells) > 0 && len(r.pending) > 0 && continuesLabel(r.pending[0]) && r.pendLine == r.lastData+1 &&
		label != "" && !continuesLabel(label) {
		r.flush()
	}
	if len(r.pending) > 0 && label != "" && r.startsRow(label, labelCol) {
		// "Inventories" over an indented "Raw materials": a heading, not
		// the first line of a wrapped label; "Assets" over "Current
		// assets:", a caption.
		if labelCol > r.pendInd || r.flatHeading {
			if r.flatHeading && allCaps(joinLabel(r.pending)) {
				r.outer[len(r.t.Rows)] = true
			}
			r.emit(Heading, nil)
		} else {
			r.flush()
		}
	}
	if len(r.pending) == 0 {
		r.pendPos = r.doc.Pos(i, labelCol)
		r.pendLine = i
		r.pendInd = labelCol
	}
	if label != "" {
		r.pending = append(r.pending, label)
		r.partPos = append(r.partPos, r.doc.Pos(i, labelCol))
		r.lastCol = labelCol
	}
	if len(cells) > 0 {
		r.emit(DataRow, cells)
		r.lastData = i
		return
	}
	if strings.HasSuffix(label, ":") {
		r.emit(Heading, nil)
	}
}

// split separates a line into its label and the figures that line up with
// the table's columns. Figures that line up with no column are recorded as
// unaligned and reported.
func (r *rowReader) split(i int, text string) (label string, labelCol int, cells []Cell) {
	toks := valueTokens(text)
	first := 0
	for first < len(toks) && toks[first].End <= r.valueStart {
		first++
	}
	toks = toks[first:]
	runes := []rune(text)
	cut := len(runes)
	if len(toks) > 0 {
		cut = toks[0].Start
		// Words left of the figures but in the figures' columns: a figure
		// the scan from the right stopped short of, or text that is not a
		// number ("Revenue   1,000   n.a.x   3,000").
		var stray []word
		cut, stray = r.strayWords(runes[:cut])
		toks = append(stray, toks...)
	}
	labelRunes := runes[:cut]
	labelCol = indent(labelRunes)
	label = string(labelRunes)
	if strings.Count(label, ".") >= 3 { // what dot leaders need
		label = dotLeaders.ReplaceAllString(label, " ")
	}
	label = strings.Join(strings.Fields(label), " ")
	for _, tok := range toks {
		c := Cell{Text: tok.Text, Pos: r.doc.Pos(i, tok.Start), Column: -1}
		var err error
		if c.Number, err = ParseNumber(tok.Text); err != nil {
			r.diags.Add(source.Warning, "extract.notANumber", c.Pos,
				"%q stands in the figures' columns but is not a number", c.Text)
			continue
		}
		hit := overlapping(r.t.Columns, tok.span)
		if len(hit) > 1 && !c.Number.Nil {
			hit = byRightEdge(r.t.Columns, hit, tok.span)
		}
		if len(hit) != 1 {
			if n := nearest(r.t.Columns, tok.span); len(hit) == 0 && n >= 0 {
				hit = []int{n}
			}
		}
		if len(hit) != 1 || cellTaken(cells, hit[0]) {
			r.t.Unaligned = append(r.t.Unaligned, c)
			r.diags.Add(source.Warning, "extract.unalignedCell", c.Pos,
				"figure %q lines up with no single column of the table", c.Text)
			continue
		}
		c.Column = hit[0]
		cells = append(cells, c)
	}
	return label, labelCol, cells
}

// byRightEdge picks, among the columns a figure overlaps (ragged columns
// of PDF-to-text overlap their neighbours), the one some of whose figures
// end where it ends, or nearest to it, clearly nearer than the others:
// figures align on the right. It returns them all when none is clear.
func byRightEdge(cols []Column, hit []int, s span) []int {
	best, dist, next := -1, 1<<30, 1<<30
	for _, c := range hit {
		d := 1 << 30
		for _, e := range cols[c].ends {
			d = min(d, max(e-s.End, s.End-e))
		}
		switch {
		case d < dist:
			best, dist, next = c, d, dist
		case d < next:
			next = d
		}
	}
	if best >= 0 && dist <= 2 && next-dist >= 2 {
		return []int{best}
	}
	return hit
}

// strayWords splits the text left of a row's figures into the label and
// the words that stand in the figures' columns (starting right of where
// the headings start and overlapping a column).
func (r *rowReader) strayWords(left []rune) (cut int, stray []word) {
	cut = len(left)
	ws := joinMarkers(words(string(left)))
	for k := len(ws) - 1; k >= 0; k-- {
		w := ws[k]
		if w.Start < r.valueStart || len(overlapping(r.t.Columns, w.span)) == 0 {
			break
		}
		w.Text = string(left[w.Start:w.End])
		stray = append([]word{w}, stray...)
		cut = w.Start
	}
	return cut, stray
}

func cellTaken(cells []Cell, col int) bool {
	for _, c := range cells {
		if c.Column == col {
			return true
		}
	}
	return false
}

// flush ends a pending label that received no figures: a caption such as
// "ASSETS" or "Commitments and contingencies".
// A label that starts in lower case or with "(" on the line just below a
// data row ends that row's label instead: "Interest and other income
// (2.4)" over "(expense), net".
func (r *rowReader) flush() {
	if len(r.pending) == 0 {
		return
	}
	if n := len(r.t.Rows); n > 0 && r.pendLine == r.lastData+1 && continuesLabel(r.pending[0]) {
		last := &r.t.Rows[n-1]
		for _, p := range labelParts(r.pending, r.partPos) {
			p.Offset += len(last.Label) + 1
			last.Parts = append(last.Parts, p)
		}
		last.Label += " " + joinLabel(r.pending)
		r.pending, r.partPos = nil, nil
		return
	}
	r.emit(Caption, nil)
}

// openEnd matches the end of a label line that cannot end a label: it
// wraps onto the next line ("Net income attributable to").
var openEnd = regexp.MustCompile(`(?i)(\b(and|or|of|to|for|from|in|on|at|by|with|before|after|less|net|the|a|an|per|including|excluding|attributable|available|applicable|january|february|march|april|may|june|july|august|september|october|november|december)|[,&/(-])$`)

// startsRow reports whether a label line at column col starts a row of
// its own below the pending label lines, rather than continuing them: it
// starts in upper case after a line that can end a label, and either is
// indented deeper than the pending label (an item under a heading), or
// less (a centred caption "ASSETS" above "Current assets:"), or, as
// indented as a one-line label, ends with a colon (a heading of its own). Lines starting in lower case, with "(" or a digit continue.
//
// A line that had to wrap continues too: its next word would not have
// fitted before the figures ("Largest" over " Customer %" in a narrow
// label column).
func (r *rowReader) startsRow(label string, col int) bool {
	r.flatHeading = false
	prev := r.pending[len(r.pending)-1]
	if label[0] < 'A' || label[0] > 'Z' || openEnd.MatchString(prev) || strings.Count(prev, "(") > strings.Count(prev, ")") {
		return false
	}
	first, _, _ := strings.Cut(label, " ")
	if r.lastCol+utf8.RuneCountInString(prev)+1+utf8.RuneCountInString(first) >= r.valueStart-1 {
		return false
	}
	// A whole label that would have fitted on the line above, within
	// the widest label of the table or with room to spare before the
	// figures, was not wrapped there: the line above is a heading
	// ("Investing activities" over "Capital expenditures").
	joined := r.lastCol + utf8.RuneCountInString(prev) + 1 + utf8.RuneCountInString(label)
	unwrapped := joined <= r.widest || joined < r.valueStart*3/4
	if col == r.pendInd && len(r.pending) == 1 && (allCaps(prev) && !allCaps(label) || endsWithNoteRef.MatchString(prev) || r.totalledBelow(prev) || unwrapped) {
		r.flatHeading = true // "AUTOMOTIVE" over "Sales"; "Costs and expenses (Note 1)" over "Cost of sales"
		return true
	}
	return col != r.pendInd || len(r.pending) == 1 && strings.HasSuffix(label, ":")
}

// labelEnd is the rune column where the label of a line with figures
// ends: its last character left of the figures' columns.
func labelEnd(text string, valueStart int) int {
	runes := []rune(text)
	end := min(len(runes), valueStart)
	for end > 0 && runes[end-1] == ' ' {
		end--
	}
	return end
}

// endsWithNoteRef matches a label that ends with its reference to the
// notes, which comes last: "Costs and expenses (Notes 1 and 16)".
var endsWithNoteRef = regexp.MustCompile(`(?i)\((see )?notes? [0-9a-z]+([ ,]+(and )?[0-9a-z]+)*\)$`)

// allCaps reports whether a label has letters and no lower-case one
// outside its reference to the notes ("AMOUNTS PER SHARE (Note 1)").
func allCaps(s string) bool {
	s = endsWithNoteRef.ReplaceAllString(s, "")
	letters := false
	for _, c := range s {
		switch {
		case c >= 'a' && c <= 'z':
			return false
		case c >= 'A' && c <= 'Z':
			letters = true
		}
	}
	return letters
}

// totalledBelow reports whether a short label is named by a total further
// down the table ("Total Automotive assets", "Income before income
// taxes - Automotive"): the heading of a part of the statement.
func (r *rowReader) totalledBelow(label string) bool {
	if len(strings.Fields(label)) > 5 || strings.ContainsAny(label, "0123456789:") {
		return false
	}
	l := strings.ToLower(label)
	for _, line := range r.below[r.at:] {
		if namesPart(line, l) {
			return true
		}
	}
	return false
}

// namesPart reports whether a lower-cased line is a total of the part
// named name: "total automotive assets", "... taxes - automotive".
func namesPart(line, name string) bool {
	t := strings.TrimSpace(line)
	// "total automotive assets", not "total assets" under "assets": the
	// part's own total names what it adds up after the part's name.
	if i := strings.Index(t, "total "+name+" "); i >= 0 && (i == 0 || t[i-1] == ' ') && !wordBoundary(t, i+len("total "+name+" ")) {
		return true
	}
	for _, dash := range partDashes {
		if i := strings.Index(t, dash+name); i >= 0 && wordBoundary(t, i+len(dash+name)) {
			return true
		}
	}
	return false
}

// partDashes set a part's name after a label: "Income before income
// taxes - Automotive".
var partDashes = []string{" - ", " -- ", " \u2013 ", " \u2014 "}

// WithoutPart drops the name of the part a row is in from its label,
// where namesPart found it: "Total Automotive assets" is "Total assets" of
// the Automotive part, "Income before income taxes - Automotive" its
// "Income before income taxes".
func WithoutPart(label, part string) string {
	l, p := strings.ToLower(label), strings.ToLower(part)
	for _, dash := range partDashes {
		if strings.HasSuffix(l, dash+p) {
			return strings.TrimSpace(label[:len(label)-len(dash+p)])
		}
	}
	if strings.HasPrefix(l, "total "+p+" ") {
		return label[:len("total ")] + label[len("total "+p+" "):]
	}
	return label
}

// wordBoundary reports whether s has no letter at byte i (the end of a
// word).
func wordBoundary(s string, i int) bool {
	return i >= len(s) || !(s[i] >= 'a' && s[i] <= 'z' || s[i] >= 'A' && s[i] <= 'Z')
}

// totals reports whether a label names the total of a section heading:
// "Total current assets" of "Current assets:", with or without a rule
// drawn above it.
func totals(label, heading string) bool {
	h := strings.ToLower(strings.TrimSuffix(strings.TrimSpace(heading), ":"))
	return h != "" && strings.EqualFold(strings.TrimSpace(label), "total "+h)
}

func continuesLabel(s string) bool {
	return strings.HasPrefix(s, "(") || s != "" && s[0] >= 'a' && s[0] <= 'z'
}

// emit appends the pending label as a row of the given kind.
func (r *rowReader) emit(kind RowKind, cells []Cell) {
	row := Row{
		Kind:   kind,
		Label:  joinLabel(r.pending),
		Parts:  labelParts(r.pending, r.partPos),
		Indent: r.pendInd,
		Pos:    r.pendPos,
		Total:  kind == DataRow && r.ruleAbove,
		Cells:  make([]Cell, len(r.t.Columns)),
		Closes: -1,
	}
	for _, c := range cells {
		row.Cells[c.Column] = c
	}
	row.Section = r.section(&row)
	if kind == Heading {
		r.sections = append(r.sections, len(r.t.Rows))
	}
	r.t.Rows = append(r.t.Rows, row)
	r.pending, r.partPos, r.ruleAbove, r.blank = nil, nil, false, false
}

// indent counts the leading spaces of a line, in columns.
func indent(line []rune) int {
	n := 0
	for n < len(line) && line[n] == ' ' {
		n++
	}
	return n
}

// labelParts records where each line of a joined label starts.
func labelParts(lines []string, pos []source.Pos) []LabelPart {
	var parts []LabelPart
	off := 0
	for i := range lines {
		parts = append(parts, LabelPart{Offset: off, Pos: pos[i]})
		if i+1 < len(lines) {
			off += len(joinLabel(lines[i:i+2])) - len(lines[i+1])
		}
	}
	return parts
}

// joinLabel joins the lines of a wrapped label with spaces, and a word
// broken with a hyphen across two lines into one: "Research and develop-"
// over "ment expenses" is "Research and development expenses", while
// "divestiture-" over "related charges" is "divestiture-related charges".
func joinLabel(lines []string) string {
	var b strings.Builder
	for i, l := range lines {
		switch {
		case i+1 == len(lines):
			b.WriteString(l)
		case !hyphenated(l, lines[i+1]):
			b.WriteString(l)
			b.WriteByte(' ')
		case wordEnding.MatchString(lines[i+1]):
			b.WriteString(strings.TrimSuffix(l, "-"))
		default:
			b.WriteString(l)
		}
	}
	return b.String()
}

// hyphenated reports whether a label line ends with a hyphen after a
// letter and the next line goes on in lower case.
func hyphenated(line, next string) bool {
	n := len(line)
	return n >= 2 && line[n-1] == '-' && line[n-2] >= 'a' && line[n-2] <= 'z' && next != "" && next[0] >= 'a' && next[0] <= 'z'
}

// wordEnding matches the rest of a word broken across two lines
// ("develop-" over "ment"); any other word after a line's hyphen makes a
// compound ("divestiture-" over "related").
var wordEnding = regexp.MustCompile(`^(ment|tion|sion|ing|ance|ence|ity|ities|ness|ure|ive|able|ible|ous|ent|ant|ary|ory|ize|ise|ate|ated|ation|ed|er|al|ly)s?\b`)

// section closes the sections row ends and returns the one it sits in.
// A total closes the innermost section (it is that section's total, at
// the level of its heading) and records it in row.Closes; a row indented
// less than a heading, or as much but after a blank line, is outside it;
// a caption ends every section.
func (r *rowReader) section(row *Row) int {
	isOuter := r.outer[len(r.t.Rows)]
	switch {
	case row.Kind == Caption:
		r.sections = nil
	case len(r.sections) > 0 && (row.Total && !r.outer[r.sections[len(r.sections)-1]] || totals(row.Label, r.t.Rows[r.sections[len(r.sections)-1]].Label)):
		row.Closes = r.sections[len(r.sections)-1]
		r.sections = r.sections[:len(r.sections)-1]
	default:
		// "Total current assets" below "Inventories:" inside "Current
		// assets": the total of an outer section closes it and those in it.
		for n := len(r.sections) - 1; n >= 0; n-- {
			if totals(row.Label, r.t.Rows[r.sections[n]].Label) {
				row.Closes = r.sections[n]
				r.sections = r.sections[:n]
				break
			}
		}
	}
	for n := len(r.sections); n > 0; n-- {
		h := r.t.Rows[r.sections[n-1]].Indent
		if row.Indent > h || row.Indent == h && !r.blank && row.Kind != Heading {
			break
		}
		if r.outer[r.sections[n-1]] && row.Indent >= h && !isOuter {
			break
		}
		r.sections = r.sections[:n-1]
	}
	if n := len(r.sections); n > 0 {
		return r.sections[n-1]
	}
	return -1
}

// findParts marks the rows of each part of a statement split by sector or
// segment: from a heading that a total further down names ("Automotive"
// ... "Total Automotive assets") to that total, each row's Part is the
// heading. A part inside another is not looked for.
// sectionWord matches the headings of a statement's own sections, which
// a total closes as it closes a part ("Total liabilities").
var sectionWord = regexp.MustCompile(`asset|liabilit|equity|revenue|sales|expense|cost|income|earnings|cash|operating|investing|financing|tax|share|capital|debt|deficit`)

func findParts(t *Table) {
	for h := 0; h < len(t.Rows); h++ {
		head := t.Rows[h]
		if head.Kind == DataRow || len(strings.Fields(head.Label)) > 5 || strings.ContainsAny(head.Label, "0123456789:") {
			continue
		}
		name := strings.ToLower(head.Label)
		if sectionWord.MatchString(name) {
			continue // "Liabilities" down to "Total liabilities" is a section of the statement, not a part of the company
		}
		for k := h + 1; k < len(t.Rows); k++ {
			if !namesPart(strings.ToLower(t.Rows[k].Label), name) {
				continue
			}
			for j := h + 1; j <= k; j++ {
				t.Rows[j].Part = head.Label
			}
			h = k
			break
		}
	}
}
