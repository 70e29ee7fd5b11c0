// Package htmltext reads an HTML exhibit as text laid out in columns, so
// that the same extraction that reads a pdftotext rendering or a 1990s
// text filing reads its tables: each <table> becomes lines whose cells
// stand in aligned columns (figures right-aligned under headings centred
// over the columns they span), and the text around the tables becomes a
// line per paragraph. Every character of the rendering keeps the byte
// offset in the HTML where its text starts, so a fact read from the
// rendering is located in the file the user has.
//
// A row such as
//
//	<tr><td>Sales</td><td>$</td><td>11,885</td><td>&nbsp;</td><td>$</td><td>13,589</td></tr>
//
// renders as "Sales   $11,885   $13,589": a "$" or "(" in a cell of its own
// joins the figure beside it, a ")" or "%" the figure before it, and
// empty spacer cells take no room. Scripts, styles, the head and hidden
// elements are left out.
package htmltext

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"

	"github.com/xport/xport/source"
)

// Rendering is an HTML document rendered as text.
type Rendering struct {
	Text []byte
	// Offsets holds, for each line of Text, the byte offset in the HTML
	// of each of its bytes (where the character it comes from starts).
	Offsets [][]int32
}

// limits bound the work on hostile markup: the cells of one row, the
// columns a cell spans, the rows of one table, and the nesting of
// elements kept track of.
const (
	maxCells   = 500
	maxColspan = 50
	maxRows    = 20000
	maxDepth   = 1000
)

// piece is text with the HTML offset of each of its bytes.
type piece struct {
	text []byte
	offs []int32
}

func (p *piece) add(s string, off int) {
	for i := 0; i < len(s); i++ {
		p.text = append(p.text, s[i])
		p.offs = append(p.offs, int32(off))
	}
}

// addText adds text read at off, collapsing white space as HTML does.
func (p *piece) addText(raw []byte, off int) {
	for i := 0; i < len(raw); {
		r, n := utf8.DecodeRune(raw[i:])
		at := off + i
		s := string(raw[i : i+n])
		switch {
		case r == utf8.RuneError && n <= 1:
			s, n = string(source.Windows1252(raw[i])), 1 // not UTF-8: Windows-1252, as old exhibits are
		case r == '&':
			if end := entityEnd(raw[i:]); end > 0 {
				s = html.UnescapeString(string(raw[i : i+end+1]))
				n = end + 1
			} else { // an entity without its semicolon, "&nbsp", or a plain "&"
				s, n = entityPrefix(raw[i:])
			}
		}
		for _, c := range s {
			switch {
			case c == '\u00a0' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u200b':
				if len(p.text) > 0 && p.text[len(p.text)-1] != ' ' {
					p.add(" ", at)
				}
			case c == '\u2014' || c == '\u2013' || c == '\u0097' || c == '\u0096':
				p.add("-", at) // &mdash; &ndash; &#151;: the dash of a nil figure
			case c == '\u2019' || c == '\u2018':
				p.add("'", at)
			case c == '\u201c' || c == '\u201d':
				p.add(`"`, at)
			case c < ' ' || c == utf8.RuneError:
			default:
				p.add(string(c), at)
			}
		}
		i += max(n, 1)
	}
}

// entityEnd finds the semicolon that ends an entity at the start of b
// ("&amp;", "&#151;", "&#x2014;"): its index, or -1 when b starts with
// no entity ("R&D expenses;").
func entityEnd(b []byte) int {
	for i := 1; i < min(len(b), 12); i++ {
		c := b[i]
		switch {
		case c == ';':
			if i > 1 {
				return i
			}
			return -1
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '#':
		default:
			return -1
		}
	}
	return -1
}

