package xport

import (
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xport/xport/internal/needs"
	"github.com/xport/xport/schema"
)

// baseSchemas is the offline copy of the XBRL International and W3C
// schemas, laid out as scheme/host/path, that sits beside the project.
const baseSchemas = "../shared/xbrl-schemas"

// TestOutputIsSchemaValid checks what convert writes with an XML Schema
// processor independent of xport (xmllint): the generated extension
// schema compiles, the instance is valid against it (every fact's value
// fits its concept's type, every context and unit is well formed), and
// every linkbase is valid against the XBRL 2.1 linkbase schema. The base
// XBRL schemas come from the offline copy beside the project; us-gaap and
// dei, which are not available offline, are stand-ins declaring the
// catalogue's concepts (schema.NamespaceSchema).
func TestOutputIsSchemaValid(t *testing.T) {
	xmllint, base, catalog := xmllintSetup(t)

	inputs := []string{sample, sdSample}
	reports, _ := filepath.Glob(filepath.Join("testdata", "minerals", "*.txt"))
	inputs = append(inputs, reports...)
	for _, name := range releaseFiles(t) {
		inputs = append(inputs, filepath.Join("testdata", "releases", name))
	}
	for _, in := range inputs {
		t.Run(filepath.Base(in), func(t *testing.T) {
			res := convertFile(t, in, Options{})
			dir := t.TempDir()
			var instance, xsd string
			var linkbases []string
			for _, f := range res.Files {
				p := filepath.Join(dir, f.Name)
				if err := os.WriteFile(p, f.Data, 0o644); err != nil {
					t.Fatal(err)
				}
				switch {
				case strings.HasSuffix(f.Name, ".xbrl"):
					instance = p
				case strings.HasSuffix(f.Name, ".xsd") && !strings.HasPrefix(f.Name, "xport-"):
					xsd = p // the extension schema; it imports xport's own taxonomies
				case strings.HasSuffix(f.Name, ".xml"):
					linkbases = append(linkbases, p)
				}
			}
			if instance == "" || xsd == "" || len(linkbases) == 0 {
				t.Fatalf("convert wrote %d files, not an instance, a schema and linkbases", len(res.Files))
			}
			schemaValid(t, xmllint, catalog, xsd, instance)
			linkbaseXSD := filepath.Join(base, "http", "www.xbrl.org", "2003", "xbrl-linkbase-2003-12-31.xsd")
			for _, lb := range linkbases {
				schemaValid(t, xmllint, catalog, linkbaseXSD, lb)
			}
		})
	}
}

