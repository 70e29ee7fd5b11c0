package xport

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xport/xport/decimal"
)

// TestReleases converts each release in testdata/releases (fictional
// companies, each laid out differently: weeks, fiscal years ending in
// June, EDGAR markup, tabs and page breaks, percent columns, numbers in
// labels) and finds every fact testdata/releases/expected.txt lists, by
// concept and period.
func TestReleases(t *testing.T) {
	data, err := os.ReadFile("testdata/releases/expected.txt")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][][3]string{} // file → concept, period, value
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		f := strings.Split(line, " | ")
		if len(f) != 4 {
			t.Fatalf("bad line in expected.txt: %q", line)
		}
		want[f[0]] = append(want[f[0]], [3]string{f[1], f[2], f[3]})
	}
	for file, facts := range want {
		t.Run(file, func(t *testing.T) {
			res := convertFile(t, filepath.Join("testdata", "releases", file), Options{})
			if !res.Valid() {
				t.Errorf("invalid: %v", res.Diagnostics)
			}
			got := map[string]string{}
			for _, f := range res.Report.Facts {
				if len(f.Dims) == 0 {
					got[f.Concept.Name+" "+f.Period.String()] = f.ValueString()
				}
			}
			for _, w := range facts {
				v, ok := got[w[0]+" "+w[1]]
				if !ok {
					t.Errorf("no %s for %s", w[0], w[1])
					continue
				}
				if a, b := decimal.MustParse(v), decimal.MustParse(w[2]); !a.Equal(b) {
					t.Errorf("%s for %s = %s, want %s", w[0], w[1], v, w[2])
				}
			}
		})
	}
}
