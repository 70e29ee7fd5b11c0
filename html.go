package xport

import (
	"bytes"
	"errors"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/xport/xport/decimal"
	"github.com/xport/xport/htmltext"
	"github.com/xport/xport/inline"
	"github.com/xport/xport/schema"
	"github.com/xport/xport/source"
	"github.com/xport/xport/xbrl"
)

// part is a piece of the input as the reader sees it: a document's
// text, and the line of the file it starts on.
type part struct {
	text      []byte
	firstLine int
}

// IsHTML reports whether a document is HTML (an exhibit filed since
// 2001, or Inline XBRL) rather than plain text, as Convert decides it.
func IsHTML(b []byte) bool { return isHTMLText(b) }

// isHTMLText reports whether a document is HTML (an exhibit filed since
// 2001, or Inline XBRL) rather than plain text; EDGAR's SGML tables of
// the 1990s (<TABLE>, <S>, <C>) are text.
func isHTMLText(b []byte) bool {
	head := bytes.ToLower(b[:min(len(b), 1<<16)])
	for _, tag := range []string{"<html", "<body", "<tr", "<td", "<div", "<p>", "<p ", "<ix:"} {
		if bytes.Contains(head, []byte(tag)) {
			return true
		}
	}
	return false
}

// places maps positions in the text an HTML document was rendered as to
// positions in the file: each rendered line's bytes to offsets in the
// part they were read from.
type places struct {
	file    string
	lines   []placedLine // by rendered line, from 0
	parts   []part
	indexes []source.Lines // of each part's text
}

type placedLine struct {
	part int
	offs []int32 // per byte; nil for a line of a text part, kept as it was
	line int     // for a text part: its 0-based line in the part
}

// render renders the HTML parts of the input as text, keeping the
// others as they are, and returns the text with the map of its
// positions, or nil when no part is HTML (positions are then the file's
// already).
func render(file string, parts []part) ([]byte, *places) {
	if !slices.ContainsFunc(parts, func(p part) bool { return isHTMLText(p.text) }) {
		return nil, nil
	}
	pl := &places{file: file, parts: parts}
	var out []byte
	for k, p := range parts {
		pl.indexes = append(pl.indexes, source.NewLines(p.text))
		if !isHTMLText(p.text) {
			for i, l := range textLines(p.text) {
				out = append(append(out, l...), '\n')
				pl.lines = append(pl.lines, placedLine{part: k, line: i})
			}
			continue
		}
		r := htmltext.Render(p.text)
		out = append(out, r.Text...)
		for _, offs := range r.Offsets {
			pl.lines = append(pl.lines, placedLine{part: k, offs: offs})
		}
	}
	return out, pl
}

// textLines splits text into lines as source.Parse does: at "\r\n",
// "\n" or a lone "\r", so that line i of a text part is line i of the
// file's.
func textLines(b []byte) [][]byte {
	var out [][]byte
	for len(b) > 0 {
		i := bytes.IndexAny(b, "\r\n")
		if i < 0 {
			return append(out, b)
		}
		out = append(out, b[:i])
		if b[i] == '\r' && i+1 < len(b) && b[i+1] == '\n' {
			i++
		}
		b = b[i+1:]
	}
	return out
}

// pos maps a position of the rendering to the file.
func (pl *places) pos(p source.Pos) source.Pos {
	if pl == nil || !p.IsValid() || p.Line > len(pl.lines) {
		return p
	}
	l := pl.lines[p.Line-1]
	part := pl.parts[l.part]
	if l.offs == nil {
		return source.Pos{File: pl.file, Line: part.firstLine + l.line, Col: p.Col}
	}
	if len(l.offs) == 0 {
		return source.Pos{File: pl.file, Line: part.firstLine, Col: 1}
	}
	off := l.offs[min(max(p.Col-1, 0), len(l.offs)-1)]
	q := pl.indexes[l.part].Pos(pl.file, int64(off))
	q.Line += part.firstLine - 1
	return q
}

