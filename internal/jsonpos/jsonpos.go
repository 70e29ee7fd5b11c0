// Package jsonpos finds where the keys of a JSON document are written,
// so that a problem with a value (a JSON Schema violation at
// /documentInfo/documentType, a fact /facts/f12 that does not resolve) is
// reported at a line and column of the file.
package jsonpos

import (
	"bytes"
	"encoding/json"
	"strings"
)

// MetadataDepth is how deep the keys of xBRL-CSV metadata are located:
// down to a column's dimensions
// (/tableTemplates/T/columns/C/dimensions/D).
const MetadataDepth = 6

// KeyOffsets records where each object key of the first depth levels is
// written ("/documentInfo/documentType", "/facts/f1" → offset of the
// key, past any white space), so problems point into the file. Keys are
// joined as written, without JSON Pointer escapes; keys inside arrays are
// not recorded.
func KeyOffsets(data []byte, depth int) map[string]int64 {
	type frame struct {
		object, wantKey, inArray bool
		path, key                string // the container's path; its current key's
	}
	keys := map[string]int64{}
	dec := json.NewDecoder(bytes.NewReader(data))
	var stack []frame
	valueDone := func() {
		if n := len(stack); n > 0 && stack[n-1].object {
			stack[n-1].wantKey = true
		}
	}
	for {
		off := dec.InputOffset()
		tok, err := dec.Token()
		if err != nil {
			return keys
		}
		switch t := tok.(type) {
		case json.Delim:
			if t == '{' || t == '[' {
				f := frame{object: t == '{', wantKey: t == '{'}
				if n := len(stack); n > 0 {
					f.path, f.inArray = stack[n-1].key, stack[n-1].inArray || !stack[n-1].object
				}
				stack = append(stack, f)
				continue
			}
			stack = stack[:len(stack)-1]
			valueDone()
		case string:
			if n := len(stack); n > 0 && stack[n-1].object && stack[n-1].wantKey {
				top := &stack[n-1]
				top.wantKey = false
				if n > depth || top.inArray {
					continue // nor are the keys below it recorded
				}
				top.key = top.path + "/" + t
				for off < int64(len(data)) && strings.IndexByte(" \t\r\n,:", data[off]) >= 0 {
					off++ // the decoder's offset is where the last token ended
				}
				keys[top.key] = off
				continue
			}
			valueDone()
		default:
			valueDone()
		}
	}
}
