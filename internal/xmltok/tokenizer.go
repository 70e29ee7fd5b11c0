package xmltok

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

// Tokenizer reads the tokens of one document held in memory.
type Tokenizer struct {
	src     string
	pos     int        // of the next token
	start   int        // of the document: after a byte order mark
	open    []element  // elements started and not yet ended, innermost last
	ns      []binding  // namespace declarations in scope, innermost last
	attr    []xml.Attr // the attributes of the start tag being read
	attrAt  []attrAt   // where each of them is written
	buf     []byte     // text being decoded
	endAt   int        // if >= 0, the next token ends an empty element: the offset of its "/>"
	rooted  bool       // the root element has started
	doctype bool       // a document type declaration has been read
	tok     Token      // the last token read
	err     error
}

// element is an open element.
type element struct {
	qname string // as written, which its end tag repeats
	name  xml.Name
	ns    int // len(Tokenizer.ns) before the element's declarations
}

// binding is a namespace declaration: prefix ("" for the default
// namespace) → namespace URI.
type binding struct{ prefix, uri string }

// New returns a Tokenizer of the document src, read as UTF-8. It copies
// src once, into the string its tokens' strings are substrings of.
func New(src []byte) *Tokenizer { return NewString(string(src)) }

// NewString returns a Tokenizer of the document src, read as UTF-8,
// without a copy: its tokens' strings are substrings of src.
func NewString(src string) *Tokenizer {
	t := &Tokenizer{src: src, endAt: -1}
	if strings.HasPrefix(t.src, "\uFEFF") {
		t.start = len("\uFEFF")
		t.pos = t.start
	}
	return t
}

// Next returns the next token. At the end of a well-formed document it
// returns io.EOF; at the first problem, an *Error, and the same error
// from then on. The token is the Tokenizer's: the next call overwrites
// it (its strings stay valid).
func (t *Tokenizer) Next() (*Token, error) {
	if t.err == nil {
		t.err = t.next()
	}
	if t.err != nil {
		return nil, t.err
	}
	return &t.tok, nil
}

// next reads the next token into t.tok.
func (t *Tokenizer) next() error {
	if t.endAt >= 0 {
		off := t.endAt
		t.endAt = -1
		t.end(off)
		return nil
	}
	s, i := t.src, t.pos
	switch {
	case i == len(s):
		return t.eof()
	case s[i] != '<':
		if len(t.open) == 0 {
			return t.space()
		}
		text, end, err := t.text(i, 0)
		if err != nil {
			return err
		}
		t.pos = end
		t.tok = Token{Kind: CharData, Offset: i, Text: text}
		return nil
	case i+1 == len(s):
		return fail(len(s), "unexpected end of input after '<'")
	}
	switch s[i+1] {
	case '/':
		return t.endTag()
	case '?':
		return t.procInst()
	case '!':
		switch {
		case strings.HasPrefix(s[i:], "<!-"):
			return t.comment()
		case strings.HasPrefix(s[i:], "<!["):
			return t.cdata()
		}
		return t.directive()
	}
	return t.startTag()
}

// eof ends the document.
func (t *Tokenizer) eof() error {
	switch {
	case len(t.open) > 0:
		return fail(len(t.src), "unexpected end of input: element <%s> is not closed", t.open[len(t.open)-1].qname)
	case !t.rooted:
		return breaks(len(t.src), errDocument, "no root element")
	}
	return io.EOF
}

// space reads the white space between markup outside the root element.
func (t *Tokenizer) space() error {
	start := t.pos
	end := skipSpace(t.src, start)
	if end < len(t.src) && t.src[end] != '<' {
		where := "before"
		if t.rooted {
			where = "after"
		}
		return breaks(end, errDocument, "text %s the root element", where)
	}
	t.pos = end
	t.tok = Token{Kind: CharData, Offset: start, Text: newlines(t.src[start:end])}
	return nil
}

