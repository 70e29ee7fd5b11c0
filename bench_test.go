package xport_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xport/xport"
	"github.com/xport/xport/internal/corpus"
	"github.com/xport/xport/internal/needs"
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

// BenchmarkCorpus converts every document of ../shared/corpus (read in
// place) end to end, each a sub-benchmark, so that time stays close to
// linear in a document's size whatever its layout: a release as
// pdftotext renders it, a 10-K, an EDGAR submission with an HTML exhibit
// on one line of 970 KB. MB/s is input.
func BenchmarkCorpus(b *testing.B) {
	paths, _ := filepath.Glob("../shared/corpus/*/*.txt")
	if len(paths) == 0 {
		needs.Skip(b, "../shared/corpus is absent")
	}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(strings.TrimSuffix(filepath.Base(p), ".txt"), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				// A document xport refuses (a 10-K today) costs what
				// refusing it costs.
				_, _ = xport.Convert(filepath.Base(p), bytes.NewReader(data), xport.Options{Formats: []string{xport.FormatXBRL, xport.FormatJSON}})
			}
		})
	}
}
