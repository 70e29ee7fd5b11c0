package schema

import (
	"strings"

	"github.com/beevik/etree"
)

// NamespaceSchema renders the schema of catalogue namespace ns: its
// enumeration types, its concepts with the catalogue's types, and the
// domain elements of its typed dimensions. For a namespace xport ships
// (ns.Shipped: the conflict minerals taxonomy) this is the schema itself,
// written beside each report that uses it. For a published base taxonomy
// (us-gaap, dei), whose schemas are not available offline, it is a
// stand-in declaring exactly the catalogue's concepts, so that a schema
// processor (Arelle, xmllint) can load xport's output and check
// everything else; a stand-in proves nothing about the catalogue itself
// and is never shipped with output.
func NamespaceSchema(cat *Catalogue, ns Namespace) []byte {
	doc := newDoc()
	s := doc.CreateElement("xs:schema")
	s.CreateAttr("xmlns:xs", NSXS)
	s.CreateAttr("xmlns:xbrli", NSXBRLI)
	s.CreateAttr("xmlns:dtr-types", NSDTRTypes)
	s.CreateAttr("xmlns:xbrldt", NSXBRLDT)
	s.CreateAttr("xmlns:"+ns.Prefix, ns.URI)
	s.CreateAttr("targetNamespace", ns.URI)
	s.CreateAttr("elementFormDefault", "qualified")
	if ns.Shipped() {
		s.CreateComment(" " + ns.URI + ": defined by xport, generated from its concept catalogue ")
	} else {
		s.CreateComment(" stand-in for " + ns.SchemaLocation + " generated from xport's catalogue for offline checks only ")
	}
	for _, im := range [][2]string{{NSXBRLI, instXSD}, {NSDTRTypes, dtrTypes}, {NSXBRLDT, xbrldtXSD}} {
		el := s.CreateElement("xs:import")
		el.CreateAttr("namespace", im[0])
		el.CreateAttr("schemaLocation", im[1])
	}
	types := map[string]bool{}
	for _, c := range cat.Concepts() {
		if c.Prefix != ns.Prefix {
			continue
		}
		if p, local, ok := strings.Cut(c.XSDType, ":"); ok && p == ns.Prefix && !types[local] {
			types[local] = true
			ct := etree.NewElement("xs:complexType")
			ct.CreateAttr("name", local)
			r := ct.CreateElement("xs:simpleContent").CreateElement("xs:restriction")
			r.CreateAttr("base", xsdTypes[c.Type])
			for _, v := range c.Enum {
				r.CreateElement("xs:enumeration").CreateAttr("value", v)
			}
			s.InsertChildAt(len(s.Child), ct)
		}
		Declare(s, c)
	}
	for _, d := range cat.TypedDomains(ns.Prefix) {
		el := s.CreateElement("xs:element")
		el.CreateAttr("id", d.ID())
		el.CreateAttr("name", d.Name)
		el.CreateAttr("type", d.XSDType)
	}
	return render(doc)
}
