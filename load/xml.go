package load

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unsafe"

	"github.com/xport/xport/calc"
	"github.com/xport/xport/decimal"
	"github.com/xport/xport/exporter"
	"github.com/xport/xport/internal/xmltok"
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
	attrs    []xml.Attr // in document order, without namespace declarations
	text     string
	children []*node
	off      int    // of its start tag in the document; xmlLoader.pos makes it a position
	ns       *scope // prefixes in scope
}

func (n *node) attr(space, local string) string {
	for _, a := range n.attrs {
		if a.Name.Local == local && a.Name.Space == space {
			return a.Value
		}
	}
	return ""
}

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
	return n.ns.namespace(prefix), prefix, local
}

// scope holds the namespace prefixes in scope at an element: those it
// declares, then those in scope at its parent. Elements that declare
// none share their parent's.
type scope struct {
	decls  []xml.Attr // Name.Local is the prefix ("" for the default namespace), Value the namespace
	parent *scope
}

// namespace returns the namespace prefix is bound to, or "".
func (s *scope) namespace(prefix string) string {
	for ; s != nil; s = s.parent {
		for _, d := range s.decls {
			if d.Name.Local == prefix {
				return d.Value
			}
		}
	}
	return ""
}

// prefix returns the first in sort order of the prefixes bound to
// namespace ns, or "" if none is.
func (s *scope) prefix(ns string) string {
	best := ""
	for o := s; o != nil; o = o.parent {
		for _, d := range o.decls {
			p := d.Name.Local
			if d.Value == ns && p != "" && (best == "" || p < best) && s.namespace(p) == ns {
				best = p
			}
		}
	}
	return best
}

// parseXML reads a whole document into nodes with positions. xmltok
// neither fetches external entities nor expands entities a DTD
// declares, so entity expansion attacks fail as syntax errors.
//
// Each child of the root is handed to top, if given, once it is read
// whole; when top has taken what it needs (it returns true), the child
// leaves the tree and its nodes are made again for the next, so that
// an instance of a million facts does not keep a million nodes.
func (d *Document) parseXML(top func(root, n *node) bool) (*node, error) {
	// The tokens are substrings of the document, shared rather than
	// copied: Load keeps Data as it is (see Bytes).
	tk := xmltok.NewString(unsafe.String(unsafe.SliceData(d.Data), len(d.Data)))
	var stack []*node
	var root *node
	var a arena
	var topMark arenaMark // where the root's current child starts
	for {
		tok, err := tk.Next()
		if errors.Is(err, io.EOF) {
			return root, nil // xmltok requires a root element
		}
		if err != nil {
			var e *xmltok.Error // as all of Next's errors but io.EOF are
			errors.As(err, &e)
			return nil, &source.ParseError{Pos: d.lines.Pos(d.Name, int64(e.Offset)), Err: e.Err}
		}
		switch tok.Kind {
		case xmltok.StartElement:
			var parent *node
			if len(stack) > 0 {
				parent = stack[len(stack)-1]
			}
			if len(stack) == 1 {
				topMark = a.mark()
			}
			n := a.node(tok, parent)
			if parent != nil {
				parent.children = append(parent.children, n)
				parent.text = ""
			} else {
				root = n
			}
			stack = append(stack, n)
		case xmltok.EndElement:
			if len(stack) == 2 && top != nil && top(root, stack[1]) {
				root.children = root.children[:len(root.children)-1]
				a.release(topMark)
			}
			stack = stack[:len(stack)-1]
		case xmltok.CharData:
			// Only elements without children hold values; the whitespace
			// between the children of the root would otherwise pile up.
			if n := len(stack); n > 0 && len(stack[n-1].children) == 0 {
				stack[n-1].text += tok.Text
			}
		}
	}
}

// arena makes the nodes of a document and their attributes from large
// blocks, so that each element does not cost allocations of its own.
type arena struct {
	nodes  []node
	attrs  []xml.Attr
	blocks int // made so far, of nodes and of attributes
}

const arenaBlock = 1024

// arenaMark is a place in an arena to go back to.
type arenaMark struct{ nodes, attrs, blocks int }

func (a *arena) mark() arenaMark { return arenaMark{len(a.nodes), len(a.attrs), a.blocks} }

// release makes the nodes and attributes made since m again, unless a
// block was begun since: those in earlier blocks are then left as they
// are. No node made since m may be in use.
func (a *arena) release(m arenaMark) {
	if a.blocks == m.blocks {
		a.nodes, a.attrs = a.nodes[:m.nodes], a.attrs[:m.attrs]
	}
}

