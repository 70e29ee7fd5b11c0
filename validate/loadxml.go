package validate

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"time"

	"github.com/xport/xport/decimal"
	"github.com/xport/xport/exporter"
	"github.com/xport/xport/source"
	"github.com/xport/xport/xbrl"
)

const (
	nsXBRLI = "http://www.xbrl.org/2003/instance"
	nsLink  = "http://www.xbrl.org/2003/linkbase"
	nsXLink = "http://www.w3.org/1999/xlink"
	nsDI    = "http://xbrl.org/2006/xbrldi"
	nsISO   = "http://www.xbrl.org/2003/iso4217"
	nsXSI   = "http://www.w3.org/2001/XMLSchema-instance"
)

// node is an element of an instance with its position.
type node struct {
	name     xml.Name
	attrs    map[xml.Name]string
	text     string
	children []*node
	pos      source.Pos
	ns       map[string]string // prefixes in scope: prefix → namespace
}

func (n *node) attr(space, local string) string { return n.attrs[xml.Name{Space: space, Local: local}] }

func (n *node) child(space, local string) *node {
	for _, c := range n.children {
		if c.name.Space == space && c.name.Local == local {
			return c
		}
	}
	return nil
}

// qname resolves a prefixed name written in content ("iso4217:USD").
func (n *node) qname(s string) (ns, prefix, local string) {
	prefix, local, ok := strings.Cut(strings.TrimSpace(s), ":")
	if !ok {
		local, prefix = prefix, ""
	}
	return n.ns[prefix], prefix, local
}

// parseXML reads a whole document into nodes with positions. Go's XML
// decoder neither fetches external entities nor expands entities a DTD
// declares, so entity expansion attacks fail as syntax errors.
func (d *Document) parseXML() (*node, error) {
	dec := xml.NewDecoder(bytes.NewReader(d.Data))
	dec.Strict = true
	var stack []*node
	var root *node
	for {
		off := dec.InputOffset()
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, &source.ParseError{Pos: d.lines.pos(d.Name, dec.InputOffset()), Err: err}
		}
		switch t := tok.(type) {
		case xml.StartElement:
			n := &node{name: t.Name, attrs: map[xml.Name]string{}, pos: d.lines.pos(d.Name, off), ns: map[string]string{}}
			if len(stack) > 0 {
				parent := stack[len(stack)-1]
				parent.children = append(parent.children, n)
				parent.text = ""
				n.ns = parent.ns // shared until the element declares a prefix of its own
			} else {
				root = n
			}
			own := len(stack) == 0
			for _, a := range t.Attr {
				if a.Name.Space != "xmlns" && (a.Name.Space != "" || a.Name.Local != "xmlns") {
					n.attrs[a.Name] = a.Value
					continue
				}
				if !own {
					n.ns, own = copyMap(n.ns), true
				}
				prefix := a.Name.Local
				if a.Name.Space == "" {
					prefix = ""
				}
				n.ns[prefix] = a.Value
			}
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			// Only elements without children hold values; the whitespace
			// between the children of the root would otherwise pile up.
			if n := len(stack); n > 0 && len(stack[n-1].children) == 0 {
				stack[n-1].text += string(t)
			}
		}
	}
	if root == nil {
		return nil, &source.ParseError{Pos: source.Pos{File: d.Name, Line: 1, Col: 1}, Err: errors.New("no root element")}
	}
	return root, nil
}

func copyMap(m map[string]string) map[string]string {
	out := make(map[string]string, len(m)+1)
	for k, v := range m {
		out[k] = v
	}
	return out
}

// xmlLoader builds a report from an instance.
type xmlLoader struct {
	d        *Document
	tx       *taxonomy
	ds       source.Diagnostics
	contexts map[string]*node
	units    map[string]*xbrl.Unit
	origins  map[string]source.Pos // fact id → where its figure is printed
	reported map[string]bool
}

