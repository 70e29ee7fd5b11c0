package xmltok

import (
	"encoding/xml"
	"strings"
)

// The namespaces Namespaces in XML binds by definition.
const (
	xmlURL   = "http://www.w3.org/XML/1998/namespace" // the prefix xml's
	xmlnsURL = "http://www.w3.org/2000/xmlns/"        // the prefix xmlns's
)

// attrAt says where an attribute of the start tag being read is: the
// offset of its name, and the name's length.
type attrAt struct{ off, len int }

// declares returns the prefix a, as written, declares a namespace for
// ("" for the default namespace), if it is a namespace declaration.
func declares(a *xml.Attr) (prefix string, ok bool) {
	switch {
	case a.Name.Space == "xmlns":
		return a.Name.Local, true
	case a.Name.Space == "" && a.Name.Local == "xmlns":
		return "", true
	}
	return "", false
}

// startTag reads <name attr="value" ...> or <name .../>.
func (t *Tokenizer) startTag() error {
	start := t.pos
	if t.rooted && len(t.open) == 0 {
		return breaks(start, errDocument, "a second root element")
	}
	qname, prefix, local, i, err := t.qname(start+len("<"), "an element name after <")
	if err != nil {
		return err
	}
	empty, end, err := t.attributes(i, qname)
	if err != nil {
		return err
	}
	mark := len(t.ns)
	if err := t.declare(); err != nil {
		return err
	}
	name, err := t.elementName(prefix, local, start+len("<"))
	if err != nil {
		return err
	}
	if err := t.resolveAttrs(); err != nil {
		return err
	}
	t.open = append(t.open, element{qname: qname, name: name, ns: mark})
	t.rooted = true
	t.pos = end
	if empty {
		t.endAt = end - len("/>")
	}
	t.tok = Token{Kind: StartElement, Offset: start, Name: name, Attr: t.attr}
	return nil
}

// qname reads a name at i and splits it at its colon, if it has one.
func (t *Tokenizer) qname(i int, what string) (qname, prefix, local string, end int, err error) {
	qname, end, err = t.name(i, what)
	if err != nil {
		return "", "", "", end, err
	}
	prefix, local, ok := strings.Cut(qname, ":")
	switch {
	case !ok:
		return qname, "", qname, end, nil
	case strings.IndexByte(local, ':') >= 0:
		return "", "", "", i, fail(i, "the name %s has more than one colon", qname)
	case prefix == "" || !startsName(local): // the rest of local are name characters
		return "", "", "", i, breaks(i, errQName, "%s is not a qualified name (prefix:local)", qname)
	}
	return qname, prefix, local, end, nil
}

// attributes reads the attributes of the start tag of the element qname
// from i into t.attr, their names as written ({prefix local}), and the
// tag's end: whether it is "/>", and the offset after it.
func (t *Tokenizer) attributes(i int, qname string) (empty bool, end int, err error) {
	s := t.src
	t.attr, t.attrAt = t.attr[:0], t.attrAt[:0]
	for {
		j := skipSpace(s, i)
		switch {
		case j == len(s) || s[j] == '/' && j+1 == len(s):
			return false, len(s), fail(len(s), "unexpected end of input in the start tag of <%s>", qname)
		case s[j] == '>':
			return false, j + 1, nil
		case s[j] == '/' && s[j+1] == '>':
			return true, j + 2, nil
		case s[j] == '/':
			return false, j, fail(j, "'/' not followed by '>' in the start tag of <%s>", qname)
		}
		k, err := t.attribute(j)
		if err != nil {
			return false, k, err
		}
		if j == i {
			return false, j, breaks(j, errAttrSpace, "no white space before the attribute %s of <%s>", t.attrName(len(t.attr)-1), qname)
		}
		i = k
	}
}

// attribute reads name="value" at i into t.attr, and returns the offset
// after it.
func (t *Tokenizer) attribute(i int) (int, error) {
	s := t.src
	qname, prefix, local, j, err := t.qname(i, "an attribute name, > or />")
	if err != nil {
		return j, err
	}
	j = skipSpace(s, j)
	if j < len(s) && s[j] != '=' {
		return j, fail(j, "expected '=' after the attribute name %s", qname)
	}
	j = skipSpace(s, j+1)
	switch {
	case j >= len(s):
		return len(s), fail(len(s), "unexpected end of input in the attribute %s", qname)
	case s[j] != '"' && s[j] != '\'':
		return j, fail(j, "the value of the attribute %s is not quoted", qname)
	}
	value, end, err := t.text(j+1, s[j])
	if err != nil {
		return end, err
	}
	t.attr = append(t.attr, xml.Attr{Name: xml.Name{Space: prefix, Local: local}, Value: value})
	t.attrAt = append(t.attrAt, attrAt{off: i, len: len(qname)})
	return end + 1, nil
}

// attrName returns the name of attribute i as written.
func (t *Tokenizer) attrName(i int) string {
	at := t.attrAt[i]
	return t.src[at.off : at.off+at.len]
}

