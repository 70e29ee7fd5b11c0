// Command xport-corpus writes a generated corpus of text disclosures, for
// benchmarks and batch runs (see package internal/corpus):
//
//	go run ./cmd/xport-corpus -n 1000 -o corpus
//
// The same seed and templates give the same files, byte for byte.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/xport/xport/internal/corpus"
)

func main() {
	n := flag.Int("n", 1000, "number of documents")
	seed := flag.Uint64("seed", 1, "generator seed")
	out := flag.String("o", "corpus", "output directory")
	manifest := flag.String("templates", "testdata/corpus/templates.txt", "template manifest")
	flag.Parse()
	if err := run(*manifest, *out, corpus.Options{Seed: *seed, N: *n}); err != nil {
		fmt.Fprintln(os.Stderr, "xport-corpus:", err)
		os.Exit(1)
	}
}

func run(manifest, dir string, opts corpus.Options) error {
	ts, err := corpus.ReadTemplates(manifest)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	var size int64
	for doc := range corpus.Generate(ts, opts) {
		if err := os.WriteFile(filepath.Join(dir, doc.Name), doc.Data, 0o644); err != nil {
			return err
		}
		size += int64(len(doc.Data))
	}
	fmt.Fprintf(os.Stderr, "%d documents, %.1f MB, in %s\n", opts.N, float64(size)/1e6, dir)
	return nil
}
