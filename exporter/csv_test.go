package exporter

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/xport/xport/decimal"
	"github.com/xport/xport/source"
	"github.com/xport/xport/xbrl"
)

const cmrNS = "urn:xport:cmr:2025"

var (
	fy2014 = xbrl.Period{Start: day(2014, 1, 1), End: day(2014, 12, 31)}
	fy2015 = xbrl.Period{Start: day(2015, 1, 1), End: day(2015, 12, 31)}

	facilityAxis = &xbrl.Concept{Prefix: "cmr", Name: "FacilityAxis", Namespace: cmrNS, Type: xbrl.Axis,
		TypedDomain: &xbrl.Concept{Prefix: "cmr", Name: "FacilityNumber", Namespace: cmrNS}}
	countryAxis = &xbrl.Concept{Prefix: "cmr", Name: "CountryOfOriginAxis", Namespace: cmrNS, Type: xbrl.Axis,
		TypedDomain: &xbrl.Concept{Prefix: "cmr", Name: "CountryNumber", Namespace: cmrNS}}
	metal        = cmrConcept("SmelterMetal", xbrl.Enumeration)
	smelterName  = cmrConcept("SmelterName", xbrl.String)
	country      = cmrConcept("SmelterCountry", xbrl.String)
	countryName  = cmrConcept("CountryOfOriginName", xbrl.String)
	smelterCount = cmrConcept("SmelterCount", xbrl.Pure)
	tonnes       = cmrConcept("SmelterCapacity", xbrl.Monetary)
	docType      = &xbrl.Concept{Prefix: "dei", Name: "DocumentType", Namespace: "http://xbrl.sec.gov/dei/2025", Type: xbrl.String}
	segmentAxis  = &xbrl.Concept{Prefix: "us-gaap", Name: "StatementBusinessSegmentsAxis", Namespace: "http://fasb.org/us-gaap/2025", Type: xbrl.Axis}
	productsMbr  = &xbrl.Concept{Prefix: "us-gaap", Name: "ProductMember", Namespace: "http://fasb.org/us-gaap/2025", Type: xbrl.Domain}
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func cmrConcept(name string, t xbrl.ItemType) *xbrl.Concept {
	return &xbrl.Concept{Prefix: "cmr", Name: name, Namespace: cmrNS, Type: t, PeriodType: xbrl.Duration}
}

// text is a non-numeric fact read at line:col of sd.txt; members are
// facility numbers on cmr:FacilityAxis.
func text(c *xbrl.Concept, member, value string, line, col int) *xbrl.Fact {
	f := &xbrl.Fact{Concept: c, Period: fy2014, Text: value, Source: source.Pos{File: "sd.txt", Line: line, Col: col}}
	if member != "" {
		f.Dims = []xbrl.Member{{Axis: facilityAxis, Typed: member}}
	}
	f.ID = strings.ReplaceAll(c.QName(), ":", "_") + "_" + f.ContextID()
	return f
}

func number(c *xbrl.Concept, value string, dec int, unit *xbrl.Unit, line int) *xbrl.Fact {
	f := text(c, "", "", line, 1)
	f.Value, f.Decimals, f.Unit = decimal.MustParse(value), dec, unit
	return f
}

func onFacility(f *xbrl.Fact, member string) *xbrl.Fact {
	f.Dims = []xbrl.Member{{Axis: facilityAxis, Typed: member}}
	return f
}

// listReport is a small conflict minerals report: three facilities,
// listed out of numeric order, one with a country; a country of origin;
// and two facts in no list.
func listReport() *xbrl.Report {
	pure := xbrl.PureUnit
	rep := &xbrl.Report{
		Entity:   xbrl.Entity{Scheme: xbrl.SECScheme, ID: "0001138639"},
		Taxonomy: xbrl.Taxonomy{Prefix: "sd", Schema: "sd.xsd"},
		Concepts: []*xbrl.Concept{countryName, metal, country, smelterCount, smelterName, docType},
		Units:    []*xbrl.Unit{&pure},
		Facts: []*xbrl.Fact{
			text(docType, "", "SD", 1, 1),
			text(metal, "2", "Gold", 10, 5),
			text(smelterName, "2", "Cendres + Métaux SA", 10, 14),
			text(metal, "10", "Tin", 11, 5),
			text(smelterName, "10", "#1 Refinery", 11, 14),
			text(country, "10", `"Nowhere", Land`, 11, 40),
			text(metal, "1", "Tin", 12, 5),
			text(smelterName, "1", "Yunnan Tin Company, Ltd.", 12, 14),
			number(smelterCount, "3", xbrl.DecimalsINF, &pure, 9),
			text(countryName, "", "Côte d'Ivoire", 20, 1),
		},
		Provenance: xbrl.Provenance{Source: "sd.txt", Generator: "xport"},
	}
	rep.Facts[len(rep.Facts)-1].Dims = []xbrl.Member{{Axis: countryAxis, Typed: "1"}}
	return rep
}

func csvFiles(t *testing.T, rep *xbrl.Report) map[string]string {
	t.Helper()
	files, err := CSV(rep, "sd")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, f := range files {
		out[f.Name] = string(f.Data)
	}
	return out
}

// TestCSVTables checks every table of the sample, byte for byte: RFC
// 4180 quoting (comma, quotes), UTF-8 accents, "#" escaped, members in
// numeric order, an empty cell where a facility has no country, the
// source of each row's first fact.
func TestCSVTables(t *testing.T) {
	got := csvFiles(t, listReport())
	for name, want := range map[string]string{
		"sd-facility.csv": "FacilityAxis,SmelterMetal,SmelterName,SmelterCountry,source\r\n" +
			"1,Tin,\"Yunnan Tin Company, Ltd.\",,sd.txt:12:5\r\n" +
			"2,Gold,Cendres + Métaux SA,,sd.txt:10:5\r\n" +
			"10,Tin,##1 Refinery,\"\"\"Nowhere\"\", Land\",sd.txt:11:5\r\n",
		"sd-country-of-origin.csv": "CountryOfOriginAxis,CountryOfOriginName,source\r\n" +
			"1,Côte d'Ivoire,sd.txt:20:1\r\n",
		"sd-facts.csv": "concept,value,source\r\n" +
			"dei:DocumentType,SD,sd.txt:1:1\r\n" +
			"cmr:SmelterCount,3,sd.txt:9:1\r\n",
	} {
		if got[name] != want {
			t.Errorf("%s:\n%s\nwant\n%s", name, got[name], want)
		}
	}
	if len(got) != 4 || got["sd-csv.json"] == "" {
		t.Errorf("files %v, want sd-csv.json and 3 tables", keys(got))
	}
}

func keys(m map[string]string) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	return ks
}

