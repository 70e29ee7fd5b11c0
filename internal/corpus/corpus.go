package corpus

import (
	"bufio"
	"bytes"
	"fmt"
	"iter"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

// Template kinds.
const (
	Release  = "release"
	Minerals = "minerals"
)

// Template is a document the corpus is made from.
type Template struct {
	Path   string   // file the text was read from
	Kind   string   // Release or Minerals
	Words  []string // words naming the company, as written in Title case
	Ticker string   // stock symbol, or ""
	Data   []byte
}

// Document is a generated document.
type Document struct {
	Name     string // file name: NNNNN-company-year-kind.txt
	Template string // base name of the template's file
	Data     []byte
}

// Options configure Generate.
type Options struct {
	Seed uint64 // generator seed; the same seed gives the same documents
	N    int    // number of documents
}

// ReadTemplates reads a manifest of templates (see
// testdata/corpus/templates.txt) and the files it names, relative to the
// manifest's directory.
func ReadTemplates(manifest string) ([]Template, error) {
	data, err := os.ReadFile(manifest)
	if err != nil {
		return nil, err
	}
	var ts []Template
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		t, err := parseTemplate(filepath.Dir(manifest), line)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", manifest, n, err)
		}
		ts = append(ts, t)
	}
	if len(ts) == 0 {
		return nil, fmt.Errorf("%s: no templates", manifest)
	}
	return ts, nil
}

func parseTemplate(dir, line string) (Template, error) {
	f := strings.Split(line, "|")
	if len(f) != 4 {
		return Template{}, fmt.Errorf("want 4 fields separated by |, have %d", len(f))
	}
	for i := range f {
		f[i] = strings.TrimSpace(f[i])
	}
	t := Template{Path: filepath.Join(dir, f[0]), Kind: f[1], Words: strings.Fields(f[2]), Ticker: f[3]}
	if t.Kind != Release && t.Kind != Minerals {
		return Template{}, fmt.Errorf("kind %q: want %s or %s", t.Kind, Release, Minerals)
	}
	if len(t.Words) == 0 {
		return Template{}, fmt.Errorf("no words naming the company")
	}
	var err error
	t.Data, err = os.ReadFile(t.Path)
	return t, err
}

// Generate returns the documents of a corpus: document i is made from
// template i mod len(ts).
func Generate(ts []Template, opts Options) iter.Seq[Document] {
	return func(yield func(Document) bool) {
		for i := range opts.N {
			if !yield(Make(ts, opts.Seed, i)) {
				return
			}
		}
	}
}

// Make returns document i of the corpus generated with seed.
func Make(ts []Template, seed uint64, i int) Document {
	t := ts[i%len(ts)]
	rng := rand.New(rand.NewPCG(seed, uint64(i)))
	g := newRewrite(t, rng)
	text := g.apply(t.Data)
	wrapped := ""
	if !isSubmission(text) && rng.IntN(4) == 0 {
		text = g.wrap(text)
		wrapped = "-edgar"
	}
	name := fmt.Sprintf("%05d-%s-%d-%s%s.txt", i, strings.ToLower(g.words[0].to), g.year(), t.Kind, wrapped)
	return Document{Name: name, Template: filepath.Base(t.Path), Data: text}
}
