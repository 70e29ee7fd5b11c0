package load_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xport/xport"
	"github.com/xport/xport/load"
	"github.com/xport/xport/source"
	"github.com/xport/xport/xbrl"
)

// factKey is what a fact says: concept, period, dimensions, unit,
// decimals and value, and where it was read from in the converted
// document.
func factKey(f *xbrl.Fact) string {
	var dims []string
	for _, d := range f.Dims {
		m := d.Typed
		if d.Member != nil {
			m = d.Member.QName()
		}
		dims = append(dims, d.Axis.QName()+"="+m)
	}
	slices.Sort(dims)
	unit := ""
	if f.Unit != nil {
		unit = f.Unit.String()
	}
	// xBRL-CSV gives a row's source line (a list's row holds facts read
	// from several cells of it), so the line is compared, not the column.
	from := "-"
	if f.Origin.IsValid() {
		from = f.Origin.File + ":" + strconv.Itoa(f.Origin.Line)
	}
	return fmt.Sprintf("%s %s [%s] %s %d %q from %s", f.Concept.QName(), f.Period, strings.Join(dims, " "), unit, f.Decimals, f.ValueString(), from)
}

// csvCell is how xport writes a fact's value in a cell.
func csvCell(f *xbrl.Fact) string {
	switch v := f.ValueString(); {
	case v == "":
		return "#empty"
	case strings.HasPrefix(v, "#"):
		return "#" + v
	default:
		return v
	}
}

func factKeys(facts []*xbrl.Fact) []string {
	keys := make([]string, len(facts))
	for i, f := range facts {
		keys[i] = factKey(f)
	}
	slices.Sort(keys)
	return keys
}

