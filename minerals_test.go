package xport

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/beevik/etree"
	"github.com/santhosh-tekuri/jsonschema/v5"

	"github.com/xport/xport/schema"
	"github.com/xport/xport/source"
	"github.com/xport/xport/xbrl"
)

const sdSample = "testdata/infinera-sd-2014.txt"

// facility is one smelter list entry as an output states it.
type facility struct{ metal, name, mark string }

// TestConflictMineralsOutputs converts the Form SD sample and reads the
// smelter list back from the instance XML, the xBRL-JSON and the
// xBRL-CSV facility table: each holds every facility with its metal and
// mark (counted per metal, the hard cases found by name); the JSON also
// the cover page and determination.
func TestConflictMineralsOutputs(t *testing.T) {
	res := convertFile(t, sdSample, Options{CIK: "1138639"})
	if !res.Valid() {
		t.Fatalf("invalid: %v", res.Diagnostics)
	}
	fromXML := xmlFacilities(t, file(t, res, "infinera-sd-2014.xbrl"))
	fromJSON, plain := jsonFacilities(t, file(t, res, "infinera-sd-2014.json"))
	fromCSV := csvFacilities(t, file(t, res, "infinera-sd-2014-facility.csv"))
	for _, out := range []struct {
		name string
		fs   map[string]*facility
	}{{"XML", fromXML}, {"JSON", fromJSON}, {"CSV", fromCSV}} {
		t.Run(out.name, func(t *testing.T) {
			counts := map[string]int{}
			marked := 0
			byName := map[string]*facility{}
			for _, f := range out.fs {
				counts[f.metal]++
				if f.mark == "true" {
					marked++
				}
				byName[f.name] = f
			}
			want := map[string]int{"Gold": 108, "Tantalum": 39, "Tin": 68, "Tungsten": 33}
			for m, n := range want {
				if counts[m] != n {
					t.Errorf("%s: %d facilities, want %d", m, counts[m], n)
				}
			}
			if len(out.fs) != 248 || marked != 181 {
				t.Errorf("%d facilities, %d marked; want 248, 181", len(out.fs), marked)
			}
			for _, h := range []facility{
				{"Tantalum", "H.C. Starck Hermsdorf GmbH", "true"},
				{"Tantalum", "Hi-Temp", "true"},
				{"Tin", "CV United Smelting", "true"},
				{"Tin", "CV Gita Pesona", "false"},
				{"Tin", "PT Koba Tin", "false"},
				{"Tin", "PT Timeh (Parsers) This", "true"},
				{"Gold", "Cendres + Métaux SA", "true"},
			} {
				if f := byName[h.name]; f == nil || *f != h {
					t.Errorf("%q: got %+v, want %+v", h.name, f, h)
				}
			}
		})
	}
	for concept, want := range map[string]string{
		"dei:EntityRegistrantName":                "Infinera Corporation",
		"dei:DocumentType":                        "SD",
		"dei:EntityIncorporationStateCountryCode": "DE",
		"dei:EntityFileNumber":                    "001-33486",
		"cmr:ConflictMineralsDetermination":       "DRC conflict undeterminable",
		"cmr:GoldSmelterCount":                    "108",
		"cmr:SmelterCount":                        "248",
		"cmr:SignerName":                          "Brad Feller",
	} {
		if plain[concept] != want {
			t.Errorf("%s = %q, want %q", concept, plain[concept], want)
		}
	}
}

// xmlFacilities reads the facilities of an instance: the facts of each
// cmr:FacilityAxis context.
func xmlFacilities(t *testing.T, data []byte) map[string]*facility {
	t.Helper()
	doc := etree.NewDocument()
	if err := doc.ReadFromBytes(data); err != nil {
		t.Fatal(err)
	}
	member := map[string]string{} // context id → facility number
	for _, ctx := range doc.FindElements("//xbrli:context") {
		if tm := ctx.FindElement(".//xbrldi:typedMember[@dimension='cmr:FacilityAxis']"); tm != nil && len(tm.ChildElements()) == 1 {
			member[ctx.SelectAttrValue("id", "")] = tm.ChildElements()[0].Text()
		}
	}
	out := map[string]*facility{}
	for _, el := range doc.Root().ChildElements() {
		n, ok := member[el.SelectAttrValue("contextRef", "")]
		if !ok {
			continue
		}
		setField(out, n, el.FullTag(), el.Text())
	}
	return out
}

