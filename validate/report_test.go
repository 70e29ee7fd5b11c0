package validate

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xport/xport/decimal"
	"github.com/xport/xport/source"
	"github.com/xport/xport/xbrl"
)

var (
	revenues = &xbrl.Concept{Prefix: "us-gaap", Name: "Revenues", Type: xbrl.Monetary, PeriodType: xbrl.Duration, Balance: xbrl.Credit}
	product  = &xbrl.Concept{Prefix: "exm", Name: "ProductRevenue", Type: xbrl.Monetary, PeriodType: xbrl.Duration, Balance: xbrl.Credit}
	service  = &xbrl.Concept{Prefix: "exm", Name: "ServiceRevenue", Type: xbrl.Monetary, PeriodType: xbrl.Duration, Balance: xbrl.Credit}
	cash     = &xbrl.Concept{Prefix: "us-gaap", Name: "Cash", Type: xbrl.Monetary, PeriodType: xbrl.Instant, Balance: xbrl.Debit}
	eps      = &xbrl.Concept{Prefix: "us-gaap", Name: "EarningsPerShareBasic", Type: xbrl.PerShare, PeriodType: xbrl.Duration}
	name     = &xbrl.Concept{Prefix: "dei", Name: "EntityRegistrantName", Type: xbrl.NormString, PeriodType: xbrl.Duration}
	year     = xbrl.Period{Start: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC), End: time.Date(2020, 12, 31, 0, 0, 0, 0, time.UTC)}
)

func numeric(c *xbrl.Concept, v string, dec, line int) *xbrl.Fact {
	u := &xbrl.USD
	if c.Type == xbrl.PerShare {
		u = &xbrl.USDPerShare
	}
	return &xbrl.Fact{ID: c.ID() + "_" + year.ID(), Concept: c, Period: year, Unit: u, Value: decimal.MustParse(v), Decimals: dec, Source: source.Pos{File: "in.txt", Line: line, Col: 5}}
}

func report(facts ...*xbrl.Fact) *xbrl.Report {
	return &xbrl.Report{
		Entity:   xbrl.Entity{Scheme: xbrl.SECScheme, ID: "0000000001"},
		Concepts: []*xbrl.Concept{revenues, product, service, cash, eps, name},
		Facts:    facts,
		Networks: []*xbrl.Network{{RoleID: "Ops", Calculation: []xbrl.Arc{
			{From: revenues, To: product, Weight: 1}, {From: revenues, To: service, Weight: 1},
		}}},
	}
}

func TestReport(t *testing.T) {
	tests := []struct {
		name  string
		facts []*xbrl.Fact
		want  []string // "line code", in order; none for a valid report
	}{
		{"valid", []*xbrl.Fact{numeric(revenues, "300000", -3, 3), numeric(product, "100000", -3, 1), numeric(service, "200000", -3, 2)}, nil},
		{"calc within rounding", []*xbrl.Fact{numeric(revenues, "300000", -3, 3), numeric(product, "100400", -3, 1), numeric(service, "199600", -3, 2)}, nil},
		{"calc inconsistent", []*xbrl.Fact{numeric(revenues, "301000", -3, 3), numeric(product, "100000", -3, 1), numeric(service, "200000", -3, 2)},
			[]string{"3 xbrl.5.2.5.2:calcInconsistency"}},
		{"period type", []*xbrl.Fact{numeric(cash, "5", 0, 4)}, []string{"4 xbrl.4.7.2:contextPeriodType"}},
		{"unit type", []*xbrl.Fact{func() *xbrl.Fact { f := numeric(eps, "0.14", 2, 5); f.Unit = &xbrl.USD; return f }()},
			[]string{"5 xport.units:unitType"}},
		{"missing unit", []*xbrl.Fact{func() *xbrl.Fact { f := numeric(revenues, "1", 0, 6); f.Unit = nil; return f }()},
			[]string{"6 xbrl.4.6.2:numericUnit"}},
		{"unit on text", []*xbrl.Fact{{ID: "n", Concept: name, Period: year, Text: "Example", Unit: &xbrl.USD, Source: source.Pos{File: "in.txt", Line: 7, Col: 1}}},
			[]string{"7 xbrl.4.6.2:nonNumericUnit"}},
		{"start after end", []*xbrl.Fact{func() *xbrl.Fact {
			f := numeric(revenues, "1", 0, 8)
			f.Period.Start = f.Period.End.AddDate(0, 0, 1)
			return f
		}()}, []string{"8 xbrl.4.7.2:periodStartBeforeEnd"}},
		{"inconsistent duplicate", []*xbrl.Fact{numeric(product, "1", 0, 9), func() *xbrl.Fact { f := numeric(product, "2", 0, 10); f.ID += "b"; return f }()},
			[]string{"10 xbrl.4.10:inconsistentDuplicate"}},
		{"unknown concept", []*xbrl.Fact{numeric(&xbrl.Concept{Prefix: "x", Name: "Y", Type: xbrl.Monetary, PeriodType: xbrl.Duration}, "1", 0, 11)},
			[]string{"11 xbrl.4.6:unknownConcept"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, d := range Report(report(tt.facts...)) {
				got = append(got, strconv.Itoa(d.Pos.Line)+" "+d.Code)
			}
			if strings.Join(got, ";") != strings.Join(tt.want, ";") {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

// TestDuplicateSeverity: two values for one fact are a warning in an
// instance checked (XBRL 2.1 only unbinds their calculations) and an
// error in what xport is about to write.
func TestDuplicateSeverity(t *testing.T) {
	rep := &xbrl.Report{
		Entity:   xbrl.Entity{Scheme: xbrl.SECScheme, ID: "0000000001"},
		Concepts: []*xbrl.Concept{revenues},
		Facts:    []*xbrl.Fact{numeric(revenues, "100", 0, 1), numeric(revenues, "200", 0, 2)},
	}
	severity := func(ds source.Diagnostics) source.Severity {
		for _, d := range ds {
			if d.Code == "xbrl.4.10:inconsistentDuplicate" {
				return d.Severity
			}
		}
		t.Fatalf("no inconsistent duplicate in %v", ds)
		return 0
	}
	if got := severity(Check(rep, Options{})); got != source.Warning {
		t.Errorf("Check: severity %v, want warning", got)
	}
	if got := severity(Report(rep)); got != source.Error {
		t.Errorf("Report: severity %v, want error", got)
	}
}
