package extract

import (
	"sort"
	"strings"

	"github.com/xport/xport/source"
)

// findColumns locates the columns of figures in body lines [from, to):
// figures right of valueStart, grouped by where they end (fixed-width
// tables align figures on the right), then groups that overlap and never
// share a row merged (centred or ragged figures). A group makes a column
// when two rows or more have a figure in it, or a heading stands over it.
func findColumns(doc *source.Document, from, to, valueStart int, headings []span) []Column {
	type tok struct {
		span
		row int
	}
	var toks []tok
	for i := from; i < to; i++ {
		if isRule(doc.Lines[i].Text) {
			continue
		}
		for _, w := range valueTokens(doc.Lines[i].Text) {
			if w.End > valueStart {
				toks = append(toks, tok{w.span, i})
			}
		}
	}
	sort.Slice(toks, func(a, b int) bool { return toks[a].End < toks[b].End })
	type group struct {
		span
		firstEnd int
		rows     map[int]bool
	}
	var groups []*group
	for _, t := range toks {
		if n := len(groups); n > 0 && t.End <= groups[n-1].firstEnd+2 && !groups[n-1].rows[t.row] {
			g := groups[n-1]
			g.span = g.union(t.span)
			g.rows[t.row] = true
			continue
		}
		groups = append(groups, &group{span: t.span, firstEnd: t.End, rows: map[int]bool{t.row: true}})
	}
	groups = mergeGroups(groups, func(a, b *group) bool {
		if !a.overlaps(b.span) {
			return false
		}
		for r := range b.rows {
			if a.rows[r] {
				return false
			}
		}
		return true
	}, func(a, b *group) {
		a.span = a.union(b.span)
		for r := range b.rows {
			a.rows[r] = true
		}
	})
	var cols []Column
	for _, g := range groups {
		if len(g.rows) >= 2 || len(groups) == 1 || overlapsAny(headings, g.span) {
			cols = append(cols, Column{span: g.span})
		}
	}
	sort.Slice(cols, func(a, b int) bool { return cols[a].Start < cols[b].Start })
	return cols
}

func overlapsAny(spans []span, s span) bool {
	for _, t := range spans {
		if t.overlaps(s) {
			return true
		}
	}
	return false
}

// headingSpans returns the spans of the heading phrases in [hStart, hEnd).
func headingSpans(doc *source.Document, hStart, hEnd int) []span {
	var out []span
	for i := hStart; i < hEnd; i++ {
		if isRule(doc.Lines[i].Text) {
			continue
		}
		for _, c := range splitHeadingChunks(chunks(doc.Lines[i].Text)) {
			out = append(out, c.span)
		}
	}
	return out
}

// mergeGroups merges neighbouring groups while ok says they belong together.
func mergeGroups[G any](gs []G, ok func(a, b G) bool, merge func(a, b G)) []G {
	var out []G
	for _, g := range gs {
		if n := len(out); n > 0 && ok(out[n-1], g) {
			merge(out[n-1], g)
			continue
		}
		out = append(out, g)
	}
	return out
}

// widenWithRules widens each column to the rule segment drawn over it in
// the heading block, so a heading word or "$" sign at the column's left
// edge falls inside it.
func widenWithRules(doc *source.Document, hStart, hEnd int, cols []Column) {
	for i := hEnd - 1; i >= hStart; i-- {
		if !isRule(doc.Lines[i].Text) {
			continue
		}
		for _, seg := range ruleSegments(doc.Lines[i].Text) {
			if hit := overlapping(cols, seg); len(hit) == 1 {
				c := &cols[hit[0]]
				c.span = c.union(seg)
			}
		}
		return
	}
}

// overlapping returns the indexes of the columns that s overlaps.
func overlapping(cols []Column, s span) []int {
	var out []int
	for i, c := range cols {
		if c.overlaps(s) {
			out = append(out, i)
		}
	}
	return out
}

// nearest returns the column closest to s, or -1 when none is within
// reach (a few spaces).
func nearest(cols []Column, s span) int {
	best, dist := -1, 4
	for i, c := range cols {
		d := max(c.Start-s.End, s.Start-c.End)
		if d < dist {
			best, dist = i, d
		}
	}
	return best
}

