package schema

import (
	"fmt"
	"sort"
	"strings"

	"github.com/beevik/etree"

	"github.com/xport/xport/exporter"
	"github.com/xport/xport/xbrl"
)

// File is a generated file: its name and bytes.
type File struct {
	Name string
	Data []byte
}

// XBRL and XML Schema namespaces and the roles and arcroles of
// XBRL 2.1 linkbases.
const (
	NSXS       = "http://www.w3.org/2001/XMLSchema"
	NSXBRLI    = "http://www.xbrl.org/2003/instance"
	NSLink     = "http://www.xbrl.org/2003/linkbase"
	NSXLink    = "http://www.w3.org/1999/xlink"
	NSXSI      = "http://www.w3.org/2001/XMLSchema-instance"
	NSDTRTypes = "http://www.xbrl.org/dtr/type/2022-03-31"
	NSXBRLDT   = "http://xbrl.org/2005/xbrldt"
	xbrldtXSD  = "http://www.xbrl.org/2005/xbrldt-2005.xsd"
	dimArcrole = "http://xbrl.org/int/dim/arcrole/"
	dtrTypes   = "https://www.xbrl.org/dtr/type/2022-03-31/types.xsd"
	instXSD    = "http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd"
	linkXSD    = "http://www.xbrl.org/2003/xbrl-linkbase-2003-12-31.xsd"

	roleLabel          = "http://www.xbrl.org/2003/role/label"
	roleNegatedLabel   = "http://www.xbrl.org/2009/role/negatedLabel"
	negatedRoleXSD     = "http://www.xbrl.org/lrr/role/negated-2009-12-16.xsd#negatedLabel"
	roleLink           = "http://www.xbrl.org/2003/role/link"
	arcConceptLabel    = "http://www.xbrl.org/2003/arcrole/concept-label"
	arcParentChild     = "http://www.xbrl.org/2003/arcrole/parent-child"
	arcSummationItem   = "http://www.xbrl.org/2003/arcrole/summation-item"
	linkbaseRefArcrole = "http://www.w3.org/1999/xlink/properties/linkbase"
)

// xsdTypes gives the schema type of each item type.
var xsdTypes = map[xbrl.ItemType]string{
	xbrl.Monetary: "xbrli:monetaryItemType", xbrl.PerShare: "dtr-types:perShareItemType",
	xbrl.Shares: "xbrli:sharesItemType", xbrl.Pure: "xbrli:pureItemType",
	xbrl.Percent: "dtr-types:percentItemType", xbrl.String: "xbrli:stringItemType",
	xbrl.NormString: "xbrli:normalizedStringItemType", xbrl.Date: "xbrli:dateItemType",
	xbrl.Boolean: "xbrli:booleanItemType", xbrl.Enumeration: "xbrli:tokenItemType",
	xbrl.Domain: "dtr-types:domainItemType",
	xbrl.Axis:   "xbrli:stringItemType", xbrl.Hypercube: "xbrli:stringItemType",
}

// substitutionGroups gives the substitution group of the item types that
// are not plain items.
var substitutionGroups = map[xbrl.ItemType]string{
	xbrl.Axis: "xbrldt:dimensionItem", xbrl.Hypercube: "xbrldt:hypercubeItem",
}

// Taxonomy generates the extension taxonomy a report's instance
// references: the schema (role types, linkbase references, imports of the
// base taxonomies, a declaration per extension concept) and its label,
// presentation and calculation linkbases.
func Taxonomy(rep *xbrl.Report, cat *Catalogue) ([]File, error) {
	g := &taxGen{rep: rep, cat: cat, base: strings.TrimSuffix(rep.Taxonomy.Schema, ".xsd")}
	files := []File{
		{rep.Taxonomy.Schema, g.schema()},
		{g.base + "_lab.xml", g.labels()},
		{g.base + "_pre.xml", g.links("presentation")},
		{g.base + "_cal.xml", g.links("calculation")},
		{g.base + "_def.xml", g.links("definition")},
	}
	for _, ns := range cat.Namespaces {
		if ns.Shipped() && g.uses(ns) {
			files = append(files, File{ns.SchemaLocation, NamespaceSchema(cat, ns)})
		}
	}
	for _, f := range files {
		if f.Data == nil {
			return nil, fmt.Errorf("generating %s failed", f.Name)
		}
	}
	return files, nil
}

