package schema

import (
	"strings"

	"github.com/beevik/etree"
)

// StandIn renders a stand-in for the schema of base taxonomy ns (us-gaap,
// dei), declaring exactly the catalogue's concepts of that namespace with
// the catalogue's types. The official schemas are not available offline;
// with a stand-in in their place, a schema processor (Arelle, xmllint) can
// load xport's output and check everything else. A stand-in proves
// nothing about the catalogue itself and is never shipped with output.
func StandIn(cat *Catalogue, ns Namespace) []byte {
	doc := newDoc()
	s := doc.CreateElement("xs:schema")
	s.CreateAttr("xmlns:xs", NSXS)
	s.CreateAttr("xmlns:xbrli", NSXBRLI)
	s.CreateAttr("xmlns:dtr-types", NSDTRTypes)
	s.CreateAttr("xmlns:xbrldt", NSXBRLDT)
	s.CreateAttr("xmlns:"+ns.Prefix, ns.URI)
	s.CreateAttr("targetNamespace", ns.URI)
	s.CreateAttr("elementFormDefault", "qualified")
	s.CreateComment(" stand-in for " + ns.SchemaLocation + " generated from xport's catalogue for offline checks only ")
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
			s.InsertChildAt(len(s.Child), ct)
		}
		Declare(s, c)
	}
	return render(doc)
}
