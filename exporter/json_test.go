package exporter

import (
	"encoding/json"
	"testing"
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
