package xport_test

import (
	"bytes"
	"testing"

	"github.com/xport/xport"
	"github.com/xport/xport/internal/corpus"
)

// BenchmarkConvert measures end-to-end conversion (read, extract, map,
// validate, and render the instance, xBRL-JSON with its JSON Schema check
// and the taxonomy in memory: --format xbrl,json) over documents of the
// generated corpus, two made from each template, so releases, conflict
// minerals reports and EDGAR submissions in the corpus's proportions.
// MB/s is input text.
func BenchmarkConvert(b *testing.B) {
	ts, err := corpus.ReadTemplates("testdata/corpus/templates.txt")
	if err != nil {
		b.Fatal(err)
	}
	for _, kind := range []string{corpus.Release, corpus.Minerals} {
		var docs []corpus.Document
		var size int64
		for i := range 2 * len(ts) {
			if ts[i%len(ts)].Kind == kind {
				doc := corpus.Make(ts, 1, i)
				docs = append(docs, doc)
				size += int64(len(doc.Data))
			}
		}
		b.Run(kind, func(b *testing.B) {
			b.SetBytes(size)
			b.ReportAllocs()
			for b.Loop() {
				for _, doc := range docs {
					if _, err := xport.Convert(doc.Name, bytes.NewReader(doc.Data), xport.Options{Formats: []string{xport.FormatXBRL, xport.FormatJSON}}); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}
