package extract

import (
	"regexp"
	"sort"
	"strings"

	"github.com/xport/xport/source"
)

// findColumns locates the columns of figures in body lines [from, to):
// figures right of valueStart, grouped by where they end (fixed-width
// tables align figures on the right), then groups that overlap and never
// share a row merged (centred or ragged figures). A group makes a column
// when two rows or more have a figure in it, or it is the only one, or
// the body is one row.
// Headings never make columns.
func (l *layout) findColumns(doc *source.Document, from, to, valueStart int) []Column {
	type tok struct {
		span
		row int
	}
	var toks []tok
	for i := from; i < to; i++ {
		var ws []word
		switch l.kinds[i] {
		case figureLine:
			ws = l.tails[i]
		case textLine:
			ws = valueTokens(doc.Lines[i].Text) // figures pushed close to a long label
		}
		for _, w := range ws {
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
		ends     []int
	}
	var groups []*group
	for _, t := range toks {
		if n := len(groups); n > 0 && t.End <= groups[n-1].firstEnd+2 && !groups[n-1].rows[t.row] {
			g := groups[n-1]
			g.span = g.union(t.span)
			g.rows[t.row] = true
			g.ends = append(g.ends, t.End)
			continue
		}
		groups = append(groups, &group{span: t.span, firstEnd: t.End, rows: map[int]bool{t.row: true}, ends: []int{t.End}})
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
		a.ends = append(a.ends, b.ends...)
	})
	rows := map[int]bool{}
	for _, t := range toks {
		rows[t.row] = true
	}
	var cols []Column
	for _, g := range groups {
		if len(g.rows) >= 2 || len(groups) == 1 || len(rows) == 1 {
			cols = append(cols, Column{span: g.span, ends: g.ends})
		}
	}
	sort.Slice(cols, func(a, b int) bool { return cols[a].Start < cols[b].Start })
	return cols
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

// assignHeadings reads the heading band [hStart, hEnd) above the columns:
// every phrase over the figures goes to the columns it stands over (a
// spanning "Three Months Ended" to all of them, widened to the rule drawn
// under it; on a line of several phrases, a column under none to the
// nearest), and each column's phrases, top to bottom, make its Header.
// Phrases over the labels, and scale notes anywhere in the band, are
// returned for the title: "(In Millions, Except Per Share Amounts)".
func assignHeadings(doc *source.Document, hStart, hEnd, valueStart, margin int, t *Table, diags *source.Diagnostics) (stub []Text) {
	parts := make([][]string, len(t.Columns))
	pos := make([]source.Pos, len(t.Columns))
	dated := make([]bool, len(t.Columns))
	heads := make([][]word, hEnd-hStart)
	for i := hStart; i < hEnd; i++ {
		line := doc.Lines[i].Text
		if isRule(line) || strings.TrimSpace(line) == "" {
			continue
		}
		for _, c := range splitHeadingChunks(chunks(line)) {
			if kindOfChunk(c, valueStart, margin) == headingChunk && !scaleRe.MatchString(c.Text) && !omittedRe.MatchString(c.Text) {
				heads[i-hStart] = append(heads[i-hStart], c)
			}
		}
	}
	// The lowest line with a phrase over each column places the columns'
	// headings better than their figures do, where the PDF-to-text layout
	// drifted: the other lines' phrases are assigned to its phrases.
	under := t.Columns
	for i := hEnd - 1; i >= hStart; i-- {
		if len(heads[i-hStart]) == len(t.Columns) {
			under = make([]Column, len(t.Columns))
			for col, c := range heads[i-hStart] {
				under[col].span = c.span
			}
			break
		}
	}
	for i := hStart; i < hEnd; i++ {
		line := doc.Lines[i].Text
		if isRule(line) || strings.TrimSpace(line) == "" {
			continue
		}
		for _, c := range splitHeadingChunks(chunks(line)) {
			if kindOfChunk(c, valueStart, margin) != headingChunk || scaleRe.MatchString(c.Text) || omittedRe.MatchString(c.Text) {
				stub = append(stub, Text{c.Text, doc.Pos(i, c.Start)})
				if kindOfChunk(c, valueStart, margin) == stubChunk && namesPeriod(c.Text) {
					// "Quarters Ended June 30,   2023   2022": a heading over
					// the labels that every column's year completes.
					for col := range t.Columns {
						parts[col] = append(parts[col], c.Text)
					}
				}
			}
		}
		for col, c := range columnHeadings(doc, i, hEnd, heads[i-hStart], t.Columns, under, valueStart) {
			if c.Text == "" {
				continue
			}
			parts[col] = append(parts[col], c.Text)
			if !pos[col].IsValid() || !dated[col] && hasMonth(c.Text) {
				pos[col], dated[col] = doc.Pos(i, c.Start), hasMonth(c.Text)
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
		if h := t.Columns[col].Header; hStart < hEnd && h.End.IsZero() && h.Quarter == 0 && h.FiscalYear == 0 && !h.IsChange() && !bareYearRe.MatchString(h.Text) {
			// A year alone may be dated by the title or the document's
			// other periods; the map stage says if it cannot.
			diags.Add(source.Warning, "extract.undatedColumn", p,
				"cannot read a date in the heading of column %d (%q)", col+1, text)
		}
	}
	return stub
}

// columnHeadings assigns the heading phrases of band line i to columns,
// at most one to each. As many phrases as columns go in order, whatever
// drift the PDF-to-text layout gave them ("2023  2022  2023  2022"); one
// period phrase alone on its line ("SECOND QUARTER") heads them all; k
// phrases over a multiple of k columns head equal runs of them, in order,
// when each phrase's centre lies over its run ("Three Months Ended" and
// "Six Months Ended" over four columns).
//
// Otherwise each column is placed twice, by its figures (cols) and by its
// phrase on the lowest band line that has one per column (under), and
// takes the phrase both places agree on, or the one place that finds
// one. A place finds the phrase that clearly overlaps it most (the phrase
// widened to the rule drawn under it), or clearly the nearest within a
// few spaces, or, under a phrase wider than itself, the one whose centre
// is nearest. A column the places disagree on, or that lies between two
// phrases alike, takes none: a heading in doubt is left out, as a wrong
// year or length would make wrong facts.
func columnHeadings(doc *source.Document, i, hEnd int, heads []word, cols, under []Column, valueStart int) []word {
	out := make([]word, len(cols))
	if len(heads) == 0 {
		return out
	}
	if len(heads) == len(cols) {
		copy(out, heads)
		return out
	}
	if len(heads) == 1 && (namesPeriod(heads[0].Text) || fiscalQRe.MatchString(heads[0].Text)) {
		// One period phrase on its line ("SECOND QUARTER", "Three Months
		// Ended") spans all the columns below, however it is centred.
		for col := range cols {
			out[col] = heads[0]
		}
		return out
	}
	if groups, ok := contiguousGroups(heads, cols); ok {
		for col := range cols {
			out[col] = heads[groups[col]]
		}
		return out
	}
	spans := make([]span, len(heads))
	for k, c := range heads {
		spans[k] = c.span
		if seg, ok := ruleBelow(doc, i+1, hEnd, c.span); ok && seg.Start >= valueStart-1 {
			spans[k] = spans[k].union(seg)
		}
	}
	for col := range cols {
		a, b := placeHeading(spans, cols[col].span), placeHeading(spans, under[col].span)
		switch {
		case a >= 0 && b >= 0 && a != b:
			continue // the two places disagree
		case a >= 0:
			out[col] = heads[a]
		case b >= 0:
			out[col] = heads[b]
		}
	}
	return out
}

// placeHeading finds the phrase over column span c: the one that overlaps
// it at least twice as much as any other, or else the one clearly nearest
// within a few spaces, or else, among phrases wider than c that stand
// over its centre, the one whose centre is clearly nearest; -1 when none
// is clear.
func placeHeading(spans []span, c span) int {
	best, most, second := -1, 0, 0
	for k, s := range spans {
		if o := min(s.End, c.End) - max(s.Start, c.Start); o > most {
			best, most, second = k, o, most
		} else if o > second {
			second = o
		}
	}
	if best >= 0 {
		if second > 0 && most < 2*second {
			return -1
		}
		return best
	}
	best, dist, next := -1, 4, 4
	for k, s := range spans {
		if d := max(s.Start-c.End, c.Start-s.End); d < dist {
			best, dist, next = k, d, dist
		} else if d < next {
			next = d
		}
	}
	if best >= 0 {
		if next-dist < 2 {
			return -1
		}
		return best
	}
	centre := c.Start + c.End
	dist, next = -1, -1
	for k, s := range spans {
		if s.End-s.Start <= c.End-c.Start || centre < 2*s.Start-4 || centre > 2*s.End+4 {
			continue // not wider than the column, or not over it
		}
		d := s.Start + s.End - centre
		if d < 0 {
			d = -d
		}
		switch {
		case best < 0 || d < dist:
			best, dist, next = k, d, dist
		case next < 0 || d < next:
			next = d
		}
	}
	if best >= 0 && next >= 0 && next-dist < 4 {
		return -1
	}
	return best
}

// contiguousGroups splits n columns into k equal runs, one per phrase in
// order, if n is a multiple of k and each phrase is centred over its run
// (give or take a few spaces). It returns each column's phrase.
func contiguousGroups(heads []word, cols []Column) ([]int, bool) {
	k, n := len(heads), len(cols)
	if k < 2 || n%k != 0 {
		return nil, false
	}
	size := n / k
	groups := make([]int, n)
	for g, h := range heads {
		first, last := cols[g*size], cols[g*size+size-1]
		centre := (h.Start + h.End) / 2
		if centre < first.Start-3 || centre > last.End+3 {
			return nil, false
		}
		for c := g * size; c < (g+1)*size; c++ {
			groups[c] = g
		}
	}
	return groups, true
}

// namesPeriod reports whether a phrase names a period's length or end:
// "Quarters Ended June 30,", "Year Ended", "Three Months Ended".
func namesPeriod(s string) bool {
	for _, w := range words(s) {
		switch n := normWord(w.Text); {
		case months[n] != 0, n == "ended", n == "ending", n == "quarter", n == "quarters",
			n == "year", n == "years", n == "months", n == "weeks":
			return true
		}
	}
	return false
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
		for _, part := range splitChange(c) {
			out = append(out, splitHeading(part)...)
		}
	}
	return out
}

// changeMark matches a word that starts the heading of a change column:
// "%", "% Incr. /", "(Decr.)", "(Decrease)".
var changeMark = regexp.MustCompile(`(?i)^(%|\((decr|incr|decrease|increase|dec|inc)\b)`)

// splitChange splits a phrase before each word that starts a change
// column's heading, printed a space after the heading beside it:
// "Second-Quarter % Incr. /" is "Second-Quarter" and "% Incr. /".
func splitChange(c word) []word {
	ws := words(strings.Repeat(" ", c.Start) + c.Text)
	var out []word
	for i, w := range ws {
		if n := len(out); n > 0 && !(i > 0 && changeMark.MatchString(w.Text)) {
			out[n-1].Text += " " + w.Text
			out[n-1].End, out[n-1].to = w.End, w.to
			continue
		}
		out = append(out, w)
	}
	return out
}

func splitHeading(c word) []word {
	ws := words(strings.Repeat(" ", c.Start) + c.Text)
	nMonths, nYears, nQuarters, nEnded := 0, 0, 0, 0
	for _, w := range ws {
		n := normWord(w.Text)
		switch {
		case n == "ended" || n == "ending":
			nEnded++
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
	case nEnded > 1: // "Three Months Ended Six Months Ended"
		startsGroup = func(i int) bool { n := normWord(ws[max(i-1, 0)].Text); return i > 0 && (n == "ended" || n == "ending") }
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
