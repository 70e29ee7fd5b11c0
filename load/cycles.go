package load

import (
	"net/url"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/beevik/etree"

	"github.com/xport/xport/decimal"
	"github.com/xport/xport/source"
	"github.com/xport/xport/xbrl"
)

// relArc is a relationship of any extended link between two concepts, as
// an arc of a linkbase writes it.
type relArc struct {
	arcrole, role string
	link          string // the extended link's and the arc's element names: a network has one of each
	from, to      *xbrl.Concept
	attrs         string          // order, weight and the other non-exempt attributes: equivalent arcs have the same
	factor        decimal.Decimal // the weight, of a summation-item arc
	priority      int
	prohibited    bool
	linkbase      string
	pos           source.Pos // where the instance references the taxonomy
}

// The arcroles whose relationships validation reads for more than cycles.
const (
	summationItem   = "http://www.xbrl.org/2003/arcrole/summation-item"
	essenceAlias    = "http://www.xbrl.org/2003/arcrole/essence-alias"
	requiresElement = "http://www.xbrl.org/2003/arcrole/requires-element"
)

// standardCycles are the cycles XBRL 2.1 allows in the networks of its
// arcroles (§5.2): "undirected" forbids directed cycles, "none" any.
var standardCycles = map[string]string{
	"http://www.xbrl.org/2003/arcrole/parent-child":     "undirected",
	"http://www.xbrl.org/2003/arcrole/summation-item":   "any",
	"http://www.xbrl.org/2003/arcrole/general-special":  "undirected",
	"http://www.xbrl.org/2003/arcrole/essence-alias":    "undirected",
	"http://www.xbrl.org/2003/arcrole/similar-tuples":   "any",
	"http://www.xbrl.org/2003/arcrole/requires-element": "any",
}

// readArcs records the relationships between concepts of every extended
// link of a linkbase, and the custom roles and arcroles they use. A
// summation-item arc whose concepts or weight cannot be read is a warning:
// its calculation is not checked.
func (tx *taxonomy) readArcs(root *etree.Element, href string, at source.Pos) source.Diagnostics {
	var ds source.Diagnostics
	for _, link := range root.ChildElements() {
		if link.SelectAttrValue("xlink:type", "") != "extended" {
			continue
		}
		role := link.SelectAttrValue("xlink:role", "")
		if !standardRole(role) {
			tx.roleUses = append(tx.roleUses, roleUse{uri: role, element: link.Tag, linkbase: href})
		}
		locs := map[string][]*xbrl.Concept{}
		for _, loc := range link.ChildElements() {
			if loc.SelectAttrValue("xlink:type", "") != "locator" {
				continue
			}
			target, id, _ := strings.Cut(loc.SelectAttrValue("xlink:href", ""), "#")
			// An IRI's non-ASCII characters may be %-escaped ("tx_la_%c3%a1").
			if u, err := url.PathUnescape(id); err == nil {
				id = u
			}
			if u, err := url.PathUnescape(target); err == nil {
				target = u
			}
			if target == "" { // "#Asset": the document the link is in (a schema's own linkbase)
				target = href
			}
			c := tx.byElementID[path.Base(target)+"#"+id]
			if c == nil {
				c = tx.byID[id] // a schema not read (us-gaap, dei), named the way xport names ids
			}
			if c != nil {
				label := loc.SelectAttrValue("xlink:label", "")
				locs[label] = append(locs[label], c)
			}
		}
		for _, arc := range link.ChildElements() {
			if arc.SelectAttrValue("xlink:type", "") != "arc" {
				continue
			}
			arcrole := arc.SelectAttrValue("xlink:arcrole", "")
			if !standardRole(arcrole) {
				tx.roleUses = append(tx.roleUses, roleUse{uri: arcrole, element: arc.Tag, linkbase: href, arcrole: true})
			}
			from, to := arc.SelectAttrValue("xlink:from", ""), arc.SelectAttrValue("xlink:to", "")
			w := strings.TrimSpace(arc.SelectAttrValue("weight", ""))
			factor, err := decimal.Parse(w)
			if arcrole == summationItem && (len(locs[from]) == 0 || len(locs[to]) == 0 || err != nil) {
				ds.Add(source.Warning, "xport.validate:calculationArc", at,
					"a calculation arc of %s cannot be read (from %q to %q, weight %q); it is not checked", href, from, to, w)
				continue
			}
			priority, _ := strconv.Atoi(strings.TrimSpace(arc.SelectAttrValue("priority", "0")))
			attrs := arc.Tag + " " + canonicalNumber(arc.SelectAttrValue("order", "1")) + " " + canonicalNumber(w) + " " + nonExempt(arc)
			for _, f := range locs[from] {
				for _, t := range locs[to] {
					tx.arcs = append(tx.arcs, relArc{arcrole: arcrole, role: role, link: link.Tag + " " + arc.Tag, from: f, to: t,
						attrs: attrs, factor: factor, priority: priority, prohibited: arc.SelectAttrValue("use", "") == "prohibited", linkbase: href, pos: at})
				}
			}
		}
	}
	return ds
}

