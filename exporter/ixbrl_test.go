package exporter

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/xport/xport/decimal"
	"github.com/xport/xport/inline"
	"github.com/xport/xport/source"
	"github.com/xport/xport/xbrl"
)

// inlineDoc is a hand-made document with a figure of each kind the
// Inline XBRL output tags.
const inlineDoc = `Acme Corp
  Preferred stock, $.001 par value; no shares issued
  Total revenue     $ 1,234     $ (56)
  Largest customer      < 10%
  As of December 31,
`

// TestInlinePlaces renders a report over inlineDoc and checks where and
// how each fact stands: two facts of one figure nested, a "no" read as
// zero, a negative in parentheses, a text fact in place, two facts read
// from a heading hidden and marked there, a figure not mapped marked, a
// diagnostic linked to its line; and that the facts read back are the
// report's and the page is well-formed XML.
func TestInlinePlaces(t *testing.T) {
	doc, err := source.Parse("acme.txt", []byte(inlineDoc))
	if err != nil {
		t.Fatal(err)
	}
	at := func(line int, s string) source.Pos {
		i := strings.Index(doc.Lines[line-1].Text, s)
		if i < 0 {
			t.Fatalf("%q is not on line %d", s, line)
		}
		return source.Pos{File: "acme.txt", Line: line, Col: i + 1}
	}
	gaap := func(name string, ty xbrl.ItemType, pt xbrl.PeriodType) *xbrl.Concept {
		return &xbrl.Concept{Prefix: "us-gaap", Name: name, Namespace: "http://fasb.org/us-gaap/2025", Type: ty, PeriodType: pt, Label: name}
	}
	dei := func(name string) *xbrl.Concept {
		return &xbrl.Concept{Prefix: "dei", Name: name, Namespace: "http://xbrl.sec.gov/dei/2025", Type: xbrl.String, PeriodType: xbrl.Duration}
	}
	i23, i22 := xbrl.Period{Instant: true, End: day(2023, 12, 31)}, xbrl.Period{Instant: true, End: day(2022, 12, 31)}
	fy23 := xbrl.Period{Start: day(2023, 1, 1), End: day(2023, 12, 31)}
	usd, shares, perShare := xbrl.USD, xbrl.SharesUnit, xbrl.USDPerShare
	fact := func(c *xbrl.Concept, p xbrl.Period, u *xbrl.Unit, value string, dec int, pos source.Pos) *xbrl.Fact {
		f := &xbrl.Fact{Concept: c, Period: p, Unit: u, Decimals: dec, Source: pos}
		if u != nil {
			f.Value = decimal.MustParse(value)
		} else {
			f.Text = value
		}
		f.ID = strings.ReplaceAll(c.QName(), ":", "_") + "_" + f.ContextID()
		return f
	}
	par := gaap("PreferredStockParOrStatedValuePerShare", xbrl.PerShare, xbrl.Instant)
	issued := gaap("PreferredStockSharesIssued", xbrl.Shares, xbrl.Instant)
	revenue := gaap("Revenues", xbrl.Monetary, xbrl.Duration)
	net := gaap("NetIncomeLoss", xbrl.Monetary, xbrl.Duration)
	rep := &xbrl.Report{
		Entity:     xbrl.Entity{Scheme: xbrl.SECScheme, ID: "0000000001"},
		Taxonomy:   xbrl.Taxonomy{Prefix: "acme", Schema: "acme.xsd"},
		Units:      []*xbrl.Unit{&usd, &shares, &perShare},
		Provenance: xbrl.Provenance{Source: "acme.txt"},
		Facts: []*xbrl.Fact{
			fact(dei("EntityRegistrantName"), fy23, nil, "Acme Corp", 0, at(1, "Acme")),
			fact(par, i23, &perShare, "0.001", 3, at(2, ".001")),
			fact(par, i22, &perShare, "0.001", 3, at(2, ".001")),
			fact(issued, i23, &shares, "0", xbrl.DecimalsINF, at(2, "no shares")),
			fact(revenue, fy23, &usd, "1234000", -3, at(3, "1,234")),
			fact(net, fy23, &usd, "-56000", -3, at(3, "(56)")),
			fact(dei("DocumentPeriodEndDate"), fy23, nil, "2023-12-31", 0, at(5, "December")),
			fact(dei("DocumentType"), fy23, nil, "10-K", 0, at(5, "December")),
		},
		Unmapped: []xbrl.Unmapped{{Pos: at(4, "<"), Text: "< 10%", Label: "Largest customer", Reason: "printed as a bound, not a value"}},
	}
	rep.Concepts = []*xbrl.Concept{par, issued, revenue, net}
	var ds source.Diagnostics
	ds.Add(source.Warning, "test.warning", at(3, "Total"), "a warning about revenue")
	out, err := InlineXBRL(rep, doc, ds)
	if err != nil {
		t.Fatal(err)
	}
	page := string(out)

	for _, want := range []string{
		// the par value of both dates, one figure: nested
		`<ix:nonFraction id="us-gaap_PreferredStockParOrStatedValuePerShare_I20231231" name="us-gaap:PreferredStockParOrStatedValuePerShare" contextRef="I20231231" unitRef="USDPerShare" decimals="3" format="ixt:num-dot-decimal">` +
			`<ix:nonFraction id="us-gaap_PreferredStockParOrStatedValuePerShare_I20221231" name="us-gaap:PreferredStockParOrStatedValuePerShare" contextRef="I20221231" unitRef="USDPerShare" decimals="3" format="ixt:num-dot-decimal">.001</ix:nonFraction></ix:nonFraction>`,
		`format="ixt:fixed-zero">no</ix:nonFraction>`,
		`decimals="-3" format="ixt:num-dot-decimal" scale="3">1,234</ix:nonFraction>`,
		`decimals="-3" format="ixt:num-dot-decimal" scale="3" sign="-">56</ix:nonFraction></span>)`,
		`<ix:nonNumeric id="dei_EntityRegistrantName_D20230101_20231231" name="dei:EntityRegistrantName" contextRef="D20230101_20231231">Acme Corp</ix:nonNumeric>`,
		`title="not mapped: printed as a bound, not a value">&lt; 10%</span>`,
		`<a href="#L3">acme.txt:3:3</a>`,
		`<span id="L5">  As of <span class="xport-fact xport-hidden" title="dei:DocumentPeriodEndDate`,
		`&#10;period 2023-01-01 to 2023-12-31&#10;`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
	spans := regexp.MustCompile(`class="xport-fact( xport-hidden)?"`).FindAllString(page, -1)
	if len(spans) != len(rep.Facts) {
		t.Errorf("%d facts marked in the document, want each of the %d", len(spans), len(rep.Facts))
	}
	hidden := page[strings.Index(page, "<ix:hidden>"):strings.Index(page, "</ix:hidden>")]
	for _, id := range []string{"dei_DocumentPeriodEndDate_D20230101_20231231", "dei_DocumentType_D20230101_20231231"} {
		if !strings.Contains(hidden, `id="`+id+`"`) {
			t.Errorf("%s is not in ix:hidden", id)
		}
	}

	var got, want []string
	for _, f := range inline.Read(out).Facts {
		v := f.Text
		if f.Numeric {
			v = f.Value.String()
		}
		got = append(got, f.Name+" "+f.Context+" "+v+" "+f.Problem)
	}
	for _, f := range rep.Facts {
		want = append(want, f.Concept.QName()+" "+f.ContextID()+" "+f.ValueString()+" ")
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("read back:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	dec := xml.NewDecoder(bytes.NewReader(out))
	for {
		if _, err := dec.Token(); err != nil {
			if !errors.Is(err, io.EOF) {
				t.Errorf("not well-formed XML: %v", err)
			}
			break
		}
	}
}
