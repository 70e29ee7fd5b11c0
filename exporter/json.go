package exporter

import (
	"bytes"
	"encoding/json"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/invopop/jsonschema"

	"github.com/xport/xport/xbrl"
)

// DocumentType is the xBRL-JSON document type URI xport writes.
const DocumentType = "https://xbrl.org/2021/xbrl-json"

// ProvenanceNS is the namespace of xport's extension properties.
const ProvenanceNS = "urn:xport:provenance"

// JSONReport is an xBRL-JSON report as xport writes it.
type JSONReport struct {
	DocumentInfo JSONDocumentInfo    `json:"documentInfo"`
	Facts        map[string]JSONFact `json:"facts" jsonschema_description:"Facts by id; ids are the same as in the XBRL 2.1 instance."`
}

// JSONDocumentInfo is the documentInfo object of an xBRL-JSON report.
type JSONDocumentInfo struct {
	DocumentType string            `json:"documentType" jsonschema:"enum=https://xbrl.org/2021/xbrl-json"`
	Namespaces   map[string]string `json:"namespaces" jsonschema_description:"Prefixes used by SQName values, mapped to namespace URIs."`
	Taxonomy     []string          `json:"taxonomy" jsonschema:"minItems=1"`
	Provenance   *JSONProvenance   `json:"xport:provenance,omitempty" jsonschema_description:"Extension property (urn:xport:provenance): where the report came from and how xport decided what the source did not state."`
}

// JSONProvenance says where a report came from.
type JSONProvenance struct {
	Source    string     `json:"source" jsonschema_description:"Name of the source document."`
	SHA256    string     `json:"sha256,omitempty" jsonschema:"pattern=^[0-9a-f]{64}$"`
	Generator string     `json:"generator"`
	Notes     []JSONNote `json:"notes,omitempty"`
}

// JSONNote is one decision xport made, at the place in the source it
// concerns.
type JSONNote struct {
	Source string `json:"source" jsonschema_description:"file:line:column in the source document."`
	Text   string `json:"text"`
}

// JSONFact is one fact of an xBRL-JSON report.
type JSONFact struct {
	Value      string         `json:"value"`
	Decimals   *int           `json:"decimals,omitempty"`
	Dimensions JSONDimensions `json:"dimensions"`
	Source     string         `json:"xport:source,omitempty" jsonschema_description:"Extension property (urn:xport:provenance): file:line:column of the printed figure; then separated by spaces the other places the same figure is printed."`
}

// JSONDimensions are a fact's core dimensions and, in Taxonomy, its
// taxonomy-defined dimensions: axis SQName to member SQName (explicit)
// or to the member's value (typed).
type JSONDimensions struct {
	Concept  string            `json:"concept" jsonschema:"pattern=^[A-Za-z_][A-Za-z0-9_.-]*:[A-Za-z_][A-Za-z0-9_.-]*$"`
	Entity   string            `json:"entity" jsonschema:"pattern=^[A-Za-z_][A-Za-z0-9_.-]*:.+$"`
	Period   string            `json:"period" jsonschema:"pattern=^\\d{4}-\\d{2}-\\d{2}T00:00:00(/\\d{4}-\\d{2}-\\d{2}T00:00:00)?$"`
	Unit     string            `json:"unit,omitempty" jsonschema:"pattern=^[A-Za-z_][A-Za-z0-9_.-]*:[A-Za-z_][A-Za-z0-9_.-]*(/[A-Za-z_][A-Za-z0-9_.-]*:[A-Za-z_][A-Za-z0-9_.-]*)?$"`
	Taxonomy map[string]string `json:"-"`
}

// sqName is the pattern of an SQName such as us-gaap:CostOfSalesMember.
const sqName = `^[A-Za-z_][A-Za-z0-9_.-]*:[A-Za-z_][A-Za-z0-9_.-]*$`

// MarshalJSON writes the core dimensions and the taxonomy-defined ones in
// one object, keys sorted.
func (d JSONDimensions) MarshalJSON() ([]byte, error) {
	b := make([]byte, 0, 160)
	for i, kv := range d.sorted() {
		if i == 0 {
			b = append(b, '{')
		} else {
			b = append(b, ',')
		}
		b = appendJSONString(b, kv[0])
		b = append(b, ':')
		b = appendJSONString(b, kv[1])
	}
	return append(b, '}'), nil
}