// comment reads <!--text-->.
func (t *Tokenizer) comment() error {
	start := t.pos
	if !strings.HasPrefix(t.src[start:], "<!--") {
		return fail(start, "\"<!-\" that starts no comment")
	}
	i := start + len("<!--")
	k := strings.Index(t.src[i:], "--")
	switch {
	case k < 0 || i+k+2 == len(t.src):
		return fail(len(t.src), "unexpected end of input in a comment")
	case t.src[i+k+2] != '>':
		return fail(i+k, "\"--\" in a comment")
	}
	text := t.src[i : i+k]
	if j, what := badChar(text); j >= 0 {
		return breaks(i+j, errChar, "%s in a comment", what)
	}
	t.pos = i + k + len("-->")
	t.tok = Token{Kind: Comment, Offset: start, Text: text}
	return nil
}

// cdata reads <![CDATA[text]]>.
func (t *Tokenizer) cdata() error {
	start := t.pos
	if !strings.HasPrefix(t.src[start:], "<![CDATA[") {
		if len(t.src)-start < len("<![CDATA[") && strings.HasPrefix("<![CDATA[", t.src[start:]) {
			return fail(len(t.src), "unexpected end of input in a CDATA section")
		}
		return fail(start, "\"<![\" that starts no CDATA section")
	}
	if len(t.open) == 0 {
		return breaks(start, errDocument, "CDATA section outside the root element")
	}
	i := start + len("<![CDATA[")
	k := strings.Index(t.src[i:], "]]>")
	if k < 0 {
		return fail(len(t.src), "unexpected end of input in a CDATA section")
	}
	text := t.src[i : i+k]
	if j, what := badChar(text); j >= 0 {
		return fail(i+j, "%s in a CDATA section", what)
	}
	t.pos = i + k + len("]]>")
	t.tok = Token{Kind: CharData, Offset: start, Text: newlines(text)}
	return nil
}

// procInst reads <?target instruction?>.
func (t *Tokenizer) procInst() error {
	start := t.pos
	target, i, err := t.name(start+len("<?"), "a target name after <?")
	if err != nil {
		return err
	}
	j := skipSpace(t.src, i)
	k := strings.Index(t.src[j:], "?>")
	if k < 0 {
		return fail(len(t.src), "unexpected end of input in processing instruction <?%s", target)
	}
	inst := t.src[j : j+k]
	switch {
	case j == i && k > 0:
		return breaks(i, errPI, "no white space after the target of <?%s", target)
	case target == "xml" && start == t.start:
		if err := xmlDecl(inst, j); err != nil {
			return err
		}
	case target == "xml":
		return breaks(start, errXMLDecl, "the XML declaration is not at the start of the document")
	case strings.EqualFold(target, "xml"):
		return breaks(start, errPI, "the target %s is reserved", target)
	case strings.IndexByte(target, ':') >= 0:
		return breaks(start+len("<?"), errPI, "the target %s holds a colon", target)
	}
	if n, what := badChar(inst); n >= 0 {
		return breaks(j+n, errChar, "%s in a processing instruction", what)
	}
	t.pos = j + k + len("?>")
	t.tok = Token{Kind: ProcInst, Offset: start, Name: xml.Name{Local: target}, Text: inst}
	return nil
}

// xmlDecl checks the pseudo-attributes of the XML declaration, which
// are at off: version 1.0, then optionally encoding UTF-8 and standalone
// yes or no, each once and in that order.
func xmlDecl(s string, off int) error {
	next := 0 // the first pseudo-attribute that may come next
	for i := 0; i < len(s); {
		j := i
		for j < len(s) && 'a' <= s[j] && s[j] <= 'z' {
			j++
		}
		name := s[i:j]
		k := skipSpace(s, j)
		if k == len(s) || s[k] != '=' {
			return breaks(off+i, errXMLDecl, "malformed XML declaration")
		}
		k = skipSpace(s, k+1)
		if k == len(s) || s[k] != '"' && s[k] != '\'' {
			return breaks(off+k, errXMLDecl, "malformed XML declaration: %s has no quoted value", name)
		}
		end := strings.IndexByte(s[k+1:], s[k])
		if end < 0 {
			return breaks(off+k, errXMLDecl, "malformed XML declaration: %s has no quoted value", name)
		}
		value := s[k+1 : k+1+end]
		if err := declValue(name, value, &next); err != nil {
			return breaks(off+i, errXMLDecl, "%s", err)
		}
		i = k + 1 + end + 1
		if i < len(s) && !isSpace(s[i]) {
			return breaks(off+i, errXMLDecl, "malformed XML declaration: no white space after %s", name)
		}
		i = skipSpace(s, i)
	}
	if next == 0 {
		return breaks(off, errXMLDecl, "the XML declaration has no version")
	}
	return nil
}

