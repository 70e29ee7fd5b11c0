package extract

import (
	"regexp"
	"strings"

	"github.com/xport/xport/source"
)

// lineKind is what a line is, for finding tables: tables are found from
// the layout of their lines, never from their wording.
type lineKind uint8

const (
	blankLine     lineKind = iota // nothing printed, or EDGAR markup only
	ruleLine                      // a horizontal rule
	figureLine                    // figures standing apart from any label: a row of a table
	textLine                      // anything else: labels, headings, prose
	furnitureLine                 // a page number or running footer ("Intel/Page 6", "- 7 -", "A-4")
)

// layout holds the kind of every line of a document and, for figure
// lines, the figures.
type layout struct {
	kinds []lineKind
	tails [][]word
}

func newLayout(doc *source.Document) *layout {
	l := &layout{kinds: make([]lineKind, len(doc.Lines)), tails: make([][]word, len(doc.Lines))}
	for i, line := range doc.Lines {
		l.kinds[i], l.tails[i] = classify(line.Text)
	}
	return l
}

// furniture matches what pages print around the text: a lone page number,
// "- 7 -", "A-4", "Page 6 of 10", "Intel/Page 6", EDGAR's "<PAGE>   9".
var furniture = regexp.MustCompile(`(?i)^(-\s*)?([a-z]-)?\d{1,3}(\s*-)?$|^page\s+\d{1,3}(\s+of\s+\d{1,3})?$|^\S+\s*/\s*page\s+\d{1,3}$|^<page>\s*\d{0,4}$`)

// classify decides the kind of one line.
func classify(text string) (lineKind, []word) {
	trimmed := strings.TrimSpace(text)
	switch {
	case trimmed == "":
		return blankLine, nil
	case isRule(text):
		return ruleLine, nil
	case furniture.MatchString(trimmed):
		return furnitureLine, nil
	case len(strings.Fields(trimmed)) <= 4 && omittedRe.MatchString(trimmed):
		return textLine, nil // a scale alone, "($000)", is no row of figures
	}
	tail := figureTail(text)
	if len(tail) == 0 || allYears(tail) {
		return textLine, nil
	}
	return figureLine, tail
}

// figureTail returns the figures that end a line and stand apart from its
// label: a figure glued to the text before it by a single space is part
// of that text ("Balance at December 31, 2022", "Cost of revenues (1)").
func figureTail(line string) []word {
	ws := joinMarkers(words(line))
	first := len(ws)
	for first > 0 {
		w := &ws[first-1]
		w.Text = line[w.from:w.to]
		if _, err := ParseNumber(w.Text); err != nil {
			break
		}
		first--
	}
	for first > 0 && first < len(ws) && ws[first].Start-ws[first-1].End < 2 && !strings.HasSuffix(ws[first-1].Text, "...") {
		first++ // glued to the label, unless dot leaders lead to it
	}
	return ws[first:]
}

// allYears reports whether every figure is a bare year: column headings
// such as "2023   2022", not a row.
func allYears(ws []word) bool {
	for _, w := range ws {
		if !yearRe.MatchString(w.Text) {
			return false
		}
	}
	return true
}

var bareYearRe = regexp.MustCompile(`\b(19|20)\d\d\b`)

// textEnd is the column after the last printed character of a line.
func textEnd(line string) int {
	return len([]rune(strings.TrimRight(line, " ")))
}

// endsTable reports whether a markup line closes an EDGAR text table
// ("</TABLE>"): whatever follows is not the table's.
func endsTable(raw string) bool {
	return strings.Contains(strings.ToUpper(raw), "</TABLE>")
}

