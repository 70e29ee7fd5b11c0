package validate

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v5"

	"github.com/xport/xport/schema"
	"github.com/xport/xport/source"
)

var (
	compileOnce sync.Once
	compiled    *jsonschema.Schema
	compileErr  error
)

// jsonSchema compiles the generated JSON Schema once.
func jsonSchema() (*jsonschema.Schema, error) {
	compileOnce.Do(func() {
		b, err := schema.JSONSchema()
		if err != nil {
			compileErr = err
			return
		}
		c := jsonschema.NewCompiler()
		c.Draft = jsonschema.Draft2020
		if err := c.AddResource(schema.JSONSchemaID, bytes.NewReader(b)); err != nil {
			compileErr = err
			return
		}
		compiled, compileErr = c.Compile(schema.JSONSchemaID)
	})
	return compiled, compileErr
}

// JSON checks xBRL-JSON bytes against the JSON Schema generated from
// xport's types. Each violation is reported at the source position of the
// fact it concerns, found through where (fact id → position), or at file
// when the fact is unknown or the problem is not in a fact.
func JSON(data []byte, file string, where map[string]source.Pos) source.Diagnostics {
	var ds source.Diagnostics
	sch, err := jsonSchema()
	if err != nil {
		ds.Add(source.Error, "xport.schema:compile", source.Pos{File: file}, "the generated JSON Schema does not compile: %v", err)
		return ds
	}
	var v any
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(&v); err != nil {
		ds.Add(source.Error, "json:syntax", source.Pos{File: file}, "not JSON: %v", err)
		return ds
	}
	err = sch.Validate(v)
	var ve *jsonschema.ValidationError
	if errors.As(err, &ve) {
		for _, u := range ve.BasicOutput().Errors {
			if u.Error == "" || strings.HasPrefix(u.Error, "doesn't validate with") {
				continue
			}
			ds.Add(source.Error, "xport.schema:"+keyword(u.KeywordLocation), posOf(u.InstanceLocation, file, where),
				"%s: %s", displayLocation(u.InstanceLocation), u.Error)
		}
	} else if err != nil {
		ds.Add(source.Error, "xport.schema:validate", source.Pos{File: file}, "%v", err)
	}
	ds.Sort()
	return ds
}

// posOf maps an instance location such as /facts/f12/dimensions/period to
// the source position of fact f12.
func posOf(loc, file string, where map[string]source.Pos) source.Pos {
	parts := strings.Split(loc, "/")
	if len(parts) >= 3 && parts[1] == "facts" {
		id := strings.NewReplacer("~1", "/", "~0", "~").Replace(parts[2])
		if p, ok := where[id]; ok {
			return p
		}
	}
	return source.Pos{File: file}
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