var declNames = [...]string{"version", "encoding", "standalone"}

// declValue checks one pseudo-attribute of the XML declaration; *next
// is the index in declNames of the first that may come.
func declValue(name, value string, next *int) error {
	i := 0
	for i < len(declNames) && declNames[i] != name {
		i++
	}
	switch {
	case i == len(declNames):
		return fmt.Errorf("the XML declaration has no %q", name)
	case *next == 0 && i != 0:
		return fmt.Errorf("the XML declaration must start with the version")
	case i < *next:
		return fmt.Errorf("%s is out of order in the XML declaration", name)
	case name == "version" && value != "1.0":
		return fmt.Errorf("XML version %q is not supported: only 1.0", value)
	case name == "encoding" && !strings.EqualFold(value, "utf-8"):
		return fmt.Errorf("encoding %q is not supported: only UTF-8", value)
	case name == "standalone" && value != "yes" && value != "no":
		return fmt.Errorf("standalone is %q, not yes or no", value)
	}
	*next = i + 1
	return nil
}

// directive reads the document type declaration, <!DOCTYPE name ...>,
// up to the '>' that ends it, as encoding/xml finds it: not in quotes,
// not in a comment, and not ending a nested declaration. The
// declarations in it are not read.
func (t *Tokenizer) directive() error {
	start := t.pos
	s := t.src
	if !strings.HasPrefix(s[start+len("<!"):], "DOCTYPE") {
		return breaks(start, errDoctype, "<!%s is not a document type declaration, comment or CDATA section", leadingName(s[start+len("<!"):]))
	}
	end := directiveEnd(s, start+len("<!"))
	if end < 0 {
		return fail(len(s), "unexpected end of input in the document type declaration")
	}
	text := s[start+len("<!") : end]
	name := strings.TrimLeft(strings.TrimPrefix(text, "DOCTYPE"), " \t\r\n")
	switch {
	case len(name) == len(text)-len("DOCTYPE") || leadingName(name) == "":
		return breaks(start, errDoctype, "malformed document type declaration")
	case t.rooted:
		return breaks(start, errDoctype, "a document type declaration after the root element's start")
	case t.doctype:
		return breaks(start, errDoctype, "a second document type declaration")
	}
	if j, what := badChar(text); j >= 0 {
		return breaks(start+len("<!")+j, errChar, "%s in the document type declaration", what)
	}
	t.doctype = true
	t.pos = end + 1
	t.tok = Token{Kind: Directive, Offset: start, Text: text}
	return nil
}

// directiveEnd returns the offset of the '>' that ends the declaration
// whose text starts at i, or -1.
func directiveEnd(s string, i int) int {
	var quote byte
	depth := 0
	for ; i < len(s); i++ {
		switch c := s[i]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			if depth == 0 {
				return i
			}
			depth--
		case c == '<' && strings.HasPrefix(s[i:], "<!--"):
			k := strings.Index(s[i+len("<!--"):], "-->")
			if k < 0 {
				return -1
			}
			i += len("<!--") + k + len("--") // at the comment's '>'
		case c == '<':
			depth++
		}
	}
	return -1
}

// leadingName returns the name s starts with, if any, for messages.
func leadingName(s string) string {
	n := 0
	for n < len(s) && nameByte[s[n]] {
		n++
	}
	if !isName(s[:n]) {
		return ""
	}
	return s[:n]
}