// uses reports whether the report uses a concept of namespace ns.
func (g *taxGen) uses(ns Namespace) bool {
	for _, c := range g.rep.Concepts {
		if c.Namespace == ns.URI {
			return true
		}
	}
	return false
}

type taxGen struct {
	rep  *xbrl.Report
	cat  *Catalogue
	base string
}

func (g *taxGen) extension(c *xbrl.Concept) bool { return c.Prefix == g.rep.Taxonomy.Prefix }

// href locates a concept's declaration.
func (g *taxGen) href(c *xbrl.Concept) string {
	if g.extension(c) {
		return g.rep.Taxonomy.Schema + "#" + c.ID()
	}
	ns, _ := g.cat.Namespace(c.Prefix)
	return ns.SchemaLocation + "#" + c.ID()
}

func render(doc *etree.Document) []byte {
	doc.Indent(2)
	b, err := doc.WriteToBytes()
	if err != nil {
		return nil
	}
	return b
}

func newDoc() *etree.Document {
	doc := etree.NewDocument()
	doc.CreateProcInst("xml", `version="1.0" encoding="UTF-8"`)
	return doc
}

// schema writes the extension schema.
func (g *taxGen) schema() []byte {
	doc := newDoc()
	s := doc.CreateElement("xs:schema")
	s.CreateAttr("xmlns:xs", NSXS)
	s.CreateAttr("xmlns:xbrli", NSXBRLI)
	s.CreateAttr("xmlns:link", NSLink)
	s.CreateAttr("xmlns:xlink", NSXLink)
	s.CreateAttr("xmlns:dtr-types", NSDTRTypes)
	s.CreateAttr("xmlns:xbrldt", NSXBRLDT)
	s.CreateAttr("xmlns:"+g.rep.Taxonomy.Prefix, g.rep.Taxonomy.Namespace)
	s.CreateAttr("targetNamespace", g.rep.Taxonomy.Namespace)
	s.CreateAttr("elementFormDefault", "qualified")
	s.CreateAttr("attributeFormDefault", "unqualified")
	app := s.CreateElement("xs:annotation").CreateElement("xs:appinfo")
	for _, n := range g.rep.Networks {
		rt := app.CreateElement("link:roleType")
		rt.CreateAttr("roleURI", g.rep.Taxonomy.RoleBase+n.RoleID)
		rt.CreateAttr("id", n.RoleID)
		rt.CreateElement("link:definition").SetText(n.Title)
		for _, on := range []string{"link:presentationLink", "link:calculationLink", "link:definitionLink"} {
			rt.CreateElement("link:usedOn").SetText(on)
		}
	}
	rt := app.CreateElement("link:roleType")
	rt.CreateAttr("roleURI", exporter.SourceRole)
	rt.CreateAttr("id", exporter.SourceRoleID)
	rt.CreateElement("link:definition").SetText("Where a fact is printed in the source document: file:line:column")
	rt.CreateElement("link:usedOn").SetText("link:footnote")
	for _, lb := range []struct{ suffix, role string }{
		{"_lab.xml", "http://www.xbrl.org/2003/role/labelLinkbaseRef"},
		{"_pre.xml", "http://www.xbrl.org/2003/role/presentationLinkbaseRef"},
		{"_cal.xml", "http://www.xbrl.org/2003/role/calculationLinkbaseRef"},
		{"_def.xml", "http://www.xbrl.org/2003/role/definitionLinkbaseRef"},
	} {
		ref := app.CreateElement("link:linkbaseRef")
		ref.CreateAttr("xlink:type", "simple")
		ref.CreateAttr("xlink:href", g.base+lb.suffix)
		ref.CreateAttr("xlink:role", lb.role)
		ref.CreateAttr("xlink:arcrole", linkbaseRefArcrole)
	}
	imports := [][2]string{{NSXBRLI, instXSD}, {NSLink, linkXSD}, {NSDTRTypes, dtrTypes}, {NSXBRLDT, xbrldtXSD}}
	for _, ns := range g.cat.Namespaces {
		if !ns.Shipped() || g.uses(ns) {
			imports = append(imports, [2]string{ns.URI, ns.SchemaLocation})
		}
	}
	for _, im := range imports {
		el := s.CreateElement("xs:import")
		el.CreateAttr("namespace", im[0])
		el.CreateAttr("schemaLocation", im[1])
	}
	for _, c := range g.rep.Concepts {
		if g.extension(c) {
			Declare(s, c)
		}
	}
	return render(doc)
}

