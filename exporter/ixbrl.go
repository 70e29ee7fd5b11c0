package exporter

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/xport/xport/decimal"
	"github.com/xport/xport/source"
	"github.com/xport/xport/xbrl"
)

// Namespaces of Inline XBRL 1.1.
const (
	NSXHTML = "http://www.w3.org/1999/xhtml"
	NSIX    = "http://www.xbrl.org/2013/inlineXBRL"
	NSIXT   = "http://www.xbrl.org/inlineXBRL/transformation/2020-02-12"
)

// InlineXBRL renders rep as Inline XBRL 1.1 over the document it was read
// from: every line of doc as it was, in a <pre> so that columns stay
// aligned, and each figure that became a fact wrapped where it is printed
// (at its source and every other place the same figure is printed) in an
// ix:nonFraction with its concept, context, unit, decimals, scale and
// sign, read with ixt:num-dot-decimal (ixt:fixed-zero for a dash); a text
// fact printed as it is (a smelter's name) is wrapped in an ix:nonNumeric.
// Facts that are not printed as such (a cover's date, figures written out
// in words, names joined over lines) stand in ix:hidden. The header holds
// the contexts, the units and the schemaRef to the taxonomy written
// beside it. Above the document the diagnostics ds are listed, and the
// page is a review view (see review.go).
//
// The line "Total revenue   $ 128,064" with the fact us-gaap:Revenues =
// 128064000 at its "128,064" becomes
//
//	Total revenue   $ <ix:nonFraction name="us-gaap:Revenues" contextRef="D20120930_20121229"
//	    unitRef="USD" decimals="-3" scale="3" format="ixt:num-dot-decimal">128,064</ix:nonFraction>
func InlineXBRL(rep *xbrl.Report, doc *source.Document, ds source.Diagnostics) ([]byte, error) {
	return InlineXBRLView(rep, View{Doc: doc}, ds)
}

// View is the document NAME.html shows. Doc is the text of the document;
// Place, where set, maps a position of the report (in the file read) to
// where it is shown in Doc: for HTML, Doc is the text its tables render
// as, and Place finds each figure there.
type View struct {
	Doc   *source.Document
	Place func(source.Pos) source.Pos
}

// place maps p to the document shown.
func (v View) place(p source.Pos) source.Pos {
	if v.Place == nil || !p.IsValid() {
		return p
	}
	return v.Place(p)
}

// InlineXBRLView is InlineXBRL over the view v of the document.
func InlineXBRLView(rep *xbrl.Report, v View, ds source.Diagnostics) ([]byte, error) {
	doc := v.Doc
	if doc == nil {
		doc = &source.Document{} // no text to show: every fact hidden
		v.Doc = doc
	}
	w := newXMLWriter(len(doc.Lines)*100 + 1024*len(rep.Facts))
	w.open("html", namespaceAttrs(rep, "xmlns", NSXHTML, "xmlns:ix", NSIX, "xmlns:ixt", NSIXT)...)
	w.open("head")
	w.leaf("meta", "", "http-equiv", "Content-Type", "content", "text/html; charset=utf-8")
	w.leaf("title", rep.Provenance.Source)
	w.leaf("style", reviewStyle, "type", "text/css")
	w.open("script", "type", "text/javascript")
	w.b = append(w.b, "//<![CDATA[\n"+reviewScript+"\n//]]>"...)
	w.close("script")
	w.close("head")
	w.open("body")
	tags, shown := placeFacts(rep, v)
	marks := placeMarks(rep, v, tags, shown)
	w.open("div", "style", "display:none")
	w.open("ix:header")
	var hidden []*xbrl.Fact
	for _, f := range rep.Facts {
		if !shown[f] {
			hidden = append(hidden, f)
		}
	}
	if len(hidden) > 0 {
		w.open("ix:hidden")
		for _, f := range hidden {
			writeHiddenFact(w, f)
		}
		w.close("ix:hidden")
	}
	w.open("ix:references")
	w.leaf("link:schemaRef", "", "xlink:type", "simple", "xlink:href", rep.Taxonomy.Schema)
	w.close("ix:references")
	w.open("ix:resources")
	writeContexts(w, rep)
	for _, u := range rep.Units {
		writeUnit(w, u)
	}
	w.close("ix:resources")
	w.close("ix:header")
	w.close("div")
	writeDiagnostics(w, ds, v)
	w.newline()
	w.b = append(w.b, "<pre>"...)
	for i, l := range doc.Lines {
		w.b = append(w.b, `<span id="L`...)
		w.b = append(w.b, itoa(i+1)...)
		w.b = append(w.b, `">`...)
		w.b = appendLine(w.b, l, tags[i], marks[i])
		w.b = append(w.b, "</span>\n"...)
	}
	w.b = append(w.b, "</pre>"...)
	w.close("body")
	w.close("html")
	return w.bytes(), nil
}

