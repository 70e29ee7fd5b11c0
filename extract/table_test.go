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

// TestTablesGolden compares the tables read from each sample with a golden
// account of them (see Table.Format).
func TestTablesGolden(t *testing.T) {
	for _, name := range []string{"infinera-q4-2012.txt"} {
		t.Run(name, func(t *testing.T) {
			doc := readDoc(t, filepath.Join("..", "testdata", name))
			tables, diags := Tables(doc)
			var b strings.Builder
			for _, tb := range tables {
				tb.Format(&b)
			}
			for _, d := range diags {
				b.WriteString(d.String() + "\n")
			}
			golden := filepath.Join("testdata", strings.TrimSuffix(name, ".txt")+".tables.golden")
			if *update {
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