// prevailing returns the relationships read, each once: of equivalent
// arcs (same arcrole, role, link and arc elements, concepts and
// non-exempt attributes, whatever linkbase they are in), the one of
// highest priority stands, and none when a prohibiting arc has that
// priority (XBRL 2.1 §3.5.3.9.7). The order is the order read.
func (tx *taxonomy) prevailing() []relArc {
	if tx.settled != nil && tx.settledFrom == len(tx.arcs) {
		return tx.settled // the same arcs as last time
	}
	type key struct {
		arcrole, role, link, attrs string
		from, to                   *xbrl.Concept
	}
	best := map[key]int{} // index in out
	var out []relArc
	for _, a := range tx.arcs {
		k := key{a.arcrole, a.role, a.link, a.attrs, a.from, a.to}
		i, ok := best[k]
		switch {
		case !ok:
			best[k] = len(out)
			out = append(out, a)
		case a.priority > out[i].priority || a.priority == out[i].priority && a.prohibited:
			out[i] = a
		}
	}
	tx.settled, tx.settledFrom = slices.DeleteFunc(out, func(a relArc) bool { return a.prohibited }), len(tx.arcs)
	return tx.settled
}

// roleDecl is a roleType or arcroleType of a schema.
type roleDecl struct {
	file       string
	usedOn     string // the local names of the elements it may be used on, sorted
	definition string
	cycles     string // arcroleType: cyclesAllowed
}

// roleUse is a custom role or arcrole used on an element of a linkbase.
type roleUse struct {
	uri, element, linkbase string
	arcrole                bool
}

// readArcroleTypes records the roles and arcroles a schema declares, and
// the cycles the arcroles allow.
func (tx *taxonomy) readArcroleTypes(s *etree.Element, href string) {
	for _, kind := range []string{"roleType", "arcroleType"} {
		for _, t := range s.FindElements(".//" + kind) {
			var used []string
			for _, u := range t.SelectElements("usedOn") {
				used = append(used, localName(strings.TrimSpace(u.Text())))
			}
			slices.Sort(used)
			d := roleDecl{file: href, usedOn: strings.Join(used, " "), cycles: t.SelectAttrValue("cyclesAllowed", "")}
			if def := t.SelectElement("definition"); def != nil {
				d.definition = strings.TrimSpace(def.Text())
			}
			uri := t.SelectAttrValue("roleURI", "") + t.SelectAttrValue("arcroleURI", "")
			tx.roleDecls[kind+" "+uri] = append(tx.roleDecls[kind+" "+uri], d)
			if kind == "arcroleType" {
				tx.cycles[uri] = d.cycles
			}
		}
	}
}

// standardRole reports whether a role or arcrole is one XBRL 2.1 or
// XLink defines, which needs no declaration.
func standardRole(uri string) bool {
	return uri == "" || strings.HasPrefix(uri, "http://www.xbrl.org/2003/") || strings.HasPrefix(uri, "http://www.w3.org/1999/xlink/") ||
		strings.HasPrefix(uri, "http://www.xbrl.org/2008/") || strings.HasPrefix(uri, "http://www.xbrl.org/2009/") || strings.HasPrefix(uri, "http://xbrl.org/")
}

