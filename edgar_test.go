package xport

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/xport/xport/edgar"
	"github.com/xport/xport/source"
	"github.com/xport/xport/xbrl"
)

const twoExhibits = "testdata/edgar/release-two-exhibits.txt"

// TestEDGARSubmissions converts EDGAR submission files: the release
// exhibits or the Form SD with its exhibit are converted, the header's CIK
// identifies the entity, the header's company name is the registrant's
// when the text names none, and positions name lines of the submission.
func TestEDGARSubmissions(t *testing.T) {
	tests := []struct {
		file       string
		facts      int
		entity     string
		source     string // the source of the first fact
		facilities int
		registrant string // dei:EntityRegistrantName and where it was read
	}{
		{"testdata/edgar/release-8k.txt", 9, "0009999999", "release-8k.txt:59:", 0, "Lumen Harbor Optics Corp at release-8k.txt:52:1"},
		{"testdata/edgar/minerals-sd.txt", 18, "0009999997", "", 3, "Quillfield Circuits Inc at minerals-sd.txt:13:29"},
		{"testdata/edgar/release-1997.txt", 7, "0009999998", "release-1997.txt:43:34", 0, "OLD MILL FABRICS INC at release-1997.txt:13:29"},
		{twoExhibits, 17, "0009999996", "release-two-exhibits.txt:60:22", 0, "TERN VALLEY INSTRUMENTS INC at release-two-exhibits.txt:16:29"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			res := convertFile(t, tt.file, Options{})
			if !res.Valid() {
				t.Fatalf("invalid: %v", res.Diagnostics)
			}
			if len(res.Report.Facts) != tt.facts || res.Report.Entity.ID != tt.entity {
				t.Errorf("%d facts for entity %s, want %d for %s", len(res.Report.Facts), res.Report.Entity.ID, tt.facts, tt.entity)
			}
			if tt.source != "" && !strings.HasPrefix(res.Report.Facts[0].Source.String(), tt.source) {
				t.Errorf("first fact at %s, want %s...", res.Report.Facts[0].Source, tt.source)
			}
			if tt.facilities > 0 && (res.Minerals == nil || len(res.Minerals.Facilities) != tt.facilities) {
				t.Errorf("facilities: %+v", res.Minerals)
			}
			if f := factOf(res.Report, "dei:EntityRegistrantName"); f == nil || f.Text+" at "+f.Source.String() != tt.registrant {
				t.Errorf("registrant %+v, want %s", f, tt.registrant)
			}
			for _, d := range res.Diagnostics {
				if d.Code == "map.noCIK" || strings.Contains(d.Message, "no registrant name") {
					t.Errorf("the header was not used: %v", d)
				}
			}
		})
	}
}

// TestRegistrantFromHeader: the header's company name stands in only for
// a registrant the text does not name, and a provenance note says so at
// the header line.
func TestRegistrantFromHeader(t *testing.T) {
	tests := []struct {
		file string
		note string // "" for none
	}{
		{"testdata/edgar/minerals-sd.txt", "minerals-sd.txt:13:29"},
		{"testdata/edgar/release-1997.txt", "release-1997.txt:13:29"},
		{twoExhibits, "release-two-exhibits.txt:16:29"},
		{"testdata/edgar/release-8k.txt", ""}, // the statement's title names the company
		{"testdata/infinera-sd-2014.txt", ""}, // the cover page names it
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			res := convertFile(t, tt.file, Options{CIK: "1"})
			got := ""
			for _, n := range res.Report.Provenance.Notes {
				if n.Text == "the registrant's name is read from the EDGAR submission header" {
					got = n.Pos.String()
				}
			}
			if got != tt.note {
				t.Errorf("note at %q, want %q", got, tt.note)
			}
		})
	}
}

