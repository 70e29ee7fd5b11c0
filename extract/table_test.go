package extract

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xport/xport/source"
)

var update = flag.Bool("update", false, "rewrite golden files")

func readDoc(t *testing.T, path string) *source.Document {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := source.Read(filepath.Base(path), f)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// TestTablesGolden compares the tables read from each sample, each probe
// in testdata/probes (a layout the reader must handle, written small) and
// each earnings release of ../shared/corpus (read in place) with a golden
// account of them (see Table.Format): what the reader sees, reviewed.
func TestTablesGolden(t *testing.T) {
	inputs := map[string]string{ // input → golden
		filepath.Join("..", "testdata", "infinera-q4-2012.txt"): filepath.Join("testdata", "infinera-q4-2012.tables.golden"),
	}
	probes, _ := filepath.Glob(filepath.Join("testdata", "probes", "*.txt"))
	for _, p := range probes {
		inputs[p] = strings.TrimSuffix(p, ".txt") + ".tables.golden"
	}
	corpus, _ := filepath.Glob(filepath.Join("..", "..", "shared", "corpus", "pdf-text", "*_earnings.txt"))
	if len(corpus) == 0 {
		t.Log("../shared/corpus is absent: the corpus goldens are not compared")
	}
	for _, p := range corpus {
		inputs[p] = filepath.Join("testdata", "corpus", strings.TrimSuffix(filepath.Base(p), ".txt")+".tables.golden")
	}
	for in, golden := range inputs {
		t.Run(filepath.Base(in), func(t *testing.T) {
			doc := readDoc(t, in)
			tables, diags := Tables(doc)
			var b strings.Builder
			for _, tb := range tables {
				tb.Format(&b)
			}
			for _, d := range diags {
				b.WriteString(d.String() + "\n")
			}
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if got := b.String(); got != string(want) {
				t.Errorf("tables differ from %s (run go test -update and review the diff)\ngot:\n%s", golden, got)
			}
		})
	}
}
