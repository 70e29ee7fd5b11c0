package xport

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/xport/xport/decimal"
	"github.com/xport/xport/internal/needs"
	"github.com/xport/xport/source"
	"github.com/xport/xport/xbrl"
)

// corpusDir holds real disclosures of other companies, read in place
// (never copied into the project); see its README.
const corpusDir = "../shared/corpus"

// keyFact is a fact typed from a corpus document by reading it: where the
// figure is printed, its concept, period and value (testdata/keyfacts).
type keyFact struct {
	file, line, concept, period, value string
}

func readKeyFacts(t *testing.T) map[string][]keyFact {
	t.Helper()
	paths, err := filepath.Glob("testdata/keyfacts/*.txt")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no key facts in testdata/keyfacts (%v)", err)
	}
	out := map[string][]keyFact{}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for n, line := range strings.Split(string(data), "\n") {
			if line = strings.TrimSpace(line); line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			f := strings.Split(line, " | ")
			if len(f) != 5 {
				t.Fatalf("%s:%d: want file | line | concept | period | value, got %q", p, n+1, line)
			}
			_, concept, _ := strings.Cut(f[2], ":") // us-gaap: or dei:
			out[f[0]] = append(out[f[0]], keyFact{f[0], f[1], concept, f[3], f[4]})
		}
	}
	return out
}

// keyFactFloor is how many of each release's key facts the reader finds
// today. A document may only gain: the count is raised as the reader
// learns, never lowered to let a change through.
var keyFactFloor = map[string]int{
	"ebay_q2_2023_earnings.txt":                       32, // of 32
	"intel_q1_2023_earnings.txt":                      11, // of 11
	"johnson-johnson_q2_2023_earnings.txt":            19, // of 19
	"mcdonalds_q2_2023_earnings.txt":                  16, // of 16
	"pepsico_q2_2023_earnings.txt":                    24, // of 24
	"pfizer_q2_2023_earnings.txt":                     24, // of 24
	"pg-e_q2_2023_earnings.txt":                       24, // of 24
	"salesforce_q2_fy2024_earnings.txt":               32, // of 32
	"adobe_fy2019_10k.txt":                            16, // of 16
	"corning_q2_2023_10q.txt":                         24, // of 24
	"general-mills_fy2020_10k.txt":                    19, // of 19
	"lockheed-martin_fy2021_10k.txt":                  21, // of 21
	"ford_10k_fy2001_v7.txt":                          15, // of 15
	"caterpillar_q1_2022_8k_0000018230-22-000107.txt": 20, // of 21: HTML; "Profit (1)" is read as us-gaap:ProfitLoss
}