// sorted returns the dimensions as key, value pairs sorted by key.
func (d JSONDimensions) sorted() [][2]string {
	dims := make([][2]string, 0, 4+len(d.Taxonomy))
	dims = append(dims, [2]string{"concept", d.Concept}, [2]string{"entity", d.Entity}, [2]string{"period", d.Period})
	if d.Unit != "" {
		dims = append(dims, [2]string{"unit", d.Unit})
	}
	for k, v := range d.Taxonomy {
		dims = append(dims, [2]string{k, v})
	}
	slices.SortFunc(dims, func(a, b [2]string) int { return strings.Compare(a[0], b[0]) })
	return dims
}

// appendJSONString appends s as encoding/json writes it: quoted, and
// escaped (HTML characters too) when it has to be.
func appendJSONString(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x80 || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			q, _ := json.Marshal(s)
			return append(b, q...)
		}
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

// JSONSchemaExtend lets the schema accept taxonomy-defined dimensions:
// any other property is an axis (an SQName) whose value is a member (an
// SQName, for an explicit dimension) or the typed member's value (for a
// typed dimension, xport's are positive integers); no other property is
// allowed. (Said with patternProperties rather than propertyNames, whose
// pattern would be an alternation that every key of every fact has to be
// matched against by backtracking.)
func (JSONDimensions) JSONSchemaExtend(s *jsonschema.Schema) {
	s.PatternProperties = map[string]*jsonschema.Schema{sqName: {Type: "string", Pattern: sqName + `|^[1-9][0-9]*$`}}
	s.AdditionalProperties = jsonschema.FalseSchema
}

// entityPrefix is the prefix xBRL-JSON entity values use for a scheme.
func entityPrefix(scheme string) string {
	if scheme == xbrl.SECScheme {
		return "cik"
	}
	return "scheme"
}

// oimEntity renders the entity as the OIM's entity dimension does:
// "cik:0001138639".
func oimEntity(e xbrl.Entity) string { return entityPrefix(e.Scheme) + ":" + e.ID }

// oimNamespaces returns the prefixes an OIM report (xBRL-JSON or
// xBRL-CSV) of rep declares: those of its concepts and units, the
// entity's scheme and xport's extension properties.
func oimNamespaces(rep *xbrl.Report) map[string]string {
	ns := rep.Namespaces()
	ns[entityPrefix(rep.Entity.Scheme)] = rep.Entity.Scheme
	ns["xport"] = ProvenanceNS
	if len(rep.Units) == 0 {
		delete(ns, "xbrli")
		delete(ns, "iso4217")
	}
	return ns
}

// OIMPeriod renders a period with the Open Information Model's end-of-day
// semantics.
func OIMPeriod(p xbrl.Period) string {
	end := p.End.AddDate(0, 0, 1).Format("2006-01-02T15:04:05")
	if p.Instant {
		return end
	}
	return p.Start.Format("2006-01-02T15:04:05") + "/" + end
}

// NewJSONReport builds the xBRL-JSON form of rep.
func NewJSONReport(rep *xbrl.Report) *JSONReport {
	out := &JSONReport{DocumentInfo: jsonDocumentInfo(rep), Facts: map[string]JSONFact{}}
	entity := oimEntity(rep.Entity)
	for _, f := range rep.Facts {
		out.Facts[f.ID] = jsonFact(f, entity)
	}
	return out
}

func jsonDocumentInfo(rep *xbrl.Report) JSONDocumentInfo {
	return JSONDocumentInfo{
		DocumentType: DocumentType,
		Namespaces:   oimNamespaces(rep),
		Taxonomy:     []string{rep.Taxonomy.Schema},
		Provenance:   jsonProvenance(rep.Provenance),
	}
}

