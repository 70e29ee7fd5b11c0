package xport

import (
	"strings"
	"testing"

	"github.com/beevik/etree"

	"github.com/xport/xport/schema"
)

// TestTaxonomyResolves checks the taxonomy generated for the sample the way
// a processor loading it would: every element declaration is complete and
// uses a known type, every locator points at a declared concept, every arc
// joins labels of its own link, and every role used is declared.
func TestTaxonomyResolves(t *testing.T) {
	res := convertFile(t, sample, Options{})
	cat, _, err := schema.Default()
	if err != nil {
		t.Fatal(err)
	}
	docs := map[string]*etree.Document{}
	for _, f := range res.Files {
		d := etree.NewDocument()
		if err := d.ReadFromBytes(f.Data); err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		docs[f.Name] = d
	}
	xsd := docs["infinera-q4-2012.xsd"]
	ids, roles := map[string]bool{}, map[string]bool{}
	knownTypes := map[string]bool{"xbrli:monetaryItemType": true, "xbrli:sharesItemType": true, "xbrli:pureItemType": true,
		"xbrli:stringItemType": true, "xbrli:normalizedStringItemType": true, "xbrli:dateItemType": true,
		"dtr-types:perShareItemType": true, "dtr-types:percentItemType": true, "dtr-types:domainItemType": true}
	for _, el := range xsd.Root().SelectElements("element") {
		for _, attr := range []string{"id", "name", "type", "substitutionGroup", "xbrli:periodType"} {
			if el.SelectAttr(attr) == nil {
				t.Errorf("element %s has no %s", el.SelectAttrValue("name", "?"), attr)
			}
		}
		if typ := el.SelectAttrValue("type", ""); !knownTypes[typ] {
			t.Errorf("element %s has unknown type %s", el.SelectAttrValue("name", "?"), typ)
		}
		ids[el.SelectAttrValue("id", "")] = true
	}
	for _, rt := range xsd.FindElements("//roleType") {
		roles[rt.SelectAttrValue("roleURI", "")] = true
	}
	for name, d := range docs {
		if !strings.HasSuffix(name, ".xml") {
			continue
		}
		for _, rr := range d.FindElements("//roleRef") {
			href := rr.SelectAttrValue("xlink:href", "")
			if uri := rr.SelectAttrValue("roleURI", ""); strings.HasPrefix(href, "infinera-q4-2012.xsd#") && !roles[uri] {
				t.Errorf("%s: roleRef %s is not declared", name, uri)
			}
		}
		for _, link := range d.Root().ChildElements() {
			if link.SelectAttrValue("xlink:type", "") != "extended" {
				continue
			}
			labels := map[string]bool{}
			for _, el := range link.ChildElements() {
				if l := el.SelectAttrValue("xlink:label", ""); l != "" {
					labels[l] = true
				}
				if el.Tag != "loc" {
					continue
				}
				file, id, _ := strings.Cut(el.SelectAttrValue("xlink:href", ""), "#")
				if file == "infinera-q4-2012.xsd" {
					if !ids[id] {
						t.Errorf("%s: locator to undeclared %s", name, id)
					}
				} else if prefix, local, _ := strings.Cut(id, "_"); cat.Lookup(prefix+":"+local) == nil {
					t.Errorf("%s: locator to %s, which is not in the catalogue", name, id)
				}
			}
			for _, el := range link.ChildElements() {
				if !strings.HasSuffix(el.Tag, "Arc") {
					continue
				}
				for _, end := range []string{"xlink:from", "xlink:to"} {
					if !labels[el.SelectAttrValue(end, "")] {
						t.Errorf("%s: arc %s %s names no label of its link", name, end, el.SelectAttrValue(end, ""))
					}
				}
			}
		}
	}
}