// checkRoles applies XBRL 2.1 §5.1.3 and §5.1.4: a role or arcrole is
// declared once per schema, its declarations in the DTS are equivalent,
// and a custom one is used only where a declaration's usedOn allows.
func (tx *taxonomy) checkRoles(at source.Pos) source.Diagnostics {
	var ds source.Diagnostics
	keys := make([]string, 0, len(tx.roleDecls))
	for k := range tx.roleDecls {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		decls := tx.roleDecls[k]
		for i := 1; i < len(decls); i++ {
			switch {
			case decls[i].file == decls[0].file:
				ds.Add(source.Error, "xbrl.5.1.3:roleTypeDuplicate", at, "%s is declared twice in %s", k, decls[0].file)
			case decls[i].usedOn != decls[0].usedOn || decls[i].definition != decls[0].definition || decls[i].cycles != decls[0].cycles:
				ds.Add(source.Error, "xbrl.5.1.3:roleTypeNotEquivalent", at, "%s is declared in %s and %s, differently", k, decls[0].file, decls[i].file)
			}
		}
	}
	for _, u := range tx.roleUses {
		kind := "roleType"
		if u.arcrole {
			kind = "arcroleType"
		}
		decls := tx.roleDecls[kind+" "+u.uri]
		if len(decls) == 0 {
			ds.Add(source.Error, "xbrl.5.1.3:undeclared", at, "%s uses %s, which no %s of the DTS declares", u.linkbase, u.uri, kind)
			continue
		}
		if !slices.Contains(strings.Fields(decls[0].usedOn), u.element) {
			ds.Add(source.Error, "xbrl.5.1.3:usedOn", at, "%s uses %s on %s, which its declaration does not allow (usedOn %s)", u.linkbase, u.uri, u.element, decls[0].usedOn)
		}
	}
	return ds
}

// checkCycles finds the networks (an arcrole in an extended link role,
// each relationship once, prohibited ones out) whose cycles their
// arcrole forbids.
func (tx *taxonomy) checkCycles(at source.Pos) source.Diagnostics {
	type network struct{ arcrole, role, link string }
	edges := map[network][][2]*xbrl.Concept{}
	var order []network
	linkbase := map[network]string{}
	for _, a := range tx.prevailing() {
		n := network{a.arcrole, a.role, a.link}
		if edges[n] == nil {
			order = append(order, n)
			linkbase[n] = a.linkbase
		}
		edges[n] = append(edges[n], [2]*xbrl.Concept{a.from, a.to})
	}
	var ds source.Diagnostics
	for _, n := range order {
		allowed, ok := tx.cycles[n.arcrole]
		if !ok {
			allowed = standardCycles[n.arcrole]
		}
		switch {
		case allowed == "undirected" && directedCycle(edges[n]):
			ds.Add(source.Error, "xbrl.5.2.4.2:directedCycle", at, "the %s network of role %s (%s) has a directed cycle", n.arcrole, n.role, linkbase[n])
		case allowed == "none" && anyCycle(edges[n]):
			ds.Add(source.Error, "xbrl.5.1.4.3:cycle", at, "the %s network of role %s (%s) has a cycle, which its arcrole does not allow", n.arcrole, n.role, linkbase[n])
		}
	}
	return ds
}

// directedCycle reports whether edges (from, to) make a directed cycle.
func directedCycle(edges [][2]*xbrl.Concept) bool {
	next := map[*xbrl.Concept][]*xbrl.Concept{}
	for _, e := range edges {
		next[e[0]] = append(next[e[0]], e[1])
	}
	const (
		unseen = iota
		open
		done
	)
	state := map[*xbrl.Concept]int{}
	var visit func(c *xbrl.Concept) bool
	visit = func(c *xbrl.Concept) bool {
		state[c] = open
		for _, d := range next[c] {
			if state[d] == open || state[d] == unseen && visit(d) {
				return true
			}
		}
		state[c] = done
		return false
	}
	for _, e := range edges {
		if state[e[0]] == unseen && visit(e[0]) {
			return true
		}
	}
	return false
}

// anyCycle reports whether edges make a cycle when their direction is
// ignored: an edge between two concepts already joined.
func anyCycle(edges [][2]*xbrl.Concept) bool {
	parent := map[*xbrl.Concept]*xbrl.Concept{}
	var find func(c *xbrl.Concept) *xbrl.Concept
	find = func(c *xbrl.Concept) *xbrl.Concept {
		p, ok := parent[c]
		if !ok || p == c {
			parent[c] = c
			return c
		}
		r := find(p)
		parent[c] = r
		return r
	}
	for _, e := range edges {
		a, b := find(e[0]), find(e[1])
		if a == b {
			return true
		}
		parent[a] = b
	}
	return false
}
