package exporter

import (
	"unicode/utf8"

	"github.com/xport/xport/internal/xmltok"
)

// xmlWriter writes an XML document straight into a byte slice, one element
// or comment a line, indented two spaces a level. It writes what etree
// writes for the same tree indented with Indent(2), without building the
// tree: the instance is the one output that grows with the document, and
// its tree cost more than everything else it took to render it.
//
// Element and attribute names are the caller's, written as given; text and
// attribute values are escaped.
type xmlWriter struct {
	b     []byte
	depth int
}

// newXMLWriter starts a document with the XML declaration; size is a guess
// of its length.
func newXMLWriter(size int) *xmlWriter {
	w := &xmlWriter{b: make([]byte, 0, size)}
	w.b = append(w.b, `<?xml version="1.0" encoding="UTF-8"?>`...)
	return w
}

// bytes ends the document with a newline and returns it.
func (w *xmlWriter) bytes() []byte {
	return append(w.b, '\n')
}

func (w *xmlWriter) newline() {
	w.b = append(w.b, '\n')
	for range w.depth {
		w.b = append(w.b, "  "...)
	}
}

// startTag writes "<tag" and the attributes, given as name, value pairs.
func (w *xmlWriter) startTag(tag string, attrs []string) {
	w.newline()
	w.b = append(w.b, '<')
	w.b = append(w.b, tag...)
	for i := 0; i+1 < len(attrs); i += 2 {
		w.b = append(w.b, ' ')
		w.b = append(w.b, attrs[i]...)
		w.b = append(w.b, `="`...)
		w.b = appendEscaped(w.b, attrs[i+1])
		w.b = append(w.b, '"')
	}
}

// open starts an element that has child elements; close ends it.
func (w *xmlWriter) open(tag string, attrs ...string) {
	w.startTag(tag, attrs)
	w.b = append(w.b, '>')
	w.depth++
}

func (w *xmlWriter) close(tag string) {
	w.depth--
	w.newline()
	w.b = append(w.b, "</"...)
	w.b = append(w.b, tag...)
	w.b = append(w.b, '>')
}

// leaf writes an element holding text only, or nothing ("<tag/>").
func (w *xmlWriter) leaf(tag, text string, attrs ...string) {
	w.startTag(tag, attrs)
	if text == "" {
		w.b = append(w.b, "/>"...)
		return
	}
	w.b = append(w.b, '>')
	w.b = appendEscaped(w.b, text)
	w.b = append(w.b, "</"...)
	w.b = append(w.b, tag...)
	w.b = append(w.b, '>')
}

// comment writes a comment, with a space put between two hyphens and
// after a last one, which a comment cannot hold, and U+FFFD for what
// XML cannot hold.
func (w *xmlWriter) comment(text string) {
	w.newline()
	w.b = append(w.b, "<!--"...)
	hyphen := false
	for _, r := range text {
		if r == '-' && hyphen {
			w.b = append(w.b, ' ')
		}
		hyphen = r == '-'
		if !xmltok.IsChar(r) { // ranging over invalid UTF-8 gives U+FFFD too
			r = utf8.RuneError
		}
		w.b = utf8.AppendRune(w.b, r)
	}
	if hyphen {
		w.b = append(w.b, ' ')
	}
	w.b = append(w.b, "-->"...)
}

// appendEscaped appends s escaped for text or a double-quoted attribute
// value: the five markup characters as entities, and what XML 1.0 cannot
// hold (control characters, invalid UTF-8) as U+FFFD. Tabs and line
// breaks stay as they are.
func appendEscaped(b []byte, s string) []byte {
	last := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c < utf8.RuneSelf && c != '&' && c != '<' && c != '>' && c != '\'' && c != '"' {
			i++
			continue
		}
		r, width := rune(c), 1
		if c >= utf8.RuneSelf {
			r, width = utf8.DecodeRuneInString(s[i:])
		}
		var esc string
		switch {
		case r == '&':
			esc = "&amp;"
		case r == '<':
			esc = "&lt;"
		case r == '>':
			esc = "&gt;"
		case r == '\'':
			esc = "&apos;"
		case r == '"':
			esc = "&quot;"
		case r == '\t' || r == '\n' || r == '\r':
		case !xmltok.IsChar(r) || r == utf8.RuneError && width == 1:
			esc = "\uFFFD"
		}
		if esc != "" {
			b = append(b, s[last:i]...)
			b = append(b, esc...)
			last = i + width
		}
		i += width
	}
	return append(b, s[last:]...)
}
