package validate_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/xport/xport/validate"
)

// FuzzLoad feeds arbitrary bytes, as XML and as JSON, through the loaders
// and every check xport validate runs, with the conformance suite (and its
// taxonomy) as seeds. Nothing may panic; a document that cannot be read
// comes back with an error diagnostic; every diagnostic has a line and
// column.
func FuzzLoad(f *testing.F) {
	dir := filepath.Join("..", "testdata", "conformance")
	files, err := filepath.Glob(filepath.Join(dir, "*.*"))
	if err != nil {
		f.Fatal(err)
	}
	for _, p := range files {
		ext := filepath.Ext(p)
		if ext != ".xbrl" && ext != ".json" {
			continue
		}
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data, ext == ".json")
	}
	schemaData, err := os.ReadFile(filepath.Join(dir, "conf.xsd"))
	if err != nil {
		f.Fatal(err)
	}
	resolve := func(href string) ([]byte, error) {
		if href == "conf.xsd" {
			return schemaData, nil
		}
		return nil, os.ErrNotExist
	}
	f.Fuzz(func(t *testing.T, data []byte, isJSON bool) {
		name := "fuzz.xbrl"
		if isJSON {
			name = "fuzz.json"
		}
		doc, ds := validate.Load(name, data, resolve)
		if doc.Report == nil {
			if !ds.HasErrors() {
				t.Fatalf("unreadable without an error: %v", ds)
			}
			return
		}
		ds = append(ds, validate.Check(doc.Report, validate.Options{Calc: validate.CalcXBRL21, Cross: true})...)
		if isJSON {
			ds = append(ds, validate.JSON(data, name, nil)...)
		}
		for _, d := range ds {
			if !d.Pos.IsValid() {
				t.Errorf("%s without a line and column: %v", d.Code, d)
			}
		}
	})
}
