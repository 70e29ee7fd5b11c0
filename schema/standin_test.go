package schema

import (
	"flag"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/beevik/etree"
)

var standIn = flag.String("standin", "", "write stand-in base taxonomy schemas into this Arelle web cache directory")

// TestWriteStandIn writes, when -standin DIR is given, a stand-in for each
// base taxonomy schema the catalogue imports (us-gaap, dei), declaring
// exactly the catalogue's concepts with the catalogue's types, into an
// Arelle web cache laid out as scheme/host/path. The official schemas are
// not available offline here; with the stand-ins, Arelle can load xport's
// output and check everything else (contexts, units, calculations,
// linkbases). They prove nothing about the catalogue itself and are never
// shipped: see README, "Checking with Arelle".
func TestWriteStandIn(t *testing.T) {
	if *standIn == "" {
		t.Skip("no -standin directory")
	}
	cat, err := LoadCatalogue()
	if err != nil {
		t.Fatal(err)
	}
	for _, ns := range cat.Namespaces {
		u, err := url.Parse(ns.SchemaLocation)
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(*standIn, u.Scheme, u.Host, filepath.FromSlash(u.Path))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, standInSchema(cat, ns), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s", path)
	}
}

func standInSchema(cat *Catalogue, ns Namespace) []byte {
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
