package xport

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// FuzzConvert runs the whole pipeline on arbitrary text: it must not
// panic, and every diagnostic must point inside the input.
func FuzzConvert(f *testing.F) {
	if b, err := os.ReadFile(sample); err == nil {
		f.Add(b)
	}
	reports, _ := filepath.Glob(filepath.Join("testdata", "minerals", "*.txt"))
	for _, path := range append([]string{"testdata/invalid/conflicting-revenue.txt", sdSample}, reports...) {
		if b, err := os.ReadFile(path); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("Form SD conflict minerals\nMetal\tSmelter or Refiner Facility Name\nTin Tin\tA (*) B\n\tc\nfor the reporting period January 1, 2014 to December 31, 2014\n"))
	f.Add([]byte("Revenues for the quarter were $1.5 million, or $(0.01) per share, compared to $2 million in the third quarter of 2012.\n"))
	f.Add([]byte("                Q1'11   Q2'11\nRevenue ($ Mil)  $1.0   $2.0\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := Convert("fuzz.txt", bytes.NewReader(data), Options{})
		if err != nil {
			return
		}
		lines := len(res.Document.Lines)
		for _, d := range res.Diagnostics {
			if p := d.Pos; p.IsValid() && (p.Line > lines || p.Col < 1) {
				t.Fatalf("diagnostic %v outside the input (%d lines)", d, lines)
			}
		}
	})
}