// placed is a figure of a line that a fact is tagged at.
type placed struct {
	fact       *xbrl.Fact
	from, to   int // runes of the line's Text: the digits, or the dash
	scale      int
	dash, copy bool // copy: not the fact's first place (its id is not repeated)
	// inner are the other facts of the same figure (a par value printed
	// once for two balance sheet dates), each nested in the one before
	// as Inline XBRL allows when format, scale and unit agree.
	inner []placed
	// notes are facts in ix:hidden read from the same text (a smelter's
	// conflict-free mark, read with its name): the review marks them too.
	notes []*xbrl.Fact
}

// nests reports whether o can be nested in p: the same figure, read the
// same way.
func (p placed) nests(o placed) bool {
	return p.from == o.from && p.to == o.to && p.fact.Numeric() && o.fact.Numeric() &&
		p.dash == o.dash && p.scale == o.scale && p.fact.Unit.ID == o.fact.Unit.ID
}

// maxNested bounds the facts nested at one figure.
const maxNested = 8

// figureAt matches a figure's digits at a place: "128,064", "0.14"; or
// the dash of a nil figure, or a word for none ("no shares issued").
var figureAt = regexp.MustCompile(`^[$€£(\s]*([0-9][0-9,]*(?:\.[0-9]+)?|\.[0-9]+|[-–—]+|(?i:no|none|nil)\b)`)

// placeFacts finds where each numeric fact's figure can be tagged: at
// its source and its other places, where the digits printed, times a
// power of ten, are its value, and no other fact is tagged already. It
// returns the figures by line (index), in order, and the facts tagged
// somewhere; the others are hidden.
func placeFacts(rep *xbrl.Report, v View) (map[int][]placed, map[*xbrl.Fact]bool) {
	doc := v.Doc
	tags := map[int][]placed{}
	shown := map[*xbrl.Fact]bool{}
	lines := map[int]*lineText{} // read once: an exhibit may be one line of a megabyte
	for _, f := range rep.Facts {
		if f.Nil {
			continue
		}
		for _, p := range append([]source.Pos{f.Source}, f.Also...) {
			p = v.place(p)
			fig, ok := placeOf(doc, lines, f, p)
			if !ok {
				continue
			}
			fig.copy = shown[f] // its id stands at its first place only
			line := tags[p.Line-1]
			at := slices.IndexFunc(line, func(o placed) bool { return fig.from < o.to && o.from < fig.to })
			switch {
			case at < 0:
				tags[p.Line-1] = append(line, fig)
			case line[at].nests(fig) && len(line[at].inner) < maxNested && !slices.ContainsFunc(line[at].inner, func(o placed) bool { return o.fact == f }) && line[at].fact != f:
				line[at].inner = append(line[at].inner, fig)
			default:
				continue // another fact is tagged there
			}
			shown[f] = true
		}
	}
	for _, figs := range tags {
		sort.Slice(figs, func(a, b int) bool { return figs[a].from < figs[b].from })
	}
	return tags, shown
}

// lineText is a line of the document as figureOf reads it: its runes,
// and the byte column of the original line each starts at.
type lineText struct {
	runes []rune
	cols  []int
}

// placeOf finds fact f printed at p: its figure, or for a text fact its
// text as it is.
func placeOf(doc *source.Document, lines map[int]*lineText, f *xbrl.Fact, p source.Pos) (placed, bool) {
	if f.Numeric() {
		return figureOf(doc, lines, f, p)
	}
	lt, col, ok := runeAt(doc, lines, p)
	if !ok || f.Text == "" || f.Text != strings.TrimSpace(f.Text) {
		return placed{}, false
	}
	n := len([]rune(f.Text))
	if col+n > len(lt.runes) || string(lt.runes[col:col+n]) != f.Text {
		return placed{}, false // repaired, joined over lines, or written otherwise
	}
	return placed{fact: f, from: col, to: col + n}, true
}

// runeAt finds the rune of the document's line at p.
func runeAt(doc *source.Document, lines map[int]*lineText, p source.Pos) (*lineText, int, bool) {
	if !p.IsValid() || p.File != doc.Name || p.Line > len(doc.Lines) {
		return nil, 0, false
	}
	lt := lines[p.Line]
	if lt == nil {
		l := doc.Lines[p.Line-1]
		lt = &lineText{runes: []rune(l.Text), cols: l.Columns()}
		lines[p.Line] = lt
	}
	col := sort.SearchInts(lt.cols, p.Col) // the first rune at or after the byte column
	if col >= len(lt.runes) || lt.cols[col] != p.Col {
		return nil, 0, false
	}
	return lt, col, true
}

