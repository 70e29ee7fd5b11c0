package validate

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// viaDecoder is what checkSchema decoded with before decodeTree.
func viaDecoder(data []byte) (any, error) {
	var v any
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	err := dec.Decode(&v)
	return v, err
}

// The xBRL-JSON and xBRL-CSV metadata xport writes are read in one pass,
// not left to encoding/json, into the tree encoding/json gives.
func TestDecodeTreeReadsXportOutput(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "testdata", "golden", "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden JSON: %v", err)
	}
	more, _ := filepath.Glob(filepath.Join("..", "testdata", "minerals", "*.json"))
	for _, file := range append(files, more...) {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		d := treeDecoder{data: data}
		got, ok := d.value(0)
		if !ok || d.skipSpace() != len(data) {
			t.Errorf("%s: left to encoding/json at offset %d", file, d.i)
			continue
		}
		want, err := viaDecoder(data)
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("%s: the trees differ (encoding/json: %v)", file, err)
		}
	}
}

func TestDecodeTree(t *testing.T) {
	for _, tc := range []struct {
		in   string
		fast bool // read by treeDecoder, not left to encoding/json
	}{
		{`{"a": [1, -2.5e+3, 0, true, false, null, "x"], "b": {}, "c": []}`, true},
		{` "Société" `, true},
		{`{"a": 1, "a": 2}`, true},
		{`{"a": "x\ny \" \\ \/ \b\f\r\t \u00e9 \u0001"}`, true},
		{`{"a": "\ud83d\ude00"}`, false}, // a surrogate pair
		{`{"a": "\x"}`, false},
		{`{"a": "\u00g0"}`, false},
		{`{"a": "\u00e`, false},
		{`"\`, false},
		{`{"a": "x` + "\t" + `"}`, false}, // a control character: an error
		{`{"a": 01}`, false},
		{`{"a": 1} {}`, false}, // trailing data, which Decode leaves unread
		{`{"a": 1,}`, false},
		{`[1 2]`, false},
		{`tru`, false},
		{``, false},
		{"\xef\xbb\xbf{}", false},
		{`"\xff"`, false},
		{string(bytes.Repeat([]byte("["), maxTreeDepth+2)) + string(bytes.Repeat([]byte("]"), maxTreeDepth+2)), false},
	} {
		d := treeDecoder{data: []byte(tc.in)}
		_, ok := d.value(0)
		if fast := ok && d.skipSpace() == len(tc.in); fast != tc.fast {
			t.Errorf("%q: read in one pass %v, want %v", tc.in, fast, tc.fast)
		}
		got, gotErr := decodeTree([]byte(tc.in))
		want, wantErr := viaDecoder([]byte(tc.in))
		if (gotErr == nil) != (wantErr == nil) || !reflect.DeepEqual(got, want) {
			t.Errorf("%q: %#v, %v; encoding/json %#v, %v", tc.in, got, gotErr, want, wantErr)
		}
	}
}

// FuzzDecodeTree holds decodeTree to encoding/json: the same tree, or an
// error from both.
func FuzzDecodeTree(f *testing.F) {
	for _, s := range []string{`{"a": [1, 2.5, true, null, "x"]}`, `{"a":{"b":{}}}`, `-0.0e-0`, `"\u00e9"`, `[]`} {
		f.Add([]byte(s))
	}
	if data, err := os.ReadFile(filepath.Join("..", "testdata", "golden", "infinera-q4-2012.json")); err == nil {
		f.Add(data[:4096])
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		got, gotErr := decodeTree(data)
		want, wantErr := viaDecoder(data)
		if (gotErr == nil) != (wantErr == nil) || gotErr == nil && !reflect.DeepEqual(got, want) {
			t.Errorf("%q: %#v, %v; encoding/json %#v, %v", data, got, gotErr, want, wantErr)
		}
	})
}