// Declare adds the element declaration of concept c to schema s.
func Declare(s *etree.Element, c *xbrl.Concept) {
	el := s.CreateElement("xs:element")
	el.CreateAttr("id", c.ID())
	el.CreateAttr("name", c.Name)
	typ := xsdTypes[c.Type]
	if c.XSDType != "" {
		typ = c.XSDType
	}
	el.CreateAttr("type", typ)
	sg := substitutionGroups[c.Type]
	if sg == "" {
		sg = "xbrli:item"
	}
	el.CreateAttr("substitutionGroup", sg)
	if c.Abstract {
		el.CreateAttr("abstract", "true")
	}
	el.CreateAttr("nillable", "true")
	el.CreateAttr("xbrli:periodType", string(c.PeriodType))
	if c.Balance != xbrl.NoBalance {
		el.CreateAttr("xbrli:balance", string(c.Balance))
	}
	if c.TypedDomain != nil {
		el.CreateAttr("xbrldt:typedDomainRef", "#"+c.TypedDomain.ID())
	}
}

// linkbase starts a linkbase document.
func linkbase() (*etree.Document, *etree.Element) {
	doc := newDoc()
	lb := doc.CreateElement("link:linkbase")
	lb.CreateAttr("xmlns:link", NSLink)
	lb.CreateAttr("xmlns:xlink", NSXLink)
	lb.CreateAttr("xmlns:xbrldt", NSXBRLDT)
	lb.CreateAttr("xmlns:xsi", NSXSI)
	lb.CreateAttr("xsi:schemaLocation", NSLink+" "+linkXSD)
	return doc, lb
}

// locator adds a loc for c to an extended link once, returning its label.
func (g *taxGen) locator(link *etree.Element, seen map[string]bool, c *xbrl.Concept, suffix string) string {
	label := "loc_" + c.ID() + suffix
	if !seen[label] {
		seen[label] = true
		loc := link.CreateElement("link:loc")
		loc.CreateAttr("xlink:type", "locator")
		loc.CreateAttr("xlink:href", g.href(c))
		loc.CreateAttr("xlink:label", label)
	}
	return label
}

// labels writes the label linkbase: for each concept, the label the
// document prints, or the catalogue's standard label; and, for concepts a
// statement presents with the opposite sign, the same text as a negated
// label.
func (g *taxGen) labels() []byte {
	doc, lb := linkbase()
	lb.CreateAttr("xmlns:xml", "http://www.w3.org/XML/1998/namespace")
	negated := g.negated()
	if len(negated) > 0 {
		negatedRoleRef(lb)
	}
	link := lb.CreateElement("link:labelLink")
	link.CreateAttr("xlink:type", "extended")
	link.CreateAttr("xlink:role", roleLink)
	seen := map[string]bool{}
	for _, c := range g.rep.Concepts {
		text := g.rep.Labels[c.QName()]
		if text == "" {
			text = c.Label
		}
		if text == "" {
			text = c.Name
		}
		loc := g.locator(link, seen, c, "")
		res := link.CreateElement("link:label")
		res.CreateAttr("xlink:type", "resource")
		res.CreateAttr("xlink:label", "lab_"+c.ID())
		res.CreateAttr("xlink:role", roleLabel)
		res.CreateAttr("xml:lang", "en-US")
		res.SetText(text)
		if negated[c] {
			neg := link.CreateElement("link:label")
			neg.CreateAttr("xlink:type", "resource")
			neg.CreateAttr("xlink:label", "lab_"+c.ID())
			neg.CreateAttr("xlink:role", roleNegatedLabel)
			neg.CreateAttr("xml:lang", "en-US")
			neg.SetText(text)
		}
		arc := link.CreateElement("link:labelArc")
		arc.CreateAttr("xlink:type", "arc")
		arc.CreateAttr("xlink:arcrole", arcConceptLabel)
		arc.CreateAttr("xlink:from", loc)
		arc.CreateAttr("xlink:to", "lab_"+c.ID())
	}
	return render(doc)
}

