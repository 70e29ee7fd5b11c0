package minerals

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/xport/xport/source"
)

// FuzzRead: no input panics, and every facility and diagnostic read has
// a position inside the document.
func FuzzRead(f *testing.F) {
	data, err := os.ReadFile(sample)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	more, _ := filepath.Glob(filepath.Join("..", "testdata", "minerals", "*.txt"))
	for _, p := range more {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("| CID | Metal | Name |\n|--|--|--|\n| 1 | Gold | A |\n| | | B\nMetal;Name;Country\nTin;\"x;y\";Peru\nName  Country\nGold\nA  Peru\nLimited\n"))
	f.Add([]byte("Metal\tSmelter or Refiner Facility Name\nTin Tin\tA (*) B (*)\n\tC\nTin\t\nGold X\n"))
	f.Add([]byte("(Exact name of registrant\n/s/\nCountries of origin:\n,,\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := source.Parse("f.txt", data)
		if err != nil {
			return
		}
		r, ds := Read(doc)
		for _, fac := range r.Facilities {
			if fac.Name == "" || fac.Pos.Line < 1 || fac.Pos.Line > len(data)+1 {
				t.Errorf("facility %+v", fac)
			}
		}
		for _, d := range ds {
			if d.Pos.Line < 1 {
				t.Errorf("diagnostic without a line: %v", d)
			}
		}
	})
}