// node makes the node of a start element, a child of parent (nil for
// the root).
func (a *arena) node(tok *xmltok.Token, parent *node) *node {
	if len(a.nodes) == cap(a.nodes) {
		a.nodes = make([]node, 0, arenaBlock)
		a.blocks++
	}
	a.nodes = append(a.nodes, node{name: tok.Name, off: tok.Offset})
	n := &a.nodes[len(a.nodes)-1]
	if parent != nil {
		n.ns = parent.ns
	}
	if len(a.attrs)+len(tok.Attr) > cap(a.attrs) {
		a.attrs = make([]xml.Attr, 0, max(arenaBlock, len(tok.Attr)))
		a.blocks++
	}
	start := len(a.attrs)
	var decls []xml.Attr
	for _, at := range tok.Attr {
		switch {
		case at.Name.Space == "xmlns":
			decls = append(decls, xml.Attr{Name: xml.Name{Local: at.Name.Local}, Value: at.Value})
		case at.Name.Space == "" && at.Name.Local == "xmlns":
			decls = append(decls, xml.Attr{Value: at.Value})
		default:
			a.attrs = append(a.attrs, at)
		}
	}
	n.attrs = a.attrs[start:len(a.attrs):len(a.attrs)]
	if decls != nil {
		n.ns = &scope{decls: decls, parent: n.ns}
	}
	return n
}

// xmlLoader builds a report from an instance.
type xmlLoader struct {
	d        *Document
	tx       *taxonomy
	ds       source.Diagnostics
	contexts map[string]*context
	units    map[string]*xbrl.Unit
	origins  map[string]source.Pos // fact id → where its figure is printed
	reported map[string]bool
	block    []xbrl.Fact     // where the next facts are made
	ctxList  []*context      // in document order
	refs     map[string]bool // roleRef and arcroleRef URIs
	pastRefs bool            // a child of the root other than a reference to the taxonomy is read
	waiting  []*node         // facts read before their context or unit
	factIDs  []string        // of every fact and tuple, for the footnotes' locators
	// present gives, for each concept reported (item or tuple), where it
	// first is: requires-element relationships are checked against it.
	present map[*xbrl.Concept]source.Pos
	laxRead bool // the schemas of xsi:schemaLocation are read
}

// newFact makes a fact in a block of many: an instance may hold
// hundreds of thousands.
func (l *xmlLoader) newFact() *xbrl.Fact {
	if len(l.block) == cap(l.block) {
		l.block = make([]xbrl.Fact, 0, arenaBlock)
	}
	l.block = append(l.block, xbrl.Fact{})
	return &l.block[len(l.block)-1]
}

// context is a context element with what its facts take from it, read
// once for all of them.
type context struct {
	n          *node       // nil once a plain context is read (see readPlain)
	period     xbrl.Period // read without problems when periodRead
	periodRead bool
	scope      string
	scopeRead  bool
	checked    bool         // checkContext ran
	entity     *xbrl.Entity // of a plain context, read
}

// readPlain reads a context that has neither segment nor scenario, the
// common case, whole: its rules checked, its period, scope and entity
// kept, so that its element need not be. It reports whether it did.
func (l *xmlLoader) readPlain(c *context) bool {
	ent := c.n.child(nsXBRLI, "entity")
	if ent == nil || ent.child(nsXBRLI, "segment") != nil || c.n.child(nsXBRLI, "scenario") != nil {
		return false
	}
	l.checkContext(c)
	c.checked = true
	c.period, c.periodRead = l.period(c), true // with its problems reported once
	l.scope(c)
	if id := ent.child(nsXBRLI, "identifier"); id != nil {
		c.entity = &xbrl.Entity{Scheme: id.attr("", "scheme"), ID: strings.TrimSpace(id.text)}
	}
	c.n = nil
	return true
}

func (d *Document) loadXML(resolve Resolver) (*xbrl.Report, source.Diagnostics) {
	l := &xmlLoader{d: d, tx: newTaxonomy(), contexts: map[string]*context{}, units: map[string]*xbrl.Unit{},
		origins: map[string]source.Pos{}, reported: map[string]bool{}, refs: map[string]bool{}}
	rep := &xbrl.Report{Provenance: xbrl.Provenance{Source: d.Name}}
	root, err := d.parseXML(func(root, c *node) bool { return l.top(root, c, rep, resolve) })
	if err != nil {
		var pe *source.ParseError
		errors.As(err, &pe)
		var ds source.Diagnostics
		ds.Add(source.Error, "xml:syntax", pe.Pos, "not well-formed XML: %v", pe.Err)
		return nil, ds
	}
	if !isInstance(root) {
		l.ds = nil
		l.ds.Add(source.Error, "xbrl.4.1:notAnInstance", l.pos(root), "the root element is %s, not xbrli:xbrl", root.name.Local)
		return nil, l.ds
	}
	for _, c := range l.waiting { // facts whose context or unit came after them
		l.item(c, rep, "")
	}
	for _, c := range l.ctxList { // once the schemas are read: their concepts may not stand in a segment
		if !c.checked {
			l.checkContext(c)
		}
	}
	l.checkFootnotes(root)
	l.ds = append(l.ds, l.tx.checkCycles(l.pos(root))...)
	l.ds = append(l.ds, l.tx.checkRoles(l.pos(root))...)
	if rep.Taxonomy.Schema == "" {
		l.ds.Add(source.Error, "xbrl.4.2:missingSchemaRef", l.pos(root), "the instance references no taxonomy schema (link:schemaRef)")
	}
	l.checkEssenceAlias(rep.Facts)
	l.checkRequiresElement()
	if len(l.origins) > 0 {
		for _, f := range rep.Facts {
			if p, ok := l.origins[f.ID]; ok && f.ID != "" {
				f.Origin = p
			}
		}
	}
	rep.Concepts = concepts(rep.Facts)
	rep.Networks = l.tx.calcNetworks()
	for _, u := range l.units {
		rep.Units = append(rep.Units, u)
	}
	return rep, l.ds
}