// negated returns the concepts some presentation arc shows negated.
func (g *taxGen) negated() map[*xbrl.Concept]bool {
	out := map[*xbrl.Concept]bool{}
	for _, n := range g.rep.Networks {
		for _, a := range n.Presentation {
			if a.Negated {
				out[a.To] = true
			}
		}
	}
	return out
}

// negatedRoleRef declares the Link Role Registry's negated label role.
func negatedRoleRef(lb *etree.Element) {
	rr := lb.CreateElement("link:roleRef")
	rr.CreateAttr("roleURI", roleNegatedLabel)
	rr.CreateAttr("xlink:type", "simple")
	rr.CreateAttr("xlink:href", negatedRoleXSD)
}

// links writes the presentation, calculation or definition linkbase: one
// extended link per statement network.
func (g *taxGen) links(kind string) []byte {
	doc, lb := linkbase()
	for _, n := range g.rep.Networks {
		rr := lb.CreateElement("link:roleRef")
		rr.CreateAttr("roleURI", g.rep.Taxonomy.RoleBase+n.RoleID)
		rr.CreateAttr("xlink:type", "simple")
		rr.CreateAttr("xlink:href", g.rep.Taxonomy.Schema+"#"+n.RoleID)
	}
	if kind == "definition" {
		g.arcroleRefs(lb)
	}
	if kind == "presentation" && len(g.negated()) > 0 {
		negatedRoleRef(lb)
	}
	for _, n := range g.rep.Networks {
		arcs := map[string][]xbrl.Arc{"presentation": n.Presentation, "calculation": n.Calculation, "definition": n.Definition}[kind]
		if len(arcs) > 0 {
			g.link(lb, kind, g.rep.Taxonomy.RoleBase+n.RoleID, arcs)
		}
	}
	return render(doc)
}

// arcroleRefs declares the XBRL Dimensions arcroles the definition
// linkbase uses.
func (g *taxGen) arcroleRefs(lb *etree.Element) {
	used := map[string]bool{}
	for _, n := range g.rep.Networks {
		for _, a := range n.Definition {
			used[a.Arcrole] = true
		}
	}
	for _, r := range []string{"all", "hypercube-dimension", "dimension-domain", "dimension-default", "domain-member"} {
		if used[r] {
			ar := lb.CreateElement("link:arcroleRef")
			ar.CreateAttr("arcroleURI", dimArcrole+r)
			ar.CreateAttr("xlink:type", "simple")
			ar.CreateAttr("xlink:href", xbrldtXSD+"#"+r)
		}
	}
}

// link writes one extended link of a network. A dimension-default arc
// reaches the domain through a locator of its own: XLink allows one arc
// per pair of locators, and the dimension-domain arc joins the same two
// concepts.
func (g *taxGen) link(lb *etree.Element, kind, role string, arcs []xbrl.Arc) {
	link := lb.CreateElement("link:" + kind + "Link")
	link.CreateAttr("xlink:type", "extended")
	link.CreateAttr("xlink:role", role)
	seen := map[string]bool{}
	sorted := append([]xbrl.Arc(nil), arcs...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].From.QName() < sorted[j].From.QName() })
	for _, a := range sorted {
		arc := etree.NewElement("link:" + kind + "Arc")
		arc.CreateAttr("xlink:type", "arc")
		to := g.locator(link, seen, a.To, "")
		switch kind {
		case "presentation":
			arc.CreateAttr("xlink:arcrole", arcParentChild)
			if a.Negated {
				arc.CreateAttr("preferredLabel", roleNegatedLabel)
			}
		case "calculation":
			arc.CreateAttr("xlink:arcrole", arcSummationItem)
		case "definition":
			arc.CreateAttr("xlink:arcrole", dimArcrole+a.Arcrole)
			if a.Arcrole == "dimension-default" {
				to = g.locator(link, seen, a.To, "_default")
			}
		}
		arc.CreateAttr("xlink:from", g.locator(link, seen, a.From, ""))
		arc.CreateAttr("xlink:to", to)
		arc.CreateAttr("order", fmt.Sprint(a.Order))
		if kind == "calculation" {
			arc.CreateAttr("weight", fmt.Sprintf("%d.0", a.Weight))
		}
		if a.Arcrole == "all" {
			arc.CreateAttr("xbrldt:closed", "true")
			arc.CreateAttr("xbrldt:contextElement", "segment")
		}
		link.AddChild(arc)
	}
}
