package validate_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xport/xport/source"
	"github.com/xport/xport/validate"
)

// TestConformance runs the suite in testdata/conformance: each file must be
// judged as cases.txt says (valid, unreadable, or invalid with the listed
// codes), which is also Arelle's verdict on it.
func TestConformance(t *testing.T) {
	dir := filepath.Join("..", "testdata", "conformance")
	data, err := os.ReadFile(filepath.Join(dir, "cases.txt"))
	if err != nil {
		t.Fatal(err)
	}
	modes := map[string]validate.CalcMode{"off": validate.CalcOff, "xbrl21": validate.CalcXBRL21, "calc11": validate.Calc11}
	for _, line := range strings.Split(string(data), "\n") {
		if line = strings.TrimSpace(line); line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "|")
		for i := range f {
			f[i] = strings.TrimSpace(f[i])
		}
		file, mode, expect := f[0], modes[f[1]], strings.Fields(f[2])
		t.Run(file+"/"+f[1], func(t *testing.T) {
			doc, ds, err := validate.File(filepath.Join(dir, file), validate.Options{Calc: mode, Cross: true}, 0)
			if err != nil {
				t.Fatal(err)
			}
			codes := map[string]bool{}
			for _, d := range ds {
				codes[d.Code] = true
				if !d.Pos.IsValid() {
					t.Errorf("diagnostic without a line and column: %v", d)
				}
			}
			switch expect[0] {
			case "unreadable":
				if doc.Report != nil {
					t.Errorf("read as a report, want unreadable: %v", ds)
				}
				return
			case "valid":
				if ds.HasErrors() {
					t.Errorf("want valid, got %v", ds)
				}
				expect = expect[1:]
			default:
				if !ds.HasErrors() {
					t.Errorf("want invalid, got valid: %v", ds)
				}
			}
			for _, code := range strings.Split(strings.Join(expect, ""), ",") {
				if code != "" && !codes[code] {
					t.Errorf("no %s in %v", code, ds)
				}
			}
		})
	}
}

// TestHostileInput: an entity expansion bomb and deeply nested JSON are
// refused with a located diagnostic, not expanded or followed.
func TestHostileInput(t *testing.T) {
	doc, ds, err := validate.File(filepath.Join("..", "testdata", "hostile", "entity-expansion.xbrl"), validate.Options{}, 0)
	if err != nil || doc.Report != nil || ds.Count(source.Error) != 1 || !ds[0].Pos.IsValid() {
		t.Errorf("entity expansion: report %v, %v, %v", doc.Report != nil, ds, err)
	}
	deep := filepath.Join(t.TempDir(), "deep.json")
	if err := os.WriteFile(deep, []byte(strings.Repeat("[", 200000)+strings.Repeat("]", 200000)), 0o644); err != nil {
		t.Fatal(err)
	}
	doc, ds, err = validate.File(deep, validate.Options{}, 0)
	if err != nil || doc.Report != nil || !ds.HasErrors() {
		t.Errorf("deep JSON: report %v, %v, %v", doc.Report != nil, ds, err)
	}
	if _, _, err := validate.File(deep, validate.Options{}, 1000); err == nil {
		t.Errorf("a file over --max-size was read")
	}
	// decimals of two billion places either way: checked as quickly as
	// -3, with the same verdicts (no 10^2000000000 is ever computed).
	for _, tt := range []struct {
		decimals string
		mode     validate.CalcMode
		valid    bool
	}{
		{"-2000000000", validate.CalcXBRL21, true},
		{"-2000000000", validate.Calc11, true},
		{"2000000000", validate.CalcXBRL21, false},
		{"2000000000", validate.Calc11, false},
	} {
		data, err := os.ReadFile(filepath.Join("..", "testdata", "conformance", "calc-inconsistent.json"))
		if err != nil {
			t.Fatal(err)
		}
		data = []byte(strings.ReplaceAll(string(data), `"decimals": -3`, `"decimals": `+tt.decimals))
		dir := t.TempDir()
		for _, name := range []string{"conf.xsd", "conf_cal.xml"} {
			b, err := os.ReadFile(filepath.Join("..", "testdata", "conformance", name))
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		p := filepath.Join(dir, "huge-decimals.json")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		_, ds, err := validate.File(p, validate.Options{Calc: tt.mode, Cross: true}, 0)
		if err != nil || ds.HasErrors() == tt.valid {
			t.Errorf("decimals %s, calc %v: want valid=%t, got %v, %v", tt.decimals, tt.mode, tt.valid, ds, err)
		}
	}
}
