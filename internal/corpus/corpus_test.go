package corpus_test

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/xport/xport"
	"github.com/xport/xport/internal/corpus"
	"github.com/xport/xport/source"
)

func templates(t testing.TB) []corpus.Template {
	t.Helper()
	ts, err := corpus.ReadTemplates("../../testdata/corpus/templates.txt")
	if err != nil {
		t.Fatal(err)
	}
	return ts
}

func TestSameSeedSameDocuments(t *testing.T) {
	ts := templates(t)
	for i := range 2 * len(ts) {
		a, b := corpus.Make(ts, 7, i), corpus.Make(ts, 7, i)
		if a.Name != b.Name || !bytes.Equal(a.Data, b.Data) {
			t.Fatalf("document %d differs between two runs with seed 7", i)
		}
		if c := corpus.Make(ts, 8, i); bytes.Equal(a.Data, c.Data) {
			t.Errorf("document %d is the same with seeds 7 and 8", i)
		}
	}
	var names []string
	for doc := range corpus.Generate(ts, corpus.Options{Seed: 7, N: 3}) {
		names = append(names, doc.Name)
	}
	if len(names) != 3 || names[0] != corpus.Make(ts, 7, 0).Name {
		t.Errorf("Generate gave %v; want the first 3 documents of Make", names)
	}
}

// TestLinesKeepTheirWidth checks what keeps fixed-width tables readable:
// every line of a document not wrapped in a submission is as long as the
// template's.
func TestLinesKeepTheirWidth(t *testing.T) {
	ts := templates(t)
	for i := range 3 * len(ts) {
		doc := corpus.Make(ts, 1, i)
		if strings.Contains(doc.Name, "-edgar") {
			continue
		}
		got, want := lines(doc.Data), lines(ts[i%len(ts)].Data)
		if len(got) != len(want) {
			t.Fatalf("%s: %d lines; template %s has %d", doc.Name, len(got), doc.Template, len(want))
		}
		for n := range got {
			if len([]rune(got[n])) != len([]rune(want[n])) {
				t.Fatalf("%s:%d: %q\nis not as wide as %s:%d: %q", doc.Name, n+1, got[n], doc.Template, n+1, want[n])
			}
		}
	}
}

func lines(data []byte) []string { return strings.Split(string(data), "\n") }

// TestDocumentsConvertLikeTheirTemplates converts two documents made from
// each template: each is valid, has as many facts and unmapped figures as
// its template (a release wrapped in a submission one more: the CIK from
// its header, dei:EntityCentralIndexKey), and names neither the template's
// company nor its entity.
func TestDocumentsConvertLikeTheirTemplates(t *testing.T) {
	ts := templates(t)
	n := 2 * len(ts)
	if testing.Short() {
		n = len(ts)
	}
	want := map[string]*xport.Result{}
	for _, tmpl := range ts {
		want[tmpl.Path] = convert(t, tmpl.Path, tmpl.Data)
	}
	for i := range n {
		doc, tmpl := corpus.Make(ts, 1, i), ts[i%len(ts)]
		got, w := convert(t, doc.Name, doc.Data), want[tmpl.Path]
		facts := len(w.Report.Facts)
		if strings.HasSuffix(doc.Name, "-release-edgar.txt") {
			facts++
		}
		if len(got.Report.Facts) != facts || len(got.Report.Unmapped) != len(w.Report.Unmapped) {
			t.Errorf("%s: %d facts, %d unmapped; template %s: %d facts, %d unmapped",
				doc.Name, len(got.Report.Facts), len(got.Report.Unmapped), doc.Template, facts, len(w.Report.Unmapped))
		}
		for _, word := range tmpl.Words {
			if regexp.MustCompile(`(?i)\b` + word + `\b`).Match(doc.Data) {
				t.Errorf("%s still names %q", doc.Name, word)
			}
		}
		if got.Report.Entity.ID == w.Report.Entity.ID {
			t.Errorf("%s: entity %s is the template's", doc.Name, got.Report.Entity.ID)
		}
	}
}

func convert(t *testing.T, name string, data []byte) *xport.Result {
	t.Helper()
	res, err := xport.Convert(name, bytes.NewReader(data), xport.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !res.Valid() {
		for _, d := range res.Diagnostics {
			if d.Severity == source.Error {
				t.Errorf("%s", d)
			}
		}
		t.Fatalf("%s is invalid", name)
	}
	return res
}
