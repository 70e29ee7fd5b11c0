package validate_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/xport/xport/decimal"
	"github.com/xport/xport/exporter"
	"github.com/xport/xport/schema"
	"github.com/xport/xport/source"
	"github.com/xport/xport/validate"
	"github.com/xport/xport/xbrl"
)

// writeLargeInstance writes an instance of n facts with its taxonomy into
// dir: revenue = product + service in n/3 periods, with calculations.
func writeLargeInstance(tb testing.TB, dir string, n int) string {
	tb.Helper()
	cat, _, err := schema.Default()
	if err != nil {
		tb.Fatal(err)
	}
	ns := "urn:xport:bench"
	product := &xbrl.Concept{Prefix: "bench", Name: "ProductRevenue", Namespace: ns, Type: xbrl.Monetary, PeriodType: xbrl.Duration, Balance: xbrl.Credit}
	service := &xbrl.Concept{Prefix: "bench", Name: "ServiceRevenue", Namespace: ns, Type: xbrl.Monetary, PeriodType: xbrl.Duration, Balance: xbrl.Credit}
	revenues := cat.Lookup("us-gaap:Revenues")
	root := cat.Lookup("us-gaap:IncomeStatementAbstract")
	rep := &xbrl.Report{
		Entity:   xbrl.Entity{Scheme: xbrl.SECScheme, ID: "0000000042"},
		Taxonomy: xbrl.Taxonomy{Prefix: "bench", Namespace: ns, Schema: "bench.xsd", RoleBase: ns + ":role:"},
		Concepts: []*xbrl.Concept{product, service, revenues, root},
		Units:    []*xbrl.Unit{&xbrl.USD},
		Networks: []*xbrl.Network{{RoleID: "Ops", Title: "Operations", Root: root,
			Presentation: []xbrl.Arc{{From: root, To: revenues, Order: 1}},
			Calculation:  []xbrl.Arc{{From: revenues, To: product, Order: 1, Weight: 1}, {From: revenues, To: service, Order: 2, Weight: 1}}}},
		Provenance: xbrl.Provenance{Source: "bench", Generator: "xport"},
	}
	start := time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < n/3; i++ {
		p := xbrl.Period{Start: start.AddDate(0, 0, i), End: start.AddDate(0, 0, i+90)}
		for _, fc := range []struct {
			c *xbrl.Concept
			v int64
		}{{product, 1000 + int64(i)}, {service, 2000}, {revenues, 3000 + int64(i)}} {
			f := &xbrl.Fact{Concept: fc.c, Period: p, Unit: &xbrl.USD, Value: decimal.FromInt(fc.v * 1000), Decimals: -3}
			f.ID = f.Concept.ID() + "_" + f.ContextID()
			rep.Facts = append(rep.Facts, f)
		}
	}
	inst, err := exporter.XML(rep)
	if err != nil {
		tb.Fatal(err)
	}
	files, err := schema.Taxonomy(rep, cat)
	if err != nil {
		tb.Fatal(err)
	}
	files = append(files, schema.File{Name: "bench.xbrl", Data: inst})
	for _, f := range files {
		if err := os.WriteFile(filepath.Join(dir, f.Name), f.Data, 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	return filepath.Join(dir, "bench.xbrl")
}

// BenchmarkValidate measures validation with calculations of an instance
// of 100,000 facts, in facts per second.
func BenchmarkValidate(b *testing.B) {
	const n = 100_000
	path := writeLargeInstance(b, b.TempDir(), n)
	for b.Loop() {
		doc, ds, err := validate.File(path, validate.Options{Calc: validate.CalcXBRL21, Cross: true}, 0)
		if err != nil || doc.Report == nil || ds.HasErrors() || len(doc.Report.Facts) < n-2 {
			b.Fatalf("validation failed: %v %v", err, ds)
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "facts/s")
}

// TestLargeInstanceIsValid keeps the benchmark's instance honest: valid,
// and a changed value is found.
func TestLargeInstanceIsValid(t *testing.T) {
	dir := t.TempDir()
	path := writeLargeInstance(t, dir, 300)
	_, ds, err := validate.File(path, validate.Options{Calc: validate.CalcXBRL21}, 0)
	if err != nil || ds.HasErrors() {
		t.Fatalf("generated instance invalid: %v %v", err, ds)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(dir, "bad.xbrl")
	if err := os.WriteFile(bad, bytes.Replace(data, []byte(">3000000<"), []byte(">3005000<"), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	_, ds, err = validate.File(bad, validate.Options{Calc: validate.CalcXBRL21}, 0)
	if err != nil || ds.Count(source.Error) != 1 || ds[0].Code != "xbrl.5.2.5.2:calcInconsistency" {
		t.Errorf("a changed total: %v %v", ds, err)
	}
}
