package htmltext

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// figureRe matches a cell that holds a figure: "11,885", "$(0.08)",
// "12.5%", "−1,204", "( 877 )", one with a footnote mark after it
// ("84,512 (a)"), or a dash for nil.
var figureRe = regexp.MustCompile(`^[$€£(]*\s*[-−]?\s*[0-9][0-9,]*(\.[0-9]+)?\s*\)?%?\)?(\s*\([a-z0-9]{1,2}\)|\s*\*{1,3})?$|^-+$`)

// yearRe matches a year, which heads a column rather than fills it.
var yearRe = regexp.MustCompile(`^(?:19|20)[0-9][0-9]$`)

// maxWidth bounds the width a cell gives its column, so that one long
// cell does not pad every row of its table: it runs on instead.
const maxWidth = 120

// gap is the room between two columns that hold text.
const gap = 3

// renderTable lays the rows read out in columns and adds them as lines,
// a blank line before and after.
func (r *renderer) renderTable(rows [][]cell) {
	for i := range rows {
		joinMarks(rows[i])
	}
	ncols := 0
	for _, row := range rows {
		n := 0
		for _, c := range row {
			n += c.span
		}
		ncols = max(ncols, n)
	}
	if ncols == 0 {
		return
	}
	width := make([]int, ncols)
	for _, span := range []bool{false, true} { // single cells first, then those that span
		for _, row := range rows {
			col := 0
			for _, c := range row {
				w := min(utf8.RuneCount(c.text), maxWidth) // a longer cell runs on past its column
				if (c.span > 1) == span && w > 0 {
					have := 0
					for k := col; k < col+c.span; k++ {
						have += width[k]
						if k > col && width[k] > 0 {
							have += gap
						}
					}
					if have < w {
						// Widen the first column it spans: the columns inside
						// keep their alignment with the rows below.
						width[col] += w - have
					}
				}
				col += c.span
			}
		}
	}
	start := make([]int, ncols+1)
	for k := range ncols {
		start[k+1] = start[k] + width[k]
		if width[k] > 0 {
			start[k+1] += gap
		}
	}
	figEnd := make([]bool, ncols) // columns where a figure ends
	for _, row := range rows {
		col := 0
		for _, c := range row {
			if len(c.text) > 0 && figureRe.Match(c.text) {
				figEnd[col+c.span-1] = true
			}
			col += c.span
		}
	}
	// The table stands between <TABLE> and </TABLE> lines, as EDGAR's text
	// tables do: text after it never runs on as more of its rows.
	at := firstOffset(rows)
	r.emit(piece{[]byte("<TABLE>"), []int32{at, at, at, at, at, at, at}})
	for _, row := range rows {
		r.renderRow(row, start, figEnd)
	}
	r.emit(piece{[]byte("</TABLE>"), []int32{at, at, at, at, at, at, at, at}})
}

// firstOffset is where the first text of a table is read.
func firstOffset(rows [][]cell) int32 {
	for _, row := range rows {
		for _, c := range row {
			if len(c.offs) > 0 {
				return c.offs[0]
			}
		}
	}
	return 0
}

// renderRow writes one row: figures right-aligned in the columns they
// span, and so the headings over them (a row without figures, past its
// first cell), text left-aligned.
func (r *renderer) renderRow(row []cell, start []int, figEnd []bool) {
	heading := true // no figure in the row but years
	for _, c := range row {
		if figureRe.Match(c.text) && len(c.text) > 0 && !yearRe.Match(c.text) {
			heading = false
		}
	}
	var line []rune
	var offs []int32
	col := 0
	lastOff := int32(-1)
	for i, c := range row {
		if len(c.text) == 0 {
			col += c.span
			continue
		}
		from, to := start[col], start[col+c.span]
		if to > from {
			to -= gap // the gap after the last column spanned
		}
		w := utf8.RuneCount(c.text)
		at := from
		switch {
		case figureRe.Match(c.text) && !heading:
			at = max(from, to-w)
		case heading && i > 0:
			// Over the figures: it ends where the last of them ends.
			for k := col + c.span - 1; k >= col; k-- {
				if figEnd[k] {
					to = start[k+1] - gap
					break
				}
			}
			at = max(from, to-w)
		}
		if lastOff < 0 {
			lastOff = c.offs[0]
		}
		for len(line) < at {
			line = append(line, ' ')
			offs = append(offs, lastOff)
		}
		if len(line) > at && len(line) > 0 && line[len(line)-1] != ' ' {
			line = append(line, ' ') // a cell wider than its column runs on, a space apart
			offs = append(offs, lastOff)
		}
		k := 0
		for _, ch := range string(c.text) {
			line = append(line, ch)
			offs = append(offs, c.offs[k])
			k += utf8.RuneLen(ch)
		}
		lastOff = c.offs[len(c.offs)-1]
		col += c.span
	}
	var p piece
	for i, ch := range line {
		n := utf8.RuneLen(ch)
		for range n {
			p.offs = append(p.offs, offs[i])
		}
		p.text = utf8.AppendRune(p.text, ch)
	}
	for len(p.text) > 0 && p.text[len(p.text)-1] == ' ' {
		p.text, p.offs = p.text[:len(p.text)-1], p.offs[:len(p.offs)-1]
	}
	if len(p.text) > 0 {
		r.emit(p) // leading spaces kept: they place the cells in their columns
	}
}

