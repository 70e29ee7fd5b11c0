package source

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"unicode/utf8"
)

// TabWidth is the distance between tab stops when tabs are expanded.
const TabWidth = 8

// ErrBinary reports input that is not text.
var ErrBinary = errors.New("binary data (NUL byte): not a text document")

// MaxLineLength bounds a line, in bytes. Disclosures, even paragraphs a
// PDF-to-text tool put on one line, stay far below it; a longer line is
// data of another kind, and reading it as text would take memory and time
// in proportion to its figures.
const MaxLineLength = 1 << 20

// ErrLongLine reports a line over MaxLineLength.
var ErrLongLine = fmt.Errorf("line longer than %d bytes: not a text document", MaxLineLength)

// Document is a source text split into normalised lines.
type Document struct {
	Name  string
	Lines []Line
}

// Line is one line of a document. Text is the normalised line: tabs
// expanded, no-break spaces made spaces, no line terminator. Columns of Text
// are counted in runes; Pos maps them back to the original bytes.
type Line struct {
	Num       int    // 1-based line number in the original file
	Text      string // normalised text; empty for a markup line
	PageBreak bool   // a form feed preceded or interrupted this line
	// Markup is set for a line of EDGAR SGML tags only ("<TABLE>",
	// "<S>    <C>    <C>", "</TEXT>"); its Text is empty, so later stages
	// see it as blank, and Markup tells it from a blank line.
	Markup bool
	orig   string // original bytes of the line, without terminator
	ascii  bool   // orig needed no normalisation: columns are byte columns
}

// sgmlTag matches an EDGAR SGML tag such as <TABLE>, </TEXT> or <C>.
var sgmlTag = regexp.MustCompile(`</?[A-Za-z][A-Za-z0-9-]*>`)

// DefaultMaxSize is the largest file xport reads unless told otherwise,
// to convert or to validate: a larger input fails with ErrTooLarge, not
// by exhausting memory.
const DefaultMaxSize = 256 << 20

// ErrTooLarge reports an input over the size limit.
var ErrTooLarge = errors.New("input too large")

// Raw returns the line's original bytes, without its terminator: for a
// markup line, the tags its Text leaves out.
func (l Line) Raw() string { return l.orig }

// isMarkup reports whether a line holds SGML tags and nothing else.
func isMarkup(line string) bool {
	t := strings.TrimSpace(line)
	return strings.HasPrefix(t, "<") && strings.TrimSpace(sgmlTag.ReplaceAllString(t, "")) == ""
}

// Read reads a whole document. Invalid UTF-8 bytes are taken as
// Windows-1252/Latin-1 characters, as old EDGAR texts were written; a NUL
// byte is an error, located, because such input is not text.
func Read(name string, r io.Reader) (*Document, error) {
	data, err := ReadAll(name, r)
	if err != nil {
		return nil, err
	}
	return Parse(name, data)
}

// ReadAll reads all of r as io.ReadAll does, but stops at the first line
// longer than MaxLineLength with a ParseError, so that a document of one
// endless line is refused after a megabyte, not read into memory whole.
func ReadAll(name string, r io.Reader) ([]byte, error) {
	var data []byte
	chunk := make([]byte, 64<<10)
	num, length, prevCR := 1, 0, false
	for {
		n, err := r.Read(chunk)
		for _, c := range chunk[:n] {
			switch {
			case c == '\n' && prevCR: // the end of a \r\n, counted at the \r
			case c == '\n' || c == '\r':
				num, length = num+1, 0
			default:
				length++
				if length > MaxLineLength {
					return nil, &ParseError{Pos: Pos{File: name, Line: num, Col: length}, Err: ErrLongLine}
				}
			}
			prevCR = c == '\r'
		}
		data = append(data, chunk[:n]...)
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
	}
}

// Parse splits data into lines; see Read.
func Parse(name string, data []byte) (*Document, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	// One copy of the text, which the lines are slices of.
	text := string(data)
	doc := &Document{Name: name, Lines: make([]Line, 0, strings.Count(text, "\n")+1)}
	num := 0
	for len(text) > 0 {
		end, next := lineEnd(text)
		num++
		raw := text[:end]
		if i := strings.IndexByte(raw, 0); i >= 0 {
			return nil, &ParseError{Pos: Pos{File: name, Line: num, Col: i + 1}, Err: ErrBinary}
		}
		if len(raw) > MaxLineLength {
			return nil, &ParseError{Pos: Pos{File: name, Line: num, Col: MaxLineLength + 1}, Err: ErrLongLine}
		}
		doc.Lines = append(doc.Lines, newLine(num, raw))
		text = text[next:]
	}
	return doc, nil
}