func isInstance(root *node) bool { return root.name.Space == nsXBRLI && root.name.Local == "xbrl" }

// top reads a child of the root, once it is read whole, and reports
// whether its nodes may go: those of a fact, once read into the report.
// The references to the taxonomy come first in an instance, then
// contexts, units, facts and footnotes in any order: a fact before its
// context or unit waits for the end of the document.
func (l *xmlLoader) top(root, c *node, rep *xbrl.Report, resolve Resolver) bool {
	if !isInstance(root) {
		return false
	}
	ref := c.name.Space == nsLink && (c.name.Local == "schemaRef" || c.name.Local == "linkbaseRef" || c.name.Local == "roleRef" || c.name.Local == "arcroleRef")
	if ref && l.pastRefs {
		l.ds.Add(source.Error, "xbrl.4.2:refOrder", l.pos(c), "link:%s comes after contexts, units or facts; an instance's references to its taxonomy come first", c.name.Local)
	}
	l.pastRefs = l.pastRefs || !ref
	if !l.laxRead {
		l.laxRead = true
		l.tx.readLaxSchemas(root.attr(nsXSI, "schemaLocation"), resolve)
	}
	switch {
	case c.name.Space == nsLink && c.name.Local == "schemaRef":
		href := c.attr(nsXLink, "href")
		rep.Taxonomy.Schema = href
		l.ds = append(l.ds, l.tx.loadDTS(withBase(href, root, c), resolve, l.pos(c))...)
	case c.name.Space == nsLink && c.name.Local == "linkbaseRef":
		l.ds = append(l.ds, l.tx.loadCalculations(c.attr(nsXLink, "href"), resolve, l.pos(c))...)
		l.ds = append(l.ds, l.tx.drain(resolve, l.pos(c))...)
	case c.name.Space == nsXBRLI && c.name.Local == "context":
		ctx := &context{n: c}
		l.contexts[c.attr("", "id")] = ctx
		l.ctxList = append(l.ctxList, ctx)
		return l.readPlain(ctx)
	case c.name.Space == nsLink && (c.name.Local == "roleRef" || c.name.Local == "arcroleRef"):
		uri := c.attr("", "roleURI") + c.attr("", "arcroleURI")
		if l.refs[c.name.Local+" "+uri] {
			l.ds.Add(source.Error, "xbrl.3.5.2.4:duplicate"+c.name.Local, l.pos(c), "a second %s to %s", c.name.Local, uri)
		}
		l.refs[c.name.Local+" "+uri] = true
	case c.name.Space == nsXBRLI && c.name.Local == "unit":
		l.units[c.attr("", "id")] = l.unit(c)
	case c.name.Space == nsLink && c.name.Local == "footnoteLink":
		l.footnotes(c)
	case c.name.Space != nsXBRLI && c.name.Space != nsLink:
		if !l.resolves(c) {
			l.waiting = append(l.waiting, c)
			return false
		}
		l.item(c, rep, "")
		return true
	}
	return false
}

// resolves reports whether the contexts and units a fact or the facts
// of a tuple name are read already.
func (l *xmlLoader) resolves(n *node) bool {
	if ref := n.attr("", "contextRef"); ref != "" && l.contexts[ref] == nil {
		return false
	}
	if ref := n.attr("", "unitRef"); ref != "" && l.units[ref] == nil {
		return false
	}
	for _, c := range n.children {
		if !l.resolves(c) {
			return false
		}
	}
	return true
}

// nsXML is the namespace of xml:base and xml:lang.
const nsXML = "http://www.w3.org/XML/1998/namespace"

// withBase resolves a relative href against the xml:base of the element
// and of the root, as XML Base says (a base ending in "/" is a folder).
func withBase(href string, root, el *node) string {
	if strings.Contains(href, "://") || strings.HasPrefix(href, "/") {
		return href
	}
	for _, n := range []*node{el, root} {
		if b := n.attr(nsXML, "base"); b != "" && !strings.Contains(b, "://") {
			if !strings.HasSuffix(b, "/") {
				b = path.Dir(b) + "/"
			}
			href = path.Join(b, href)
		}
	}
	return href
}

