package edgar

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func readTestdata(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", "edgar", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func date(s string) time.Time {
	d, err := time.Parse("20060102", s)
	if err != nil {
		panic(err)
	}
	return d
}

// docWant is what a test expects of one document.
type docWant struct {
	typ, kind string
	firstLine int
	binary    bool
}

func TestParseFiles(t *testing.T) {
	tests := []struct {
		file   string
		header Header
		docs   []docWant
	}{
		{"release-8k.txt", Header{
			Accession: "0009999999-13-000042", FormType: "8-K", DocumentCount: 3,
			PeriodOfReport: date("20130205"), FiledAsOf: date("20130205"),
			CIK: "0009999999", CompanyName: "Lumen Harbor Optics Corp", Role: "FILER",
			Companies: 1, CIKLine: 16, NameLine: 15,
		}, []docWant{
			{"8-K", "", 30, false},
			{"EX-99.1", KindRelease, 47, false},
			{"GRAPHIC", "", 72, true},
		}},
		{"release-1997.txt", Header{
			Accession: "0009999998-97-000007", FormType: "8-K", DocumentCount: 2,
			PeriodOfReport: date("19970131"), FiledAsOf: date("19970214"),
			CIK: "0009999998", CompanyName: "OLD MILL FABRICS INC", Role: "FILER",
			Companies: 1, CIKLine: 14, NameLine: 13,
		}, []docWant{
			{"8-K", "", 24, false},
			{"EX-99", KindRelease, 35, false},
		}},
		{"minerals-sd.txt", Header{
			Accession: "0009999997-14-000011", FormType: "SD", DocumentCount: 2,
			PeriodOfReport: date("20131231"), FiledAsOf: date("20140602"),
			CIK: "0009999997", CompanyName: "Quillfield Circuits Inc", Role: "FILER",
			Companies: 1, CIKLine: 14, NameLine: 13,
		}, []docWant{
			{"SD", KindMinerals, 25, false},
			{"EX-1.01", KindMinerals, 41, false},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			sub, err := Parse(readTestdata(t, tt.file))
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if sub.Header != tt.header {
				t.Errorf("header:\n got %+v\nwant %+v", sub.Header, tt.header)
			}
			checkDocs(t, sub, tt.docs)
		})
	}
}

func checkDocs(t *testing.T, sub *Submission, want []docWant) {
	t.Helper()
	if len(sub.Documents) != len(want) {
		t.Fatalf("got %d documents, want %d", len(sub.Documents), len(want))
	}
	for i, d := range sub.Documents {
		w := want[i]
		if d.Type != w.typ || d.Kind() != w.kind || d.FirstLine != w.firstLine || d.Binary != w.binary || d.Truncated {
			t.Errorf("document %d: got type %q kind %q first line %d binary %v truncated %v, want %q %q %d %v false",
				i, d.Type, d.Kind(), d.FirstLine, d.Binary, d.Truncated, w.typ, w.kind, w.firstLine, w.binary)
		}
	}
}

func TestDocumentFields(t *testing.T) {
	sub, err := Parse(readTestdata(t, "release-8k.txt"))
	if err != nil {
		t.Fatal(err)
	}
	d := sub.Documents[1]
	got := []string{d.Sequence, d.Filename, d.Description}
	want := []string{"2", "dex991.txt", "PRESS RELEASE"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q", got, want)
	}
	if !bytes.HasPrefix(d.Text, []byte("Lumen Harbor Optics Reports")) || !bytes.HasSuffix(d.Text, []byte("============\n")) {
		t.Errorf("text is not the exhibit without its tags:\n%s", d.Text)
	}
}

// lineOf returns the 1-based line of data that equals s, or 0.
func lineOf(data []byte, s string) int {
	for i, l := range strings.Split(string(data), "\n") {
		if strings.TrimRight(l, "\r") == s {
			return i + 1
		}
	}
	return 0
}

