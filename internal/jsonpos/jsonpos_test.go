package jsonpos

import (
	"maps"
	"testing"
)

func TestKeyOffsets(t *testing.T) {
	doc := `{"a": {"b": 1, "c": [{"d": 2}]},
 "e" : {"f": {"g": 3}}}`
	for _, tt := range []struct {
		depth int
		want  map[string]int64
	}{
		{1, map[string]int64{"/a": 1, "/e": 34}},
		{2, map[string]int64{"/a": 1, "/a/b": 7, "/a/c": 15, "/e": 34, "/e/f": 41}}, // not d: it is in an array
		{3, map[string]int64{"/a": 1, "/a/b": 7, "/a/c": 15, "/e": 34, "/e/f": 41, "/e/f/g": 47}},
	} {
		if got := KeyOffsets([]byte(doc), tt.depth); !maps.Equal(got, tt.want) {
			t.Errorf("depth %d: got %v, want %v", tt.depth, got, tt.want)
		}
	}
	if got := KeyOffsets([]byte(`{"a": [`), 2); !maps.Equal(got, map[string]int64{"/a": 1}) {
		t.Errorf("a document cut short: got %v", got)
	}
}
