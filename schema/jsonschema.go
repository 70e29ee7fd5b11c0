package schema

import (
	"encoding/json"

	"github.com/invopop/jsonschema"

	"github.com/xport/xport/exporter"
)

// JSONSchemaID is the $id of the generated schema of xport's xBRL-JSON.
const JSONSchemaID = "urn:xport:schema:xbrl-json"

// JSONSchema generates the JSON Schema of the xBRL-JSON documents xport
// writes, from the Go types that write them (exporter.JSONReport).
// Unknown properties are not allowed, so the schema catches drift between
// the types and the output.
func JSONSchema() ([]byte, error) {
	r := &jsonschema.Reflector{}
	s := r.Reflect(&exporter.JSONReport{})
	s.ID = JSONSchemaID
	s.Title = "xBRL-JSON report written by xport"
	return json.MarshalIndent(s, "", "  ")
}