// pos returns where a node's start tag is.
func (l *xmlLoader) pos(n *node) source.Pos { return l.d.lines.Pos(l.d.Name, int64(n.off)) }

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
		for _, m := range u.Numerator {
			if slices.Contains(u.Denominator, m) {
				l.ds.Add(source.Error, "xbrl.4.8.4:unitsNotInSimplestForm", l.pos(n), "unit %q has %s both above and below the division", u.ID, m)
				break
			}
		}
	} else {
		u.Numerator = measures(n)
	}
	// A unit is its measures, in any order: u-equal units are one.
	slices.Sort(u.Numerator)
	slices.Sort(u.Denominator)
	for _, m := range append(slices.Clone(u.Numerator), u.Denominator...) {
		if local, ok := strings.CutPrefix(m, "xbrli:"); ok && local != "pure" && local != "shares" {
			l.ds.Add(source.Error, "xbrl.4.8.2:xbrliMeasure", l.pos(n), "unit %q measures %s: of the XBRL instance namespace only pure and shares are measures", u.ID, m)
		}
	}
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
	locs := make(map[string]string, len(n.children)/3)          // label → fact id
	positions := make(map[string]source.Pos, len(n.children)/3) // label → position its text starts with
	for _, c := range n.children {
		label := c.attr(nsXLink, "label")
		switch c.name.Local {
		case "loc":
			locs[label] = strings.TrimPrefix(c.attr(nsXLink, "href"), "#")
		case "footnote":
			if c.attr(nsXLink, "role") != exporter.SourceRole {
				continue
			}
			if p, ok := parsePos(c.text); ok {
				positions[label] = p
			} else {
				delete(positions, label)
			}
		}
	}
	for _, c := range n.children {
		if c.name.Local != "footnoteArc" {
			continue
		}
		id := locs[c.attr(nsXLink, "from")]
		if p, ok := positions[c.attr(nsXLink, "to")]; id != "" && ok {
			l.origins[id] = p
		}
	}
}

// checkEssenceAlias applies XBRL 2.1 §5.2.6.2.2: an essence concept and
// its alias have the same item type and period type, and their facts in
// one context and tuple have equal units and values.
func (l *xmlLoader) checkEssenceAlias(facts []*xbrl.Fact) {
	var aliases [][2]*xbrl.Concept
	for _, a := range l.tx.prevailing() {
		if a.arcrole == essenceAlias {
			aliases = append(aliases, [2]*xbrl.Concept{a.from, a.to})
		}
	}
	if len(aliases) == 0 {
		return
	}
	byConcept := map[*xbrl.Concept][]*xbrl.Fact{}
	for _, f := range facts {
		byConcept[f.Concept] = append(byConcept[f.Concept], f)
	}
	for _, pair := range aliases {
		e, a := pair[0], pair[1]
		if e.Type != a.Type || e.PeriodType != a.PeriodType || e.Balance != a.Balance {
			at := source.Pos{File: l.d.Name, Line: 1, Col: 1}
			if fs := byConcept[a]; len(fs) > 0 {
				at = fs[0].Source
			}
			l.ds.Add(source.Error, "xbrl.5.2.6.2.2:essenceAliasTypes", at,
				"%s is the essence of %s, but their item types, period types or balances differ", e.QName(), a.QName())
			continue
		}
		for _, fa := range byConcept[a] {
			for _, fe := range byConcept[e] {
				if fa.Nil || fe.Nil || fa.Period != fe.Period || fa.ContextID() != fe.ContextID() || fa.Scope != fe.Scope || fa.Tuple != fe.Tuple {
					continue
				}
				switch {
				case (fa.Unit == nil) != (fe.Unit == nil) || fa.Unit != nil && fa.Unit.String() != fe.Unit.String():
					l.ds.Add(source.Error, "xbrl.5.2.6.2.2:essenceAliasUnits", fa.Source, "%s is an alias of %s but is reported in %v here and %v at %s", a.QName(), e.QName(), fa.Unit, fe.Unit, fe.Source)
				case !sameValue(fa, fe):
					l.ds.Add(source.Error, "xbrl.5.2.6.2.2:essenceAliasValue", fa.Source, "%s is an alias of %s but is %s here and %s at %s", a.QName(), e.QName(), fa.ValueString(), fe.ValueString(), fe.Source)
				}
			}
		}
	}
}

// checkRequiresElement applies XBRL 2.1 §5.2.6.2.4: where an instance
// reports the source of a requires-element relationship (an item or a
// tuple), it reports its target too.
func (l *xmlLoader) checkRequiresElement() {
	for _, a := range l.tx.prevailing() {
		if a.arcrole != requiresElement {
			continue
		}
		at, ok := l.present[a.from]
		if _, there := l.present[a.to]; ok && !there {
			l.ds.Add(source.Error, "xbrl.5.2.6.2.4:requiresElement", at,
				"%s is reported, and requires %s, which is not", a.from.QName(), a.to.QName())
		}
	}
}

// sameValue compares the values of two facts of one context: numbers
// within the lesser precision of the two, texts as written.
func sameValue(a, b *xbrl.Fact) bool {
	if a.Unit == nil {
		return a.Text == b.Text
	}
	d := min(a.Decimals, b.Decimals)
	if d == xbrl.DecimalsUnknown {
		return false
	}
	if d >= xbrl.DecimalsINF {
		return a.Value.Equal(b.Value)
	}
	d = min(max(d, -calc.MaxDecimals), calc.MaxDecimals)
	return a.Value.RoundHalfEven(d).Equal(b.Value.RoundHalfEven(d))
}