// corpusPath finds a corpus document by its name, among the PDF texts or
// the EDGAR submissions.
func corpusPath(t *testing.T, file string) string {
	t.Helper()
	for _, dir := range []string{"pdf-text", "edgar"} {
		if p := filepath.Join(corpusDir, dir, file); fileExists(p) {
			return p
		}
	}
	t.Fatalf("%s is in neither %s/pdf-text nor %s/edgar", file, corpusDir, corpusDir)
	return ""
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// TestCorpusKeyFacts converts every earnings release and periodic report
// of the corpus and
// looks for each key fact typed from it. A fact with the key fact's
// concept and end date but another value or start is wrong and fails the
// test: a wrong value is far worse than a missing one. A missing fact is
// logged; each document must find at least its floor.
func TestCorpusKeyFacts(t *testing.T) {
	if _, err := os.Stat(corpusDir); err != nil {
		needs.Skip(t, "%s is absent (%v): the corpus tests read the documents in place", corpusDir, err)
	}
	want := readKeyFacts(t)
	files := make([]string, 0, len(want))
	for f := range want {
		files = append(files, f)
	}
	sort.Strings(files)
	for _, file := range files {
		t.Run(file, func(t *testing.T) {
			res := convertFile(t, corpusPath(t, file), Options{})
			for _, d := range res.Diagnostics {
				if d.Severity == source.Error {
					t.Errorf("%s", d)
				}
			}
			found := 0
			for _, k := range want[file] {
				switch got, ok := findKeyFact(res.Report.Facts, k); {
				case ok:
					found++
				case got != nil:
					t.Errorf("%s:%s: %s for %s is %s for %s at %s, want %s", file, k.line, k.concept, k.period, got.ValueString(), got.Period, got.Source, k.value)
				default:
					t.Logf("%s:%s: no %s for %s (%s)", file, k.line, k.concept, k.period, k.value)
				}
			}
			t.Logf("%d of %d key facts found", found, len(want[file]))
			if found < keyFactFloor[file] {
				t.Errorf("%d of %d key facts found, fewer than the %d found before", found, len(want[file]), keyFactFloor[file])
			}
		})
	}
}

// findKeyFact looks for k among facts without dimensions. It returns the
// fact and true when concept, period and value match; a wrong fact and
// false when one of the concept has k's period but another value, or k's
// value over a period that ends the same day but starts on another;
// or nil and false.
//
// A concept written with a segment in braces, "Revenues{Automotive}", is
// looked for on that member of the segments axis instead.
func findKeyFact(facts []*xbrl.Fact, k keyFact) (*xbrl.Fact, bool) {
	want := decimal.MustParse(k.value)
	_, end, duration := strings.Cut(k.period, "..")
	if !duration {
		end = k.period
	}
	concept, segment, _ := strings.Cut(strings.TrimSuffix(k.concept, "}"), "{")
	member := strings.ReplaceAll(segment, " ", "") + "Member"
	var near *xbrl.Fact
	for _, f := range facts {
		if f.Concept.Name != concept || f.Period.Instant == duration || f.Period.End.Format("2006-01-02") != end {
			continue
		}
		if segment == "" && len(f.Dims) > 0 || segment != "" && (len(f.Dims) != 1 ||
			f.Dims[0].Axis.Name != "StatementBusinessSegmentsAxis" || f.Dims[0].Member.Name != member) {
			continue
		}
		samePeriod, sameValue := f.Period.String() == k.period, f.Value.Equal(want)
		if samePeriod && sameValue {
			return f, true
		}
		if samePeriod || sameValue {
			near = f
		}
	}
	return near, false
}

// TestCorpusCover reads the cover page of each annual and quarterly report
// of the corpus: the form, the period it reports on, its fiscal focus and
// the registrant, typed from the cover (line numbers beside them).
func TestCorpusCover(t *testing.T) {
	if _, err := os.Stat(corpusDir); err != nil {
		needs.Skip(t, "%s is absent (%v): the corpus tests read the documents in place", corpusDir, err)
	}
	tests := []struct {
		file, form, end, year, focus, registrant string
	}{
		{"adobe_fy2019_10k.txt", "10-K", "2019-11-29", "2019", "FY", "ADOBE INC."},                            // lines 6, 10, 18
		{"corning_q2_2023_10q.txt", "10-Q", "2023-06-30", "2023", "Q2", "CORNING INCORPORATED"},               // lines 4, 8, 16
		{"general-mills_fy2020_10k.txt", "10-K", "2020-05-31", "2020", "FY", "GENERAL MILLS, INC."},           // lines 5, 8, 16
		{"lockheed-martin_fy2021_10k.txt", "10-K", "2021-12-31", "2021", "FY", "LOCKHEED MARTIN CORPORATION"}, // lines 9, 14, 21
		{"ford_10k_fy2001_v7.txt", "10-K", "2001-12-31", "2001", "FY", "FORD MOTOR COMPANY"},                  // <TYPE> line 2, lines 17, 30
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			res := convertFile(t, corpusPath(t, tt.file), Options{})
			got := map[string]string{}
			for _, f := range res.Report.Facts {
				if f.Concept.Prefix == "dei" && f.Text != "" {
					got[f.Concept.Name] = f.Text
				}
			}
			want := map[string]string{"DocumentType": tt.form, "DocumentPeriodEndDate": tt.end, "DocumentFiscalYearFocus": tt.year,
				"DocumentFiscalPeriodFocus": tt.focus, "EntityRegistrantName": tt.registrant, "AmendmentFlag": "false"}
			for k, v := range want {
				if got[k] != v {
					t.Errorf("dei:%s is %q, want %q", k, got[k], v)
				}
			}
		})
	}
}