func (d *Document) loadXML(resolve Resolver) (*xbrl.Report, source.Diagnostics) {
	root, err := d.parseXML()
	if err != nil {
		var pe *source.ParseError
		errors.As(err, &pe)
		var ds source.Diagnostics
		ds.Add(source.Error, "xml:syntax", pe.Pos, "not well-formed XML: %v", pe.Err)
		return nil, ds
	}
	l := &xmlLoader{d: d, tx: newTaxonomy(), contexts: map[string]*node{}, units: map[string]*xbrl.Unit{},
		origins: map[string]source.Pos{}, reported: map[string]bool{}}
	if root.name.Space != nsXBRLI || root.name.Local != "xbrl" {
		l.ds.Add(source.Error, "xbrl.4.1:notAnInstance", root.pos, "the root element is %s, not xbrli:xbrl", root.name.Local)
		return nil, l.ds
	}
	rep := &xbrl.Report{Provenance: xbrl.Provenance{Source: d.Name}}
	for _, c := range root.children {
		switch {
		case c.name.Space == nsLink && c.name.Local == "schemaRef":
			href := c.attr(nsXLink, "href")
			rep.Taxonomy.Schema = href
			l.ds = append(l.ds, l.tx.loadSchema(href, resolve, c.pos)...)
		case c.name.Space == nsXBRLI && c.name.Local == "context":
			l.contexts[c.attr("", "id")] = c
		case c.name.Space == nsXBRLI && c.name.Local == "unit":
			l.units[c.attr("", "id")] = l.unit(c)
		case c.name.Space == nsLink && c.name.Local == "footnoteLink":
			l.footnotes(c)
		}
	}
	if rep.Taxonomy.Schema == "" {
		l.ds.Add(source.Error, "xbrl.4.2:missingSchemaRef", root.pos, "the instance references no taxonomy schema (link:schemaRef)")
	}
	for _, c := range root.children {
		if c.name.Space != nsXBRLI && c.name.Space != nsLink {
			if f := l.fact(c, rep); f != nil {
				rep.Facts = append(rep.Facts, f)
			}
		}
	}
	rep.Concepts = concepts(rep.Facts)
	rep.Networks = l.tx.networks
	for _, u := range l.units {
		rep.Units = append(rep.Units, u)
	}
	return rep, l.ds
}

// unit reads xbrli:unit: measures, or a divide of numerator and denominator.
func (l *xmlLoader) unit(n *node) *xbrl.Unit {
	u := &xbrl.Unit{ID: n.attr("", "id")}
	measures := func(parent *node) []string {
		var out []string
		for _, m := range parent.children {
			if m.name.Local == "measure" {
				ns, _, local := m.qname(m.text)
				out = append(out, measureName(ns, local))
			}
		}
		return out
	}
	if div := n.child(nsXBRLI, "divide"); div != nil {
		if num := div.child(nsXBRLI, "unitNumerator"); num != nil {
			u.Numerator = measures(num)
		}
		if den := div.child(nsXBRLI, "unitDenominator"); den != nil {
			u.Denominator = measures(den)
		}
		return u
	}
	u.Numerator = measures(n)
	return u
}

// measureName writes a measure with its conventional prefix.
func measureName(ns, local string) string {
	switch ns {
	case nsISO:
		return "iso4217:" + local
	case nsXBRLI:
		return "xbrli:" + local
	}
	return "{" + ns + "}" + local
}

// footnotes reads the source positions xport writes as footnotes.
func (l *xmlLoader) footnotes(n *node) {
	locs, texts := map[string]string{}, map[string]string{}
	for _, c := range n.children {
		label := c.attr(nsXLink, "label")
		switch c.name.Local {
		case "loc":
			locs[label] = strings.TrimPrefix(c.attr(nsXLink, "href"), "#")
		case "footnote":
			if c.attr(nsXLink, "role") == exporter.SourceRole {
				texts[label] = c.text
			}
		}
	}
	for _, c := range n.children {
		if c.name.Local != "footnoteArc" {
			continue
		}
		id, text := locs[c.attr(nsXLink, "from")], texts[c.attr(nsXLink, "to")]
		if p, ok := parsePos(strings.Fields(text)); id != "" && ok {
			l.origins[id] = p
		}
	}
}

// parsePos reads the first "file:line:col" of a source text.
func parsePos(fields []string) (source.Pos, bool) {
	if len(fields) == 0 {
		return source.Pos{}, false
	}
	return source.ParsePos(fields[0])
}