// jsonFacilities reads the facilities of an xBRL-JSON report, and the
// values of the facts without taxonomy-defined dimensions by concept.
func jsonFacilities(t *testing.T, data []byte) (map[string]*facility, map[string]string) {
	t.Helper()
	var doc struct {
		Facts map[string]struct {
			Value      string            `json:"value"`
			Dimensions map[string]string `json:"dimensions"`
		} `json:"facts"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	out := map[string]*facility{}
	plain := map[string]string{}
	for _, f := range doc.Facts {
		if n, ok := f.Dimensions["cmr:FacilityAxis"]; ok {
			setField(out, n, f.Dimensions["concept"], f.Value)
		} else if len(f.Dimensions) <= 4 {
			plain[f.Dimensions["concept"]] = f.Value
		}
	}
	return out, plain
}

// csvFacilities reads the facilities of an xBRL-CSV facility table: a
// row each, the member in column FacilityAxis, a column per concept.
func csvFacilities(t *testing.T, data []byte) map[string]*facility {
	t.Helper()
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) == 0 || rows[0][0] != "FacilityAxis" {
		t.Fatalf("header %v, want FacilityAxis first", rows)
	}
	out := map[string]*facility{}
	for _, r := range rows[1:] {
		for i, col := range rows[0] {
			setField(out, r[0], "cmr:"+col, r[i])
		}
	}
	return out
}

func setField(out map[string]*facility, n, concept, value string) {
	f := out[n]
	if f == nil {
		f = &facility{}
		out[n] = f
	}
	switch strings.TrimPrefix(concept, "cmr:") {
	case "SmelterMetal":
		f.metal = value
	case "SmelterName":
		f.name = value
	case "SmelterConflictFreeMark":
		f.mark = value
	}
}

// TestTemplateLayoutOutputs converts the report in the reporting
// template's layout: every facility has its identification number and
// country in the xBRL-JSON, and the cover's zip and area codes are dei
// facts.
func TestTemplateLayoutOutputs(t *testing.T) {
	res := convertFile(t, "testdata/minerals/northwind-sd-2016.txt", Options{})
	if !res.Valid() {
		t.Fatalf("invalid: %v", res.Diagnostics)
	}
	var doc struct {
		Facts map[string]struct {
			Value      string            `json:"value"`
			Dimensions map[string]string `json:"dimensions"`
		} `json:"facts"`
	}
	if err := json.Unmarshal(file(t, res, "northwind-sd-2016.json"), &doc); err != nil {
		t.Fatal(err)
	}
	ids, countries := map[string]string{}, map[string]string{}
	plain := map[string]string{}
	for _, f := range doc.Facts {
		n := f.Dimensions["cmr:FacilityAxis"]
		switch f.Dimensions["concept"] {
		case "cmr:SmelterIdentificationNumber":
			ids[n] = f.Value
		case "cmr:SmelterCountry":
			countries[n] = f.Value
		default:
			if n == "" {
				plain[f.Dimensions["concept"]] = f.Value
			}
		}
	}
	if len(ids) != 11 || ids["4"] != "CID900004" || countries["4"] != "Switzerland" || countries["11"] != "China" {
		t.Errorf("ids %v, countries %v", ids, countries)
	}
	for concept, want := range map[string]string{
		"dei:EntityAddressPostalZipCode":             "44114",
		"dei:CityAreaCode":                           "216",
		"dei:LocalPhoneNumber":                       "555-0142",
		"dei:EntityIncorporationStateCountryCode":    "OH",
		"cmr:ConflictMineralsDetermination":          "DRC conflict free",
		"cmr:IndependentPrivateSectorAuditPerformed": "true",
		"cmr:MarkedSmelterCount":                     "9",
	} {
		if plain[concept] != want {
			t.Errorf("%s = %q, want %q", concept, plain[concept], want)
		}
	}
}

// TestEmitCSVRefusal: a list xBRL-CSV cannot hold (here a facility
// with two names) is an error at the offending fact, and nothing is
// emitted.
func TestEmitCSVRefusal(t *testing.T) {
	rep := convertFile(t, sdSample, Options{CIK: "1138639"}).Report
	var second xbrl.Fact
	for _, f := range rep.Facts {
		if f.Concept.QName() == "cmr:SmelterName" && f.Dims[0].Typed == "17" {
			second = *f
		}
	}
	second.Text, second.Source = "Another Name", source.Pos{File: "infinera-sd-2014.txt", Line: 999, Col: 3}
	rep.Facts = append(rep.Facts, &second)
	res := &Result{Report: rep}
	res.emit("infinera-sd-2014", nil)
	if len(res.Diagnostics) != 1 || res.Files != nil {
		t.Fatalf("got %v and %d files, want one error and none", res.Diagnostics, len(res.Files))
	}
	d := res.Diagnostics[0]
	if d.Code != "xport.emit:csv" || d.Pos != second.Source || !strings.Contains(d.Message, "a second cmr:SmelterName for cmr:FacilityAxis 17") {
		t.Errorf("got %s: %s [%s], want it at %s", d.Pos, d.Message, d.Code, second.Source)
	}
}

// TestCSVMetadataMatchesSchema checks the xBRL-CSV metadata xport writes
// against the JSON Schema generated from its Go type, and that the schema
// rejects metadata of another document type.
func TestCSVMetadataMatchesSchema(t *testing.T) {
	res := convertFile(t, sdSample, Options{CIK: "1138639"})
	b, err := schema.DocumentSchema("xbrl-csv")
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("xbrl-csv", bytes.NewReader(b)); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("xbrl-csv")
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(file(t, res, "infinera-sd-2014-csv.json"), &doc); err != nil {
		t.Fatal(err)
	}
	if err := s.Validate(doc); err != nil {
		t.Errorf("metadata does not match its schema: %v", err)
	}
	delete(doc, "tables")
	if err := s.Validate(doc); err == nil {
		t.Error("the schema accepts metadata without tables")
	}
}

// TestLayoutOutputs converts the reports of testdata/minerals laid out
// unlike the sample: every facility of the list becomes its facts, with
// the status as printed and as the taxonomy's enumeration, and the
// country's ISO code.
func TestLayoutOutputs(t *testing.T) {
	for _, tt := range []struct {
		file       string
		facilities int
		facility   int               // one of them, by its number in the list
		want       map[string]string // its facts, typed from the report
	}{
		{"harbor-sd-2019.txt", 17, 4, map[string]string{ // line 52-53
			"cmr:SmelterName": "Inner Mongolia Qiankun Gold and Silver Refinery Share Co., Ltd.", "cmr:SmelterMetal": "Gold",
			"cmr:SmelterIdentificationNumber": "CID000801", "cmr:SmelterCountry": "China", "cmr:SmelterCountryCode": "CN",
			"cmr:SmelterStatus": "Active", "cmr:SmelterStatusAsPrinted": "Active", "cmr:SmelterConflictFreeMark": "true"}},
		{"granite-sd-2021.txt", 19, 15, map[string]string{ // line 77
			"cmr:SmelterName": "Chongyi Zhangyuan Tungsten Co., Ltd.", "cmr:SmelterMetal": "Tungsten",
			"cmr:SmelterIdentificationNumber": "CID000258", "cmr:SmelterCountry": "China", "cmr:SmelterCountryCode": "CN",
			"cmr:SmelterConflictFreeMark": "false"}},
		{"lumen-sd-2018.txt", 16, 15, map[string]string{ // line 47
			"cmr:SmelterName": "L'azurde Company For Jewelry", "cmr:SmelterMetal": "Gold",
			"cmr:SmelterIdentificationNumber": "CID001032", "cmr:SmelterCountry": "Saudi Arabia", "cmr:SmelterCountryCode": "SA",
			"cmr:SmelterStatus": "Not Conformant", "cmr:SmelterStatusAsPrinted": "N", "cmr:SmelterConflictFreeMark": "false"}},
	} {
		t.Run(tt.file, func(t *testing.T) {
			res := convertFile(t, filepath.Join("testdata", "minerals", tt.file), Options{MinMapped: 90})
			if !res.Valid() {
				t.Fatalf("invalid: %v", res.Diagnostics)
			}
			var doc struct {
				Facts map[string]struct {
					Value      string            `json:"value"`
					Dimensions map[string]string `json:"dimensions"`
				} `json:"facts"`
			}
			if err := json.Unmarshal(file(t, res, strings.TrimSuffix(tt.file, ".txt")+".json"), &doc); err != nil {
				t.Fatal(err)
			}
			got := map[string]string{}
			names := 0
			for _, f := range doc.Facts {
				c := f.Dimensions["concept"]
				if c == "cmr:SmelterName" {
					names++
				}
				if f.Dimensions["cmr:FacilityAxis"] == strconv.Itoa(tt.facility) {
					got[c] = f.Value
				}
			}
			if names != tt.facilities {
				t.Errorf("%d facilities, want %d", names, tt.facilities)
			}
			for c, want := range tt.want {
				if got[c] != want {
					t.Errorf("facility %d: %s = %q, want %q", tt.facility, c, got[c], want)
				}
			}
			if _, ok := tt.want["cmr:SmelterStatus"]; !ok && got["cmr:SmelterStatus"] != "" {
				t.Errorf("a status where the list has none: %q", got["cmr:SmelterStatus"])
			}
		})
	}
}

// TestNoSmelters: a report that speaks of smelters but gives no list
// xport can read fails under --min-mapped, and says why.
func TestNoSmelters(t *testing.T) {
	text := "FORM SD\nConflict minerals report under Rule 13p-1 for the reporting period from January 1 to December 31, 2020.\n" +
		"Our suppliers named 212 smelters and refiners, listed in Annex A (not attached).\n"
	res, err := Convert("annex.txt", strings.NewReader(text), Options{MinMapped: 50})
	if err != nil {
		t.Fatal(err)
	}
	if res.Valid() || !slices.ContainsFunc(res.Diagnostics, func(d source.Diagnostic) bool { return d.Code == "convert.noSmelters" }) {
		t.Errorf("no failure: %v", res.Diagnostics)
	}
	res, err = Convert("annex.txt", strings.NewReader(text), Options{})
	if err != nil || !res.Valid() {
		t.Errorf("without --min-mapped the report converts, with its warning: %v %v", err, res.Diagnostics)
	}
}
