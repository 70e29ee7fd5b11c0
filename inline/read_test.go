package inline

import (
	"strings"
	"testing"
)

func TestRead(t *testing.T) {
	doc := `<html><body><ix:header><ix:hidden><ix:nonNumeric name="dei:DocumentType" contextRef="c">8-K</ix:nonNumeric></ix:hidden>
<ix:resources><xbrli:context id="c"><xbrli:entity><xbrli:identifier scheme="http://www.sec.gov/CIK">0000018230</xbrli:identifier>
<xbrli:segment><xbrldi:explicitMember dimension="us-gaap:StatementClassOfStockAxis">us-gaap:CommonStockMember</xbrldi:explicitMember></xbrli:segment></xbrli:entity>
<xbrli:period><xbrli:instant>2022-04-28</xbrli:instant></xbrli:period></xbrli:context>
<xbrli:unit id="u"><xbrli:divide><xbrli:unitNumerator><xbrli:measure>iso4217:USD</xbrli:measure></xbrli:unitNumerator>
<xbrli:unitDenominator><xbrli:measure>xbrli:shares</xbrli:measure></xbrli:unitDenominator></xbrli:divide></xbrli:unit>
</ix:resources></ix:header>
<p>Loss per share: (<ix:nonFraction name="us-gaap:EarningsPerShareBasic" contextRef="c" unitRef="u" decimals="2" sign="-" format="ixt:num-dot-decimal">1.05</ix:nonFraction>)
on <ix:nonNumeric name="dei:DocumentPeriodEndDate" contextRef="c" format="ixt:date-monthname-day-year-en">April 28, 2022</ix:nonNumeric>;
sales <ix:nonFraction name="us-gaap:Revenues" contextRef="c" unitRef="u" scale="9" decimals="-8" format="ixt:num-comma-decimal">13,6<ix:exclude> billion</ix:exclude></ix:nonFraction>.
☒ <ix:nonNumeric name="dei:EntityEmergingGrowthCompany" contextRef="c" format="ixt-sec:boolballotbox">☐</ix:nonNumeric></p></body></html>`
	d := Read([]byte(doc))
	var got []string
	for _, f := range d.Facts {
		v := f.Text
		if f.Numeric {
			v = f.Value.String()
		}
		got = append(got, f.Name+"="+v+f.Problem)
	}
	want := "dei:DocumentType=8-K us-gaap:EarningsPerShareBasic=-1.05 dei:DocumentPeriodEndDate=2022-04-28 us-gaap:Revenues=13600000000 dei:EntityEmergingGrowthCompany=false"
	if strings.Join(got, " ") != want {
		t.Errorf("got  %s\nwant %s", strings.Join(got, " "), want)
	}
	c := d.Contexts["c"]
	if c == nil || c.Identifier != "0000018230" || c.Instant != "2022-04-28" || c.Dims != 1 {
		t.Errorf("context %+v", c)
	}
	if d.Units["u"] != "iso4217:USD/xbrli:shares" {
		t.Errorf("unit %q", d.Units["u"])
	}
	if off := d.Facts[1].Offset; !strings.HasPrefix(doc[off:], "1.05") {
		t.Errorf("offset %d at %q", off, doc[off:off+8])
	}
}

func TestTransform(t *testing.T) {
	for _, tt := range []struct{ format, shown, want string }{
		{"ixt:num-dot-decimal", "1,234.50", "1234.50"},
		{"ixt:numdotdecimal", "12", "12"},
		{"ixt:num-comma-decimal", "1.234,5", "1234.5"},
		{"ixt:fixed-zero", "—", "0"},
		{"ixt-sec:numwordsen", "None", "0"},
		{"ixt:date-monthname-day-year-en", "April  28, 2022", "2022-04-28"},
		{"ixt:date-month-day-year", "4/28/2022", "2022-04-28"},
		{"ixt:date-day-monthname-year-en", "28 April 2022", "2022-04-28"},
		{"ixt:num-words-fr", "dix", ""},
	} {
		got, err := transform(tt.format, tt.shown)
		if got != tt.want || (err != nil) != (tt.want == "") {
			t.Errorf("transform(%q, %q) = %q, %v; want %q", tt.format, tt.shown, got, err, tt.want)
		}
	}
}

// FuzzRead: no input panics, and every fact's offset is inside it.
func FuzzRead(f *testing.F) {
	f.Add([]byte(`<ix:nonFraction name="a:b" scale="99999999999" format="ixt:num-dot-decimal">1</ix:nonFraction>`))
	f.Add([]byte(`<ix:nonNumeric name="a:b" continuedAt="x">A<ix:continuation id="x" continuedAt="x">B</ix:continuation></ix:nonNumeric>`))
	f.Add([]byte(strings.Repeat(`<ix:nonNumeric name="x">`, 200) + "<ix:exclude>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		d := Read(data)
		for _, fact := range d.Facts {
			if fact.Offset < 0 || fact.Offset > len(data) {
				t.Fatalf("offset %d of %d bytes", fact.Offset, len(data))
			}
		}
	})
}

// TestContinuations: a nonNumeric's value goes on in the ix:continuation
// elements its continuedAt chain names, wherever they stand; a chain
// that names no continuation is a problem, and a loop ends.
func TestContinuations(t *testing.T) {
	for _, tt := range []struct{ name, doc, want string }{
		{"a chain of two, one before the fact",
			`<ix:continuation id="k2">, the third.</ix:continuation><p><ix:nonNumeric name="a:Policy" contextRef="c" continuedAt="k1">The first part</ix:nonNumeric></p>` +
				`<p><ix:continuation id="k1" continuedAt="k2"> and the second</ix:continuation></p>`,
			"a:Policy=The first part and the second, the third."},
		{"a continuation missing",
			`<ix:nonNumeric name="a:Policy" contextRef="c" continuedAt="gone">Text</ix:nonNumeric>`,
			`a:Policy=Text continuedAt "gone" names no ix:continuation`},
		{"a loop",
			`<ix:nonNumeric name="a:Policy" contextRef="c" continuedAt="x">A</ix:nonNumeric><ix:continuation id="x" continuedAt="x">B</ix:continuation>`,
			"a:Policy=AB"},
	} {
		var got []string
		for _, f := range Read([]byte(tt.doc)).Facts {
			got = append(got, f.Name+"="+f.Text+" "+f.Problem)
		}
		if g := strings.TrimSpace(strings.Join(got, "; ")); g != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, g, tt.want)
		}
	}
}