// fact reads one fact element.
func (l *xmlLoader) fact(n *node, rep *xbrl.Report) *xbrl.Fact {
	prefix := ""
	for p, ns := range n.ns {
		if ns == n.name.Space && (prefix == "" || p < prefix) {
			prefix = p
		}
	}
	c := l.tx.qnameConcept(n.name.Space, prefix, n.name.Local, n.pos, &l.ds, l.reported)
	f := &xbrl.Fact{ID: n.attr("", "id"), Concept: c, Source: n.pos, Origin: l.origins[n.attr("", "id")]}
	ctxID := n.attr("", "contextRef")
	ctx := l.contexts[ctxID]
	if ctx == nil {
		l.ds.Add(source.Error, "xbrl.4.6.1:itemContextRef", n.pos, "contextRef %q names no context", ctxID)
		return nil
	}
	l.context(ctx, f, rep)
	if ref := n.attr("", "unitRef"); ref != "" {
		if f.Unit = l.units[ref]; f.Unit == nil {
			l.ds.Add(source.Error, "xbrl.4.6.2:numericUnit", n.pos, "unitRef %q names no unit", ref)
		}
	}
	text := strings.TrimSpace(n.text)
	if n.attr(nsXSI, "nil") == "true" {
		return f
	}
	if f.Unit != nil || n.attr("", "decimals") != "" {
		f.Decimals = decimalsOf(n.attr("", "decimals"), n.pos, &l.ds)
		v, err := decimal.Parse(text)
		if err != nil {
			l.ds.Add(source.Error, "xbrl.4.6:invalidValue", n.pos, "the value %q of %s is not a decimal number", text, c.QName())
		}
		f.Value = v
	} else {
		f.Text = text
	}
	return f
}

// decimalsOf reads a decimals attribute; INF is exact.
func decimalsOf(s string, at source.Pos, ds *source.Diagnostics) int {
	switch s {
	case "INF":
		return xbrl.DecimalsINF
	case "":
		ds.Add(source.Error, "xbrl.4.6.3:missingPrecisionDecimals", at, "a numeric fact has neither decimals nor precision")
		return xbrl.DecimalsINF
	}
	d, err := parseInt(s)
	if err != nil {
		ds.Add(source.Error, "xbrl.4.6.5:decimals", at, "decimals %q is neither an integer nor INF", s)
	}
	return d
}

// context fills a fact's entity, period and dimensions from its context.
func (l *xmlLoader) context(ctx *node, f *xbrl.Fact, rep *xbrl.Report) {
	if ent := ctx.child(nsXBRLI, "entity"); ent != nil {
		if id := ent.child(nsXBRLI, "identifier"); id != nil {
			rep.Entity = xbrl.Entity{Scheme: id.attr("", "scheme"), ID: strings.TrimSpace(id.text)}
		}
		if seg := ent.child(nsXBRLI, "segment"); seg != nil {
			for _, m := range seg.children {
				if m.name.Space == nsDI && m.name.Local == "typedMember" {
					ans, ap, al := m.qname(m.attr("", "dimension"))
					d := xbrl.Member{Axis: l.tx.qnameConcept(ans, ap, al, m.pos, &l.ds, l.reported)}
					if len(m.children) == 1 {
						d.Typed = strings.TrimSpace(m.children[0].text)
					} else {
						l.ds.Add(source.Error, "xbrldie:TypedMemberNotTypedDimensionError", m.pos, "a typed member holds one element, this one %d", len(m.children))
					}
					f.Dims = append(f.Dims, d)
					continue
				}
				if m.name.Space == nsDI && m.name.Local == "explicitMember" {
					ans, ap, al := m.qname(m.attr("", "dimension"))
					mns, mp, ml := m.qname(m.text)
					f.Dims = append(f.Dims, xbrl.Member{
						Axis:   l.tx.qnameConcept(ans, ap, al, m.pos, &l.ds, l.reported),
						Member: l.tx.qnameConcept(mns, mp, ml, m.pos, &l.ds, l.reported),
					})
				}
			}
		}
	}
	per := ctx.child(nsXBRLI, "period")
	if per == nil {
		l.ds.Add(source.Error, "xbrl.4.7.2:period", ctx.pos, "context %q has no period", ctx.attr("", "id"))
		return
	}
	date := func(name string) time.Time {
		n := per.child(nsXBRLI, name)
		if n == nil {
			return time.Time{}
		}
		t, err := parseDate(n.text, name != "startDate")
		if err != nil {
			l.ds.Add(source.Error, "xbrl.4.7.2:periodDate", n.pos, "%s %q is not a date", name, strings.TrimSpace(n.text))
		}
		return t
	}
	if per.child(nsXBRLI, "instant") != nil {
		f.Period = xbrl.Period{End: date("instant"), Instant: true}
		return
	}
	f.Period = xbrl.Period{Start: date("startDate"), End: date("endDate")}
}
