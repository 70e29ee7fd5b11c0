package source

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
	"testing/iotest"
)

func TestParseNormalises(t *testing.T) {
	doc, err := Parse("in.txt", []byte("\xef\xbb\xbfRevenue\t$ 1,234\r\nNet\u00a0loss\r\x0cPage 2\nCaf\xe9\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		num  int
		text string
		pb   bool
	}{
		{1, "Revenue $ 1,234", false},
		{2, "Net loss", false},
		{3, "Page 2", true},
		{4, "Café", false},
	}
	if len(doc.Lines) != len(want) {
		t.Fatalf("got %d lines, want %d", len(doc.Lines), len(want))
	}
	for i, w := range want {
		l := doc.Lines[i]
		if l.Num != w.num || l.Text != w.text || l.PageBreak != w.pb {
			t.Errorf("line %d = %d %q %v, want %d %q %v", i, l.Num, l.Text, l.PageBreak, w.num, w.text, w.pb)
		}
	}
}

func TestLinePos(t *testing.T) {
	doc, err := Parse("in.txt", []byte("a\tb 12\nNet\u00a0loss 5\n"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		line, col int
		want      string
	}{
		{0, 0, "in.txt:1:1"},  // a
		{0, 8, "in.txt:1:3"},  // b, after the tab
		{0, 10, "in.txt:1:5"}, // 1
		{1, 4, "in.txt:2:6"},  // l, after the two-byte no-break space
		{1, 9, "in.txt:2:11"}, // 5
	}
	for _, tt := range tests {
		if got := doc.Pos(tt.line, tt.col).String(); got != tt.want {
			t.Errorf("Pos(%d, %d) = %s, want %s", tt.line, tt.col, got, tt.want)
		}
	}
}

func TestParseRejectsBinary(t *testing.T) {
	_, err := Parse("bin.dat", []byte("text\nab\x00cd\n"))
	var pe *ParseError
	if !errors.As(err, &pe) || !errors.Is(err, ErrBinary) || pe.Pos.String() != "bin.dat:2:3" {
		t.Fatalf("got %v, want a ParseError at bin.dat:2:3 wrapping ErrBinary", err)
	}
}

func TestParseRejectsLongLine(t *testing.T) {
	data := append([]byte("title\n"), bytes.Repeat([]byte("1,234 "), MaxLineLength/6+1)...)
	_, err := Parse("long.txt", data)
	var pe *ParseError
	want := fmt.Sprintf("long.txt:2:%d", MaxLineLength+1)
	if !errors.As(err, &pe) || !errors.Is(err, ErrLongLine) || pe.Pos.String() != want {
		t.Fatalf("got %v, want a ParseError at %s wrapping ErrLongLine", err, want)
	}
	if _, err := Parse("ok.txt", data[:6+MaxLineLength]); err != nil {
		t.Errorf("a line of exactly MaxLineLength bytes: %v", err)
	}
	// ReadAll refuses the line as it reads it, at the same position, and
	// counts \r\n as one line end.
	crlf := append([]byte("a\r\nb\r\n"), data[6:]...)
	_, err = ReadAll("long.txt", bytes.NewReader(crlf))
	if want := fmt.Sprintf("long.txt:3:%d", MaxLineLength+1); !errors.As(err, &pe) || !errors.Is(err, ErrLongLine) || pe.Pos.String() != want {
		t.Errorf("ReadAll: got %v, want a ParseError at %s wrapping ErrLongLine", err, want)
	}
	if got, err := ReadAll("ok.txt", bytes.NewReader(data[:6+MaxLineLength])); err != nil || len(got) != 6+MaxLineLength {
		t.Errorf("ReadAll of a line of exactly MaxLineLength bytes: %d bytes, %v", len(got), err)
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte("a\tb\r\nc\rd\fe\xff"))
	f.Fuzz(func(t *testing.T, data []byte) {
		// Fuzz inputs are far below MaxLineLength: ReadAll returns them whole.
		if got, err := ReadAll("f", iotest.OneByteReader(bytes.NewReader(data))); err != nil || !bytes.Equal(got, data) {
			t.Fatalf("ReadAll: %d of %d bytes, %v", len(got), len(data), err)
		}
		doc, err := Parse("f", data)
		if err != nil {
			return
		}
		for i, l := range doc.Lines {
			if strings.ContainsAny(l.Text, "\t\r\n\f") {
				t.Fatalf("line %d not normalised: %q", i+1, l.Text)
			}
			p := l.Pos("f", len([]rune(l.Text)))
			if p.Col < 1 || p.Col > len(l.orig)+1 {
				t.Fatalf("line %d: end column %d outside 1..%d", i+1, p.Col, len(l.orig)+1)
			}
		}
	})
}

func TestCells(t *testing.T) {
	tests := []struct {
		line string
		want []Cell
	}{
		{"Gold\tAdvanced Chemical Company\t", []Cell{{"Gold", 0}, {"Advanced Chemical Company", 8}}},
		{"Tin Tin\tPT Mitra Stania Prima (*)", []Cell{{"Tin Tin", 0}, {"PT Mitra Stania Prima (*)", 8}}},
		{"Tantalum Hi-Temp (*)", []Cell{{"Tantalum Hi-Temp (*)", 0}}},
		{"\tCV United Smelting (*)", []Cell{{"CV United Smelting (*)", 8}}},
		{"Delaware  001-33486    77-0560433", []Cell{{"Delaware", 0}, {"001-33486", 10}, {"77-0560433", 23}}},
		{"Cendres + M\xe9taux SA\tx", []Cell{{"Cendres + Métaux SA", 0}, {"x", 24}}},
		{"", nil},
	}
	for _, tt := range tests {
		doc, err := Parse("t.txt", []byte(tt.line))
		if err != nil {
			t.Fatal(err)
		}
		var got []Cell
		if len(doc.Lines) > 0 {
			got = doc.Lines[0].Cells()
		}
		if fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("Cells(%q) = %v, want %v", tt.line, got, tt.want)
		}
		for _, c := range got {
			if r := []rune(doc.Lines[0].Text); !strings.HasPrefix(string(r[c.Col:]), c.Text) {
				t.Errorf("Cells(%q): %q is not at column %d of %q", tt.line, c.Text, c.Col, doc.Lines[0].Text)
			}
		}
	}
}
