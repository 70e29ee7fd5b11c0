package schema

import (
	"encoding/json"
	"fmt"
	"reflect"

	"github.com/invopop/jsonschema"

	"github.com/xport/xport/exporter"
	"github.com/xport/xport/source"
)

// JSONSchemaID is the $id of the generated schema of xport's xBRL-JSON.
const JSONSchemaID = "urn:xport:schema:xbrl-json"

// Document is one kind of JSON document xport writes, with the Go type
// that writes it.
type Document struct {
	// Name selects the document in `xport schema json --document`.
	Name  string
	ID    string
	Title string
	// Root is a value of the type the document is written from.
	Root any
}

// Documents lists every JSON document xport writes. Their schemas are
// generated from these Go types, so the schema cannot drift from the
// output. SARIF, which --format sarif writes, is not here: it is a
// standard with its own published schema.
var Documents = []Document{
	{"xbrl-json", JSONSchemaID, "xBRL-JSON report written by xport", &exporter.JSONReport{}},
	{"validation", "urn:xport:schema:validation", "xport validate --format json: the result of checking each file", []exporter.FileResult{}},
	{"concepts", "urn:xport:schema:concepts", "xport concepts --json: the concept catalogue", []Entry{}},
	{"jsonl", "urn:xport:schema:jsonl", "the fact feed written by xport (NAME.jsonl): the schema of one line", &exporter.FeedFact{}},
	{"xbrl-csv", "urn:xport:schema:xbrl-csv", "xBRL-CSV metadata written by xport (NAME-csv.json)", &exporter.CSVMetadata{}},
}

// JSONSchema generates the JSON Schema of the xBRL-JSON documents xport
// writes, from the Go types that write them (exporter.JSONReport).
// Unknown properties are not allowed, so the schema catches drift between
// the types and the output.
func JSONSchema() ([]byte, error) { return DocumentSchema("xbrl-json") }

// DocumentSchema generates the JSON Schema of the named document.
func DocumentSchema(name string) ([]byte, error) {
	for _, d := range Documents {
		if d.Name == name {
			r := &jsonschema.Reflector{Mapper: mapType}
			s := r.Reflect(d.Root)
			s.ID = jsonschema.ID(d.ID)
			s.Title = d.Title
			return json.MarshalIndent(s, "", "  ")
		}
	}
	return nil, fmt.Errorf("no JSON document named %q", name)
}

// mapType gives the schema of types whose JSON form is not what their Go
// kind says: a severity is written as its name.
func mapType(t reflect.Type) *jsonschema.Schema {
	if t == reflect.TypeFor[source.Severity]() {
		var names []any
		for s := source.Info; s <= source.Error; s++ {
			names = append(names, s.String())
		}
		return &jsonschema.Schema{Type: "string", Enum: names}
	}
	return nil
}