// body finds the extent of a table body whose first row of figures is line
// from: rows of figures, and the labels, rules, page furniture and short
// gaps between them, down to prose or headings that reach into the
// figures' columns (past the middle: a long label may overflow into
// them a little), a footnote paragraph, a page break or a long gap. It
// returns the line after the last row of figures and how many rows of
// figures it holds, and the column where its figures start.
func (l *layout) body(doc *source.Document, from int) (end, rows, valueStart int) {
	valueStart = l.tails[from][0].Start
	anchors := map[int]bool{}
	rightEdge := 0 // where the rightmost figure ends
	for _, w := range l.tails[from] {
		anchors[w.End] = true
		rightEdge = max(rightEdge, w.End)
	}
	blanks := 0
	end = from
	for i := from; i < len(doc.Lines); i++ {
		text := doc.Lines[i].Text
		if i > from && doc.Lines[i].PageBreak {
			return end, rows, valueStart
		}
		kind := l.kinds[i]
		if kind == figureLine && l.tails[i][len(l.tails[i])-1].End <= valueStart {
			kind = textLine // figures left of the table's columns
		}
		if doc.Lines[i].Markup && i > from && endsTable(doc.Lines[i].Raw()) {
			return end, rows, valueStart // EDGAR's </TABLE>
		}
		switch kind {
		case blankLine:
			if !doc.Lines[i].Markup {
				if blanks++; blanks > 2 {
					return end, rows, valueStart
				}
			}
			continue
		case ruleLine:
			if end == i && blanks == 0 {
				end = i + 1 // the rule under the last row
			}
			continue
		case furnitureLine:
			continue
		}
		if blanks > 0 && noteMark.MatchString(text) || blanks > 1 && kind == textLine && !strings.HasSuffix(strings.TrimSpace(text), ":") {
			// a footnote, or a caption set apart by a gap: what follows
			// is another table ("Backlog by region"); a section heading
			// ("Operating income (loss):") goes on
			return end, rows, valueStart
		}
		blanks = 0
		if kind == textLine && textEnd(text) > valueStart+(rightEdge-valueStart)/2 {
			// Prose or the headings of the next table, unless its figures
			// line up with this table's, pushed by a long label.
			toks := valueTokens(text)
			if len(toks) == 0 || !near(anchors, toks[len(toks)-1].End) {
				return end, rows, valueStart
			}
			kind = figureLine
		}
		if kind == figureLine {
			for _, w := range valueTokens(text) {
				if w.End > valueStart {
					anchors[w.End] = true
					rightEdge = max(rightEdge, w.End)
				}
			}
			if len(l.tails[i]) > 0 && l.tails[i][len(l.tails[i])-1].End <= valueStart {
				continue
			}
			for _, w := range l.tails[i] {
				if near(anchors, w.End) { // not a year or number wrapped from a label
					valueStart = min(valueStart, w.Start)
					break
				}
			}
			if w, ok := l.columnLeftOf(doc, i, valueStart, anchors); ok {
				anchors[w.End] = true
				valueStart = w.Start
			}
			end, rows = i+1, rows+1
		}
	}
	return end, rows, valueStart
}

// columnLeftOf finds a column of figures left of where the table's
// figures were taken to start, which the first row hid by running its
// label into it ("... noncontrolling interests $ 2,210.8   1,786.2"): a
// figure of line i, right of the labels and left of valueStart, whose
// figures to its right all stand in known columns, and whose right edge
// a figure of one of the next three lines shares.
func (l *layout) columnLeftOf(doc *source.Document, i, valueStart int, anchors map[int]bool) (word, bool) {
	tails := l.tails[i]
	if len(tails) < 2 || tails[0].End > valueStart || tails[0].Start < valueStart/2 {
		return word{}, false
	}
	for _, w := range tails[1:] {
		if !near(anchors, w.End) {
			return word{}, false
		}
	}
	for j := i + 1; j < min(i+4, len(doc.Lines)); j++ {
		for _, w := range l.tails[j] {
			if w.End == tails[0].End {
				return tails[0], true
			}
		}
	}
	return word{}, false
}

func near(anchors map[int]bool, at int) bool {
	return anchors[at] || anchors[at-1] || anchors[at+1]
}

// chunkKind is where a phrase of a line above a body stands relative to
// the table's columns.
type chunkKind uint8

const (
	stubChunk    chunkKind = iota // over the labels: "(In Millions, Except Per Share Amounts)"
	headingChunk                  // over the figures: "Three Months Ended", "Apr 1, 2023"
	titleChunk                    // across both, centred on the page: a title
)