// entityPrefix reads a named entity written without its semicolon
// ("&nbsp1,000"): the character it names and its length, or "&" alone.
func entityPrefix(b []byte) (string, int) {
	j := 1
	for j < len(b) && j < 10 && (b[j] >= 'a' && b[j] <= 'z' || b[j] >= 'A' && b[j] <= 'Z') {
		j++
	}
	for n := j; n > 1; n-- {
		if s := html.UnescapeString(string(b[:n]) + ";"); !strings.HasPrefix(s, "&") && utf8.RuneCountInString(s) == 1 {
			return s, n
		}
	}
	return "&", 1
}

// trim takes the spaces off both ends.
func (p piece) trim() piece {
	i, j := 0, len(p.text)
	for i < j && p.text[i] == ' ' {
		i++
	}
	for j > i && p.text[j-1] == ' ' {
		j--
	}
	return piece{p.text[i:j], p.offs[i:j]}
}

// cell is one cell of a table row.
type cell struct {
	piece
	span    int // columns
	rowspan int // rows
	header  bool
}

// renderer walks the tokens of a document.
type renderer struct {
	out Rendering
	// held is the last table read, kept until what follows it is known:
	// the same table continued after a page break joins it.
	held          [][]cell
	heldFurniture []piece  // page numbers and the like read after it
	line          piece    // the paragraph being read, outside tables
	tables        []*table // open, the innermost last
	skip          []string
	sup           int    // length of the text being read when a superscript began, -1 outside one
	supTag        string // the element that set it: sup, or one styled vertical-align: super
	// pre counts the preformatted elements open (pre, xmp, listing):
	// their text keeps its spaces and line breaks, as the text filings
	// of the 1990s that early HTML exhibits wrap in <pre>. preStart is
	// set until the first text of one: a line break there is not text.
	pre      int
	preStart bool
	// caption is the <caption> of the table being read, while it is
	// open: the table's title, a line above it.
	caption *piece
}

// preformatted are the elements whose text keeps its spaces and breaks.
var preformatted = map[string]bool{"pre": true, "xmp": true, "listing": true, "plaintext": true}

// table is a table being read. One that holds another table lays out
// the page rather than figures: its cells are read as paragraphs, the
// tables inside it as tables.
type table struct {
	rows   [][]cell
	cell   *cell
	layout bool
}

