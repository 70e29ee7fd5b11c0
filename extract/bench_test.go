package extract

import (
	"bytes"
	"os"
	"testing"

	"github.com/xport/xport/source"
)

// BenchmarkTables measures extraction over the sample release repeated to
// about 2.5 MB.
func BenchmarkTables(b *testing.B) {
	one, err := os.ReadFile("../testdata/infinera-q4-2012.txt")
	if err != nil {
		b.Fatal(err)
	}
	data := bytes.Repeat(one, 50)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		doc, err := source.Parse("bench.txt", data)
		if err != nil {
			b.Fatal(err)
		}
		Tables(doc)
	}
}
