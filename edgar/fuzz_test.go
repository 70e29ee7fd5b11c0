package edgar

import (
	"bytes"
	"errors"
	"testing"
)

// FuzzParse parses arbitrary input: no panic, every document's text is a
// piece of the input starting on line FirstLine, and every error is on a
// line of the input.
func FuzzParse(f *testing.F) {
	for _, name := range []string{"release-8k.txt", "release-1997.txt", "minerals-sd.txt"} {
		f.Add(readTestdata(f, name))
	}
	f.Add([]byte("<DOCUMENT>\r\n<TYPE>EX-99\r\n<TEXT>a</TEXT>\r\n<DOCUMENT>\n<TEXT>\n"))
	f.Add([]byte("<SEC-HEADER>\nFILER:\n\tCENTRAL INDEX KEY:\t1\nFILED AS OF DATE:\tx\n<document>\n<text><PDF>\nbegin 644 a"))
	f.Fuzz(func(t *testing.T, data []byte) {
		lines := bytes.Count(data, []byte("\n")) + 1
		sub, err := Parse(data)
		checkErrorLines(t, err, lines)
		if sub == nil {
			if !errors.Is(err, ErrNotSubmission) {
				t.Fatalf("nil submission with error %v", err)
			}
			return
		}
		for i, d := range sub.Documents {
			if d.FirstLine < 1 || d.FirstLine > lines || d.Line < 1 || d.Line > d.FirstLine {
				t.Fatalf("document %d: <DOCUMENT> line %d, first line %d; input has %d lines", i, d.Line, d.FirstLine, lines)
			}
			if len(d.Text) == 0 {
				continue
			}
			start := cap(data) - cap(d.Text)
			if start < 0 || start > len(data) || !bytes.Equal(data[start:start+len(d.Text)], d.Text) {
				t.Fatalf("document %d: text is not a subslice of the input", i)
			}
			if got := bytes.Count(data[:start], []byte("\n")) + 1; got != d.FirstLine {
				t.Fatalf("document %d: text starts on line %d, FirstLine says %d", i, got, d.FirstLine)
			}
		}
	})
}

// checkErrorLines fails t if an error of err is not on a line of the input.
func checkErrorLines(t *testing.T, err error, lines int) {
	t.Helper()
	errs := []error{err}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		errs = j.Unwrap()
	}
	for _, e := range errs {
		if e == nil {
			continue
		}
		var pe *Error
		if !errors.As(e, &pe) {
			t.Fatalf("error %v is not an *Error", e)
		}
		if pe.Line < 1 || pe.Line > lines {
			t.Fatalf("error %v outside the input's %d lines", pe, lines)
		}
	}
}