// Render renders an HTML document as text, reading it in one pass:
// time and memory are linear in its size.
func Render(data []byte) *Rendering {
	r := &renderer{sup: -1}
	off := Walk(data, func(t *Token) {
		switch t.Type {
		case html.TextToken:
			if len(r.skip) == 0 {
				r.text(t.Raw, t.Offset)
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			r.start(t.Name, t.Attrs, t.Type == html.SelfClosingTagToken, t.Offset)
		case html.EndTagToken:
			r.end(t.Name, t.Offset)
		}
	})
	for len(r.tables) > 0 {
		r.end("table", off)
	}
	r.flush()
	r.release()
	return &r.out
}

// hidden are the elements whose content is not text of the document.
var hidden = map[string]bool{"script": true, "style": true, "head": true, "title": true, "noscript": true, "template": true, "ix:header": true, "xml": true}

// blocks are the elements that end a line of text.
var blocks = map[string]bool{"p": true, "div": true, "br": true, "li": true, "h1": true, "h2": true, "h3": true, "h4": true,
	"h5": true, "h6": true, "center": true, "pre": true, "hr": true, "ul": true, "ol": true, "dl": true, "dt": true, "dd": true, "blockquote": true, "body": true}

func (r *renderer) start(name string, attrs map[string]string, selfClosing bool, at int) {
	if len(r.skip) > 0 && impliesEnd(r.skip[0], name) {
		r.skip = r.skip[:0] // the hidden element ended without its end tag
	}
	if len(r.skip) > 0 {
		if name == r.skip[len(r.skip)-1] && !selfClosing && len(r.skip) < maxDepth {
			r.skip = append(r.skip, name)
		}
		return
	}
	if hidden[name] || isHidden(attrs["style"]) {
		if !selfClosing && !voidElement[name] {
			r.skip = append(r.skip, name)
		}
		return
	}
	t := r.top()
	if name == "sup" || raised(attrs["style"]) {
		if p := r.target(); p != nil && !selfClosing && r.sup < 0 {
			r.sup, r.supTag = len(p.text), name
		}
	}
	if preformatted[name] && !selfClosing && t == nil {
		r.flush()
		r.pre++
		r.preStart = true
		return
	}
	if name == "caption" && t != nil && !selfClosing {
		t.endCell()
		r.caption = &piece{}
		return
	}
	if r.caption != nil && blocks[name] { // "<br>" in a caption: a title of two lines
		if p := r.caption.trim(); len(p.text) > 0 {
			r.emit(p)
		}
		r.caption = &piece{}
		return
	}
	switch name {
	case "table":
		if t == nil {
			r.flush()
		} else {
			t.endCell()
			r.paragraphs(t) // what came before it in the table that holds it
			t.layout = true
		}
		if len(r.tables) < maxDepth {
			r.tables = append(r.tables, &table{})
		}
	case "tr":
		if t != nil {
			t.endCell()
			if len(t.rows) < maxRows {
				t.rows = append(t.rows, nil)
			}
		}
	case "td", "th":
		if t != nil {
			t.endCell()
			span, err := strconv.Atoi(strings.TrimSpace(attrs["colspan"]))
			if err != nil || span < 1 {
				span = 1
			}
			rows, err := strconv.Atoi(strings.TrimSpace(attrs["rowspan"]))
			if err != nil || rows < 1 {
				rows = 1
			}
			t.cell = &cell{span: min(span, maxColspan), rowspan: min(rows, maxRows), header: name == "th"}
		}
	default:
		if blocks[name] {
			if t != nil {
				t.cellSpace(at)
			} else {
				r.flush()
			}
		}
	}
}

// target is the text being read: the cell's, the paragraph's, or nil.
func (r *renderer) target() *piece {
	if t := r.top(); t != nil {
		if t.cell == nil {
			return nil
		}
		return &t.cell.piece
	}
	return &r.line
}

// footnoteMark writes a footnote mark set in superscript ("Profit<sup>1</sup>")
// as the text of a table would, "Profit (1)", so that it is not read as
// part of the label or a figure.
func (r *renderer) footnoteMark() {
	p, from := r.target(), r.sup
	r.sup = -1
	if p == nil || from < 0 || from > len(p.text) {
		return
	}
	mark := strings.TrimSpace(string(p.text[from:]))
	if len(mark) >= 3 && len(mark) <= 4 && mark[0] == '(' && mark[len(mark)-1] == ')' && from > 0 && p.text[from-1] != ' ' {
		// "84,512<sup>(a)</sup>": the mark has its parentheses; it is
		// set apart from the figure
		text, offs := append([]byte{}, p.text[from:]...), append([]int32{}, p.offs[from:]...)
		p.text, p.offs = p.text[:from], p.offs[:from]
		p.add(" ", int(offs[0]))
		p.text, p.offs = append(p.text, text...), append(p.offs, offs...)
		return
	}
	if mark == "" || len(mark) > 3 || strings.ContainsAny(mark, "()") {
		return
	}
	at := p.offs[from]
	text, offs := append([]byte{}, p.text[from:]...), append([]int32{}, p.offs[from:]...)
	p.text, p.offs = p.text[:from], p.offs[:from]
	lead := len(text) - len(bytes.TrimLeft(text, " "))
	trimmed := bytes.TrimSpace(text)
	p.add(" (", int(at))
	p.text, p.offs = append(p.text, trimmed...), append(p.offs, offs[lead:lead+len(trimmed)]...)
	p.add(")", int(at))
}

// top is the innermost table open, or nil.
func (r *renderer) top() *table {
	if len(r.tables) == 0 {
		return nil
	}
	return r.tables[len(r.tables)-1]
}

// paragraphs adds the rows read so far of a table that lays out the
// page as lines of text, a row a line.
func (r *renderer) paragraphs(t *table) {
	for _, row := range t.rows {
		var p piece
		for _, c := range row {
			if len(c.text) == 0 {
				continue
			}
			if len(p.text) > 0 {
				p.add("   ", int(c.offs[0]))
			}
			p.text, p.offs = append(p.text, c.text...), append(p.offs, c.offs...)
		}
		if len(p.text) > 0 {
			r.emit(p)
		}
	}
	t.rows = nil
}

// impliesEnd reports whether a start tag ends a hidden element whose end
// tag HTML lets authors leave out: the head ends where the body's content
// starts, a paragraph at the next block, a cell at the next cell or row.
func impliesEnd(hidden, next string) bool {
	switch hidden {
	case "head":
		return next == "body" || blocks[next] || next == "table" || next == "font" || next == "b" || next == "span"
	case "p":
		return blocks[next] && next != "br" || next == "table"
	case "li":
		return next == "li"
	case "td", "th":
		return next == "td" || next == "th" || next == "tr"
	case "tr":
		return next == "tr"
	case "dt", "dd":
		return next == "dt" || next == "dd"
	}
	return false
}

// voidElement are the elements that have no end tag.
var voidElement = map[string]bool{"br": true, "img": true, "hr": true, "meta": true, "link": true, "input": true, "col": true, "area": true, "base": true, "wbr": true}

// raised reads a style that sets text as a superscript: vertical-align:
// super, or raised by a negative top offset, as Workiva's exhibits set
// footnote marks.
func raised(style string) bool {
	s := strings.ToLower(strings.ReplaceAll(style, " ", ""))
	return strings.Contains(s, "vertical-align:super") || strings.Contains(s, "position:relative") && strings.Contains(s, "top:-")
}

// isHidden reads a style that hides an element.
func isHidden(style string) bool {
	s := strings.ToLower(strings.ReplaceAll(style, " ", ""))
	return strings.Contains(s, "display:none") || strings.Contains(s, "visibility:hidden")
}

func (r *renderer) end(name string, at int) {
	if len(r.skip) > 0 {
		if name == r.skip[len(r.skip)-1] {
			r.skip = r.skip[:len(r.skip)-1]
		}
		return
	}
	t := r.top()
	if name == r.supTag && r.sup >= 0 {
		r.footnoteMark()
	}
	if preformatted[name] && r.pre > 0 && t == nil {
		if len(r.line.text) > 0 {
			r.flushPre()
		}
		r.pre--
		return
	}
	if name == "caption" && r.caption != nil {
		if p := r.caption.trim(); len(p.text) > 0 {
			if t != nil && t.layout {
				r.paragraphs(t)
			}
			r.emit(p) // above the table, which is written when it ends
		}
		r.caption = nil
		return
	}
	switch {
	case name == "table" && t != nil:
		r.tables = r.tables[:len(r.tables)-1]
		t.endCell()
		if t.layout {
			r.paragraphs(t)
		} else {
			r.tableEnded(t.rows)
		}
		if outer := r.top(); outer != nil && outer.cell == nil {
			outer.cell = &cell{span: 1} // the rest of the cell that held the table
		}
	case (name == "td" || name == "th") && t != nil:
		t.endCell()
	case blocks[name] && t == nil:
		r.flush()
	}
}

// text adds text to the cell or the paragraph being read. Outside a
// table, a line break written as an entity (&#10;, as the text layer of
// a slide deck has them) ends a line.
func (r *renderer) text(raw []byte, at int) {
	t := r.top()
	if r.caption != nil {
		r.caption.addText(raw, at)
		return
	}
	if t != nil {
		if t.cell != nil {
			t.cell.addText(raw, at)
		}
		return
	}
	if r.pre > 0 {
		r.preText(raw, at)
		return
	}
	for len(raw) > 0 {
		i, n := entityBreak(raw)
		if i < 0 {
			r.line.addText(raw, at)
			return
		}
		r.line.addText(raw[:i], at)
		r.flush()
		raw, at = raw[i+n:], at+i+n
	}
}

// entityBreak finds a line feed written as an entity: its index and
// length, or -1.
func entityBreak(raw []byte) (int, int) {
	for i := 0; i < len(raw); {
		j := bytes.IndexByte(raw[i:], '&')
		if j < 0 {
			return -1, 0
		}
		i += j
		for _, e := range []string{"&#10;", "&#xA;", "&#xa;", "&#010;"} {
			if bytes.HasPrefix(raw[i:], []byte(e)) {
				return i, len(e)
			}
		}
		i++
	}
	return -1, 0
}

// cellSpace separates the words of a cell where a line would break.
func (t *table) cellSpace(at int) {
	if t.cell != nil && len(t.cell.text) > 0 && t.cell.text[len(t.cell.text)-1] != ' ' {
		t.cell.add(" ", at)
	}
}

// endCell adds the cell being read to its row.
func (t *table) endCell() {
	if t.cell == nil {
		return
	}
	c := *t.cell
	t.cell = nil
	if len(t.rows) == 0 {
		t.rows = append(t.rows, nil)
	}
	row := &t.rows[len(t.rows)-1]
	if len(*row) < maxCells {
		c.piece = c.trim()
		*row = append(*row, c)
	}
}

// preText adds preformatted text: its spaces kept, each line break
// ending a line.
func (r *renderer) preText(raw []byte, at int) {
	if r.preStart {
		r.preStart = false
		switch {
		case bytes.HasPrefix(raw, []byte("\r\n")):
			raw, at = raw[2:], at+2
		case len(raw) > 0 && (raw[0] == '\n' || raw[0] == '\r'):
			raw, at = raw[1:], at+1
		}
	}
	for len(raw) > 0 {
		i := bytes.IndexAny(raw, "\r\n")
		if i < 0 {
			r.line.addPre(raw, at)
			return
		}
		r.line.addPre(raw[:i], at)
		r.flushPre()
		n := 1
		if raw[i] == '\r' && i+1 < len(raw) && raw[i+1] == '\n' {
			n = 2
		}
		raw, at = raw[i+n:], at+i+n
	}
}

// addPre adds preformatted text read at off: white space kept, a tab as
// the spaces to the next stop of eight, characters as addText reads them.
func (p *piece) addPre(raw []byte, off int) {
	for len(raw) > 0 {
		i := bytes.IndexAny(raw, " \t")
		if i < 0 {
			p.addText(raw, off)
			return
		}
		p.addText(raw[:i], off)
		if raw[i] == '\t' {
			p.add(strings.Repeat(" ", 8-len(p.text)%8), off+i)
		} else {
			p.add(" ", off+i)
		}
		raw, off = raw[i+1:], off+i+1
	}
}

// flushPre ends a preformatted line: its leading spaces kept, and a
// blank line kept as one.
func (r *renderer) flushPre() {
	p := r.line
	r.line = piece{}
	j := len(p.text)
	for j > 0 && p.text[j-1] == ' ' {
		j--
	}
	r.emit(piece{p.text[:j], p.offs[:j]})
}

// flush ends the paragraph being read as a line.
func (r *renderer) flush() {
	p := r.line.trim()
	r.line = piece{}
	if len(p.text) > 0 {
		r.emit(p)
	}
}

// emit adds a line to the rendering: after the table held, which it
// releases, unless it is page furniture.
func (r *renderer) emit(p piece) {
	if r.held != nil {
		if pageFurniture.Match(bytes.TrimSpace(p.text)) {
			r.heldFurniture = append(r.heldFurniture, p)
			return
		}
		r.release()
	}
	r.out.Text = append(append(r.out.Text, p.text...), '\n')
	r.out.Offsets = append(r.out.Offsets, p.offs)
}