func TestFirstLineMapsToSubmission(t *testing.T) {
	tests := []struct {
		file, line string
		doc        int
		want       int // line of the submission
	}{
		{"release-8k.txt", "Revenue              $     12,500  $     11,200", 1, 59},
		{"release-8k.txt", "Gross profit         $      4,400  $      4,200", 1, 62},
		{"release-1997.txt", "<S>                              <C>           <C>", 1, 42},
		{"release-1997.txt", "Net income                       $    315      $    290", 1, 44},
		{"minerals-sd.txt", "Gold\tCopperline Gold Refiners", 1, 50},
		{"minerals-sd.txt", "This report is filed under Rule 13p-1 of the Securities Exchange Act", 1, 43},
	}
	for _, tt := range tests {
		data := readTestdata(t, tt.file)
		if n := lineOf(data, tt.line); n != tt.want {
			t.Fatalf("%s: test table is stale: %q is on line %d, not %d", tt.file, tt.line, n, tt.want)
		}
		sub, err := Parse(data)
		if err != nil {
			t.Fatal(err)
		}
		d := sub.Documents[tt.doc]
		inDoc := lineOf(d.Text, tt.line)
		if inDoc == 0 {
			t.Fatalf("%s: %q not in document %d", tt.file, tt.line, tt.doc)
		}
		if got := d.FirstLine + inDoc - 1; got != tt.want {
			t.Errorf("%s: %q maps to submission line %d, want %d", tt.file, tt.line, got, tt.want)
		}
	}
}

func TestConvertible(t *testing.T) {
	tests := []struct {
		file string
		want []string
	}{
		{"release-8k.txt", []string{"EX-99.1"}},
		{"release-1997.txt", []string{"EX-99"}},
		{"minerals-sd.txt", []string{"SD", "EX-1.01"}},
	}
	for _, tt := range tests {
		sub, err := Parse(readTestdata(t, tt.file))
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, d := range sub.Convertible() {
			got = append(got, d.Type)
		}
		if strings.Join(got, ",") != strings.Join(tt.want, ",") {
			t.Errorf("%s: got %v, want %v", tt.file, got, tt.want)
		}
	}
}

func TestKind(t *testing.T) {
	tests := []struct{ typ, want string }{
		{"EX-99", KindRelease}, {"EX-99.1", KindRelease}, {"ex-99.2", KindRelease},
		{"EX-99.CERT", KindRelease}, {"SD", KindMinerals}, {"SD/A", KindMinerals},
		{"EX-1.01", KindMinerals}, {"EX-1.02", KindMinerals}, {" EX-1.01 ", KindMinerals},
		{"10-K", KindPeriodic}, {"10-K405", KindPeriodic}, {"10-Q", KindPeriodic}, {"10-QSB", KindPeriodic},
		{"10-KSB", KindPeriodic}, {"20-F", KindPeriodic}, {"10-K/A", KindPeriodic}, {"EX-13", KindPeriodic},
		{"EX-13.1", KindPeriodic}, {"EX-27", ""}, {"10-K12B", ""}, {"EX-130", ""},
		{"8-K", ""}, {"EX-9", ""}, {"GRAPHIC", ""}, {"EX-10.1", ""}, {"", ""},
	}
	for _, tt := range tests {
		if got := (Document{Type: tt.typ}).Kind(); got != tt.want {
			t.Errorf("Kind(%q) = %q, want %q", tt.typ, got, tt.want)
		}
	}
}

