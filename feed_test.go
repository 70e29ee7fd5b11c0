package xport

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

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
			n, labelled, shown := 0, 0, 0
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
					ID, Concept, Label, Value, Entity, Unit, Source string
					Instant, PeriodStart, PeriodEnd                 string
					Statement, Role                                 string
					Decimals                                        *int
					Dimensions                                      map[string]string
				}
				if err := json.Unmarshal(sc.Bytes(), &line); err != nil {
					t.Fatal(err)
				}
				jf, ok := doc.Facts[line.ID]
				switch {
				case !ok:
					t.Errorf("line %d: fact %s is not in the xBRL-JSON", n, line.ID)
				case jf.Value != line.Value || feedPeriodAsOIM(t, line.Instant, line.PeriodStart, line.PeriodEnd) != jf.Dimensions["period"] || jf.Dimensions["concept"] != line.Concept ||
					jf.Dimensions["unit"] != line.Unit || (jf.Decimals == nil) != (line.Decimals == nil) ||
					line.Entity != "0001138639" || line.Source == "":
					t.Errorf("line %d: %+v differs from the xBRL-JSON fact %+v", n, line, jf)
				}
				if line.Label != "" {
					labelled++
				}
				if line.Statement != "" && strings.HasPrefix(line.Role, "urn:") {
					shown++
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
			if labelled != n || shown < n*9/10 {
				t.Errorf("%d of %d lines have a label, %d a statement", labelled, n, shown)
			}
			if n != len(doc.Facts) {
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
		{[]string{FormatIXBRL}, "s.html s.xsd s_lab.xml s_pre.xml s_cal.xml s_def.xml"},
		{nil, "s.xbrl s.json s.jsonl s.html s.xsd s_lab.xml s_pre.xml s_cal.xml s_def.xml"},
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

// feedPeriodAsOIM writes a feed line's inclusive dates as xBRL-JSON writes the
// period: an instant, or the end, at the start of the next day.
func feedPeriodAsOIM(t *testing.T, instant, start, end string) string {
	t.Helper()
	next := func(d string) string {
		day, err := time.Parse(time.DateOnly, d)
		if err != nil {
			t.Fatalf("%q is not a date: %v", d, err)
		}
		return day.AddDate(0, 0, 1).Format("2006-01-02T15:04:05")
	}
	if instant != "" {
		return next(instant)
	}
	return start + "T00:00:00/" + next(end)
}

// TestFeedDates: a balance "as of December 29, 2012" is that date in the
// feed, as printed, and the quarter ended then ends that day.
func TestFeedDates(t *testing.T) {
	res := convertFile(t, sample, Options{CIK: "1138639"})
	for _, want := range []string{
		`"id":"us-gaap_CashAndCashEquivalentsAtCarryingValue_I20121229",`, `"instant":"2012-12-29"`,
		`"id":"us-gaap_Revenues_D20120930_20121229",`, `"periodStart":"2012-09-30","periodEnd":"2012-12-29"`,
	} {
		if !bytes.Contains(file(t, res, "infinera-q4-2012.jsonl"), []byte(want)) {
			t.Errorf("the feed has no %s", want)
		}
	}
}

// TestFeedSchemaDescribed: the feed's JSON Schema describes every field,
// so that xport schema json --document jsonl documents the feed.
func TestFeedSchemaDescribed(t *testing.T) {
	b, err := schema.DocumentSchema("jsonl")
	if err != nil {
		t.Fatal(err)
	}
	var s struct {
		Defs map[string]struct {
			Properties map[string]struct {
				Description string `json:"description"`
			} `json:"properties"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal(b, &s); err != nil {
		t.Fatal(err)
	}
	props := s.Defs["FeedFact"].Properties
	if len(props) < 18 {
		t.Fatalf("%d properties", len(props))
	}
	for name, p := range props {
		if len(p.Description) < 20 {
			t.Errorf("%s is not described: %q", name, p.Description)
		}
	}
}
