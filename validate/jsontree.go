package validate

import (
	"bytes"
	"encoding/json"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// decodeTree decodes a JSON document into the tree the JSON Schema
// validator checks: what encoding/json's Decoder with UseNumber gives
// (map[string]any, []any, string, json.Number, bool, nil). The checks of
// every xBRL-JSON xport writes spent a quarter of their time decoding, so
// the common case is read here in one pass: a document that holds one
// value. Anything else (a syntax error, trailing data, invalid UTF-8, an
// escaped surrogate, nesting deeper than maxTreeDepth) is left to
// encoding/json, which gives what it always gave, errors included.
// FuzzDecodeTree holds the two to the same trees.
func decodeTree(data []byte) (any, error) {
	d := treeDecoder{data: data}
	if v, ok := d.value(0); ok && d.skipSpace() == len(data) {
		return v, nil
	}
	var v any
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	err := dec.Decode(&v)
	return v, err
}

// maxTreeDepth bounds the nesting decodeTree reads itself, well below
// what would strain the stack; xport's documents nest five deep.
const maxTreeDepth = 100

type treeDecoder struct {
	data []byte
	i    int
}

// skipSpace skips JSON whitespace and returns the offset reached.
func (d *treeDecoder) skipSpace() int {
	for d.i < len(d.data) {
		switch d.data[d.i] {
		case ' ', '\t', '\n', '\r':
			d.i++
		default:
			return d.i
		}
	}
	return d.i
}

// value reads one value; ok is false for anything it leaves to
// encoding/json.
func (d *treeDecoder) value(depth int) (v any, ok bool) {
	if depth > maxTreeDepth || d.skipSpace() == len(d.data) {
		return nil, false
	}
	switch c := d.data[d.i]; {
	case c == '{':
		return d.object(depth)
	case c == '[':
		return d.array(depth)
	case c == '"':
		s, ok := d.str()
		return s, ok
	case c == '-' || c >= '0' && c <= '9':
		return d.number()
	}
	for _, lit := range []struct {
		text string
		v    any
	}{{"true", true}, {"false", false}, {"null", nil}} {
		if bytes.HasPrefix(d.data[d.i:], []byte(lit.text)) {
			d.i += len(lit.text)
			return lit.v, true
		}
	}
	return nil, false
}

func (d *treeDecoder) object(depth int) (any, bool) {
	d.i++ // {
	m := map[string]any{}
	if d.skipSpace() < len(d.data) && d.data[d.i] == '}' {
		d.i++
		return m, true
	}
	for {
		if d.skipSpace() == len(d.data) || d.data[d.i] != '"' {
			return nil, false
		}
		k, ok := d.str()
		if !ok || d.skipSpace() == len(d.data) || d.data[d.i] != ':' {
			return nil, false
		}
		d.i++
		v, ok := d.value(depth + 1)
		if !ok {
			return nil, false
		}
		m[k] = v // as encoding/json: the last of a repeated key
		if d.skipSpace() == len(d.data) {
			return nil, false
		}
		switch d.data[d.i] {
		case ',':
			d.i++
		case '}':
			d.i++
			return m, true
		default:
			return nil, false
		}
	}
}

func (d *treeDecoder) array(depth int) (any, bool) {
	d.i++ // [
	a := []any{}
	if d.skipSpace() < len(d.data) && d.data[d.i] == ']' {
		d.i++
		return a, true
	}
	for {
		v, ok := d.value(depth + 1)
		if !ok {
			return nil, false
		}
		a = append(a, v)
		if d.skipSpace() == len(d.data) {
			return nil, false
		}
		switch d.data[d.i] {
		case ',':
			d.i++
		case ']':
			d.i++
			return a, true
		default:
			return nil, false
		}
	}
}

// str reads a string in valid UTF-8, with no control character and no
// escaped surrogate (\ud83d).
func (d *treeDecoder) str() (string, bool) {
	start := d.i + 1
	for i := start; i < len(d.data); i++ {
		switch c := d.data[i]; {
		case c == '"':
			if !utf8.Valid(d.data[start:i]) {
				return "", false
			}
			d.i = i + 1
			return string(d.data[start:i]), true
		case c == '\\':
			return d.escaped(start)
		case c < 0x20:
			return "", false
		}
	}
	return "", false
}

// escaped reads the string that starts at start and has an escape.
func (d *treeDecoder) escaped(start int) (string, bool) {
	b := make([]byte, 0, 64)
	for i := start; i < len(d.data); i++ {
		c := d.data[i]
		switch {
		case c == '"':
			if !utf8.Valid(b) {
				return "", false
			}
			d.i = i + 1
			return string(b), true
		case c < 0x20 || c == '\\' && i+1 == len(d.data):
			return "", false
		case c != '\\':
			b = append(b, c)
			continue
		}
		i++
		switch e := d.data[i]; e {
		case '"', '\\', '/':
			b = append(b, e)
		case 'b':
			b = append(b, '\b')
		case 'f':
			b = append(b, '\f')
		case 'n':
			b = append(b, '\n')
		case 'r':
			b = append(b, '\r')
		case 't':
			b = append(b, '\t')
		case 'u':
			if i+4 >= len(d.data) {
				return "", false
			}
			r, err := strconv.ParseUint(string(d.data[i+1:i+5]), 16, 16)
			if err != nil || utf16.IsSurrogate(rune(r)) {
				return "", false
			}
			b = utf8.AppendRune(b, rune(r))
			i += 4
		default:
			return "", false
		}
	}
	return "", false
}

// number reads a number as JSON spells it: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func (d *treeDecoder) number() (any, bool) {
	start := d.i
	digits := func() int {
		n := 0
		for d.i < len(d.data) && d.data[d.i] >= '0' && d.data[d.i] <= '9' {
			d.i++
			n++
		}
		return n
	}
	if d.data[d.i] == '-' {
		d.i++
	}
	if d.i < len(d.data) && d.data[d.i] == '0' {
		d.i++
	} else if digits() == 0 {
		return nil, false
	}
	if d.i < len(d.data) && d.data[d.i] == '.' {
		d.i++
		if digits() == 0 {
			return nil, false
		}
	}
	if d.i < len(d.data) && (d.data[d.i] == 'e' || d.data[d.i] == 'E') {
		d.i++
		if d.i < len(d.data) && (d.data[d.i] == '+' || d.data[d.i] == '-') {
			d.i++
		}
		if digits() == 0 {
			return nil, false
		}
	}
	return json.Number(d.data[start:d.i]), true
}
