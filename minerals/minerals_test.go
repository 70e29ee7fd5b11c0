package minerals

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xport/xport/source"
)

func readFile(t *testing.T, path string) (*Report, source.Diagnostics) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := source.Read(path, f)
	if err != nil {
		t.Fatal(err)
	}
	return Read(doc)
}

func readText(t *testing.T, text string) (*Report, source.Diagnostics) {
	t.Helper()
	doc, err := source.Parse("t.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return Read(doc)
}

var sample = filepath.Join("..", "testdata", "infinera-sd-2014.txt")

// TestSampleList checks the sample's smelter list: the count per metal
// and of marked facilities (counted by hand from the text: 248 names on
// 246 entry lines, two lines holding two names each after the "(*)"
// splits, one more after the doubtful split), and the hard cases by name.
func TestSampleList(t *testing.T) {
	r, ds := readFile(t, sample)
	checkPlaces(t, sample, r)
	counts := map[Metal]int{}
	marked := 0
	byName := map[string][]Facility{}
	for _, f := range r.Facilities {
		counts[f.Metal]++
		if f.Marked {
			marked++
		}
		byName[f.Name] = append(byName[f.Name], f)
		if !f.Pos.IsValid() || f.Pos.File != sample {
			t.Errorf("%q has no position: %v", f.Name, f.Pos)
		}
	}
	want := map[Metal]int{Gold: 108, Tantalum: 39, Tin: 68, Tungsten: 33}
	for m, n := range want {
		if counts[m] != n {
			t.Errorf("%s: %d facilities, want %d", m, counts[m], n)
		}
	}
	if marked != 181 {
		t.Errorf("%d marked facilities, want 181", marked)
	}
	hard := []struct {
		name   string
		metal  Metal
		marked bool
		pos    string // line:column
	}{
		{"AngloGold Ashanti Córrego do Sítio Minerção", Gold, true, "145:6"}, // accents kept, as printed
		{"Cendres + Métaux SA", Gold, true, "157:6"},
		{"H.C. Starck GmbH Laufenburg", Tantalum, true, "263:19"}, // two names, two labels, one line
		{"H.C. Starck Hermsdorf GmbH", Tantalum, true, "263:51"},  // the second
		{"Hi-Temp", Tantalum, true, "269:10"},                     // label fused with a space
		{"CV United Smelting", Tin, true, "304:2"},                // name without a label
		{"Cooper Santa", Tin, true, "299:5"},                      // two names under one label
		{"CV Gita Pesona", Tin, false, "299:22"},                  // the second
		{"PT Mitra Stania Prima", Tin, true, "345:9"},             // two labels, one name
		{"PT Pelat Timah Nusantara Tbk", Tin, false, "346:31"},    // after a "(*)"
		{"PT Koba Tin", Tin, false, "344:23"},                     // doubtful split
		{"PT Timeh (Parsers) This", Tin, true, "354:5"},           // garbled duplicate, kept
		{"PT Timah (Persero), Tbk", Tin, true, "355:5"},           // the real name
		{"H.C. Starck Co., Etc.", Tantalum, true, "262:10"},       // suspected duplicate, kept
		{"Xinhai Rendan Shaoguan Tungsten Co., Ltd.", Tungsten, true, "397:10"},
	}
	for _, h := range hard {
		fs := byName[h.name]
		if len(fs) != 1 {
			t.Errorf("%q: found %d times, want once", h.name, len(fs))
			continue
		}
		f := fs[0]
		if f.Metal != h.metal || f.Marked != h.marked || !strings.HasSuffix(f.Pos.String(), ":"+h.pos) {
			t.Errorf("%q: %s marked=%t at %s, want %s marked=%t at %s", h.name, f.Metal, f.Marked, f.Pos, h.metal, h.marked, h.pos)
		}
	}
	codes := map[string][]string{}
	for _, d := range ds {
		codes[d.Code] = append(codes[d.Code], strings.TrimPrefix(d.Pos.String(), sample+":"))
	}
	for code, at := range map[string]string{
		"minerals.suspectedDuplicate":  "262:10 344:5 355:5",
		"minerals.doubtfulSplit":       "344:23",
		"minerals.metalFromNeighbours": "304:2",
		"minerals.fusedLabel":          "269:10",
		"minerals.notAnEntry":          "398:2",
	} {
		if got := strings.Join(codes[code], " "); got != at {
			t.Errorf("%s at %q, want %q", code, got, at)
		}
	}
}

// TestSampleReport checks the cover page and the report's statements.
func TestSampleReport(t *testing.T) {
	r, _ := readFile(t, sample)
	tests := []struct {
		what  string
		field Field
		want  string
		at    string
	}{
		{"registrant (recovered)", r.Registrant, "Infinera Corporation", "18:1"},
		{"state", r.Incorporation, "Delaware", "7:1"},
		{"file number", r.FileNumber, "001-33486", "7:10"},
		{"employer id", r.EmployerID, "77-0560433", "7:21"},
		{"address, as far as legible", r.Address, "140 Caspian Court, S", "9:1"},
		{"telephone, as far as legible", r.Phone, "572-5200", "11:10"},
		{"period", r.Period, "January 1, 2014 to December 31, 2014", "38:153"},
		{"signer", r.Signer, "Brad Feller", "61:2"},
		{"title", r.SignerTitle, "Chief Financial Officer", "62:2"},
		{"signed", r.SignedOn, "2015-05-28", "60:23"},
		{"determination", r.Determination, "DRC conflict undeterminable", "134:193"},
		{"CFSI member", r.CFSIMember, "true", "126:1"},
		{"audit", r.Audit, "false", "134:598"},
		{"framework", r.Framework, "OECD Due Diligence Guidance, five-step framework", "70:403"},
		{"products", r.Products, "(i) DTN platform; (ii) DTN-X platform; (iii) ATN platform; and (iv) Cloud Xpress platform", "20:36"},
	}
	for _, tt := range tests {
		if tt.field.Value != tt.want || !strings.HasSuffix(tt.field.Pos.String(), ":"+tt.at) {
			t.Errorf("%s = %q at %s, want %q at %s", tt.what, tt.field.Value, tt.field.Pos, tt.want, tt.at)
		}
	}
	if !strings.Contains(r.Registrant.From, `"INFINERA COR"`) {
		t.Errorf("registrant source %q does not say what the cover page reads", r.Registrant.From)
	}
	if got := r.PeriodStart.Format("2006-01-02") + "/" + r.PeriodEnd.Format("2006-01-02"); got != "2014-01-01/2014-12-31" {
		t.Errorf("period %s", got)
	}
	var names, codes []string
	for _, c := range r.Countries {
		names = append(names, c.Name)
		codes = append(codes, c.Code)
	}
	if len(r.Countries) != 42 || names[8] != "Columbia" || codes[8] != "CO" || codes[9] != "CD" || codes[30] != "CG" {
		t.Errorf("countries %v, codes %v", names, codes)
	}
	for i, c := range codes {
		if c == "" {
			t.Errorf("country %q has no code", names[i])
		}
	}
}

// TestBadLists: an unknown metal, a stray line and an empty list are
// reported where they are; the rest of the list is still read.
func TestBadLists(t *testing.T) {
	tests := []struct {
		name, text string
		facilities int
		code, at   string
	}{
		{"unknown metal", "Metal\tSmelter or Refiner Facility Name\nGold\tA Refinery (*)\nCobalt\tB Works\nTin\tC Smelter\n", 2, "minerals.unknownMetal", "3:1"},
		{"stray line", "Metal\tSmelter or Refiner Facility Name\nGold\tA Refinery\n\tpage 7 of the report\nTin\tC Smelter\n", 2, "minerals.notAnEntry", "3:2"},
		{"empty list", "Metal\tSmelter or Refiner Facility Name\n\nThe list above is empty.\n", 0, "minerals.emptyList", "1:1"},
		{"no list", "A report without a list.\n", 0, "minerals.noList", "1:1"},
		{"exact duplicate", "Metal\tSmelter or Refiner Facility Name\nGold\tA Refinery\nGold\tA Refinery\n", 2, "minerals.duplicate", "3:6"},
		{"neighbours disagree", "Metal\tSmelter or Refiner Facility Name\nGold\tA Refinery\n\tB Works\nTin\tC Smelter\n", 3, "minerals.metalUncertain", "3:2"},
		{"unknown country", "Countries of origin include: Atlantis, Chile\n", 0, "minerals.unknownCountry", "1:30"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, ds := readText(t, tt.text)
			if len(r.Facilities) != tt.facilities {
				t.Errorf("%d facilities, want %d: %+v", len(r.Facilities), tt.facilities, r.Facilities)
			}
			found := false
			for _, d := range ds {
				found = found || d.Code == tt.code && d.Pos.String() == "t.txt:"+tt.at
			}
			if !found {
				t.Errorf("no %s at %s in %v", tt.code, tt.at, ds)
			}
		})
	}
}