// assignHeadings reads the heading block above the columns: every phrase
// goes to the columns it stands over (a spanning "Three Months Ended" to
// all of them, widened to the rule drawn under it), and each column's
// phrases, top to bottom, make its Header.
func assignHeadings(doc *source.Document, hStart, hEnd, valueStart int, t *Table, diags *source.Diagnostics) {
	parts := make([][]string, len(t.Columns))
	pos := make([]source.Pos, len(t.Columns))
	dated := make([]bool, len(t.Columns))
	for i := hStart; i < hEnd; i++ {
		line := doc.Lines[i].Text
		if isRule(line) {
			continue
		}
		for _, c := range splitHeadingChunks(chunks(line)) {
			s := c.span
			if seg, ok := ruleBelow(doc, i+1, hEnd, s); ok && seg.Start >= valueStart-1 {
				s = s.union(seg)
			}
			hit := overlapping(t.Columns, s)
			if len(hit) == 0 {
				if n := nearest(t.Columns, s); n >= 0 {
					hit = []int{n}
				}
			}
			for _, col := range hit {
				parts[col] = append(parts[col], c.Text)
				if !pos[col].IsValid() || !dated[col] && hasMonth(c.Text) {
					pos[col], dated[col] = doc.Pos(i, c.Start), hasMonth(c.Text)
				}
			}
		}
	}
	for col := range t.Columns {
		text := strings.Join(parts[col], " ")
		p := pos[col]
		if !p.IsValid() {
			p = doc.Pos(hStart, t.Columns[col].Start)
		}
		t.Columns[col].Header = parseHeader(text, p)
		if h := t.Columns[col].Header; h.End.IsZero() && h.Quarter == 0 && !h.IsChange() {
			diags.Add(source.Warning, "extract.undatedColumn", p,
				"cannot read a date in the heading of column %d (%q)", col+1, text)
		}
	}
}

// hasMonth reports whether a heading phrase names a month.
func hasMonth(s string) bool {
	for _, w := range words(s) {
		if months[normWord(w.Text)] != 0 {
			return true
		}
	}
	return false
}

// ruleBelow finds a rule segment overlapping s on the first rule line
// between lines from and to.
func ruleBelow(doc *source.Document, from, to int, s span) (span, bool) {
	for i := from; i < to; i++ {
		if !isRule(doc.Lines[i].Text) {
			continue
		}
		seg := span{-1, -1}
		for _, r := range ruleSegments(doc.Lines[i].Text) {
			if r.overlaps(s) {
				if seg.Start < 0 {
					seg = r
				} else {
					seg = seg.union(r)
				}
			}
		}
		return seg, seg.Start >= 0
	}
	return span{}, false
}

// splitHeadingChunks splits a phrase that holds several columns' headings
// printed one space apart ("December 29, December 31," or "2012 2011")
// into one phrase per heading.
func splitHeadingChunks(cs []word) []word {
	var out []word
	for _, c := range cs {
		out = append(out, splitHeading(c)...)
	}
	return out
}

func splitHeading(c word) []word {
	ws := words(strings.Repeat(" ", c.Start) + c.Text)
	nMonths, nYears, nQuarters := 0, 0, 0
	for _, w := range ws {
		n := normWord(w.Text)
		switch {
		case months[n] != 0:
			nMonths++
		case yearRe.MatchString(n):
			nYears++
		case quarterRe.MatchString(n):
			nQuarters++
		}
	}
	var startsGroup func(i int) bool
	switch {
	case nMonths > 1:
		startsGroup = func(i int) bool { return months[normWord(ws[i].Text)] != 0 }
	case nYears > 1 && nYears == len(ws), nQuarters > 1 && nQuarters == len(ws):
		startsGroup = func(int) bool { return true }
	case nYears > 1:
		startsGroup = func(i int) bool { return i > 0 && yearRe.MatchString(normWord(ws[i-1].Text)) }
	default:
		return []word{c}
	}
	var out []word
	for i, w := range ws {
		if n := len(out); n > 0 && !startsGroup(i) {
			out[n-1].Text += " " + w.Text
			out[n-1].End, out[n-1].to = w.End, w.to
			continue
		}
		out = append(out, w)
	}
	return out
}