// inverse maps each of the file's positions want to the first place of
// the rendering (the document rendered, parsed) that comes from it and
// prints a character, where one does; in one pass over the rendering.
func (pl *places) inverse(rendered *source.Document, want []source.Pos) map[source.Pos]source.Pos {
	wanted := make(map[source.Pos]bool, len(want))
	for _, p := range want {
		if p.IsValid() && p.File == pl.file {
			wanted[p] = true
		}
	}
	out := make(map[source.Pos]source.Pos, len(wanted))
	for i, l := range pl.lines {
		part := pl.parts[l.part]
		if l.offs == nil { // a text part's line, as it was
			for p := range wanted {
				if p.Line == part.firstLine+l.line {
					out[p] = source.Pos{File: pl.file, Line: i + 1, Col: p.Col}
					delete(wanted, p)
				}
			}
			continue
		}
		for b, off := range l.offs {
			q := pl.indexes[l.part].Pos(pl.file, int64(off))
			q.Line += part.firstLine - 1
			if wanted[q] {
				// Padding around a cell's text, and the table's marker
				// lines, come from where the text starts too: take the
				// first byte of the run that prints.
				if i >= len(rendered.Lines) {
					return out
				}
				for k := b; k < len(l.offs) && l.offs[k] == off; k++ {
					if printsAt(rendered.Lines[i], k+1) {
						out[q] = source.Pos{File: pl.file, Line: i + 1, Col: k + 1}
						delete(wanted, q)
						break
					}
				}
			}
		}
		if len(wanted) == 0 {
			break
		}
	}
	return out
}

// printsAt reports whether byte column col of a rendered line is a
// character printed, not a space nor a table's marker line.
func printsAt(l source.Line, col int) bool {
	if strings.HasPrefix(l.Text, "<TABLE>") || strings.HasPrefix(l.Text, "</TABLE>") {
		return false
	}
	cols := l.Columns()
	k, found := slices.BinarySearch(cols, col)
	return found && k < len([]rune(l.Text)) && []rune(l.Text)[k] != ' '
}

// line maps a 1-based line of the rendering to the file's line where it
// starts.
func (pl *places) line(n int) int { return pl.pos(source.Pos{Line: n, Col: 1}).Line }

// remap puts every position of the result into the file: the facts'
// and their other places, what was not mapped, the tables, the notes and
// the diagnostics.
func (res *Result) remap(pl *places) {
	if pl == nil {
		return
	}
	rep := res.Report
	for _, f := range rep.Facts {
		f.Source = pl.pos(f.Source)
		for i := range f.Also {
			f.Also[i] = pl.pos(f.Also[i])
		}
	}
	for i := range rep.Unmapped {
		rep.Unmapped[i].Pos = pl.pos(rep.Unmapped[i].Pos)
	}
	for i := range rep.Tables {
		t := &rep.Tables[i]
		t.Pos = pl.pos(t.Pos)
		t.Lines = [2]int{pl.line(t.Lines[0]+1) - 1, pl.line(t.Lines[1]+1) - 1} // indexes of lines
	}
	for i := range rep.Provenance.Notes {
		rep.Provenance.Notes[i].Pos = pl.pos(rep.Provenance.Notes[i].Pos)
	}
	for i := range res.Diagnostics {
		res.Diagnostics[i].Pos = pl.pos(res.Diagnostics[i].Pos)
	}
}

// readInline reads the Inline XBRL facts the HTML parts of the input
// carry into the report, where xport's catalogue knows their concept and
// they have no dimensions: the filing's own facts. A fact the tables gave
// too is held to it: the same value keeps the table's fact; another is a
// warning at both places, and the filing's fact replaces it. One info
// counts what agreed, what disagreed, what only the Inline XBRL gave, and
// what was left unread (a dimension, a format or a concept xport does
// not read).
func (res *Result) readInline(file string, parts []part) {
	cat, err := schema.DefaultCatalogue()
	if err != nil {
		return
	}
	var agree, disagree, added, unread int
	var first source.Pos
	for _, p := range parts {
		if !inline.IsInline(p.text) {
			continue
		}
		doc := inline.Read(p.text)
		lines := source.NewLines(p.text)
		pos := func(off int) source.Pos {
			q := lines.Pos(file, int64(off))
			q.Line += p.firstLine - 1
			return q
		}
		for _, f := range doc.Facts {
			if f.Nil {
				continue
			}
			at := pos(f.Offset)
			if !first.IsValid() {
				first = at
			}
			fact := res.inlineFact(cat, doc, f, at)
			if fact == nil {
				unread++
				continue
			}
			switch got := res.sameFact(fact); {
			case got == nil:
				res.addFact(fact)
				added++
			case !fact.Numeric() && got.Text == fact.Text, fact.Numeric() && sameFigure(got, fact.Value):
				got.Also = append(got.Also, at)
				agree++
			default:
				disagree++
				res.Diagnostics.Add(source.Warning, "convert.inlineDisagrees", got.Source,
					"%s for %s is %s here, but the filing's Inline XBRL says %s at %s: the filing's fact is kept", got.Concept.QName(), got.Period, got.ValueString(), fact.ValueString(), at)
				*got = *fact
			}
		}
	}
	if n := agree + disagree + added + unread; n > 0 {
		res.Diagnostics.Add(source.Info, "convert.inline", first,
			"the filing carries %d Inline XBRL facts: %d agree with the figures read from its tables, %d disagree, %d only it gives (added), %d have dimensions, a format or a concept xport does not read",
			n, agree, disagree, added, unread)
	}
}