func TestGarbledCopy(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"PT Timah (Persero), Tbk", "PT Timeh (Parsers) This", true},
		{"PT Karimun Mining", "PT Karmiun Mining", true},
		{"Johnson Matthey Inc", "Johnson Matthey Ltd", false},
		{"PT Tinindo Inter Nusa", "PT Yinchendo Mining Industry", false},
		{"Plansee SE Liezen", "Plansee SE Reutte", false},
		{"KEMET Blue Metals", "KEMET Blue Powder", false},
		{"Xiamen Tungsten (H.C.) Co., Ltd.", "Xiamen Tungsten Co., Ltd.", false},
	}
	for _, tt := range tests {
		if got := garbledCopy(tt.a, tt.b); got != tt.want {
			t.Errorf("garbledCopy(%q, %q) = %t, want %t", tt.a, tt.b, got, tt.want)
		}
	}
}

// TestTemplateLayout reads a report laid out as the industry's reporting
// template lays out its list: aligned columns for metal, name, smelter
// identification number, country and conflict-free status (Yes or No,
// lines 43-54), and a clean cover page.
func TestTemplateLayout(t *testing.T) {
	path := filepath.Join("..", "testdata", "minerals", "northwind-sd-2016.txt")
	r, ds := readFile(t, path)
	if ds.HasErrors() {
		t.Errorf("errors: %v", ds)
	}
	checkPlaces(t, path, r)
	want := []Facility{
		{Metal: Gold, Name: "Alpine Refining AG", Marked: true, ID: "CID900001", Country: "Switzerland", CountryCode: "CH", StatusText: "Yes", Status: "Conformant"},
		{Metal: Gold, Name: "Baltic Precious Metals Oy", Marked: true, ID: "CID900002", Country: "Finland", CountryCode: "FI", StatusText: "Yes", Status: "Conformant"},
		{Metal: Gold, Name: "Cascade Gold Works, Inc.", Marked: true, ID: "CID900003", Country: "United States", CountryCode: "US", StatusText: "Yes", Status: "Conformant"},
		{Metal: Gold, Name: "Société Aurifère du Léman SA", Marked: true, ID: "CID900004", Country: "Switzerland", CountryCode: "CH", StatusText: "Yes", Status: "Conformant"},
		{Metal: Tantalum, Name: "Eastern Tantalum Processing Co., Ltd.", Marked: true, ID: "CID900005", Country: "China", CountryCode: "CN", StatusText: "Yes", Status: "Conformant"},
		{Metal: Tantalum, Name: "Ridgeway Metals Corporation", Marked: false, ID: "CID900006", Country: "United States", CountryCode: "US", StatusText: "No", Status: "Not Conformant"},
		{Metal: Tin, Name: "Andes Tin Smelting S.A.", Marked: true, ID: "CID900007", Country: "Bolivia", CountryCode: "BO", StatusText: "Yes", Status: "Conformant"},
		{Metal: Tin, Name: "PT Kepulauan Timah Jaya", Marked: true, ID: "CID900008", Country: "Indonesia", CountryCode: "ID", StatusText: "Yes", Status: "Conformant"},
		{Metal: Tin, Name: "Northern Tin Refinery Ltd", Marked: false, ID: "CID900009", Country: "Malaysia", CountryCode: "MY", StatusText: "No", Status: "Not Conformant"},
		{Metal: Tungsten, Name: "Carpathian Wolfram GmbH", Marked: true, ID: "CID900010", Country: "Austria", CountryCode: "AT", StatusText: "Yes", Status: "Conformant"},
		{Metal: Tungsten, Name: "Jiangnan Tungsten Materials Co., Ltd.", Marked: true, ID: "CID900011", Country: "China", CountryCode: "CN", StatusText: "Yes", Status: "Conformant"},
	}
	if len(r.Facilities) != len(want) {
		t.Fatalf("%d facilities, want %d", len(r.Facilities), len(want))
	}
	for i, w := range want {
		got := r.Facilities[i]
		got.Pos, got.line, got.col = source.Pos{}, 0, 0
		got.MetalPos, got.IDPos, got.CountryPos, got.StatusPos = source.Pos{}, source.Pos{}, source.Pos{}, source.Pos{}
		if got != w {
			t.Errorf("facility %d = %+v, want %+v", i+1, got, w)
		}
	}
	for _, tt := range []struct {
		what  string
		field Field
		want  string
	}{
		{"registrant", r.Registrant, "NORTHWIND INSTRUMENTS, INC."},
		{"state", r.Incorporation, "Ohio"},
		{"zip code", r.ZipCode, "44114"},
		{"area code", r.AreaCode, "216"},
		{"phone", r.Phone, "555-0142"},
		{"determination", r.Determination, "DRC conflict free"},
		{"audit", r.Audit, "true"},
		{"CFSI member", r.CFSIMember, "false"},
		{"signer", r.Signer, "Dana Whitfield"},
		{"title", r.SignerTitle, "General Counsel"},
		{"signed", r.SignedOn, "2017-05-24"},
	} {
		if tt.field.Value != tt.want {
			t.Errorf("%s = %q, want %q", tt.what, tt.field.Value, tt.want)
		}
	}
	if len(r.Countries) != 7 || r.Countries[6].Code != "RW" {
		t.Errorf("countries %+v", r.Countries)
	}
}