// kindOfChunk places a phrase: over the labels (it ends before the
// figures start at valueStart), over the figures (it starts within two
// columns of them, or is centred on or right of them without starting at
// the labels' margin), or across both, as titles and prose are.
func kindOfChunk(c word, valueStart, margin int) chunkKind {
	switch {
	case c.End <= valueStart:
		return stubChunk
	case c.Start >= valueStart-2 || (c.Start+c.End)/2 >= valueStart-3 && c.Start > margin+2 && strings.Count(c.Text, " ") < 7:
		return headingChunk
	}
	return titleChunk
}

// margin returns the column where the labels of body lines [from, to)
// start, the leftmost.
func (l *layout) margin(doc *source.Document, from, to int) int {
	m := -1
	for i := from; i < to; i++ {
		if k := l.kinds[i]; k == figureLine || k == textLine {
			if n := indent([]rune(doc.Lines[i].Text)); m < 0 || n < m {
				m = n
			}
		}
	}
	return max(m, 0)
}

// band finds the lines above a body that head its columns. Label lines
// directly above the first row of figures (captions such as "ASSETS",
// headings such as "Current assets:") belong to the body; above them, the
// heading band is the run of lines with phrases over the figures' columns
// and none across the page, with at most two blank lines inside it. It
// returns the band [start, end) and the first line of the body.
func (l *layout) band(doc *source.Document, floor, from int, cols []Column, margin int) (start, end, bodyStart int) {
	valueStart := cols[0].Start
	// Label lines and short gaps above the first row of figures belong to
	// the body if a heading band stands above them.
	bodyStart = from
	j, gap := from-1, 0
	for ; j >= floor; j-- {
		k := l.kinds[j]
		if k == furnitureLine || k == ruleLine {
			continue
		}
		if k == blankLine {
			if gap++; gap > 2 {
				return from, from, from
			}
			continue
		}
		if k != textLine || doc.Lines[j+1].PageBreak {
			return from, from, from
		}
		if textEnd(doc.Lines[j].Text) > valueStart {
			break
		}
		gap = 0
	}
	if j < floor || !headingLine(doc.Lines[j].Text, valueStart, margin) {
		return from, from, from
	}
	bodyStart = j + 1
	for bodyStart < from && l.kinds[bodyStart] != textLine {
		bodyStart++
	}
	start, end = j, j+1
	for end < bodyStart && l.kinds[end] != textLine {
		end++
	}
	gap = 0
	for j--; j >= floor; j-- {
		switch l.kinds[j] {
		case blankLine:
			if !doc.Lines[j].Markup {
				gap++
			}
			if gap > 2 {
				return l.peelTitle(doc, start, end), end, bodyStart
			}
			continue
		case ruleLine, furnitureLine:
			continue
		case figureLine:
			return l.peelTitle(doc, start, end), end, bodyStart
		}
		if !headingLine(doc.Lines[j].Text, valueStart, margin) || doc.Lines[j+1].PageBreak && j+1 < start {
			return l.peelTitle(doc, start, end), end, bodyStart
		}
		start, gap = j, 0
	}
	return l.peelTitle(doc, start, end), end, bodyStart
}

// peelTitle drops from the top of a heading band [start, end) the lines
// that name no period while a line below them does: a title centred over
// the figures ("DELTAMAR LOGISTICS CORP." over "Three Months Ended").
func (l *layout) peelTitle(doc *source.Document, start, end int) int {
	dated := func(i int) bool {
		t := doc.Lines[i].Text
		return namesPeriod(t) || strings.ContainsAny(t, "0123456789")
	}
	for start < end {
		if l.kinds[start] != textLine {
			start++
			continue
		}
		if dated(start) {
			return start
		}
		below := false
		for i := start + 1; i < end; i++ {
			below = below || l.kinds[i] == textLine && dated(i)
		}
		if !below {
			return start
		}
		start++
	}
	return start
}

// headingLine reports whether a line heads columns: a phrase stands over
// the figures and none across the page.
func headingLine(text string, valueStart, margin int) bool {
	if tail := figureTail(text); len(tail) > 1 && !allYears(tail) {
		return false // a row of figures, not headings
	}
	heading := false
	for _, c := range chunks(text) {
		switch kindOfChunk(c, valueStart, margin) {
		case titleChunk:
			return false
		case headingChunk:
			heading = true
		}
	}
	return heading
}