// factFootnote is the standard arcrole of footnote arcs.
const factFootnote = "http://www.xbrl.org/2003/arcrole/fact-footnote"

// checkFootnotes applies XBRL 2.1 §4.11 to the footnote links of an
// instance: a locator points at a fact (an item or tuple) of this
// instance, a footnote states its language, and an arc joins labels of
// its own link: a fact-footnote arc from a locator to a footnote.
func (l *xmlLoader) checkFootnotes(root *node) {
	if !slices.ContainsFunc(root.children, func(c *node) bool { return c.name.Space == nsLink && c.name.Local == "footnoteLink" }) {
		return
	}
	facts := make(map[string]bool, len(l.factIDs))
	for _, id := range l.factIDs {
		facts[id] = true
	}
	self := path.Base(l.d.Name)
	for _, link := range root.children {
		if link.name.Space != nsLink || link.name.Local != "footnoteLink" {
			continue
		}
		locs, notes := make(map[string]bool, len(link.children)/3), make(map[string]bool, len(link.children)/3)
		for _, c := range link.children {
			label := c.attr(nsXLink, "label")
			switch c.name.Local {
			case "loc":
				locs[label] = true
				doc, id, _ := strings.Cut(c.attr(nsXLink, "href"), "#")
				switch {
				case doc != "" && path.Base(doc) != self:
					l.ds.Add(source.Error, "xbrl.4.11.1.1:footnoteLocTarget", l.pos(c), "a footnote locator points into another document (%s)", c.attr(nsXLink, "href"))
				case !facts[id]:
					l.ds.Add(source.Error, "xbrl.4.11.1.1:footnoteLocTarget", l.pos(c), "a footnote locator points at %q, which is no fact of the instance", id)
				}
			case "footnote":
				notes[label] = true
				if c.attr("http://www.w3.org/XML/1998/namespace", "lang") == "" {
					l.ds.Add(source.Error, "xbrl.4.11.1.2.1:footnoteLang", l.pos(c), "a footnote has no xml:lang")
				}
			}
		}
		for _, c := range link.children {
			if c.name.Local != "footnoteArc" {
				continue
			}
			from, to := c.attr(nsXLink, "from"), c.attr(nsXLink, "to")
			switch {
			case !locs[from] && !notes[from], !locs[to] && !notes[to]:
				l.ds.Add(source.Error, "xbrl.3.5.3.9:arcLabel", l.pos(c), "a footnote arc joins %q and %q, not both labels of its link", from, to)
			case c.attr(nsXLink, "arcrole") == factFootnote && (!locs[from] || !notes[to]):
				l.ds.Add(source.Error, "xbrl.4.11.1.3.1:factFootnoteArc", l.pos(c), "a fact-footnote arc goes from a fact's locator to a footnote, not from %q to %q", from, to)
			}
		}
	}
}

// parsePos reads the "file:line:col" a source text starts with.
func parsePos(text string) (source.Pos, bool) {
	first := strings.TrimLeftFunc(text, unicode.IsSpace)
	if i := strings.IndexFunc(first, unicode.IsSpace); i >= 0 {
		first = first[:i]
	}
	if first == "" {
		return source.Pos{}, false
	}
	return source.ParsePos(first)
}

// item reads one fact element: an item, or a tuple whose facts it reads
// in turn, each scoped by the tuple it is in (tuple is the path of the
// enclosing tuples, "" at the top).
func (l *xmlLoader) item(n *node, rep *xbrl.Report, tuple string) {
	l.noteIDs(n)
	prefix := n.ns.prefix(n.name.Space)
	c := l.tx.qnameConcept(n.name.Space, prefix, n.name.Local, l.pos(n), &l.ds, l.reported)
	if _, ok := l.present[c]; !ok && c != nil {
		if l.present == nil {
			l.present = map[*xbrl.Concept]source.Pos{}
		}
		l.present[c] = l.pos(n)
	}
	if l.tx.tuples[c] {
		for _, a := range n.attrs {
			if a.Name.Space == nsXBRLI || a.Name.Space == "" && xbrlAttr[a.Name.Local] {
				l.ds.Add(source.Error, "xbrl.4.9:tupleAttribute", l.pos(n), "tuple %s has the attribute %s, which only items have", c.QName(), a.Name.Local)
			}
		}
		path := fmt.Sprintf("%s/%d", tuple, n.off) // the tuple's place: two tuples are two scopes
		for _, child := range n.children {
			l.item(child, rep, path)
		}
		return
	}
	if f := l.fact(n, c, rep, tuple); f != nil {
		rep.Facts = append(rep.Facts, f)
	}
}

// noteIDs keeps the id of a fact or tuple, and of any element an item
// holds, for the locators of footnotes (a tuple's facts are read, and
// noted, in turn).
func (l *xmlLoader) noteIDs(n *node) {
	if id := n.attr("", "id"); id != "" {
		l.factIDs = append(l.factIDs, id)
	}
	if l.tx.tuples[l.tx.lookup(n.name.Space, n.name.Local)] {
		return
	}
	for _, c := range n.children {
		if c.name.Space != nsXBRLI && c.name.Space != nsLink {
			l.noteIDs(c)
		}
	}
}