// TestSubmissionExhibits: every release exhibit of a submission is
// converted into one report, at its submission lines; a figure both
// exhibits print is one fact with both positions; the graphic is skipped.
func TestSubmissionExhibits(t *testing.T) {
	res := convertFile(t, twoExhibits, Options{})
	if !res.Valid() {
		t.Fatalf("invalid: %v", res.Diagnostics)
	}
	tests := []struct {
		concept, period, value, source string
		also                           int // a line the figure is printed on too; 0 for none
	}{
		{"us-gaap:Revenues", "2013-01-01..2013-03-31", "21300000", "release-two-exhibits.txt:60:22", 83}, // EX-99.1, and EX-99.2
		{"us-gaap:Revenues", "2012-01-01..2012-03-31", "19850000", "release-two-exhibits.txt:60:36", 83},
		{"us-gaap:NetIncomeLoss", "2013-01-01..2013-03-31", "2500000", "release-two-exhibits.txt:66:22", 0},
		{"us-gaap:DepreciationDepletionAndAmortization", "2013-01-01..2013-03-31", "940000", "release-two-exhibits.txt:84:41", 0}, // EX-99.2 only
		{"us-gaap:PaymentsToAcquirePropertyPlantAndEquipment", "2012-01-01..2012-03-31", "780000", "release-two-exhibits.txt:85:55", 0},
	}
	for _, tt := range tests {
		f := findFact(res.Report, tt.concept, tt.period)
		if f == nil {
			t.Errorf("no %s for %s", tt.concept, tt.period)
			continue
		}
		if f.ValueString() != tt.value || f.Source.String() != tt.source {
			t.Errorf("%s for %s = %s at %s, want %s at %s", tt.concept, tt.period, f.ValueString(), f.Source, tt.value, tt.source)
		}
		if tt.also != 0 && !containsLine(f.Also, tt.also) {
			t.Errorf("%s for %s: also printed at %v, want line %d", tt.concept, tt.period, f.Also, tt.also)
		}
	}
	var converted []string
	for _, n := range res.Report.Provenance.Notes {
		if strings.HasPrefix(n.Text, "converted the submission's") {
			converted = append(converted, n.Pos.String()+" "+strings.Fields(n.Text)[3])
		}
	}
	if got, want := strings.Join(converted, ", "), "release-two-exhibits.txt:43:1 EX-99.1, release-two-exhibits.txt:70:1 EX-99.2"; got != want {
		t.Errorf("converted %s, want %s", got, want)
	}
	for _, d := range res.Diagnostics {
		if d.Severity > source.Info {
			t.Errorf("unexpected %v", d)
		}
	}
	for _, f := range res.Report.Facts {
		if f.Source.Line > 88 {
			t.Errorf("%s read from the graphic at %s", f.Concept.QName(), f.Source)
		}
	}
}

// TestSubmissionExhibitsDisagree: two exhibits that print different
// values for one fact are an error at the second and a warning at the
// first, each naming the other.
func TestSubmissionExhibitsDisagree(t *testing.T) {
	data, err := os.ReadFile(twoExhibits)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	lines[82] = strings.Replace(lines[82], "21,300", "21,400", 1) // EX-99.2's revenue, line 83
	res, err := Convert("two.txt", strings.NewReader(strings.Join(lines, "\n")), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"two.txt:83:32: warning": "us-gaap:Revenues for 2013-01-01..2013-03-31 is 21400000 here but 21300000 at two.txt:60:22, in a primary statement: left out",
	}
	for _, d := range res.Diagnostics {
		if d.Code != "map.inconsistentDuplicate" {
			continue
		}
		key := d.Pos.String() + ": " + d.Severity.String()
		if want[key] != d.Message {
			t.Errorf("%s: %s, want %q", key, d.Message, want[key])
		}
		delete(want, key)
	}
	for k, m := range want {
		t.Errorf("no %s: %s", k, m)
	}
}