// TestCSVReadBack reads the facility table with an RFC 4180 reader and
// finds every value as the facts hold it.
func TestCSVReadBack(t *testing.T) {
	rep := listReport()
	rows, err := csv.NewReader(strings.NewReader(csvFiles(t, rep)["sd-facility.csv"])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	row := map[string][]string{}
	for _, r := range rows[1:] {
		row[r[col["FacilityAxis"]]] = r
	}
	for _, f := range rep.Facts {
		if len(f.Dims) == 0 || f.Dims[0].Axis != facilityAxis {
			continue
		}
		got := strings.TrimPrefix(row[f.Dims[0].Typed][col[f.Concept.Name]], "#") // "##1" is "#1"
		if got != f.Text {
			t.Errorf("facility %s %s: got %q, want %q", f.Dims[0].Typed, f.Concept.Name, got, f.Text)
		}
	}
}

// TestCSVMetadata checks the metadata: documentInfo, the entity as a
// report dimension, a template per table binding the typed axis to its
// member column, and the tables' files.
func TestCSVMetadata(t *testing.T) {
	var got map[string]any
	if err := json.Unmarshal([]byte(csvFiles(t, listReport())["sd-csv.json"]), &got); err != nil {
		t.Fatal(err)
	}
	info, _ := got["documentInfo"].(map[string]any)
	ns, _ := info["namespaces"].(map[string]any)
	if info["documentType"] != "https://xbrl.org/2021/xbrl-csv" || ns["cmr"] != cmrNS || ns["cik"] != xbrl.SECScheme ||
		ns["xport"] != ProvenanceNS || !reflect.DeepEqual(info["taxonomy"], []any{"sd.xsd"}) || info["xport:provenance"] == nil {
		t.Errorf("documentInfo %v", info)
	}
	const period = "2014-01-01T00:00:00/2015-01-01T00:00:00"
	var want map[string]any
	if err := json.Unmarshal([]byte(`{
		"dimensions": {"entity": "cik:0001138639"},
		"tableTemplates": {
			"facility": {
				"rowIdColumn": "FacilityAxis",
				"dimensions": {"cmr:FacilityAxis": "$FacilityAxis", "period": "`+period+`"},
				"columns": {
					"FacilityAxis": {},
					"SmelterMetal": {"dimensions": {"concept": "cmr:SmelterMetal"}},
					"SmelterName": {"dimensions": {"concept": "cmr:SmelterName"}},
					"SmelterCountry": {"dimensions": {"concept": "cmr:SmelterCountry"}},
					"source": {"comment": true}
				}
			},
			"country-of-origin": {
				"rowIdColumn": "CountryOfOriginAxis",
				"dimensions": {"cmr:CountryOfOriginAxis": "$CountryOfOriginAxis", "period": "`+period+`"},
				"columns": {
					"CountryOfOriginAxis": {},
					"CountryOfOriginName": {"dimensions": {"concept": "cmr:CountryOfOriginName"}},
					"source": {"comment": true}
				}
			},
			"facts": {
				"dimensions": {"period": "`+period+`"},
				"columns": {
					"concept": {},
					"value": {"dimensions": {"concept": "$concept"}},
					"source": {"comment": true}
				}
			}
		},
		"tables": {
			"facility": {"template": "facility", "url": "sd-facility.csv"},
			"country-of-origin": {"template": "country-of-origin", "url": "sd-country-of-origin.csv"},
			"facts": {"template": "facts", "url": "sd-facts.csv"}
		}
	}`), &want); err != nil {
		t.Fatal(err)
	}
	delete(got, "documentInfo")
	if !reflect.DeepEqual(got, want) {
		g, _ := json.MarshalIndent(got, "", "  ")
		t.Errorf("metadata:\n%s", g)
	}
}

// TestCSVLayouts checks what varies with the facts: a period column when
// a list spans periods, units and decimals of numeric facts, and the
// columns of the table of facts in no list.
func TestCSVLayouts(t *testing.T) {
	usd := xbrl.USD
	for _, tc := range []struct {
		name  string
		facts []*xbrl.Fact
		file  string
		want  string
		tmpl  string // the table's template, as JSON
	}{{
		name: "two periods",
		facts: []*xbrl.Fact{
			text(smelterName, "1", "A", 1, 1),
			withPeriod(text(smelterName, "1", "A2", 2, 1), fy2015),
			text(smelterName, "2", "B", 3, 1),
		},
		file: "sd-facility.csv",
		want: "FacilityAxis,period,SmelterName,source\r\n" +
			"1,2014-01-01T00:00:00/2015-01-01T00:00:00,A,sd.txt:1:1\r\n" +
			"1,2015-01-01T00:00:00/2016-01-01T00:00:00,A2,sd.txt:2:1\r\n" +
			"2,2014-01-01T00:00:00/2015-01-01T00:00:00,B,sd.txt:3:1\r\n",
		tmpl: `{"dimensions": {"cmr:FacilityAxis": "$FacilityAxis", "period": "$period"},
			"columns": {"FacilityAxis": {}, "period": {}, "SmelterName": {"dimensions": {"concept": "cmr:SmelterName"}}, "source": {"comment": true}}}`,
	}, {
		name: "numeric list",
		facts: []*xbrl.Fact{
			onFacility(number(tonnes, "1500000", -3, &usd, 4), "1"),
			onFacility(number(tonnes, "2.5", xbrl.DecimalsINF, &usd, 5), "2"),
		},
		file: "sd-facility.csv",
		want: "FacilityAxis,SmelterCapacity,source\r\n" +
			"1,1500000d-3,sd.txt:4:1\r\n" +
			"2,2.5,sd.txt:5:1\r\n",
		tmpl: `{"rowIdColumn": "FacilityAxis", "dimensions": {"cmr:FacilityAxis": "$FacilityAxis", "period": "2014-01-01T00:00:00/2015-01-01T00:00:00"},
			"columns": {"FacilityAxis": {}, "SmelterCapacity": {"dimensions": {"concept": "cmr:SmelterCapacity", "unit": "iso4217:USD"}}, "source": {"comment": true}}}`,
	}, {
		name: "member not a row identifier",
		facts: []*xbrl.Fact{
			text(smelterName, "2", "B", 1, 1),
			text(smelterName, "1.5", "A", 2, 1),
		},
		file: "sd-facility.csv",
		want: "FacilityAxis,SmelterName,source\r\n" +
			"1.5,A,sd.txt:2:1\r\n" +
			"2,B,sd.txt:1:1\r\n",
		tmpl: `{"dimensions": {"cmr:FacilityAxis": "$FacilityAxis", "period": "2014-01-01T00:00:00/2015-01-01T00:00:00"},
			"columns": {"FacilityAxis": {}, "SmelterName": {"dimensions": {"concept": "cmr:SmelterName"}}, "source": {"comment": true}}}`,
	}, {
		name: "facts in no list",
		facts: []*xbrl.Fact{
			text(smelterName, "1", "A", 1, 1),
			withPeriod(text(docType, "", "#", 2, 1), fy2015),
			onSegment(number(tonnes, "7", 0, &usd, 3)),
		},
		file: "sd-facts.csv",
		want: "concept,StatementBusinessSegmentsAxis,period,unit,value,source\r\n" +
			"dei:DocumentType,,2015-01-01T00:00:00/2016-01-01T00:00:00,,##,sd.txt:2:1\r\n" +
			"cmr:SmelterCapacity,us-gaap:ProductMember,2014-01-01T00:00:00/2015-01-01T00:00:00,iso4217:USD,7d0,sd.txt:3:1\r\n",
		tmpl: `{"dimensions": {"us-gaap:StatementBusinessSegmentsAxis": "$StatementBusinessSegmentsAxis", "period": "$period", "unit": "$unit"},
			"columns": {"concept": {}, "StatementBusinessSegmentsAxis": {}, "period": {}, "unit": {}, "value": {"dimensions": {"concept": "$concept"}}, "source": {"comment": true}}}`,
	}} {
		t.Run(tc.name, func(t *testing.T) {
			rep := &xbrl.Report{Entity: xbrl.Entity{Scheme: xbrl.SECScheme, ID: "1"}, Facts: tc.facts}
			got := csvFiles(t, rep)
			if got[tc.file] != tc.want {
				t.Errorf("%s:\n%s\nwant\n%s", tc.file, got[tc.file], tc.want)
			}
			var meta struct {
				TableTemplates map[string]any `json:"tableTemplates"`
			}
			var want any
			if err := json.Unmarshal([]byte(got["sd-csv.json"]), &meta); err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal([]byte(tc.tmpl), &want); err != nil {
				t.Fatal(err)
			}
			id := strings.TrimSuffix(strings.TrimPrefix(tc.file, "sd-"), ".csv")
			if !reflect.DeepEqual(meta.TableTemplates[id], want) {
				g, _ := json.Marshal(meta.TableTemplates[id])
				t.Errorf("template %s: %s", id, g)
			}
		})
	}
}

func withPeriod(f *xbrl.Fact, p xbrl.Period) *xbrl.Fact {
	f.Period = p
	return f
}

func onSegment(f *xbrl.Fact) *xbrl.Fact {
	f.Dims = []xbrl.Member{{Axis: segmentAxis, Member: productsMbr}}
	return f
}

// TestCSVNone: a report without facts on a typed dimension, such as an
// earnings release, has no xBRL-CSV form.
func TestCSVNone(t *testing.T) {
	usd := xbrl.USD
	for name, facts := range map[string][]*xbrl.Fact{
		"no facts":      nil,
		"no dimensions": {text(docType, "", "10-K", 1, 1)},
		"explicit axis": {onSegment(number(tonnes, "7", 0, &usd, 3))},
	} {
		files, err := CSV(&xbrl.Report{Facts: facts}, "r")
		if files != nil || err != nil {
			t.Errorf("%s: got %d files, %v; want none", name, len(files), err)
		}
	}
}

// TestCSVRefuses: facts a table cannot hold are an error at the fact.
func TestCSVRefuses(t *testing.T) {
	usd, pure := xbrl.USD, xbrl.PureUnit
	for _, tc := range []struct {
		name  string
		facts []*xbrl.Fact
		at    string
		msg   string
	}{{
		name: "two units in a column",
		facts: []*xbrl.Fact{
			onFacility(number(tonnes, "1", 0, &usd, 4), "1"),
			onFacility(number(tonnes, "2", 0, &pure, 5), "2"),
		},
		at:  "sd.txt:5:1",
		msg: `its unit "" is not "iso4217:USD"`,
	}, {
		name: "two values in a cell",
		facts: []*xbrl.Fact{
			text(smelterName, "1", "A", 1, 1),
			text(smelterName, "1", "B", 2, 7),
		},
		at:  "sd.txt:2:7",
		msg: "a second cmr:SmelterName for cmr:FacilityAxis 1",
	}, {
		name:  "concept named like the member column",
		facts: []*xbrl.Fact{text(&xbrl.Concept{Prefix: "x", Name: "FacilityAxis", Type: xbrl.String}, "1", "A", 3, 2)},
		at:    "sd.txt:3:2",
		msg:   "two columns named FacilityAxis",
	}} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := CSV(&xbrl.Report{Facts: tc.facts}, "sd")
			var fe *FactError
			if !errors.As(err, &fe) || !errors.Is(err, ErrNotTabular) {
				t.Fatalf("got %v, want a FactError wrapping ErrNotTabular", err)
			}
			if fe.Pos.String() != tc.at || !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("got %q at %s, want %q at %s", err, fe.Pos, tc.msg, tc.at)
			}
		})
	}
}