// jsonFact renders one fact as xBRL-JSON writes it.
func jsonFact(f *xbrl.Fact, entity string) JSONFact {
	jf := JSONFact{
		Value: f.ValueString(),
		Dimensions: JSONDimensions{
			Concept: f.Concept.QName(),
			Entity:  entity,
			Period:  OIMPeriod(f.Period),
		},
		Source: SourceText(f),
	}
	if len(f.Dims) > 0 {
		jf.Dimensions.Taxonomy = map[string]string{}
		for _, d := range f.Dims {
			if d.Axis.TypedDomain != nil {
				jf.Dimensions.Taxonomy[d.Axis.QName()] = d.Typed // OIM: the typed member's value
				continue
			}
			jf.Dimensions.Taxonomy[d.Axis.QName()] = d.Member.QName()
		}
	}
	if f.Numeric() {
		if d := f.Decimals; d < xbrl.DecimalsINF { // OIM: no decimals is an exact value
			jf.Decimals = &d
		}
		if f.Unit.ID != xbrl.PureUnit.ID {
			// OIM: a pure fact has no unit dimension (xbrli:pure is implied).
			jf.Dimensions.Unit = f.Unit.String()
		}
	}
	return jf
}

func jsonProvenance(p xbrl.Provenance) *JSONProvenance {
	jp := &JSONProvenance{Source: p.Source, SHA256: p.SHA256, Generator: p.Generator}
	notes := append([]xbrl.Note(nil), p.Notes...)
	sort.SliceStable(notes, func(i, j int) bool { return notes[i].Pos.Before(notes[j].Pos) })
	for _, n := range notes {
		jp.Notes = append(jp.Notes, JSONNote{Source: n.Pos.String(), Text: n.Text})
	}
	return jp
}

// JSON renders rep as xBRL-JSON, indented two spaces, keys sorted. It
// writes what encoding/json writes for NewJSONReport(rep) (tested), but
// writes the facts itself: through reflection and a map they took twice
// as long.
func JSON(rep *xbrl.Report) ([]byte, error) {
	var info bytes.Buffer
	enc := json.NewEncoder(&info)
	enc.SetEscapeHTML(false)
	enc.SetIndent("  ", "  ")
	if err := enc.Encode(jsonDocumentInfo(rep)); err != nil {
		return nil, err
	}
	facts := slices.Clone(rep.Facts)
	slices.SortStableFunc(facts, func(a, b *xbrl.Fact) int { return strings.Compare(a.ID, b.ID) })
	entity := oimEntity(rep.Entity)
	b := make([]byte, 0, info.Len()+512*len(facts)+64)
	b = append(b, "{\n  \"documentInfo\": "...)
	b = append(b, bytes.TrimSuffix(info.Bytes(), []byte("\n"))...)
	b = append(b, ",\n  \"facts\": {"...)
	written := 0
	for i, f := range facts {
		if i+1 < len(facts) && facts[i+1].ID == f.ID {
			continue // as in a map, the last fact of an id
		}
		if written > 0 {
			b = append(b, ',')
		}
		written++
		b = append(b, "\n    "...)
		b = appendText(b, f.ID)
		b = append(b, ": "...)
		b = appendFact(b, jsonFact(f, entity))
	}
	if written > 0 {
		b = append(b, "\n  "...)
	}
	return append(b, "}\n}\n"...), nil
}

// appendFact appends a fact object as JSON writes it, indented as a
// member of "facts".
func appendFact(b []byte, f JSONFact) []byte {
	b = append(b, "{\n      \"value\": "...)
	b = appendText(b, f.Value)
	if f.Decimals != nil {
		b = append(b, ",\n      \"decimals\": "...)
		b = strconv.AppendInt(b, int64(*f.Decimals), 10)
	}
	b = append(b, ",\n      \"dimensions\": {"...)
	for i, kv := range f.Dimensions.sorted() {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, "\n        "...)
		b = appendJSONString(b, kv[0])
		b = append(b, ": "...)
		b = appendJSONString(b, kv[1])
	}
	b = append(b, "\n      }"...)
	if f.Source != "" {
		b = append(b, ",\n      \"xport:source\": "...)
		b = appendText(b, f.Source)
	}
	return append(b, "\n    }"...)
}

// appendText appends s as JSON() writes strings other than dimensions:
// as encoding/json does with HTML escaping off.
func appendText(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x80 || c == '"' || c == '\\' {
			var buf bytes.Buffer
			enc := json.NewEncoder(&buf)
			enc.SetEscapeHTML(false)
			enc.Encode(s) // a string always encodes
			return append(b, bytes.TrimSuffix(buf.Bytes(), []byte("\n"))...)
		}
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

// dateOnly formats a date as XBRL 2.1 writes it.
func dateOnly(t time.Time) string { return t.Format(time.DateOnly) }