// figureOf reads the figure of fact f printed at p.
func figureOf(doc *source.Document, lines map[int]*lineText, f *xbrl.Fact, p source.Pos) (placed, bool) {
	lt, col, ok := runeAt(doc, lines, p)
	if !ok {
		return placed{}, false
	}
	runes := lt.runes
	if col > 0 && strings.ContainsRune("0123456789,.", runes[col-1]) {
		return placed{}, false // not where a figure starts
	}
	rest := string(runes[col:min(col+80, len(runes))]) // a figure is short; the line may not be
	m := figureAt.FindStringSubmatchIndex(rest)
	if m == nil {
		return placed{}, false
	}
	digits := rest[m[2]:m[3]]
	from := col + len([]rune(rest[:m[2]]))
	to := from + len([]rune(digits))
	if strings.Trim(digits, "-–—") == "" || unicode.IsLetter([]rune(digits)[0]) {
		return placed{fact: f, from: from, to: to, dash: true}, f.Value.IsZero()
	}
	shownValue, err := decimal.Parse(strings.ReplaceAll(digits, ",", ""))
	if err != nil || shownValue.IsZero() != f.Value.IsZero() {
		return placed{}, false
	}
	for scale := -6; scale <= 12; scale++ {
		if shownValue.Shift(scale).Equal(f.Value.Abs()) {
			return placed{fact: f, from: from, to: to, scale: scale}, true
		}
	}
	return placed{}, false
}

// appendLine writes a line of the document, escaped, with its figures
// tagged and the figures read but not mapped marked.
func appendLine(b []byte, l source.Line, figs []placed, marks []mark) []byte {
	runes := []rune(l.Text)
	at := 0
	for len(figs) > 0 || len(marks) > 0 {
		if len(marks) == 0 || len(figs) > 0 && figs[0].from < marks[0].from {
			fig := figs[0]
			figs = figs[1:]
			if fig.from < at {
				continue // overlaps the figure before
			}
			b = appendEscaped(b, string(runes[at:fig.from]))
			b = appendFactSpan(b, fig)
			text := string(runes[fig.from:fig.to])
			if fig.fact.Numeric() {
				b = appendNonFraction(b, fig, text)
			} else {
				b = appendNonNumeric(b, fig, text)
			}
			for range fig.spans() {
				b = append(b, "</span>"...)
			}
			at = fig.to
			continue
		}
		m := marks[0]
		marks = marks[1:]
		if m.from < at {
			continue
		}
		b = appendEscaped(b, string(runes[at:m.from]))
		b = appendMark(b, m, string(runes[m.from:m.to]))
		at = m.to
	}
	return appendEscaped(b, string(runes[at:]))
}

// appendNonFraction writes a figure as an ix:nonFraction, with the other
// facts of the same figure nested in it.
func appendNonFraction(b []byte, fig placed, text string) []byte {
	for _, g := range append([]placed{fig}, fig.inner...) {
		f := g.fact
		attr := func(k, v string) {
			b = append(b, ' ')
			b = append(b, k...)
			b = append(b, `="`...)
			b = appendEscaped(b, v)
			b = append(b, '"')
		}
		b = append(b, "<ix:nonFraction"...)
		if !g.copy {
			attr("id", f.ID)
		}
		attr("name", f.Concept.QName())
		attr("contextRef", f.ContextID())
		attr("unitRef", f.Unit.ID)
		attr("decimals", decimalsAttr(f.Decimals))
		if g.dash {
			attr("format", "ixt:fixed-zero")
		} else {
			attr("format", "ixt:num-dot-decimal")
			if g.scale != 0 {
				attr("scale", itoa(g.scale))
			}
			if f.Value.Sign() < 0 {
				attr("sign", "-")
			}
		}
		b = append(b, '>')
	}
	b = appendEscaped(b, text)
	for range len(fig.inner) + 1 {
		b = append(b, "</ix:nonFraction>"...)
	}
	return b
}

// appendNonNumeric writes a text fact printed as it is.
func appendNonNumeric(b []byte, fig placed, text string) []byte {
	f := fig.fact
	b = append(b, "<ix:nonNumeric"...)
	for _, kv := range [][2]string{{"id", f.ID}, {"name", f.Concept.QName()}, {"contextRef", f.ContextID()}} {
		if kv[0] == "id" && fig.copy {
			continue
		}
		b = append(b, ' ')
		b = append(b, kv[0]...)
		b = append(b, `="`...)
		b = appendEscaped(b, kv[1])
		b = append(b, '"')
	}
	b = append(b, '>')
	b = appendEscaped(b, text)
	return append(b, "</ix:nonNumeric>"...)
}

// writeHiddenFact writes a fact that is not printed as such.
func writeHiddenFact(w *xmlWriter, f *xbrl.Fact) {
	if !f.Numeric() {
		w.leaf("ix:nonNumeric", f.Text, "id", f.ID, "name", f.Concept.QName(), "contextRef", f.ContextID())
		return
	}
	attrs := []string{"id", f.ID, "name", f.Concept.QName(), "contextRef", f.ContextID(), "unitRef", f.Unit.ID,
		"decimals", decimalsAttr(f.Decimals), "format", "ixt:num-dot-decimal"}
	if f.Value.Sign() < 0 {
		attrs = append(attrs, "sign", "-")
	}
	w.leaf("ix:nonFraction", f.Value.Abs().String(), attrs...)
}

func itoa(n int) string { return decimal.FromInt(int64(n)).String() }
