package validate_test

import (
	"bytes"
	"encoding/xml"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/xport/xport/internal/needs"
	"github.com/xport/xport/source"
	"github.com/xport/xport/validate"
)

// suiteDir is XBRL International's XBRL 2.1 conformance suite, read in
// place (never copied into the project).
var suiteDir = filepath.Join("..", "..", "shared", "xbrl-conformance", "XBRL-CONF-2014-12-10")

// variation is one variation of a testcase file: its entry documents and
// the expected verdict.
type variation struct {
	Testcase string // the testcase file, relative to the suite
	ID, Name string
	Entry    string // the document read first, relative to the suite
	Kind     string // "instance", "xsd" or "linkbase"
	Expected string // "valid" or "invalid"
}

// readSuite lists the variations of every testcase file of the suite's
// index, in index order.
func readSuite(t *testing.T) []variation {
	t.Helper()
	var index struct {
		Testcases []struct {
			URI string `xml:"uri,attr"`
		} `xml:"testcase"`
	}
	decodeXML(t, filepath.Join(suiteDir, "xbrl.xml"), &index)
	var out []variation
	for _, tc := range index.Testcases {
		var file struct {
			Variations []struct {
				ID   string `xml:"id,attr"`
				Name string `xml:"name,attr"`
				Data struct {
					Items []struct {
						XMLName     xml.Name
						ReadMeFirst string `xml:"readMeFirst,attr"`
						Text        string `xml:",chardata"`
					} `xml:",any"`
				} `xml:"data"`
				Result struct {
					Expected string `xml:"expected,attr"`
				} `xml:"result"`
			} `xml:"variation"`
		}
		decodeXML(t, filepath.Join(suiteDir, tc.URI), &file)
		dir := filepath.Dir(tc.URI)
		for _, v := range file.Variations {
			vr := variation{Testcase: tc.URI, ID: v.ID, Name: v.Name, Expected: strings.TrimSpace(v.Result.Expected)}
			for _, it := range v.Data.Items {
				if strings.TrimSpace(it.ReadMeFirst) == "true" && vr.Entry == "" {
					vr.Entry, vr.Kind = filepath.Join(dir, strings.TrimSpace(it.Text)), it.XMLName.Local
				}
			}
			out = append(out, vr)
		}
	}
	return out
}

func decodeXML(t *testing.T, path string, v any) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	d := xml.NewDecoder(bytes.NewReader(data))
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil } // the testcase files are ASCII
	if err := d.Decode(v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

// notRun are the variations xport does not run, each with the reason.
// Variations whose entry is a schema or a linkbase test a taxonomy, not
// an instance (`xport validate` reads instances) and are counted apart.
var notRun = map[string]string{}

// TestConformanceSuite runs every variation of the XBRL 2.1 conformance
// suite whose entry is an instance and compares xport's verdict with the
// suite's. A verdict that differs is listed; the counts may only improve:
// suiteFloor is what agrees today, and a valid instance rejected that is
// not in knownFalsePositives fails the test.
func TestConformanceSuite(t *testing.T) {
	if _, err := os.Stat(suiteDir); err != nil {
		needs.Skip(t, "%s is absent (%v): the suite is read in place", suiteDir, err)
	}
	vars := readSuite(t)
	type tally struct{ run, agree, falsePos, falseNeg, notRun int }
	byCase := map[string]*tally{}
	var cases []string
	total := tally{}
	for _, v := range vars {
		tl := byCase[v.Testcase]
		if tl == nil {
			tl = &tally{}
			byCase[v.Testcase] = tl
			cases = append(cases, v.Testcase)
		}
		key := v.Testcase + " " + v.ID
		if v.Kind != "instance" {
			t.Logf("not run: %s (%s): its entry is a %s, not an instance", key, v.Name, v.Kind)
			tl.notRun++
			total.notRun++
			continue
		}
		if why, ok := notRun[key]; ok {
			t.Logf("not run: %s (%s): %s", key, v.Name, why)
			tl.notRun++
			total.notRun++
			continue
		}
		tl.run++
		total.run++
		_, ds, err := validate.File(filepath.Join(suiteDir, v.Entry), validate.Options{Calc: validate.CalcXBRL21}, 0)
		valid := err == nil && !ds.HasErrors()
		switch {
		case valid == (v.Expected == "valid"):
			tl.agree++
			total.agree++
		case v.Expected == "valid":
			tl.falsePos++
			total.falsePos++
			why := fmt.Sprint(err)
			if err == nil {
				why = firstError(ds)
			}
			t.Logf("rejects valid %s (%s): %s", key, v.Entry, why)
		default:
			tl.falseNeg++
			total.falseNeg++
			t.Logf("accepts invalid %s (%s)", key, v.Entry)
		}
	}
	sort.Strings(cases)
	var b strings.Builder
	fmt.Fprintf(&b, "| testcase | instance variations run | agree | valid rejected | invalid accepted | not run (schema or linkbase entry) |\n|---|---|---|---|---|---|\n")
	for _, c := range cases {
		tl := byCase[c]
		fmt.Fprintf(&b, "| %s | %d | %d | %d | %d | %d |\n", c, tl.run, tl.agree, tl.falsePos, tl.falseNeg, tl.notRun)
	}
	fmt.Fprintf(&b, "| **all** | %d | %d | %d | %d | %d |\n", total.run, total.agree, total.falsePos, total.falseNeg, total.notRun)
	t.Logf("\n%s", b.String())
	checkReadmeTable(t, b.String())
	if total.agree < suiteFloor {
		t.Errorf("%d of %d instance variations agree with the suite, fewer than the %d that agreed before", total.agree, total.run, suiteFloor)
	}
	if total.falsePos > falsePosCeiling {
		t.Errorf("%d valid instances rejected, more than the %d rejected before", total.falsePos, falsePosCeiling)
	}
}

// firstError is the first error of ds, for the log.
func firstError(ds source.Diagnostics) string {
	for _, d := range ds {
		if d.Severity == source.Error {
			return d.Code + ": " + d.Message
		}
	}
	return ""
}

var updateSuite = flag.Bool("update-suite", false, "rewrite the conformance table in README.md")

// checkReadmeTable compares the README's conformance table with table,
// or writes it there under -update-suite.
func checkReadmeTable(t *testing.T, table string) {
	t.Helper()
	const begin, end = "<!-- conformance-table -->\n", "<!-- /conformance-table -->"
	path := filepath.Join("..", "README.md")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	i, j := strings.Index(s, begin), strings.Index(s, end)
	if i < 0 || j < i {
		t.Fatalf("%s has no %q ... %q section", path, begin, end)
	}
	current := s[i+len(begin) : j]
	if current == table {
		return
	}
	if !*updateSuite {
		t.Errorf("the conformance table in README.md is out of date: run go test ./validate -run TestConformanceSuite -update-suite")
		return
	}
	if err := os.WriteFile(path, []byte(s[:i+len(begin)]+table+s[j:]), 0o644); err != nil {
		t.Fatal(err)
	}
}

// suiteFloor is how many instance variations agree with the suite today,
// and falsePosCeiling how many valid ones xport rejects: the first may
// only rise, the second only fall.
const (
	suiteFloor      = 370
	falsePosCeiling = 0
)