// fact reads one item of concept c.
func (l *xmlLoader) fact(n *node, c *xbrl.Concept, rep *xbrl.Report, tuple string) *xbrl.Fact {
	at := l.pos(n)
	f := l.newFact()
	*f = xbrl.Fact{ID: n.attr("", "id"), Concept: c, Source: at} // Origin: from the footnotes, once all are read
	ctxID := n.attr("", "contextRef")
	ctx := l.contexts[ctxID]
	if ctx == nil {
		l.ds.Add(source.Error, "xbrl.4.6.1:itemContextRef", at, "contextRef %q names no context", ctxID)
		return nil
	}
	l.context(ctx, f, rep)
	f.Scope, f.Tuple = l.scope(ctx), tuple
	if ref := n.attr("", "unitRef"); ref != "" {
		if f.Unit = l.units[ref]; f.Unit == nil {
			l.ds.Add(source.Error, "xbrl.4.6.2:numericUnit", at, "unitRef %q names no unit", ref)
		}
	}
	for _, a := range n.attrs { // lax validation: an attribute declared is valid
		if a.Name.Space == "" || len(l.tx.simpleTypes) == 0 {
			continue // XBRL's own attributes, or no declaration to hold it to
		}
		if typ, ok := l.tx.simpleTypes["attribute {"+a.Name.Space+"}"+a.Name.Local]; ok && !lexicallyValid(typ, a.Value) {
			l.ds.Add(source.Error, "xmlSchema:valueError", at, "the attribute %s = %q of %s is not an xs:%s", a.Name.Local, a.Value, c.QName(), typ)
		}
	}
	text := strings.TrimSpace(n.text)
	if v, ok := l.tx.valueDefaults[c]; ok && text == "" && len(n.children) == 0 {
		text = strings.TrimSpace(v) // the schema's default or fixed value
	}
	decimals, precision := n.attr("", "decimals"), n.attr("", "precision")
	if d := l.tx.attrDefaults[c]; d != nil && decimals == "" && precision == "" {
		decimals, precision = d["decimals"], d["precision"]
	}
	if nil := strings.TrimSpace(n.attr(nsXSI, "nil")); nil == "true" || nil == "1" {
		f.Nil = true
		if decimals != "" || precision != "" {
			l.ds.Add(source.Error, "xbrl.4.6.3:nilDecimalsPrecision", at, "a nil fact has decimals or precision")
		}
		return f
	}
	if f.Unit != nil || decimals != "" || precision != "" {
		parse, what := decimal.Parse, "a decimal number"
		if l.tx.floats[c] {
			parse, what = parseFloatValue, "a float or double"
		}
		v, err := parse(text)
		if err != nil {
			l.ds.Add(source.Error, "xbrl.4.6:invalidValue", at, "the value %q of %s is not %s", text, c.QName(), what)
		}
		f.Value = v
		f.Decimals = decimalsOf(decimals, precision, v, at, &l.ds)
		if special[text] {
			f.Decimals = xbrl.DecimalsUnknown // INF and NaN equal no sum
		}
	} else {
		f.Text = text
	}
	return f
}

// special are the values of xs:float and xs:double that are no number.
var special = map[string]bool{"INF": true, "-INF": true, "+INF": true, "NaN": true}

// maxExponent bounds the exponent of a float value: beyond it no report
// has a figure, and a hostile "1E999999999" must not become a billion
// digits.
const maxExponent = 400

// parseFloatValue reads the lexical form of xs:float and xs:double: a
// decimal with an optional exponent ("1234.5E-2", ".0E0"), or INF, -INF
// or NaN (read as zero; the caller marks them).
func parseFloatValue(s string) (decimal.Decimal, error) {
	if special[s] {
		return decimal.Decimal{}, nil
	}
	mant, exp, hasExp := strings.Cut(strings.ReplaceAll(s, "e", "E"), "E")
	if strings.HasSuffix(mant, ".") {
		mant += "0"
	}
	if strings.HasPrefix(mant, ".") || strings.HasPrefix(mant, "-.") || strings.HasPrefix(mant, "+.") {
		mant = strings.Replace(mant, ".", "0.", 1)
	}
	v, err := decimal.Parse(mant)
	if err != nil || !hasExp {
		return v, err
	}
	e, err := parseInt(exp)
	if err != nil || strings.TrimSpace(exp) != exp || e > maxExponent || e < -maxExponent {
		return decimal.Decimal{}, decimal.ErrSyntax
	}
	return v.Shift(e), nil
}