// TestSubmissionRepeatedStatement: an exhibit that repeats another's
// statement adds no facts and loses no figure: each fact has both
// positions.
func TestSubmissionRepeatedStatement(t *testing.T) {
	data, err := os.ReadFile(twoExhibits)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	statement := lines[53:67] // EX-99.1's statement of operations, lines 54-67
	text := slices.Concat(lines[:85], []string{""}, statement, lines[85:])
	res, err := Convert("repeat.txt", strings.NewReader(strings.Join(text, "\n")), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !res.Valid() || len(res.Report.Facts) != 17 || res.Report.Figures != 26 || len(res.Report.Unmapped) != 0 {
		t.Fatalf("valid %v, %d facts from %d figures, %d not mapped; %v", res.Valid(), len(res.Report.Facts), res.Report.Figures, len(res.Report.Unmapped), res.Diagnostics)
	}
	f := findFact(res.Report, "us-gaap:NetIncomeLoss", "2013-01-01..2013-03-31")
	if f == nil || f.Source.Line != 66 || !containsLine(f.Also, 99) {
		t.Errorf("net income: %+v, want at line 66 and 99", f)
	}
}

// bothKinds is a submission holding a release exhibit and a Form SD with
// its report.
const bothKinds = `<SEC-DOCUMENT>x
<DOCUMENT>
<TYPE>EX-99.1
<TEXT>
Example Corp
Condensed Statements of Operations
(In thousands)
                      Year Ended December 31,
                         2014          2013
Revenue              $     12,500  $     11,200
</TEXT>
</DOCUMENT>
<DOCUMENT>
<TYPE>EX-1.01
<TEXT>
Conflict Minerals Report of Example Corp, filed under Rule 13p-1 for
the reporting period January 1, 2014 to December 31, 2014.

Metal	Smelter or Refiner Facility Name
Tin	Northvale Tin Smelting Works
</TEXT>
</DOCUMENT>
</SEC-DOCUMENT>
`

// TestKind converts with Options.Kind: detected, or given for a submission
// (its documents of that kind) and for plain text (read as that kind);
// a given kind is noted in the provenance.
func TestKind(t *testing.T) {
	sd, err := os.ReadFile("testdata/infinera-sd-2014.txt")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, text, kind string
		minerals         bool   // converted as a conflict minerals report
		skipped          string // the position of an edgar.notConverted warning
		err              string
	}{
		{name: "submission, detected", text: bothKinds, skipped: "both.txt:13:1"},
		{name: "submission, release", text: bothKinds, kind: edgar.KindRelease, skipped: "both.txt:13:1"},
		{name: "submission, minerals", text: bothKinds, kind: edgar.KindMinerals, minerals: true, skipped: "both.txt:2:1"},
		{name: "plain text, detected", text: string(sd), minerals: true},
		{name: "plain text, release", text: string(sd), kind: edgar.KindRelease},
		{name: "none of the kind", text: strings.Replace(bothKinds, "EX-1.01", "EX-3.1", 1), kind: edgar.KindMinerals,
			err: "both.txt:1:1: no document of the submission is of the kind given, a conflict minerals report (SD, EX-1.01); it holds EX-99.1, EX-3.1"},
		{name: "unknown kind", text: bothKinds, kind: "8-K", err: `both.txt: unknown kind "8-K"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Convert("both.txt", strings.NewReader(tt.text), Options{CIK: "1", Kind: tt.kind})
			if tt.err != "" {
				if err == nil || !strings.HasPrefix(err.Error(), tt.err) {
					t.Errorf("err = %v, want %s...", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := res.Minerals != nil; got != tt.minerals {
				t.Errorf("converted as minerals: %v, want %v", got, tt.minerals)
			}
			skipped := ""
			for _, d := range res.Diagnostics {
				if d.Code == "edgar.notConverted" {
					skipped = d.Pos.String()
				}
			}
			if skipped != tt.skipped {
				t.Errorf("not converted: %q, want %q", skipped, tt.skipped)
			}
			noted := false
			for _, n := range res.Report.Provenance.Notes {
				noted = noted || strings.Contains(n.Text, "the kind is given (--kind "+tt.kind+")")
			}
			if noted != (tt.kind != "") {
				t.Errorf("noted a given kind: %v; notes %v", noted, res.Report.Provenance.Notes)
			}
		})
	}
}

// TestSubmissionWithoutRelease: a submission with nothing to convert is an
// error that names what it holds.
func TestSubmissionWithoutRelease(t *testing.T) {
	text := "<SEC-DOCUMENT>x\n<DOCUMENT>\n<TYPE>GRAPHIC\n<TEXT>\nbegin 644 logo.jpg\nend\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n"
	_, err := Convert("logo.txt", strings.NewReader(text), Options{})
	if err == nil || !strings.Contains(err.Error(), "holds GRAPHIC") || !strings.HasPrefix(err.Error(), "logo.txt:1:1:") {
		t.Errorf("err = %v", err)
	}
}

func factOf(rep *xbrl.Report, concept string) *xbrl.Fact {
	for _, f := range rep.Facts {
		if f.Concept.QName() == concept {
			return f
		}
	}
	return nil
}

func findFact(rep *xbrl.Report, concept, period string) *xbrl.Fact {
	for _, f := range rep.Facts {
		if f.Concept.QName() == concept && f.Period.String() == period && len(f.Dims) == 0 {
			return f
		}
	}
	return nil
}