func TestBinary(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"begin 644 logo.jpg\nM``\n`\nend\n", true},
		{"\n\n  begin 0644 chart.gif\n", true},
		{"<PDF>\nbegin 644 report.pdf\n</PDF>\n", true},
		{"<pdf>\n", true},
		{"begin 644\n", false},
		{"begin the year with growth\n", false},
		{"Revenue grew\nbegin 644 x.jpg\n", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := isBinary([]byte(tt.text)); got != tt.want {
			t.Errorf("isBinary(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestCRLF(t *testing.T) {
	for _, file := range []string{"release-8k.txt", "release-1997.txt", "minerals-sd.txt"} {
		lf := readTestdata(t, file)
		crlf := bytes.ReplaceAll(lf, []byte("\n"), []byte("\r\n"))
		a, err := Parse(lf)
		if err != nil {
			t.Fatal(err)
		}
		b, err := Parse(crlf)
		if err != nil {
			t.Fatalf("%s with CRLF: %v", file, err)
		}
		if a.Header != b.Header {
			t.Errorf("%s: CRLF header\n got %+v\nwant %+v", file, b.Header, a.Header)
		}
		for i := range a.Documents {
			da, db := a.Documents[i], b.Documents[i]
			if da.Type != db.Type || da.FirstLine != db.FirstLine || da.Binary != db.Binary ||
				!bytes.Equal(bytes.ReplaceAll(da.Text, []byte("\n"), []byte("\r\n")), db.Text) {
				t.Errorf("%s: CRLF document %d: got %q line %d, want %q line %d", file, i, db.Type, db.FirstLine, da.Type, da.FirstLine)
			}
		}
	}
}

func TestCaseInsensitiveTags(t *testing.T) {
	in := "<sec-header>\nCONFORMED SUBMISSION TYPE:\t8-K\n</sec-header>\n<document>\n<type>ex-99.1\n<text>\nRevenue 1\n</text>\n</document>\n"
	sub, err := Parse([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if sub.Header.FormType != "8-K" || len(sub.Documents) != 1 || sub.Documents[0].Kind() != KindRelease ||
		string(sub.Documents[0].Text) != "Revenue 1\n" || sub.Documents[0].FirstLine != 7 {
		t.Errorf("got %+v", sub)
	}
}

func TestTextOnTagLines(t *testing.T) {
	in := "<DOCUMENT>\n<TYPE>EX-99\n<TEXT><html>\n<p>Revenue</p></html></TEXT>\n</DOCUMENT>\n<DOCUMENT>\n<TYPE>EX-99.2\n<TEXT>only line</TEXT>\n</DOCUMENT>\n"
	sub, err := Parse([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text  string
		first int
	}{{"<html>\n<p>Revenue</p></html>", 3}, {"only line", 8}}
	for i, tt := range tests {
		d := sub.Documents[i]
		if string(d.Text) != tt.text || d.FirstLine != tt.first {
			t.Errorf("document %d: got %q at line %d, want %q at line %d", i, d.Text, d.FirstLine, tt.text, tt.first)
		}
	}
}

func TestSeveralFilers(t *testing.T) {
	in := "<SEC-HEADER>\nSUBJECT COMPANY:\n\tCOMPANY DATA:\n\t\tCOMPANY CONFORMED NAME:\tTarget Co\n\t\tCENTRAL INDEX KEY:\t0000000001\n" +
		"FILED BY:\n\tCOMPANY DATA:\n\t\tCOMPANY CONFORMED NAME:\tHolder LP\n\t\tCENTRAL INDEX KEY:\t0000000002\n</SEC-HEADER>\n" +
		"<DOCUMENT>\n<TYPE>SC 13D\n<TEXT>\nx\n</TEXT>\n</DOCUMENT>\n"
	sub, err := Parse([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	h := sub.Header
	if h.CompanyName != "Target Co" || h.CIK != "0000000001" || h.Role != "SUBJECT COMPANY" || h.Companies != 2 || h.NameLine != 4 || h.CIKLine != 5 {
		t.Errorf("got %+v", h)
	}
}

func TestTruncated(t *testing.T) {
	full := string(readTestdata(t, "release-8k.txt"))
	cutInText := full[:strings.Index(full, "Cost of revenue")]
	cutAfterText := full[:strings.Index(full, "</TEXT>\n</DOCUMENT>\n<DOCUMENT>\n<TYPE>GRAPHIC")+len("</TEXT>\n")]
	cutBeforeGraphic := full[:strings.Index(full, "<DOCUMENT>\n<TYPE>GRAPHIC")]
	noEndText := strings.Replace(full, "============\n</TEXT>\n", "============\n", 1)
	tests := []struct {
		name      string
		in        string
		docs      int
		truncated int // index of the truncated document, or -1
		errLine   int
		kind      error
		textEnd   string
	}{
		{"cut in text", cutInText, 2, 1, 46, ErrTruncated, "11,200\n"},
		{"cut after </TEXT>", cutAfterText, 2, 1, 41, ErrTruncated, "============\n"},
		{"missing document", cutBeforeGraphic, 2, -1, 1, ErrTruncated, ""},
		{"document count", cutBeforeGraphic[strings.Index(cutBeforeGraphic, "\n")+1:], 2, -1, 64, ErrTruncated, ""},
		{"missing </TEXT>", noEndText, 3, 1, 46, ErrTruncated, "============\n"},
		{"header cut", full[:strings.Index(full, "FILER:")], 0, -1, 2, ErrTruncated, ""},
		{"no </DOCUMENT> before next", "<DOCUMENT>\n<TYPE>EX-99\n<TEXT>\na\n</TEXT>\n<DOCUMENT>\n<TYPE>EX-99.2\n<TEXT>\nb\n</TEXT>\n</DOCUMENT>\n", 2, 0, 1, ErrTruncated, "a\n"},
		{"no <TEXT>", "<DOCUMENT>\n<TYPE>EX-99\n</DOCUMENT>\n", 1, -1, 1, ErrMalformed, ""},
		{"bad date", "<SEC-HEADER>\nFILED AS OF DATE:\t2013-02-05\n</SEC-HEADER>\n<DOCUMENT>\n<TEXT>\n</TEXT>\n</DOCUMENT>\n", 1, -1, 2, ErrMalformed, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sub, err := Parse([]byte(tt.in))
			if sub == nil {
				t.Fatalf("no submission; error %v", err)
			}
			var e *Error
			if !errors.As(err, &e) || !errors.Is(err, tt.kind) {
				t.Fatalf("got error %v, want an *Error wrapping %v", err, tt.kind)
			}
			if e.Line != tt.errLine {
				t.Errorf("got error at line %d (%v), want line %d", e.Line, e, tt.errLine)
			}
			if len(sub.Documents) != tt.docs {
				t.Fatalf("got %d documents, want %d", len(sub.Documents), tt.docs)
			}
			for i, d := range sub.Documents {
				if d.Truncated != (i == tt.truncated) {
					t.Errorf("document %d: truncated %v", i, d.Truncated)
				}
			}
			if tt.truncated >= 0 && !strings.HasSuffix(string(sub.Documents[tt.truncated].Text), tt.textEnd) {
				t.Errorf("truncated text ends %q, want it to end %q", sub.Documents[tt.truncated].Text, tt.textEnd)
			}
		})
	}
}

func TestNotSubmission(t *testing.T) {
	tests := []struct {
		in   string
		line int
	}{
		{"", 1},
		{"Revenue  $ 1,000\n", 1},
		{"\n\r\n   \nLumen Harbor Optics Reports Results\n<TABLE>\n", 4},
		{"<html><body>8-K</body></html>", 1},
		{"<TYPE>EX-99.1\n<TEXT>\nRevenue\n</TEXT>\n", 1},
	}
	for _, tt := range tests {
		sub, err := Parse([]byte(tt.in))
		var e *Error
		if sub != nil || !errors.As(err, &e) || !errors.Is(err, ErrNotSubmission) {
			t.Errorf("Parse(%q) = %v, %v; want nil and ErrNotSubmission", tt.in, sub, err)
			continue
		}
		if e.Line != tt.line {
			t.Errorf("Parse(%q): error at line %d, want %d", tt.in, e.Line, tt.line)
		}
		if IsSubmission([]byte(tt.in)) {
			t.Errorf("IsSubmission(%q) = true", tt.in)
		}
	}
}

func TestIsSubmission(t *testing.T) {
	for _, file := range []string{"release-8k.txt", "release-1997.txt", "minerals-sd.txt"} {
		if !IsSubmission(readTestdata(t, file)) {
			t.Errorf("IsSubmission(%s) = false", file)
		}
	}
	late := strings.Repeat("x\n", sniffLen) + "<DOCUMENT>\n"
	if IsSubmission([]byte(late)) {
		t.Error("IsSubmission looked past the first 8 KB")
	}
	if !IsSubmission([]byte("  <document>\r\n")) {
		t.Error("IsSubmission missed a lower-case indented tag")
	}
}

func TestLongLine(t *testing.T) {
	if testing.Short() {
		t.Skip("allocates 100 MB")
	}
	long := bytes.Repeat([]byte("x"), 100<<20)
	var in []byte
	in = append(in, "<DOCUMENT>\n<TYPE>EX-99.1\n<TEXT>\n<"...)
	in = append(in, long...)
	in = append(in, "\nRevenue\n</TEXT>\n</DOCUMENT>\n"...)
	sub, err := Parse(in)
	if err != nil {
		t.Fatal(err)
	}
	d := sub.Documents[0]
	if len(d.Text) != len(long)+len("<\nRevenue\n") || d.FirstLine != 4 {
		t.Errorf("got text of %d bytes at line %d", len(d.Text), d.FirstLine)
	}
}
