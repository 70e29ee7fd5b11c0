package schema

import (
	"flag"
	"net/url"
	"os"
	"path/filepath"
	"testing"
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
		if ns.Shipped() {
			continue // written beside each report that uses it
		}
		u, err := url.Parse(ns.SchemaLocation)
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(*standIn, u.Scheme, u.Host, filepath.FromSlash(u.Path))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, NamespaceSchema(cat, ns), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s", path)
	}
}
