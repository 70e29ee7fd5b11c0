package xport

import (
	"bytes"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/xport/xport/inline"
	"github.com/xport/xport/internal/needs"
	"github.com/xport/xport/source"
	"github.com/xport/xport/xbrl"
)

// TestInlineRoundTrip renders Inline XBRL over each sample and report of
// testdata/ and reads it back: the facts it carries (each figure tagged
// where it is printed, and at its other places, or hidden) are the
// report's, concept, context and value, none more and none less; and
// every fact read from a place in the document is marked there for the
// review.
func TestInlineRoundTrip(t *testing.T) {
	inputs := []string{sample, sdSample}
	more, _ := filepath.Glob(filepath.Join("testdata", "minerals", "*.txt"))
	inputs = append(inputs, more...)
	more, _ = filepath.Glob(filepath.Join("testdata", "releases", "*.txt"))
	inputs = append(inputs, more...)
	more, _ = filepath.Glob(filepath.Join(corpusDir, "*", "*.txt")) // documents nobody here wrote
	if len(more) == 0 {
		needs.Skip(t, "%s is absent: the corpus documents are read in place", corpusDir)
	}
	inputs = append(inputs, more...)
	for _, in := range inputs {
		t.Run(filepath.Base(in), func(t *testing.T) {
			res := convertFile(t, in, Options{CIK: "1", Formats: []string{FormatIXBRL}})
			if !res.Valid() {
				t.Skipf("%s does not convert: %v", in, res.Diagnostics.Count(source.Error)) // Ford's and Southern's 8-Ks: no fact
			}
			var html []byte
			for _, f := range res.Files {
				if strings.HasSuffix(f.Name, ".html") {
					html = f.Data
				}
			}
			if html == nil {
				t.Fatalf("no Inline XBRL among %d files", len(res.Files))
			}
			doc := inline.Read(html)
			got := map[string]bool{}
			shown := 0
			for _, f := range doc.Facts {
				if f.Problem != "" {
					t.Errorf("%s: %s", f.Name, f.Problem)
				}
				v := f.Text
				if f.Numeric {
					v = f.Value.String()
				}
				got[f.Name+" "+f.Context+" "+v] = true
				shown++
			}
			want := map[string]bool{}
			for _, f := range res.Report.Facts {
				want[f.Concept.QName()+" "+f.ContextID()+" "+valueOf(f)] = true
			}
			if d := diff(got, want); d != "" {
				t.Errorf("facts read back differ:\n%s", d)
			}
			if shown < len(res.Report.Facts) {
				t.Errorf("%d facts in the HTML for %d in the report", shown, len(res.Report.Facts))
			}
			// The review: every fact read from a place is marked there.
			placed := 0
			for _, f := range res.Report.Facts {
				if f.Source.IsValid() && f.Source.File == res.Document.Name {
					placed++
				}
			}
			body := string(html[bytes.Index(html, []byte("<pre>")):])
			if n := strings.Count(body, `class="xport-fact"`) + strings.Count(body, `class="xport-fact xport-hidden"`); n != placed {
				t.Errorf("%d facts marked in the document, %d read from a place in it", n, placed)
			}
		})
	}
}

func valueOf(f *xbrl.Fact) string {
	if f.Numeric() {
		return f.Value.String()
	}
	return f.Text
}

// diff lists what one set has and the other has not.
func diff(got, want map[string]bool) string {
	var out []string
	for k := range got {
		if !want[k] {
			out = append(out, "  extra "+k)
		}
	}
	for k := range want {
		if !got[k] {
			out = append(out, "  missing "+k)
		}
	}
	sort.Strings(out)
	if len(out) > 10 {
		out = append(out[:10], "  ...")
	}
	return strings.Join(out, "\n")
}