// decimalsOf reads a numeric fact's decimals attribute, or infers it from
// its precision attribute (XBRL 2.1 §4.6.6): a fact has one or the other,
// never both. INF is exact; precision 0 knows no digit
// (xbrl.DecimalsUnknown); precision p of a value whose first significant
// digit is at 10^m is p-m-1 decimals, and of zero exact.
func decimalsOf(decimals, precision string, v decimal.Decimal, at source.Pos, ds *source.Diagnostics) int {
	switch {
	case decimals != "" && precision != "":
		ds.Add(source.Error, "xbrl.4.6.3:bothPrecisionDecimals", at, "a numeric fact has both decimals and precision")
		return xbrl.DecimalsINF
	case decimals == "INF", precision == "INF":
		return xbrl.DecimalsINF
	case decimals == "" && precision == "":
		ds.Add(source.Error, "xbrl.4.6.3:missingPrecisionDecimals", at, "a numeric fact has neither decimals nor precision")
		return xbrl.DecimalsINF
	case precision != "":
		p, err := parseInt(precision)
		switch {
		case err != nil || p < 0:
			ds.Add(source.Error, "xbrl.4.6.4:precision", at, "precision %q is neither a non-negative integer nor INF", precision)
			return xbrl.DecimalsINF
		case p == 0:
			return xbrl.DecimalsUnknown
		case v.IsZero():
			return xbrl.DecimalsINF
		}
		return p - v.Magnitude() - 1
	}
	d, err := parseInt(decimals)
	if err != nil {
		ds.Add(source.Error, "xbrl.4.6.5:decimals", at, "decimals %q is neither an integer nor INF", decimals)
	}
	return d
}

// xbrlAttr are the attributes XBRL 2.1 gives items, not tuples.
var xbrlAttr = map[string]bool{"contextRef": true, "unitRef": true, "decimals": true, "precision": true}

// checkContext applies the rules of XBRL 2.1 §4.7 a context must meet
// whether facts use it or not: a period that does not end before it
// starts, and segment and scenario content that is neither of the XBRL
// instance namespace nor a concept of the taxonomy.
func (l *xmlLoader) checkContext(c *context) {
	ctx := c.n
	if p := l.period(c); !p.Instant && !p.Start.IsZero() && !p.End.IsZero() && p.Start.After(p.End) {
		l.ds.Add(source.Error, "xbrl.4.7.2:periodStartAfterEnd", l.pos(ctx), "context %q starts %s, after it ends %s",
			ctx.attr("", "id"), p.Start.Format(time.DateOnly), p.End.Format(time.DateOnly))
	}
	var check func(n *node, where string)
	check = func(n *node, where string) {
		for _, c := range n.children {
			switch {
			case c.name.Space == nsXBRLI:
				l.ds.Add(source.Error, "xbrl.4.7.3.2:"+where+"XBRLElement", l.pos(c), "the %s of context %q holds xbrli:%s", where, ctx.attr("", "id"), c.name.Local)
			case l.tx.facts[l.tx.lookup(c.name.Space, c.name.Local)]:
				l.ds.Add(source.Error, "xbrl.4.7.3.2:"+where+"Concept", l.pos(c), "the %s of context %q holds the concept %s", where, ctx.attr("", "id"), c.name.Local)
			case len(c.children) == 0:
				if typ, ok := l.tx.simpleTypes["element {"+c.name.Space+"}"+c.name.Local]; ok && !lexicallyValid(typ, c.text) {
					l.ds.Add(source.Error, "xmlSchema:valueError", l.pos(c), "the %s of context %q holds %s = %q, which is not an xs:%s", where, ctx.attr("", "id"), c.name.Local, strings.TrimSpace(c.text), typ)
				}
			}
			check(c, where)
		}
	}
	if ent := ctx.child(nsXBRLI, "entity"); ent != nil {
		if seg := ent.child(nsXBRLI, "segment"); seg != nil {
			check(seg, "segment")
		}
	}
	if sc := ctx.child(nsXBRLI, "scenario"); sc != nil {
		check(sc, "scenario")
	}
}

// scope is what identifies a context beyond its period and the
// dimensions read into a fact: the entity, and the segment's and
// scenario's other content, written out canonically (s-equal content
// gives the same text).
func (l *xmlLoader) scope(c *context) string {
	if c.scopeRead {
		return c.scope
	}
	ctx := c.n
	var b strings.Builder
	if ent := ctx.child(nsXBRLI, "entity"); ent != nil {
		if id := ent.child(nsXBRLI, "identifier"); id != nil {
			b.WriteString(strings.TrimSpace(id.attr("", "scheme")) + " " + strings.TrimSpace(id.text))
		}
		if seg := ent.child(nsXBRLI, "segment"); seg != nil {
			b.WriteString(" segment ")
			l.tx.canonical(&b, seg, true)
		}
	}
	if sc := ctx.child(nsXBRLI, "scenario"); sc != nil {
		b.WriteString(" scenario ")
		l.tx.canonical(&b, sc, false)
	}
	c.scope, c.scopeRead = b.String(), true
	return c.scope
}