// inlineFact makes a fact of the report from an Inline XBRL fact, or nil
// when xport cannot: a concept not in its catalogue, a context with
// dimensions or of another entity, a unit other than currency, shares
// or pure, a value that could not be read.
func (res *Result) inlineFact(cat *schema.Catalogue, doc *inline.Document, f inline.Fact, at source.Pos) *xbrl.Fact {
	c := cat.Lookup(f.Name)
	ctx := doc.Contexts[f.Context]
	if c == nil || c.Abstract || ctx == nil || ctx.Dims > 0 || f.Problem != "" || f.Numeric != c.Type.Numeric() ||
		res.Report.Entity.ID != "" && strings.TrimLeft(ctx.Identifier, "0") != strings.TrimLeft(res.Report.Entity.ID, "0") {
		return nil
	}
	fact := &xbrl.Fact{Concept: c, Source: at}
	var err error
	if ctx.Instant != "" {
		fact.Period.Instant = true
		fact.Period.End, err = time.Parse(time.DateOnly, ctx.Instant)
	} else {
		var e1, e2 error
		fact.Period.Start, e1 = time.Parse(time.DateOnly, ctx.Start)
		fact.Period.End, e2 = time.Parse(time.DateOnly, ctx.End)
		err = errors.Join(e1, e2)
	}
	if err != nil || fact.Period.Instant != (c.PeriodType == xbrl.Instant) {
		return nil
	}
	if !f.Numeric {
		fact.Text = f.Text
	} else {
		fact.Unit = unitOf(doc.Units[f.Unit])
		if fact.Unit == nil {
			return nil
		}
		fact.Value = f.Value
		switch d, err := strconv.Atoi(strings.TrimSpace(f.Decimals)); {
		case strings.TrimSpace(f.Decimals) == "INF":
			fact.Decimals = xbrl.DecimalsINF
		case err == nil:
			fact.Decimals = d
		default:
			return nil
		}
	}
	fact.ID = c.ID() + "_" + fact.ContextID()
	return fact
}

// unitOf is the report's unit for an Inline XBRL unit's measures.
func unitOf(measures string) *xbrl.Unit {
	for _, u := range []*xbrl.Unit{&xbrl.USD, &xbrl.SharesUnit, &xbrl.USDPerShare, &xbrl.PureUnit} {
		if u.String() == measures {
			return u
		}
	}
	return nil
}

// sameFact finds the report's fact of a concept and period, without
// dimensions.
func (res *Result) sameFact(f *xbrl.Fact) *xbrl.Fact {
	for _, g := range res.Report.Facts {
		if len(g.Dims) == 0 && g.Concept.QName() == f.Concept.QName() && g.Period == f.Period {
			return g
		}
	}
	return nil
}

// addFact adds a fact to the report with its concept and unit.
func (res *Result) addFact(f *xbrl.Fact) {
	rep := res.Report
	rep.Facts = append(rep.Facts, f)
	if !slices.Contains(rep.Concepts, f.Concept) {
		rep.Concepts = append(rep.Concepts, f.Concept)
	}
	if f.Unit != nil && !slices.ContainsFunc(rep.Units, func(u *xbrl.Unit) bool { return u.ID == f.Unit.ID }) {
		rep.Units = append(rep.Units, f.Unit)
	}
}

// sameFigure reports whether a figure read from a table is the Inline
// XBRL value, as far as the figure is precise.
func sameFigure(f *xbrl.Fact, v decimal.Decimal) bool {
	if f.Value.Equal(v) {
		return true
	}
	d := f.Decimals
	return d < xbrl.DecimalsINF && d > xbrl.DecimalsUnknown && v.Round(d).Equal(f.Value)
}