// joinMarks joins to a figure the marks printed in cells of their own:
// "$" or "(" before it, ")" or "%" after it.
func joinMarks(row []cell) {
	for i := range row {
		t := string(row[i].text)
		switch t {
		case "$", "(", "$(", "($", "€", "£":
			for j := i + 1; j < len(row); j++ {
				if len(row[j].text) > 0 {
					row[j].piece = piece{append(append([]byte{}, row[i].text...), row[j].text...), append(append([]int32{}, row[i].offs...), row[j].offs...)}
					row[i].piece = piece{}
					break
				}
			}
		case ")", "%", ")%", "%)":
			for j := i - 1; j >= 0; j-- {
				if len(row[j].text) > 0 {
					row[j].piece = piece{append(append([]byte{}, row[j].text...), row[i].text...), append(append([]int32{}, row[j].offs...), row[i].offs...)}
					row[i].piece = piece{}
					break
				}
			}
		}
	}
}

// fillRowspans puts, in the rows below a cell that spans several rows,
// an empty cell where it stands, so that the cells after it keep their
// columns.
func fillRowspans(rows [][]cell) [][]cell {
	type hold struct{ left, span int } // rows still covered, columns
	var held []hold                    // by column
	out := make([][]cell, len(rows))
	for i, row := range rows {
		col := 0
		var filled []cell
		take := func() { // the columns held from above at col
			for col < len(held) && held[col].left > 0 {
				h := held[col]
				held[col].left--
				filled = append(filled, cell{span: h.span})
				col += max(h.span, 1)
			}
		}
		for _, c := range row {
			take()
			filled = append(filled, c)
			if c.rowspan > 1 {
				for len(held) < col+c.span {
					held = append(held, hold{})
				}
				held[col] = hold{c.rowspan - 1, c.span}
			}
			col += c.span
		}
		take()
		for k := col; k < len(held); k++ { // the row ends before the columns held further right
			held[k].left = max(held[k].left-1, 0)
		}
		out[i] = filled
	}
	return out
}

// pageFurniture matches what a page prints between the halves of a table
// split at a page break: a page number, "(continued)".
var pageFurniture = regexp.MustCompile(`(?i)^(?:-?\s*\d{1,3}\s*-?|page \d{1,3}(?: of \d{1,3})?|\(?continued\)?|table of contents)$`)

// tableEnded holds a table read, or joins it to the table held when it
// goes on from it: the same columns, after nothing but page furniture,
// starting with figures or with the held table's headings again (which
// are dropped).
func (r *renderer) tableEnded(rows [][]cell) {
	rows = fillRowspans(rows)
	if r.held != nil && columns(r.held) == columns(rows) && columns(rows) > 1 {
		if rest, ok := goesOn(r.held, rows); ok {
			r.held = append(r.held, rest...)
			return
		}
	}
	r.release()
	r.held = rows
}

// release renders the table held, then the furniture read after it.
func (r *renderer) release() {
	rows, furniture := r.held, r.heldFurniture
	r.held, r.heldFurniture = nil, nil
	if rows != nil {
		r.renderTable(rows)
	}
	for _, p := range furniture {
		r.emit(p)
	}
}

// columns is the number of columns of a table's rows.
func columns(rows [][]cell) int {
	n := 0
	for _, row := range rows {
		w := 0
		for _, c := range row {
			w += c.span
		}
		n = max(n, w)
	}
	return n
}

// goesOn reports whether rows continue the table held: they start with a
// row of figures, or repeat its headings (then dropped).
func goesOn(held, rows [][]cell) ([][]cell, bool) {
	heads := 0 // rows of the held table above its first figure
	for heads < len(held) && !hasFigure(held[heads]) {
		heads++
	}
	first := 0
	for first < len(rows) && rowText(rows[first]) == "" {
		first++
	}
	if first == len(rows) {
		return nil, false
	}
	if hasFigure(rows[first]) {
		return rows, true
	}
	for k := 0; k < heads; k++ {
		if first+k >= len(rows) || rowText(rows[first+k]) != rowText(held[k]) {
			return nil, false
		}
	}
	return rows[first+heads:], heads > 0
}

func hasFigure(row []cell) bool {
	for _, c := range row {
		if len(c.text) > 0 && figureRe.Match(c.text) && !yearRe.Match(c.text) {
			return true
		}
	}
	return false
}

func rowText(row []cell) string {
	var parts []string
	for _, c := range row {
		if len(c.text) > 0 {
			parts = append(parts, string(c.text))
		}
	}
	return strings.Join(parts, " | ")
}