// lineEnd finds the end of the first line of data and where the next begins.
// \n, \r\n and a lone \r end a line.
func lineEnd(data string) (end, next int) {
	i := strings.IndexAny(data, "\r\n")
	switch {
	case i < 0:
		return len(data), len(data)
	case data[i] == '\r' && i+1 < len(data) && data[i+1] == '\n':
		return i, i + 2
	}
	return i, i + 1
}

func newLine(num int, orig string) Line {
	l := Line{Num: num, orig: orig, PageBreak: strings.IndexByte(orig, '\f') >= 0}
	if isMarkup(orig) {
		l.Markup = true
		return l
	}
	if isPlainASCII(orig) {
		l.Text, l.ascii = orig, true
		return l
	}
	var b strings.Builder
	col := 0
	forEachRune(orig, func(_ int, r rune) {
		switch r {
		case '\t':
			n := TabWidth - col%TabWidth
			b.WriteString(strings.Repeat(" ", n))
			col += n
		case '\f', '\v':
		default:
			if r == '\u00a0' || r == '\u2007' || r == '\u202f' {
				r = ' '
			}
			b.WriteRune(r)
			col++
		}
	})
	l.Text = b.String()
	return l
}

// isPlainASCII reports whether s needs no normalisation at all.
func isPlainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || c == '\t' || c == '\f' || c == '\v' {
			return false
		}
	}
	return true
}

// forEachRune calls f with the byte offset and rune of every character of
// s, decoding invalid UTF-8 bytes as Windows-1252/Latin-1.
func forEachRune(s string, f func(off int, r rune)) {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size <= 1 {
			r, size = latin1(s[i]), 1
		}
		f(i, r)
		i += size
	}
}

// Windows1252 decodes a byte that is not part of UTF-8 as Windows-1252
// reads it, the usual encoding of old texts and HTML that are not UTF-8.
func Windows1252(c byte) rune { return latin1(c) }

// latin1 decodes one byte of Windows-1252, the usual encoding of old texts
// that are not UTF-8.
func latin1(c byte) rune {
	if c >= 0x80 && c < 0xa0 {
		if r := cp1252[c-0x80]; r != 0 {
			return r
		}
	}
	return rune(c)
}

var cp1252 = [32]rune{
	0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
	0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
	0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
	0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
}

// Pos returns the position of column col (0-based, in runes of Text) as a
// 1-based byte column of the original line. Columns past the end of the
// line map to just after its last byte.
func (l Line) Pos(file string, col int) Pos {
	if l.ascii {
		return Pos{File: file, Line: l.Num, Col: min(max(col, 0), len(l.orig)) + 1}
	}
	cols := l.Columns()
	return Pos{File: file, Line: l.Num, Col: cols[min(max(col, 0), len(cols)-1)]}
}

// Columns maps every column of Text (in runes), and one past its end, to
// the 1-based byte column of the original line, in one pass.
func (l Line) Columns() []int {
	if l.ascii {
		cols := make([]int, len(l.orig)+1)
		for i := range cols {
			cols[i] = i + 1
		}
		return cols
	}
	var cols []int
	forEachRune(l.orig, func(off int, r rune) {
		w := 1
		switch r {
		case '\t':
			w = TabWidth - len(cols)%TabWidth
		case '\f', '\v':
			w = 0
		}
		for ; w > 0; w-- {
			cols = append(cols, off+1)
		}
	})
	return append(cols, len(l.orig)+1)
}

// Pos returns the position of column col of line index i of d.
func (d *Document) Pos(i, col int) Pos {
	if i < 0 || i >= len(d.Lines) {
		return Pos{File: d.Name}
	}
	return d.Lines[i].Pos(d.Name, col)
}

// Cell is a piece of a line between tabs or runs of two or more spaces,
// as text laid out in columns (or extracted from a PDF) separates fields.
type Cell struct {
	Text string // trimmed
	Col  int    // 0-based column of its first character in the line's Text, in runes
}

// Cells splits the line into cells. A tab always separates cells, even
// where expanding it left one space in Text; a single space never does.
func (l Line) Cells() []Cell {
	var cells []Cell
	var cur []rune
	start, col, spaces := 0, 0, 0
	flush := func() {
		if len(cur) > 0 {
			cells = append(cells, Cell{Text: strings.TrimRight(string(cur), " "), Col: start})
		}
		cur = cur[:0]
	}
	forEachRune(l.orig, func(_ int, r rune) {
		switch r {
		case '\t':
			flush()
			col += TabWidth - col%TabWidth
			spaces = 0
			return
		case '\f', '\v':
			return
		case ' ', '\u00a0', '\u2007', '\u202f':
			spaces++
			if spaces == 2 {
				flush()
			}
			if len(cur) > 0 {
				cur = append(cur, ' ')
			}
			col++
			return
		}
		if len(cur) == 0 {
			start = col
		}
		spaces = 0
		cur = append(cur, r)
		col++
	})
	flush()
	return cells
}