// canonical writes the content of n: each child's expanded name,
// attributes in order of name, trimmed text and children, in document
// order. Explicit and typed members of a segment are left out when
// skipDims is set: they are the fact's dimensions already.
func (tx *taxonomy) canonical(b *strings.Builder, n *node, skipDims bool) {
	for _, c := range n.children {
		if skipDims && c.name.Space == nsDI {
			continue
		}
		b.WriteString("<{" + c.name.Space + "}" + c.name.Local)
		decl := tx.lookup(c.name.Space, c.name.Local)
		attrs := slices.Clone(c.attrs)
		for _, name := range sortedKeys(tx.contentAttrDefaults[decl]) { // as the schema completes it
			if !slices.ContainsFunc(attrs, func(a xml.Attr) bool { return a.Name.Space == "" && a.Name.Local == name }) {
				attrs = append(attrs, xml.Attr{Name: xml.Name{Local: name}, Value: tx.contentAttrDefaults[decl][name]})
			}
		}
		slices.SortFunc(attrs, func(a, b xml.Attr) int {
			return strings.Compare(a.Name.Space+" "+a.Name.Local, b.Name.Space+" "+b.Name.Local)
		})
		for _, a := range attrs {
			b.WriteString(" {" + a.Name.Space + "}" + a.Name.Local + "=" + strconv.Quote(sValue(a.Value, c)))
		}
		text := c.text
		if v, ok := tx.valueDefaults[decl]; ok && decl != nil && strings.TrimSpace(text) == "" && len(c.children) == 0 {
			text = v // an empty element takes the schema's default
		}
		b.WriteString(">" + sValue(text, c))
		tx.canonical(b, c, false)
		b.WriteString("</>")
	}
}

// sValue writes a value of a segment or scenario so that s-equal values
// are equal text: trimmed, numbers and booleans by value, and NaN, which
// equals nothing, not even itself, as a text of its own (at n's place).
func sValue(v string, n *node) string {
	t := strings.TrimSpace(v)
	if t == "NaN" {
		return fmt.Sprintf("NaN@%d", n.off)
	}
	return canonicalNumber(t)
}

// context fills a fact's entity, period and dimensions from its context.
func (l *xmlLoader) context(c *context, f *xbrl.Fact, rep *xbrl.Report) {
	ctx := c.n
	if ctx == nil { // read already
		if c.entity != nil {
			rep.Entity = *c.entity
		}
		f.Period = c.period
		return
	}
	if ent := ctx.child(nsXBRLI, "entity"); ent != nil {
		if id := ent.child(nsXBRLI, "identifier"); id != nil {
			rep.Entity = xbrl.Entity{Scheme: id.attr("", "scheme"), ID: strings.TrimSpace(id.text)}
		}
		if seg := ent.child(nsXBRLI, "segment"); seg != nil {
			for _, m := range seg.children {
				if m.name.Space == nsDI && m.name.Local == "typedMember" {
					ans, ap, al := m.qname(m.attr("", "dimension"))
					d := xbrl.Member{Axis: l.tx.qnameConcept(ans, ap, al, l.pos(m), &l.ds, l.reported)}
					if len(m.children) == 1 {
						d.Typed = strings.TrimSpace(m.children[0].text)
					} else {
						l.ds.Add(source.Error, "xbrldie:TypedMemberNotTypedDimensionError", l.pos(m), "a typed member holds one element, this one %d", len(m.children))
					}
					f.Dims = append(f.Dims, d)
					continue
				}
				if m.name.Space == nsDI && m.name.Local == "explicitMember" {
					ans, ap, al := m.qname(m.attr("", "dimension"))
					mns, mp, ml := m.qname(m.text)
					f.Dims = append(f.Dims, xbrl.Member{
						Axis:   l.tx.qnameConcept(ans, ap, al, l.pos(m), &l.ds, l.reported),
						Member: l.tx.qnameConcept(mns, mp, ml, l.pos(m), &l.ds, l.reported),
					})
				}
			}
		}
	}
	f.Period = l.period(c)
}

// period reads the period of a context. Many facts share a context: a
// period read without problems is kept for the next.
func (l *xmlLoader) period(c *context) xbrl.Period {
	if c.periodRead {
		return c.period
	}
	problems := len(l.ds)
	p := l.readPeriod(c.n)
	if len(l.ds) == problems {
		c.period, c.periodRead = p, true
	}
	return p
}

// readPeriod reads the period of a context: its instant, or its start
// and end dates.
func (l *xmlLoader) readPeriod(ctx *node) xbrl.Period {
	per := ctx.child(nsXBRLI, "period")
	if per == nil {
		l.ds.Add(source.Error, "xbrl.4.7.2:period", l.pos(ctx), "context %q has no period", ctx.attr("", "id"))
		return xbrl.Period{}
	}
	date := func(name string) time.Time {
		n := per.child(nsXBRLI, name)
		if n == nil {
			return time.Time{}
		}
		t, err := parseDate(n.text, name != "startDate")
		if err != nil {
			l.ds.Add(source.Error, "xbrl.4.7.2:periodDate", l.pos(n), "%s %q is not a date", name, strings.TrimSpace(n.text))
		}
		return t
	}
	if per.child(nsXBRLI, "instant") != nil {
		return xbrl.Period{End: date("instant"), Instant: true}
	}
	return xbrl.Period{Start: date("startDate"), End: date("endDate")}
}