// declare brings the namespace declarations of the start tag into scope.
func (t *Tokenizer) declare() error {
	for i := range t.attr {
		a := &t.attr[i]
		prefix, ok := declares(a)
		if !ok {
			continue
		}
		off, qname := t.attrAt[i].off, t.attrName(i)
		switch {
		case prefix == "xmlns":
			return breaks(off, errNSDecl, "the prefix xmlns must not be declared")
		case prefix == "xml" && a.Value != xmlURL:
			return breaks(off, errNSDecl, "the prefix xml must not be bound to %q", a.Value)
		case prefix != "xml" && a.Value == xmlURL, a.Value == xmlnsURL:
			return breaks(off, errNSDecl, "%s must not declare the reserved namespace %s", qname, a.Value)
		case prefix != "" && a.Value == "":
			return breaks(off, errNSDecl, "%s must not be empty", qname)
		}
		t.ns = append(t.ns, binding{prefix: prefix, uri: a.Value})
	}
	return nil
}

// lookup returns the namespace URI prefix is bound to.
func (t *Tokenizer) lookup(prefix string) (string, bool) {
	for i := len(t.ns) - 1; i >= 0; i-- {
		if t.ns[i].prefix == prefix {
			return t.ns[i].uri, true
		}
	}
	return "", false
}

// elementName resolves the name of an element, written at off: an
// unprefixed one is in the default namespace, if one is declared.
func (t *Tokenizer) elementName(prefix, local string, off int) (xml.Name, error) {
	switch prefix {
	case "":
		uri, _ := t.lookup("")
		return xml.Name{Space: uri, Local: local}, nil
	case "xml":
		return xml.Name{Space: xmlURL, Local: local}, nil
	case "xmlns":
		return xml.Name{}, breaks(off, errNSDecl, "the element name xmlns:%s has the prefix xmlns", local)
	}
	uri, ok := t.lookup(prefix)
	if !ok {
		return xml.Name{}, breaks(off, errPrefixDeclared, "the prefix %s of the element %s:%s is not declared", prefix, prefix, local)
	}
	return xml.Name{Space: uri, Local: local}, nil
}

// resolveAttrs gives the prefixed attributes of the start tag their
// namespace, as encoding/xml does (but for declarations, xmlns:p, which
// stay as written), and checks that no two are the same.
func (t *Tokenizer) resolveAttrs() error {
	for i := range t.attr {
		a := &t.attr[i]
		switch a.Name.Space {
		case "", "xmlns":
		case "xml":
			a.Name.Space = xmlURL
		default:
			uri, ok := t.lookup(a.Name.Space)
			if !ok {
				return breaks(t.attrAt[i].off, errPrefixDeclared, "the prefix %s of the attribute %s is not declared", a.Name.Space, t.attrName(i))
			}
			a.Name.Space = uri
		}
	}
	if i, j := t.duplicate(); i >= 0 {
		if t.attrName(i) == t.attrName(j) {
			return breaks(t.attrAt[i].off, errUniqueAttr, "the attribute %s is repeated", t.attrName(i))
		}
		return breaks(t.attrAt[i].off, errUniqueAttr, "the attributes %s and %s are both {%s}%s", t.attrName(j), t.attrName(i), t.attr[i].Name.Space, t.attr[i].Name.Local)
	}
	return nil
}

// duplicate returns the index of the first attribute of the start tag
// whose expanded name an earlier one has, and the index of that one;
// -1, -1 if there is none.
func (t *Tokenizer) duplicate() (int, int) {
	n := len(t.attr)
	if n <= 16 {
		for i := 1; i < n; i++ {
			for j := range i {
				if t.attr[i].Name.Local == t.attr[j].Name.Local && t.expanded(i) == t.expanded(j) {
					return i, j
				}
			}
		}
		return -1, -1
	}
	seen := make(map[xml.Name]int, n)
	for i := range n {
		if j, ok := seen[t.expanded(i)]; ok {
			return i, j
		}
		seen[t.expanded(i)] = i
	}
	return -1, -1
}

// expanded returns the expanded name of attribute i: that of a namespace
// declaration is in the xmlns namespace, not the one encoding/xml gives.
func (t *Tokenizer) expanded(i int) xml.Name {
	if prefix, ok := declares(&t.attr[i]); ok {
		return xml.Name{Space: xmlnsURL, Local: prefix}
	}
	return t.attr[i].Name
}

// endTag reads </name>.
func (t *Tokenizer) endTag() error {
	start := t.pos
	s := t.src
	i := start + len("</")
	open := ""
	if len(t.open) > 0 {
		open = t.open[len(t.open)-1].qname
	}
	// The name is most likely the open element's, which needs no
	// checking but that it ends there.
	j := i + len(open)
	if open == "" || !strings.HasPrefix(s[i:], open) || j < len(s) && nameByte[s[j]] {
		qname, _, err := t.name(i, "an element name after </")
		switch {
		case err != nil:
			return err
		case open == "":
			return fail(start, "the end tag </%s> has no start tag", qname)
		}
		return fail(start, "the element <%s> is closed by </%s>", open, qname)
	}
	j = skipSpace(s, j)
	switch {
	case j == len(s):
		return fail(j, "unexpected end of input in the end tag </%s", open)
	case s[j] != '>':
		return fail(j, "expected '>' to end the end tag </%s", open)
	}
	t.pos = j + 1
	t.end(start)
	return nil
}

// end ends the innermost open element, at off.
func (t *Tokenizer) end(off int) {
	e := t.open[len(t.open)-1]
	t.open = t.open[:len(t.open)-1]
	t.ns = t.ns[:e.ns]
	t.tok = Token{Kind: EndElement, Offset: off, Name: e.name}
}