// TestSchemaCheckCatchesBadOutput makes sure the check above can fail: the
// output as written is accepted, but a fact whose value does not fit its
// type, or a schema naming a type that does not exist, is rejected.
func TestSchemaCheckCatchesBadOutput(t *testing.T) {
	xmllint, _, catalog := xmllintSetup(t)
	res := convertFile(t, sample, Options{})
	xbrlFile := string(file(t, res, "infinera-q4-2012.xbrl"))
	xsdFile := string(file(t, res, "infinera-q4-2012.xsd"))
	tests := []struct {
		name, instance, schema string
		valid                  bool
	}{
		{"as written", xbrlFile, xsdFile, true},
		{"monetary fact with a letter", strings.Replace(xbrlFile, ">128064000<", ">128064x00<", 1), xsdFile, false},
		{"unknown item type", xbrlFile, strings.Replace(xsdFile, `type="xbrli:monetaryItemType"`, `type="xbrli:moneyItemType"`, 1), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !tt.valid && tt.instance == xbrlFile && tt.schema == xsdFile {
				t.Fatal("the mutation did not apply")
			}
			dir := t.TempDir()
			for _, f := range res.Files {
				data := f.Data
				switch f.Name {
				case "infinera-q4-2012.xbrl":
					data = []byte(tt.instance)
				case "infinera-q4-2012.xsd":
					data = []byte(tt.schema)
				}
				if err := os.WriteFile(filepath.Join(dir, f.Name), data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			cmd := exec.Command(xmllint, "--noout", "--nonet", "--schema", filepath.Join(dir, "infinera-q4-2012.xsd"), filepath.Join(dir, "infinera-q4-2012.xbrl"))
			cmd.Env = append(os.Environ(), "XML_CATALOG_FILES="+catalog)
			out, err := cmd.CombinedOutput()
			if valid := err == nil; valid != tt.valid {
				t.Errorf("xmllint says valid=%t, want %t:\n%s", valid, tt.valid, errorsOnly(string(out)))
			}
		})
	}
}

// xmllintSetup finds xmllint and the offline XBRL schemas, skipping the
// test without them, and writes the XML catalog that resolves every
// schema URL offline.
func xmllintSetup(t *testing.T) (xmllint, base, catalog string) {
	t.Helper()
	xmllint, err := exec.LookPath("xmllint")
	if err != nil {
		needs.Skip(t, "xmllint not installed (Debian: libxml2-utils); .ci/run installs it")
	}
	base, err = filepath.Abs(baseSchemas)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(base); err != nil {
		needs.Skip(t, "no offline XBRL schemas: %v", err)
	}
	return xmllint, base, writeCatalog(t, base)
}

// writeCatalog writes stand-ins for the base taxonomies and an XML
// catalog that resolves every schema URL offline: us-gaap and dei to the
// stand-ins, everything else to the copy of the XBRL schemas in base.
func writeCatalog(t *testing.T, base string) string {
	t.Helper()
	cat, _, err := schema.Default()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	var rules strings.Builder
	for _, ns := range cat.Namespaces {
		if ns.Shipped() {
			continue // written beside the report
		}
		u, err := url.Parse(ns.SchemaLocation)
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, ns.Prefix+".xsd")
		if err := os.WriteFile(p, schema.NamespaceSchema(cat, ns), 0o644); err != nil {
			t.Fatal(err)
		}
		rules.WriteString(`  <uri name="` + u.String() + `" uri="` + fileURL(p) + "\"/>\n")
		rules.WriteString(`  <system systemId="` + u.String() + `" uri="` + fileURL(p) + "\"/>\n")
	}
	for _, scheme := range []string{"http", "https"} {
		prefix := fileURL(filepath.Join(base, scheme)) + "/"
		rules.WriteString(`  <rewriteURI uriStartString="` + scheme + `://" rewritePrefix="` + prefix + "\"/>\n")
		rules.WriteString(`  <rewriteSystem systemIdStartString="` + scheme + `://" rewritePrefix="` + prefix + "\"/>\n")
	}
	p := filepath.Join(dir, "catalog.xml")
	doc := `<?xml version="1.0"?>
<catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog">
` + rules.String() + "</catalog>\n"
	if err := os.WriteFile(p, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func fileURL(path string) string {
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(path)}).String()
}

// schemaValid runs xmllint on doc against xsd and fails with what it says.
func schemaValid(t *testing.T, xmllint, catalog, xsd, doc string) {
	t.Helper()
	cmd := exec.Command(xmllint, "--noout", "--nonet", "--schema", xsd, doc)
	cmd.Env = append(os.Environ(), "XML_CATALOG_FILES="+catalog)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Errorf("%s is not valid against %s:\n%s", filepath.Base(doc), filepath.Base(xsd), errorsOnly(string(out)))
	}
}

// errorsOnly drops xmllint's warnings about schemas imported twice.
func errorsOnly(out string) string {
	var keep []string
	for _, l := range strings.Split(out, "\n") {
		if !strings.Contains(l, "parser warning") && !strings.HasPrefix(strings.TrimSpace(l), "^") {
			keep = append(keep, l)
		}
	}
	return strings.Join(keep, "\n")
}

// releaseFiles lists the releases in testdata/releases.
func releaseFiles(t *testing.T) []string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Join("testdata", "releases"))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".txt") && e.Name() != "expected.txt" {
			names = append(names, e.Name())
		}
	}
	return names
}