// TestCSVMatchesJSON converts the conflict minerals report, whose lists
// xport also writes as xBRL-CSV, and loads both renderings: the xBRL-CSV
// is valid and says what the xBRL-JSON says, fact for fact, each fact
// located in a cell of a table. (validate_test may import xport, which
// imports validate: an external test package breaks the cycle.)
func TestCSVMatchesJSON(t *testing.T) {
	in, err := os.Open(filepath.Join("..", "testdata", "infinera-sd-2014.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	res, err := xport.Convert("infinera-sd-2014.txt", in, xport.Options{CIK: "1138639"})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := res.Write(dir); err != nil {
		t.Fatal(err)
	}
	read := func(name string) *load.Document {
		doc, ds, err := load.File(filepath.Join(dir, name), 0)
		if err != nil {
			t.Fatal(err)
		}
		if doc.Report == nil || ds.HasErrors() {
			t.Fatalf("%s: %v", name, ds)
		}
		return doc
	}
	js, csv := read("infinera-sd-2014.json"), read("infinera-sd-2014-csv.json")
	if csv.Format != "csv" {
		t.Errorf("format %q, want csv", csv.Format)
	}
	got, want := factKeys(csv.Report.Facts), factKeys(js.Report.Facts)
	if len(got) != 850 || !slices.Equal(got, want) {
		t.Errorf("%d facts from xBRL-CSV, %d from xBRL-JSON", len(got), len(want))
		for i := 0; i < len(got) && i < len(want); i++ {
			if got[i] != want[i] {
				t.Fatalf("first difference:\n got %s\nwant %s", got[i], want[i])
			}
		}
	}
	if csv.Report.Entity != js.Report.Entity {
		t.Errorf("entity %v, want %v", csv.Report.Entity, js.Report.Entity)
	}
	for _, f := range csv.Report.Facts {
		if !strings.HasSuffix(f.Source.File, ".csv") || !f.Source.IsValid() || !f.Origin.IsValid() {
			t.Fatalf("fact %s at %v from %v: want a cell of a table, read from the text", f.ID, f.Source, f.Origin)
		}
		line := csv.LineIn(f.Source.File, f.Source.Line)
		if f.Source.Col > len(line) {
			t.Fatalf("fact %s at %v, past the end of %q", f.ID, f.Source, line)
		}
		cell := line[f.Source.Col-1:]
		if rest, quoted := strings.CutPrefix(cell, `"`); quoted {
			cell = strings.ReplaceAll(rest, `""`, `"`)
		}
		if !strings.HasPrefix(cell, csvCell(f)) {
			t.Fatalf("fact %s (%q) at %v, which reads %q", f.ID, f.ValueString(), f.Source, line)
		}
	}
}

// TestLoadCSV reads small xBRL-CSV reports from memory: each gives the
// listed facts (by factKey, without origin) and diagnostics (code at
// file:line:col).
func TestLoadCSV(t *testing.T) {
	files := map[string][]byte{}
	for _, name := range []string{"conf.xsd", "conf_cal.xml"} {
		b, err := os.ReadFile(filepath.Join("..", "testdata", "conformance", name))
		if err != nil {
			t.Fatal(err)
		}
		files[name] = b
	}
	const head = `{"documentInfo": {"documentType": "https://xbrl.org/2021/xbrl-csv",
"namespaces": {"conf": "urn:xport:conf", "iso4217": "http://www.xbrl.org/2003/iso4217", "cik": "http://www.sec.gov/CIK"},
"taxonomy": ["conf.xsd"]},
"dimensions": {"entity": "cik:0000000042", "period": "2020"},
`
	for _, tt := range []struct {
		name   string
		meta   string            // after head
		tables map[string]string // file → CSV
		facts  []string
		diags  []string
	}{{
		name: "template unit, decimals suffix, escapes",
		meta: `"tableTemplates": {"t": {"dimensions": {"unit": "iso4217:USD"}, "columns": {
  "p": {"dimensions": {"concept": "conf:ProductRevenue"}},
  "m": {"dimensions": {"concept": "conf:Motto", "unit": "#none"}},
  "note": {"comment": true}}}},
"tables": {"t": {"url": "t.csv"}}}`,
		tables: map[string]string{"t.csv": "p,m,note\r\n100000d-3,##1 pump,x\r\n7,#empty,\r\n"},
		facts: []string{
			`conf:Motto 2020-01-01..2020-12-31 []  0 "" from -`,
			`conf:Motto 2020-01-01..2020-12-31 []  0 "#1 pump" from -`,
			`conf:ProductRevenue 2020-01-01..2020-12-31 [] iso4217:USD -3 "100000" from -`,
			`conf:ProductRevenue 2020-01-01..2020-12-31 [] iso4217:USD 1073741824 "7" from -`,
		},
	}, {
		name: "parameters, decimals property, periods, short rows",
		meta: `"parameters": {"q": "2020Q2"}, "decimals": -2,
"tableTemplates": {"t": {"dimensions": {"period": "$when"}, "columns": {
  "when": {}, "p": {"dimensions": {"concept": "conf:ProductRevenue", "unit": "iso4217:USD"}, "decimals": "$d"}, "d": {},
  "s": {"dimensions": {"concept": "conf:ServiceRevenue", "unit": "iso4217:USD", "period": "$q"}}}}},
"tables": {"t": {"url": "t.csv"}}}`,
		tables: map[string]string{"t.csv": "when,p,d,s\n2020-01-01..2020-06-30,5,0,6\n2021H2,8\n"},
		facts: []string{
			`conf:ProductRevenue 2020-01-01..2020-06-30 [] iso4217:USD 0 "5" from -`,
			`conf:ProductRevenue 2021-07-01..2021-12-31 [] iso4217:USD 1073741824 "8" from -`, // $d has no value: no decimals
			`conf:ServiceRevenue 2020-04-01..2020-06-30 [] iso4217:USD -2 "6" from -`,
		},
	}, {
		name: "bad cells",
		meta: `"tableTemplates": {"t": {"rowIdColumn": "id", "columns": {"id": {}, "x": {},
  "p": {"dimensions": {"concept": "$c", "unit": "iso4217:USD"}}, "c": {}}}},
"tables": {"t": {"url": "t.csv"}}}`,
		tables: map[string]string{"t.csv": "id,p,c,x\r\na,1d,conf:ProductRevenue\r\na,#none,conf:ProductRevenue\r\nb,#what,conf:ProductRevenue,9,7\r\nc,1,Product\r\n"},
		diags: []string{
			"xbrlce:invalidDecimalsSuffix t.csv:2:3",
			"xbrlce:repeatedRowIdentifier t.csv:3:1",
			"xbrlce:illegalUseOfNone t.csv:3:3",
			"xbrlce:unmappedCellValue t.csv:3:9", // no fact took the concept
			"xbrlce:unknownSpecialValue t.csv:4:3",
			"xbrlce:unmappedCellValue t.csv:4:9",
			"xbrlce:unmappedCellValue t.csv:4:29",
			"xbrlce:unmappedCellValue t.csv:4:31",
			"xbrlce:invalidConceptQName t.csv:5:3",
		},
	}, {
		name: "bad header and reference",
		meta: `"tableTemplates": {"t": {"dimensions": {"conf:Axis": "$nowhere"}, "columns": {
  "p": {"dimensions": {"concept": "conf:ProductRevenue", "unit": "iso4217:USD"}}}}},
"tables": {"t": {"url": "t.csv"}, "u": {"template": "t", "url": "missing.csv"}}}`,
		tables: map[string]string{"t.csv": "p,q,p,1x\n1\n"},
		diags: []string{
			"xbrlce:invalidReferenceTarget m.json:5:41", // in table t
			"xbrlce:invalidReferenceTarget m.json:5:41", // in table u
			"xbrlce:missingRequiredCSVFile m.json:7:58",
			"xbrlce:unknownColumn t.csv:1:3",
			"xbrlce:repeatedColumnIdentifier t.csv:1:5",
			"xbrlce:invalidHeaderValue t.csv:1:7",
		},
		facts: []string{`conf:ProductRevenue 2020-01-01..2020-12-31 [] iso4217:USD 1073741824 "1" from -`},
	}, {
		name:   "CR line ends, BOM",
		meta:   `"tableTemplates": {"t": {"columns": {"m": {"dimensions": {"concept": "conf:Motto"}}, "x": {}}}}, "tables": {"t": {"url": "t.csv"}}}`,
		tables: map[string]string{"t.csv": "\uFEFFx,m\r,one\r,\"two\rlines\"\rextra\r"},
		facts: []string{
			`conf:Motto 2020-01-01..2020-12-31 []  0 "one" from -`,
			`conf:Motto 2020-01-01..2020-12-31 []  0 "two\nlines" from -`,
		},
		diags: []string{"xbrlce:unmappedCellValue t.csv:5:1"},
	}, {
		name:   "not CSV",
		meta:   `"tableTemplates": {"t": {"columns": {"p": {"dimensions": {"concept": "conf:Motto"}}}}}, "tables": {"t": {"url": "t.csv"}}}`,
		tables: map[string]string{"t.csv": "p\n\"open\n"},
		diags:  []string{"xbrlce:invalidCSVFileFormat t.csv:2:6"},
	}} {
		t.Run(tt.name, func(t *testing.T) {
			resolve := func(href string) ([]byte, error) {
				if b, ok := files[href]; ok {
					return b, nil
				}
				if s, ok := tt.tables[href]; ok {
					return []byte(s), nil
				}
				return nil, os.ErrNotExist
			}
			doc, ds := load.Bytes("m.json", []byte(head+tt.meta), resolve)
			if doc.Report == nil {
				t.Fatalf("not read: %v", ds)
			}
			var got []string
			for _, f := range doc.Report.Facts {
				got = append(got, factKey(f))
			}
			slices.Sort(got)
			if !slices.Equal(got, tt.facts) {
				t.Errorf("facts:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.facts, "\n"))
			}
			if g := diagList(ds); !slices.Equal(g, tt.diags) {
				t.Errorf("diagnostics:\n%s\nwant\n%s\n(%v)", strings.Join(g, "\n"), strings.Join(tt.diags, "\n"), ds)
			}
		})
	}
}

func diagList(ds source.Diagnostics) []string {
	ds.Sort()
	var out []string
	for _, d := range ds {
		out = append(out, d.Code+" "+d.Pos.String())
	}
	return out
}

// TestCSVTableTooLarge: a table over the size limit is not read, and the
// report with it, as a metadata file over the limit would not be.
func TestCSVTableTooLarge(t *testing.T) {
	dir := t.TempDir()
	var limit int64
	for _, name := range []string{"valid-csv.json", "valid-csv-segments.csv", "conf.xsd", "conf_cal.xml"} {
		b, err := os.ReadFile(filepath.Join("..", "testdata", "conformance", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
		limit = max(limit, int64(len(b)))
	}
	big := "concept,unit,value,source\r\n" + strings.Repeat("conf:Motto,,Pumps that last,annual-report.txt:2:1\r\n", int(limit/40))
	if err := os.WriteFile(filepath.Join(dir, "valid-csv-facts.csv"), []byte(big), 0o644); err != nil {
		t.Fatal(err)
	}
	doc, ds, err := load.File(filepath.Join(dir, "valid-csv.json"), limit)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Report != nil || !slices.ContainsFunc(ds, func(d source.Diagnostic) bool {
		return d.Code == "xport.validate:tooLarge" && d.Pos.File == filepath.Join(dir, "valid-csv.json") && d.Pos.IsValid()
	}) {
		t.Errorf("read a table over the limit: report %t, %v", doc.Report != nil, ds)
	}
	if _, ds, _ := load.File(filepath.Join(dir, "valid-csv.json"), 0); ds.HasErrors() {
		t.Errorf("without a limit: %v", ds)
	}
}
