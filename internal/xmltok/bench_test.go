package xmltok

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"testing"
)

// BenchmarkTokens reads xport's largest test instance (or the file
// XMLTOK_BENCH names) with xmltok and, for comparison, with encoding/xml.
func BenchmarkTokens(b *testing.B) {
	data, err := os.ReadFile(benchFile())
	if err != nil {
		b.Fatal(err)
	}
	b.Run("xmltok", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			t := New(data)
			for {
				_, err := t.Next()
				if errors.Is(err, io.EOF) {
					break
				}
				if err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	b.Run("encoding-xml", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			d := xml.NewDecoder(bytes.NewReader(data))
			for {
				_, err := d.Token()
				if errors.Is(err, io.EOF) {
					break
				}
				if err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}

func benchFile() string {
	if p := os.Getenv("XMLTOK_BENCH"); p != "" {
		return p
	}
	return "../../testdata/golden/infinera-q4-2012.xbrl"
}
