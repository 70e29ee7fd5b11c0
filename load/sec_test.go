package load_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xport/xport/edgar"
	"github.com/xport/xport/internal/needs"
	"github.com/xport/xport/load"
	"github.com/xport/xport/source"
)

// TestFilingMatchesSECInstance reads the Inline XBRL cover page of a real
// 8-K (Caterpillar's of April 2022, in ../shared/corpus/edgar/) as
// xport validate does, and the XBRL instance the SEC extracted from it
// (cat-20220428_htm.xml, in the same submission): the facts are the same,
// concept, context and value, with the SEC's transformations (exchange
// and state names to codes, ballot boxes) applied. The filing is valid:
// no error, and a warning only for the published taxonomies xport does
// not read from the web.
func TestFilingMatchesSECInstance(t *testing.T) {
	path := filepath.Join("..", "..", "shared", "corpus", "edgar", "caterpillar_q1_2022_8k_0000018230-22-000107.txt")
	data, err := os.ReadFile(path)
	if err != nil {
		needs.Skip(t, "%s is absent (%v): the corpus is read in place", path, err)
	}
	sub, err := edgar.Parse(data)
	if sub == nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	for _, d := range sub.Documents {
		text := bytes.TrimPrefix(bytes.TrimPrefix(d.Text, []byte("<XBRL>")), []byte("<XML>"))
		text = bytes.TrimSuffix(bytes.TrimSuffix(bytes.TrimSpace(text), []byte("</XBRL>")), []byte("</XML>"))
		files[d.Filename] = bytes.TrimSpace(text)
	}
	resolve := func(href string) ([]byte, error) {
		if b, ok := files[href]; ok {
			return b, nil
		}
		return nil, errors.New("not in the submission")
	}
	read := func(name string) []string {
		doc, ds := load.Bytes(name, files[name], resolve)
		if doc.Report == nil || ds.HasErrors() {
			t.Fatalf("%s: %v", name, ds)
		}
		for _, d := range ds {
			if d.Severity == source.Warning && d.Code != "xport.validate:taxonomyNotRead" {
				t.Errorf("%s: %v", name, d)
			}
		}
		var out []string
		for _, f := range doc.Report.Facts {
			out = append(out, factKey(f)) // concept, period, dimensions, unit, decimals, value
		}
		slices.Sort(out)
		return out
	}
	inline, sec := read("cat-20220428.htm"), read("cat-20220428_htm.xml")
	if len(inline) < 20 || !slices.Equal(inline, sec) {
		t.Errorf("Inline XBRL read as\n%s\nthe SEC's instance\n%s", strings.Join(inline, "\n"), strings.Join(sec, "\n"))
	}
	for _, want := range []string{"dei:SecurityExchangeName", "NYSE", "dei:EntityAddressStateOrProvince", "IL"} {
		if !strings.Contains(strings.Join(inline, "\n"), want) {
			t.Errorf("no %s among the facts", want)
		}
	}
}
