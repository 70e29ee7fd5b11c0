package load_test

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xport/xport"
	"github.com/xport/xport/load"
	"github.com/xport/xport/source"
)

// TestInline reads back the Inline XBRL xport writes for its sample as
// the instance it stands for: the report's facts, each at the place its
// figure is printed in the HTML; and a figure changed in the HTML is an
// error there.
func TestInline(t *testing.T) {
	f, err := os.Open(filepath.Join("..", "testdata", "infinera-q4-2012.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	res, err := xport.Convert("infinera-q4-2012.txt", f, xport.Options{CIK: "1138639", Formats: []string{xport.FormatIXBRL}})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := res.Write(dir); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "infinera-q4-2012.html")
	doc, ds, err := load.File(path, 0)
	if err != nil || doc.Report == nil || ds.HasErrors() || doc.Format != "ixbrl" {
		t.Fatalf("read: %v %v", err, ds)
	}
	want := map[string]bool{}
	for _, f := range res.Report.Facts {
		want[f.Concept.QName()+" "+f.ContextID()+" "+f.ValueString()] = true
	}
	data, _ := os.ReadFile(path)
	lines := strings.Split(string(data), "\n")
	for _, f := range doc.Report.Facts {
		if !want[f.Concept.QName()+" "+f.ContextID()+" "+f.ValueString()] {
			t.Errorf("%s %s %s is not the report's", f.Concept.QName(), f.ContextID(), f.ValueString())
		}
		if f.Concept.QName() == "us-gaap:Revenues" && f.ContextID() == "D20120930_20121229" {
			if l := lines[f.Source.Line-1]; !strings.HasPrefix(l[f.Source.Col-1:], "128,064</ix:nonFraction>") {
				t.Errorf("revenue at %s: %q", f.Source, l[f.Source.Col-1:min(len(l), f.Source.Col+30)])
			}
		}
	}
	bad := bytes.Replace(data, []byte(`format="ixt:num-dot-decimal" scale="3">128,064<`), []byte(`format="ixt:num-words-fr" scale="3">128,064<`), 1)
	_, ds = load.Bytes("bad.html", bad, func(href string) ([]byte, error) { return os.ReadFile(filepath.Join(dir, href)) })
	found := false
	for _, d := range ds {
		found = found || d.Code == "ixt:transformation" && d.Pos.Line > 1
	}
	if !found {
		t.Errorf("an unknown format is no error: %v", ds)
	}
	// A format of the registry that xport does not read is a warning:
	// the fact is not checked, and the document is not blamed.
	unread := bytes.Replace(data, []byte(`format="ixt:num-dot-decimal" scale="3">128,064<`), []byte(`format="ixt:date-day-monthname-fr" scale="3">128,064<`), 1)
	_, ds = load.Bytes("unread.html", unread, func(href string) ([]byte, error) { return os.ReadFile(filepath.Join(dir, href)) })
	if ds.HasErrors() || !slices.ContainsFunc(ds, func(d source.Diagnostic) bool { return d.Code == "xport.validate:formatNotRead" }) {
		t.Errorf("a registry format xport does not read: %v", ds)
	}
}
