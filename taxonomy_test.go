package xport

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/beevik/etree"

	"github.com/xport/xport/schema"
	"github.com/xport/xport/source"
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
		if ext := filepath.Ext(f.Name); ext != ".xsd" && ext != ".xml" && ext != ".xbrl" {
			continue // the JSON and CSV outputs
		}
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

// TestRepeatedStatementIsOneRole converts the sample release printed
// twice in one document: every statement is the same role, with the same
// relationships, and every fact of a table the same fact with both
// positions.
func TestRepeatedStatementIsOneRole(t *testing.T) {
	once := convertFile(t, sample, Options{})
	data, err := os.ReadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	twice, err := Convert(sample, bytes.NewReader(append(append([]byte{}, data...), data...)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !twice.Valid() {
		t.Fatalf("printed twice: %d errors, first %v", twice.Diagnostics.Count(source.Error), twice.Diagnostics[0])
	}
	roles := func(res *Result) []string {
		var out []string
		for _, n := range res.Report.Networks {
			out = append(out, n.RoleID)
		}
		return out
	}
	if got, want := roles(twice), roles(once); !slices.Equal(got, want) {
		t.Errorf("printed twice, the roles are\n%v\nwant\n%v", got, want)
	}
	if got, want := len(twice.Report.Facts), len(once.Report.Facts); got != want {
		t.Errorf("printed twice: %d facts, want %d", got, want)
	}
	lines := bytes.Count(data, []byte("\n"))
	for _, f := range twice.Report.Facts {
		if f.Concept.Prefix != "dei" && f.Source.Line <= lines && !containsLine(f.Also, f.Source.Line+lines) {
			t.Errorf("%s at %s: not also at line %d", f.Concept.QName(), f.Source, f.Source.Line+lines)
			break
		}
	}
}
