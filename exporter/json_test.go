package exporter

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/xport/xport/source"
	"github.com/xport/xport/xbrl"
)

// TestDimensionsAsEncodingJSON checks the hand-written dimensions object
// against what encoding/json writes for the same map: keys sorted, every
// string escaped the same way.
func TestDimensionsAsEncodingJSON(t *testing.T) {
	for _, d := range []JSONDimensions{
		{Concept: "us-gaap:Revenues", Entity: "cik:0001138639", Period: "2012-09-30T00:00:00/2012-12-30T00:00:00", Unit: "iso4217:USD"},
		{Concept: "dei:EntityRegistrantName", Entity: "scheme:AT&T <Inc> \"quoted\" back\\slash\ttab", Period: "2013-01-01T00:00:00"},
		{Concept: "x:Y", Entity: "scheme:Société Générale \u2028", Period: "p", Taxonomy: map[string]string{"srt:ProductOrServiceAxis": "us-gaap:ServiceMember", "a:B": "1", "z:Z": "z:M"}},
	} {
		m := map[string]string{"concept": d.Concept, "entity": d.Entity, "period": d.Period}
		if d.Unit != "" {
			m["unit"] = d.Unit
		}
		for k, v := range d.Taxonomy {
			m[k] = v
		}
		want, err := json.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		got, err := d.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != string(want) {
			t.Errorf("got  %s\nwant %s", got, want)
		}
	}
}

// viaEncodingJSON renders rep as JSON rendered it through encoding/json.
func viaEncodingJSON(t *testing.T, rep *xbrl.Report) string {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(NewJSONReport(rep)); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// JSON writes the facts itself; it writes what encoding/json writes for
// the Go types the JSON Schema is generated from.
func TestJSONAsEncodingJSON(t *testing.T) {
	odd := listReport()
	odd.Facts = append(odd.Facts,
		text(smelterName, "3", "AT&T <Inc> \"quoted\" back\\slash\ttab\nline \x01 \u2028 \xff", 30, 1),
		number(tonnes, "-12.5", 1, &xbrl.USD, 31),
		number(tonnes, "7", -3, &xbrl.USD, 32))
	dup := text(docType, "", "SD again", 2, 1) // an id twice: the last one, as in a map
	odd.Facts = append(odd.Facts, dup)
	odd.Provenance.Notes = []xbrl.Note{{Pos: source.Pos{File: "sd.txt", Line: 3, Col: 1}, Text: "a <note> & \"quote\""}}
	for name, rep := range map[string]*xbrl.Report{
		"list":  listReport(),
		"odd":   odd,
		"empty": {Entity: xbrl.Entity{Scheme: xbrl.SECScheme, ID: "1"}, Provenance: xbrl.Provenance{Source: "x.txt"}},
	} {
		got, err := JSON(rep)
		if err != nil {
			t.Fatal(err)
		}
		if want := viaEncodingJSON(t, rep); string(got) != want {
			t.Errorf("%s:\ngot  %s\nwant %s", name, got, want)
		}
	}
}