// TestCSVDeterministic renders the sample many times: map iteration
// order must never show in the bytes.
func TestCSVDeterministic(t *testing.T) {
	first, err := CSV(listReport(), "sd")
	if err != nil {
		t.Fatal(err)
	}
	for range 20 {
		again, err := CSV(listReport(), "sd")
		if err != nil {
			t.Fatal(err)
		}
		if len(again) != len(first) {
			t.Fatalf("got %d files, then %d", len(first), len(again))
		}
		for i := range first {
			if first[i].Name != again[i].Name || !bytes.Equal(first[i].Data, again[i].Data) {
				t.Fatalf("%s differs between runs", first[i].Name)
			}
		}
	}
}

func TestKebab(t *testing.T) {
	for in, want := range map[string]string{
		"Facility":        "facility",
		"CountryOfOrigin": "country-of-origin",
		"ISOCode":         "iso-code",
		"Tier2Supplier":   "tier2-supplier",
		"Plant3Site":      "plant3-site",
		"X":               "x",
	} {
		if got := kebab(in); got != want {
			t.Errorf("kebab(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCompareTyped(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want int
	}{
		{"2", "10", -1},
		{"10", "9", 1},
		{"7", "7", 0},
		{"007", "7", -1}, // equal numbers: as text, so the order is total
		{"9", "a", -1},
		{"b", "a", 1},
	} {
		if got := compareTyped(tc.a, tc.b); got != tc.want {
			t.Errorf("compareTyped(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}

func ExampleCSV() {
	axis := &xbrl.Concept{Prefix: "cmr", Name: "FacilityAxis", Type: xbrl.Axis, TypedDomain: &xbrl.Concept{Prefix: "cmr", Name: "FacilityNumber"}}
	name := &xbrl.Concept{Prefix: "cmr", Name: "SmelterName", Type: xbrl.String}
	rep := &xbrl.Report{Entity: xbrl.Entity{Scheme: xbrl.SECScheme, ID: "0001138639"}}
	for i, s := range []string{"Cendres + Métaux SA", "Yunnan Tin Company, Ltd."} {
		rep.Facts = append(rep.Facts, &xbrl.Fact{Concept: name, Period: fy2014, Text: s,
			Dims:   []xbrl.Member{{Axis: axis, Typed: fmt.Sprint(i + 1)}},
			Source: source.Pos{File: "sd.txt", Line: 157 + i, Col: 6}})
	}
	files, err := CSV(rep, "sd")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range files[1:] {
		fmt.Printf("%s:\n%s", f.Name, strings.ReplaceAll(string(f.Data), "\r\n", "\n"))
	}
	// Output:
	// sd-facility.csv:
	// FacilityAxis,SmelterName,source
	// 1,Cendres + Métaux SA,sd.txt:157:6
	// 2,"Yunnan Tin Company, Ltd.",sd.txt:158:6
}
