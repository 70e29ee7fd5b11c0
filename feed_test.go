package xport

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v5"

	"github.com/xport/xport/schema"
)

// TestFactFeed checks the fact feed of both samples: one line per fact,
// each valid against the JSON Schema generated from exporter.FeedFact,
// with the same value, period and dimensions as the xBRL-JSON fact of
// the same id.
func TestFactFeed(t *testing.T) {
	b, err := schema.DocumentSchema("jsonl")
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("jsonl", bytes.NewReader(b)); err != nil {
		t.Fatal(err)
	}
	lineSchema, err := c.Compile("jsonl")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ path, name string }{
		{sample, "infinera-q4-2012"},
		{sdSample, "infinera-sd-2014"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := convertFile(t, tt.path, Options{CIK: "1138639"})
			var doc struct {
				Facts map[string]struct {
					Value      string            `json:"value"`
					Decimals   *int              `json:"decimals"`
					Dimensions map[string]string `json:"dimensions"`
				} `json:"facts"`
			}
			if err := json.Unmarshal(file(t, res, tt.name+".json"), &doc); err != nil {
				t.Fatal(err)
			}
			sc := bufio.NewScanner(bytes.NewReader(file(t, res, tt.name+".jsonl")))
			sc.Buffer(nil, 1<<20)
			n := 0
			for sc.Scan() {
				n++
				var v any
				if err := json.Unmarshal(sc.Bytes(), &v); err != nil {
					t.Fatalf("line %d: %v", n, err)
				}
				if err := lineSchema.Validate(v); err != nil {
					t.Fatalf("line %d does not match the feed's schema: %v", n, err)
				}
				var line struct {
					ID, Concept, Value, Period, Entity, Unit, Source string
					Decimals                                         *int
					Dimensions                                       map[string]string
				}
				if err := json.Unmarshal(sc.Bytes(), &line); err != nil {
					t.Fatal(err)
				}
				jf, ok := doc.Facts[line.ID]
				switch {
				case !ok:
					t.Errorf("line %d: fact %s is not in the xBRL-JSON", n, line.ID)
				case jf.Value != line.Value || jf.Dimensions["period"] != line.Period || jf.Dimensions["concept"] != line.Concept ||
					jf.Dimensions["unit"] != line.Unit || (jf.Decimals == nil) != (line.Decimals == nil) ||
					line.Entity != "0001138639" || line.Source == "":
					t.Errorf("line %d: %+v differs from the xBRL-JSON fact %+v", n, line, jf)
				}
				for axis, member := range line.Dimensions {
					if jf.Dimensions[axis] != member {
						t.Errorf("line %d: %s = %s, xBRL-JSON has %s", n, axis, member, jf.Dimensions[axis])
					}
				}
			}
			if n != len(doc.Facts) || n != len(res.Report.Facts) {
				t.Errorf("%d lines for %d facts", n, len(doc.Facts))
			}
		})
	}
}

// TestFormatsRenderOnlyWhatIsChosen: Options.Formats limits what Convert
// renders; the taxonomy comes with the formats that reference it.
func TestFormatsRenderOnlyWhatIsChosen(t *testing.T) {
	tests := []struct {
		formats []string
		want    string
	}{
		{[]string{FormatJSONL}, "s.jsonl"},
		{[]string{FormatXBRL}, "s.xbrl s.xsd s_lab.xml s_pre.xml s_cal.xml s_def.xml"},
		{[]string{FormatJSON, FormatJSONL}, "s.json s.jsonl s.xsd s_lab.xml s_pre.xml s_cal.xml s_def.xml"},
		{nil, "s.xbrl s.json s.jsonl s.xsd s_lab.xml s_pre.xml s_cal.xml s_def.xml"},
	}
	data, err := os.ReadFile("testdata/infinera-q4-2012.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		res, err := Convert("s.txt", bytes.NewReader(data), Options{CIK: "1138639", Formats: tt.formats})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, f := range res.Files {
			got = append(got, f.Name)
		}
		if strings.Join(got, " ") != tt.want {
			t.Errorf("Formats %v: files %v, want %s", tt.formats, got, tt.want)
		}
	}
}
