package xport

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/xport/xport/source"
)

const badTable = `Example Corp
Consolidated Statements of Operations
(In thousands)

                          Year Ended December 31,
                          -----------------------
                            2020         2019
                          ---------    ---------
Revenues                  $ 1,000      $   900
Cost of revenues              6x0          500
Other income                           7         12
                          ---------    ---------
Gross profit                  400          400
`

const badHeading = `Example Corp
Consolidated Statements of Operations
(In thousands)

                              Year Ended
                          -----------------------
                          June 2020    June 2019
                          ---------    ---------
Revenues                  $ 1,000      $   900
`

const headless = `Example Corp

Revenues                  $ 1,000      $   900
Cost                          600          500
`

const strayFigures = `Example Corp

Revenues were as follows:

Revenues                  $ 1,000      $   900

and that is all.
`

// TestHeadlessTableAllListed: a table without column headings has no
// periods; one warning says so, and every figure is listed as not mapped
// at its place.
func TestHeadlessTableAllListed(t *testing.T) {
	res, err := Convert("bad.txt", strings.NewReader(headless), Options{CIK: "1"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, u := range res.Report.Unmapped {
		got = append(got, u.Pos.String()+" "+u.Text)
	}
	want := []string{"bad.txt:3:27 $ 1,000", "bad.txt:3:40 $   900", "bad.txt:4:31 600", "bad.txt:4:44 500"}
	if strings.Join(got, "; ") != strings.Join(want, "; ") {
		t.Errorf("not mapped: %q\nwant %q", got, want)
	}
	if n := res.Diagnostics.Count(source.Warning); n != 1 || res.Valid() {
		t.Errorf("%d warnings, want 1 for the table without headings, and the error that no fact was read: %v", n, res.Diagnostics)
	}
}

// TestBadInput converts documents with a figure that is not a number, a
// figure between columns and a column without a readable date: each gets
// a located warning, and the rest of the document still converts.
func TestBadInput(t *testing.T) {
	tests := []struct {
		name, doc string
		want      []string // "line:col code" of the warnings expected
		facts     int      // numeric facts expected
	}{
		{"not a number and unaligned", badTable, []string{"10:31 extract.notANumber", "11:50 extract.unalignedCell"}, 6},
		{"undated column", badHeading, []string{"7:27 map.undatedColumn", "7:40 map.undatedColumn"}, 0},
		{"figures outside any table", strayFigures, []string{"5:27 extract.strayFigure", "1:1 map.noFacts"}, 0},
		{"table without headings", headless, []string{"3:1 extract.noHeadings", "1:1 map.noFacts"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// Some give no fact at all: allowed here, to see the warnings.
			res, err := Convert("bad.txt", strings.NewReader(tt.doc), Options{CIK: "1", AllowEmpty: true})
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]bool{}
			for _, d := range res.Diagnostics {
				got[d.Pos.String()[len("bad.txt:"):]+" "+d.Code] = true
			}
			for _, w := range tt.want {
				if !got[w] {
					t.Errorf("no warning %s in %v", w, res.Diagnostics)
				}
			}
			if !res.Valid() {
				t.Errorf("the rest should still convert: %v", res.Diagnostics)
			}
			n := 0
			for _, f := range res.Report.Facts {
				if f.Numeric() {
					n++
				}
			}
			if n != tt.facts {
				t.Errorf("%d numeric facts, want %d", n, tt.facts)
			}
		})
	}
}

// TestUnreadableDocuments: input that is not a text disclosure, or is
// cut short, fails with an error at its place and nothing to write.
func TestUnreadableDocuments(t *testing.T) {
	sub, err := os.ReadFile("testdata/edgar/release-8k.txt")
	if err != nil {
		t.Fatal(err)
	}
	cut := sub[:bytes.Index(sub, []byte("Cost of revenue"))] // inside the EX-99.1 text
	long := append([]byte("Example Corp\n"), bytes.Repeat([]byte("1,234 "), source.MaxLineLength/6+1)...)
	tests := []struct {
		name string
		data []byte
		want string // the error, or the error diagnostic
	}{
		{"binary", []byte("Example Corp\nRevenue \x00\x01\x02"), "in.txt:2:9: binary data (NUL byte): not a text document"},
		{"long line", long, fmt.Sprintf("in.txt:2:%d: line longer than %d bytes: not a text document", source.MaxLineLength+1, source.MaxLineLength)},
		{"truncated submission", cut, "in.txt:46:1: error: the EX-99.1 document (line 41) is cut short"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Convert("in.txt", bytes.NewReader(tt.data), Options{MaxSize: int64(len(tt.data))})
			var got string
			switch {
			case err != nil:
				got = err.Error()
			case !res.Valid():
				got = fmt.Sprint(res.Diagnostics)
				if werr := res.Write(t.TempDir()); !errors.Is(werr, ErrInvalid) {
					t.Errorf("Write of an invalid result: %v, want ErrInvalid", werr)
				}
			}
			if !strings.Contains(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestMaxSize(t *testing.T) {
	data := []byte("Example Corp\nRevenue 1,000\n")
	if _, err := Convert("in.txt", bytes.NewReader(data), Options{MaxSize: int64(len(data)) - 1}); !errors.Is(err, ErrTooLarge) ||
		!strings.Contains(err.Error(), fmt.Sprintf("in.txt: input too large: more than %d bytes", len(data)-1)) {
		t.Errorf("got %v, want ErrTooLarge naming the file and the limit", err)
	}
	if _, err := Convert("in.txt", bytes.NewReader(data), Options{MaxSize: int64(len(data))}); err != nil {
		t.Errorf("input of exactly MaxSize bytes: %v", err)
	}
}

// TestNoFactsFails: a document that yields no fact is not a conversion
// (an empty file, a PDF read as text, prose without figures): an error
// says so, and nothing can be written, unless AllowEmpty.
func TestNoFactsFails(t *testing.T) {
	for name, doc := range map[string]string{
		"empty":   "",
		"fake":    "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
		"prose":   "Dear shareholders,\nThank you for a good year.\n",
		"figures": "Revenue                 2020      2019\nWidgets                  100        90\n",
	} {
		t.Run(name, func(t *testing.T) {
			res, err := Convert(name+".txt", strings.NewReader(doc), Options{CIK: "1"})
			if err != nil {
				t.Fatal(err)
			}
			if res.Valid() || !slices.ContainsFunc(res.Diagnostics, func(d source.Diagnostic) bool { return d.Code == "convert.noFacts" }) {
				t.Errorf("converted: %v", res.Diagnostics)
			}
			if err := res.Write(t.TempDir()); err == nil {
				t.Error("written")
			}
			res, err = Convert(name+".txt", strings.NewReader(doc), Options{CIK: "1", AllowEmpty: true})
			if err != nil || !res.Valid() || len(res.Report.Facts) != 0 {
				t.Errorf("AllowEmpty: %v %v", err, res.Diagnostics)
			}
		})
	}
}
