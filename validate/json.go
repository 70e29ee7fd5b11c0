package validate

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v5"

	"github.com/xport/xport/internal/jsonpos"
	"github.com/xport/xport/schema"
	"github.com/xport/xport/source"
)

// compiledSchema is a generated JSON Schema, compiled on first use.
type compiledSchema struct {
	once   sync.Once
	schema *jsonschema.Schema
	err    error
}

// documentSchemas are the schemas validation checks documents against,
// by their name in schema.Documents.
var documentSchemas = map[string]*compiledSchema{"xbrl-json": {}, "xbrl-csv": {}}

// documentSchema compiles the generated JSON Schema of a document once.
func documentSchema(name string) (*jsonschema.Schema, error) {
	c := documentSchemas[name]
	c.once.Do(func() {
		b, err := schema.DocumentSchema(name)
		if err != nil {
			c.err = err
			return
		}
		id := "urn:xport:schema:" + name
		for _, d := range schema.Documents {
			if d.Name == name {
				id = d.ID
			}
		}
		comp := jsonschema.NewCompiler()
		comp.Draft = jsonschema.Draft2020
		if err := comp.AddResource(id, bytes.NewReader(b)); err != nil {
			c.err = err
			return
		}
		c.schema, c.err = comp.Compile(id)
	})
	return c.schema, c.err
}

// JSON checks xBRL-JSON bytes against the JSON Schema generated from
// xport's types. Each violation is reported at the position of the fact
// it concerns, found through where (fact id → position), or else at the
// key it concerns in the file (/documentInfo/documentType), or at the
// start of the file.
func JSON(data []byte, file string, where map[string]source.Pos) source.Diagnostics {
	return checkSchema("xbrl-json", data, file, locator{file: file, where: where, depth: 2})
}

// csvMetadata checks xBRL-CSV metadata against the JSON Schema generated
// from xport's types (exporter.CSVMetadata), each violation at the
// deepest key of its instance location.
func csvMetadata(data []byte, file string) source.Diagnostics {
	return checkSchema("xbrl-csv", data, file, locator{file: file, depth: jsonpos.MetadataDepth})
}

// checkSchema checks a JSON document against the schema of the named
// document, at places at finds. Keys are located only when there is a
// violation to place: valid documents, the common case, are not scanned
// twice.
func checkSchema(name string, data []byte, file string, at locator) source.Diagnostics {
	var ds source.Diagnostics
	sch, err := documentSchema(name)
	if err != nil {
		ds.Add(source.Error, "xport.schema:compile", source.Pos{File: file, Line: 1, Col: 1}, "the generated JSON Schema does not compile: %v", err)
		return ds
	}
	v, err := decodeTree(data)
	if err != nil {
		ds.Add(source.Error, "json:syntax", source.Pos{File: file, Line: 1, Col: 1}, "not JSON: %v", err)
		return ds
	}
	err = sch.Validate(v)
	var ve *jsonschema.ValidationError
	if errors.As(err, &ve) {
		at.keys, at.lines = jsonpos.KeyOffsets(data, at.depth), source.NewLines(data)
		for _, u := range ve.BasicOutput().Errors {
			if u.Error == "" || strings.HasPrefix(u.Error, "doesn't validate with") {
				continue
			}
			ds.Add(source.Error, "xport.schema:"+keyword(u.KeywordLocation), at.pos(u.InstanceLocation),
				"%s: %s", displayLocation(u.InstanceLocation), u.Error)
		}
	} else if err != nil {
		ds.Add(source.Error, "xport.schema:validate", source.Pos{File: file, Line: 1, Col: 1}, "%v", err)
	}
	ds.Sort()
	return ds
}

// locator maps JSON Schema instance locations to positions.
type locator struct {
	file  string
	where map[string]source.Pos // fact id → position
	depth int                   // how deep keys are located
	keys  map[string]int64      // key path → offset (keyOffsets), to depth
	lines source.Lines
}

// pos maps an instance location such as /facts/f12/dimensions/period to
// the position of fact f12, and any other to the deepest key recorded on
// its path.
func (l locator) pos(loc string) source.Pos {
	parts := strings.Split(loc, "/")
	if len(parts) >= 3 && parts[1] == "facts" {
		id := strings.NewReplacer("~1", "/", "~0", "~").Replace(parts[2])
		if p, ok := l.where[id]; ok {
			return p
		}
	}
	unescape := strings.NewReplacer("~1", "/", "~0", "~")
	for n := len(parts); n > 1; n-- {
		if off, ok := l.keys[unescape.Replace(strings.Join(parts[:n], "/"))]; ok {
			return l.lines.Pos(l.file, off)
		}
	}
	return source.Pos{File: l.file, Line: 1, Col: 1}
}

// keyword returns the last keyword of a keyword location: "pattern".
func keyword(loc string) string {
	if i := strings.LastIndexByte(loc, '/'); i >= 0 {
		return loc[i+1:]
	}
	return loc
}

func displayLocation(loc string) string {
	if loc == "" {
		return "document"
	}
	return fmt.Sprintf("at %s", loc)
}
