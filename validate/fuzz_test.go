package validate_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xport/xport/load"
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
	// Inline XBRL, read as the instance it stands for.
	f.Add([]byte(`<html xmlns:ix="http://www.xbrl.org/2013/inlineXBRL" xmlns:conf="urn:xport:conf"><body><ix:header><ix:references><link:schemaRef xlink:href="conf.xsd"/></ix:references>`+
		`<ix:resources><xbrli:context id="c"><xbrli:entity><xbrli:identifier scheme="s">1</xbrli:identifier></xbrli:entity><xbrli:period><xbrli:instant>2020-12-31</xbrli:instant></xbrli:period></xbrli:context></ix:resources></ix:header>`+
		`<ix:nonNumeric name="conf:Motto" contextRef="c">x</ix:nonNumeric></body></html>`), false)
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
		doc, ds := load.Bytes(name, data, resolve)
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

// FuzzLoadCSV feeds arbitrary metadata and an arbitrary table through
// the xBRL-CSV loader and every check, with the conformance suite's
// xBRL-CSV reports as seeds; every table the metadata names reads as the
// fuzzed one. Nothing may panic, every diagnostic has a line and column,
// and one in a table points inside the table's line.
func FuzzLoadCSV(f *testing.F) {
	dir := filepath.Join("..", "testdata", "conformance")
	files := map[string][]byte{}
	for _, name := range []string{"conf.xsd", "conf_cal.xml", "valid-csv.json", "valid-csv-facts.csv", "valid-csv-segments.csv",
		"csv-unknown-reference.json", "csv-unknown-reference.csv", "csv-unmapped-cell.json", "csv-unmapped-cell.csv"} {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			f.Fatal(err)
		}
		files[name] = data
	}
	f.Add(files["valid-csv.json"], files["valid-csv-facts.csv"])
	f.Add(files["valid-csv.json"], files["valid-csv-segments.csv"])
	f.Add(files["csv-unknown-reference.json"], files["csv-unknown-reference.csv"])
	f.Add(files["csv-unmapped-cell.json"], files["csv-unmapped-cell.csv"])
	f.Fuzz(func(t *testing.T, meta, table []byte) {
		resolve := func(href string) ([]byte, error) {
			switch {
			case strings.HasSuffix(href, ".csv"):
				return table, nil
			case files[href] != nil:
				return files[href], nil
			}
			return nil, os.ErrNotExist
		}
		doc, ds := load.Bytes("fuzz.json", meta, resolve)
		if doc.Report == nil {
			if !ds.HasErrors() {
				t.Fatalf("unreadable without an error: %v", ds)
			}
			return
		}
		ds = append(ds, validate.Check(doc.Report, validate.Options{Calc: validate.CalcXBRL21, Cross: true})...)
		for _, d := range ds {
			line := doc.LineIn(d.Pos.File, d.Pos.Line)
			if !d.Pos.IsValid() || d.Pos.Col < 1 || d.Pos.File != doc.Name && d.Pos.Col > len(line)+1 {
				t.Errorf("%s at %v, outside %q: %v", d.Code, d.Pos, line, d)
			}
		}
	})
}
