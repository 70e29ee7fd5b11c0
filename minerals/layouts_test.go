package minerals

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xport/xport/source"
)

// layoutCase is a report of testdata/minerals with what its text says,
// typed from it: every facility as "Metal|Name|ID|Country|Status", and
// the countries of origin as printed.
type layoutCase struct {
	file       string
	facilities []string
	countries  []string
	codes      []string
	// repaired counts the facilities whose row wrapped onto the next
	// line; furniture the page headers, footers, numbers and repeated
	// header rows inside the list.
	repaired, furniture int
}

var layoutCases = []layoutCase{
	{
		// A pipe table, columns in the template's order reversed in part
		// (number first, "Mineral", "Facility Location", "RMAP Status"),
		// two names wrapped onto a row of their own, a page break with
		// its footer, running header and repeated header (lines 61-65);
		// countries as a bullet list (lines 80-88).
		file: "harbor-sd-2019.txt",
		facilities: []string{
			"Gold|Advanced Chemical Company|CID000015|United States Of America|Conformant",                // line 49
			"Gold|Almalyk Mining and Metallurgical Complex (AMMC)|CID000041|Uzbekistan|Conformant",        // 50
			"Gold|AngloGold Ashanti Córrego do Sítio Mineração|CID000058|Brazil|Conformant",               // 51
			"Gold|Inner Mongolia Qiankun Gold and Silver Refinery Share Co., Ltd.|CID000801|China|Active", // 52-53
			"Gold|Singway Technology Co., Ltd.|CID002516|Taiwan|Not Enrolled",                             // 54
			"Tantalum|Changsha South Tantalum Niobium Co., Ltd.|CID000211|China|Conformant",               // 55
			"Tantalum|Exotech Inc.|CID000456|United States Of America|Conformant",                         // 56
			"Tantalum|Jiangxi Dinghai Tantalum & Niobium Co., Ltd.|CID002512|China|Conformant",            // 57-58
			"Tantalum|NPM Silmet AS|CID001200|Estonia|Conformant",                                         // 59
			"Tin|Chenzhou Yunxiang Mining and Metallurgy Co., Ltd.|CID000228|China|Conformant",            // 66-67
			"Tin|Alpha|CID000292|United States Of America|Conformant",                                     // 68
			"Tin|O.M. Manufacturing (Thailand) Co., Ltd.|CID001314|Thailand|Conformant",                   // 69
			"Tin|PT Timah Tbk Kundur|CID001458|Indonesia|Conformant",                                      // 70
			"Tin|Yunnan Tin Company Limited|CID002180|China|Active",                                       // 71
			"Tungsten|Guangdong Xianglu Tungsten Co., Ltd.|CID000218|China|Conformant",                    // 72
			"Tungsten|Wolfram Bergbau und Hütten AG|CID002044|Austria|Conformant",                         // 73
			"Tungsten|Kennametal Fallon|CID000966|United States Of America|Not Conformant",                // 74
		},
		countries: []string{"Australia", "Austria", "Bolivia", "Brazil", "China", "Democratic Republic of the Congo", "Indonesia", "Rwanda", "United States of America"},
		codes:     []string{"AU", "AT", "BO", "BR", "CN", "CD", "ID", "RW", "US"},
		repaired:  3,
		furniture: 3, // "Page 2 of 3", the running header, the header row again
	},
	{
		// Aligned columns with no metal column: rows grouped under the
		// headings GOLD, TANTALUM, TIN, TUNGSTEN; two names wrapped onto
		// the next line with nothing else on it; a page footer, page
		// number and the header again between TANTALUM and TIN (lines
		// 66-68); countries in four columns (lines 85-88).
		file: "granite-sd-2021.txt",
		facilities: []string{
			"Gold|Asahi Pretec Corp.|CID000082|Japan|",                              // line 50
			"Gold|Aurubis AG|CID000113|Germany|",                                    // 51
			"Gold|Caridad (Mexicana de Cobre)|CID000180|Mexico|",                    // 52-53
			"Gold|Chimet S.p.A.|CID000233|Italy|",                                   // 54
			"Gold|Jiangxi Copper Co., Ltd. Guixi Smelter|CID000855|China|",          // 55-56
			"Gold|Metalor Technologies (Singapore) Pte., Ltd.|CID001152|Singapore|", // 57
			"Gold|PAMP S.A.|CID001352|Switzerland|",                                 // 58
			"Tantalum|Global Advanced Metals Aizu|CID002558|Japan|",                 // 61
			"Tantalum|H.C. Starck Tantalum and Niobium GmbH|CID002545|Germany|",     // 62
			"Tantalum|Taki Chemical Co., Ltd.|CID001869|Japan|",                     // 63
			"Tin|Malaysia Smelting Corporation (MSC)|CID001105|Malaysia|",           // 71
			"Tin|Minsur|CID001182|Peru|",                                            // 72
			"Tin|PT Refined Bangka Tin|CID001460|Indonesia|",                        // 73
			"Tin|Thaisarco|CID001898|Thailand|",                                     // 74
			"Tungsten|Chongyi Zhangyuan Tungsten Co., Ltd.|CID000258|China|",        // 77
			"Tungsten|Global Tungsten & Powders Corp.|CID000568|United States|",     // 78
			"Tungsten|Hunan Chenzhou Mining Co., Ltd.|CID000766|China|",             // 79
			"Tungsten|Xiamen Tungsten Co., Ltd.|CID002082|China|",                   // 80
			"Tungsten|Japan New Metals Co., Ltd.|CID000825|Japan|",                  // 81
		},
		countries: []string{"Australia", "Bolivia", "Brazil", "Burundi", "Canada", "Chile", "China", "Colombia",
			"Indonesia", "Japan", "Malaysia", "Mexico", "Peru", "Rwanda", "Thailand"},
		codes:     []string{"AU", "BO", "BR", "BI", "CA", "CL", "CN", "CO", "ID", "JP", "MY", "MX", "PE", "RW", "TH"},
		repaired:  2,
		furniture: 3, // the footer, "- 2 -", the header again
	},
	{
		// Comma-separated values under a header row, names with commas
		// quoted, metals in no order, status Y or N (lines 31-47);
		// countries in prose over three lines, one name broken by the
		// line's end ("the Democratic Republic of the" / "Congo", lines
		// 50-52).
		file: "lumen-sd-2018.txt",
		facilities: []string{
			"Tungsten|A.L.M.T. Corp.|CID000004|Japan|Conformant",                          // line 33
			"Tungsten|Kennametal Huntsville|CID000105|United States|Conformant",           // 34
			"Tin|Dowa|CID000402|Japan|Conformant",                                         // 35
			"Tin|EM Vinto|CID000438|Bolivia|Conformant",                                   // 36
			"Tin|Fenix Metals|CID000468|Poland|Conformant",                                // 37
			"Tin|Gejiu Non-Ferrous Metal Processing Co., Ltd.|CID000538|China|Conformant", // 38
			"Tin|Mineração Taboca S.A.|CID001173|Brazil|Conformant",                       // 39
			"Tin|PT Bukit Timah|CID001428|Indonesia|Not Conformant",                       // 40
			"Tantalum|F&X Electro-Materials Ltd.|CID000460|China|Conformant",              // 41
			"Tantalum|Mitsui Mining and Smelting Co., Ltd.|CID001192|Japan|Conformant",    // 42
			"Gold|Heimerle + Meule GmbH|CID000694|Germany|Conformant",                     // 43
			"Gold|Istanbul Gold Refinery|CID000814|Turkey|Conformant",                     // 44
			"Gold|Johnson Matthey Inc.|CID000920|United States|Conformant",                // 45
			"Gold|Johnson Matthey Ltd.|CID000924|Canada|Conformant",                       // 46
			"Gold|L'azurde Company For Jewelry|CID001032|Saudi Arabia|Not Conformant",     // 47
			"Gold|Rand Refinery (Pty) Ltd.|CID001512|South Africa|Conformant",             // 48
		},
		countries: []string{"Australia", "Bolivia", "Brazil", "Burundi", "Canada", "China", "the Democratic Republic of the Congo",
			"Indonesia", "Malaysia", "Peru", "Rwanda", "Thailand", "Uganda"},
		codes: []string{"AU", "BO", "BR", "BI", "CA", "CN", "CD", "ID", "MY", "PE", "RW", "TH", "UG"},
	},
}

// TestLayouts reads each report of testdata/minerals laid out unlike
// the sample and finds every facility, with its metal, number, country
// and status, none more, and every country of origin.
func TestLayouts(t *testing.T) {
	for _, tc := range layoutCases {
		t.Run(tc.file, func(t *testing.T) {
			path := filepath.Join("..", "testdata", "minerals", tc.file)
			r, ds := readFile(t, path)
			checkPlaces(t, path, r)
			var got []string
			for _, f := range r.Facilities {
				got = append(got, strings.Join([]string{string(f.Metal), f.Name, f.ID, f.Country, f.Status}, "|"))
				if !f.Pos.IsValid() {
					t.Errorf("%q has no position", f.Name)
				}
			}
			if !slices.Equal(got, tc.facilities) {
				t.Errorf("facilities:\n got %s\nwant %s", strings.Join(got, "\n     "), strings.Join(tc.facilities, "\n     "))
			}
			var names, codes []string
			for _, c := range r.Countries {
				names, codes = append(names, c.Name), append(codes, c.Code)
			}
			if !slices.Equal(names, tc.countries) || !slices.Equal(codes, tc.codes) {
				t.Errorf("countries %q %q, want %q %q", names, codes, tc.countries, tc.codes)
			}
			if s := r.Stats; s.Facilities != len(tc.facilities) || s.Repaired != tc.repaired || s.Doubtful != 0 || s.NotUnderstood != 0 || s.Furniture != tc.furniture {
				t.Errorf("stats %+v, want %d facilities, %d repaired, %d furniture", s, len(tc.facilities), tc.repaired, tc.furniture)
			}
			if n := ds.Count(source.Warning); n != 0 {
				t.Errorf("%d warnings: %v", n, ds)
			}
			if !r.Period.Found() || !r.Registrant.Found() || !r.Determination.Found() {
				t.Errorf("cover: period %q, registrant %q, determination %q", r.Period.Value, r.Registrant.Value, r.Determination.Value)
			}
		})
	}
}

// TestListConstructs reads the constructs of list layouts one at a
// time: each text's facilities as "Metal|Name|ID|Country|Status".
func TestListConstructs(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
		warn       string // a warning code the text must give, if any
	}{
		{
			name: "two bands side by side, read down the left first",
			text: "Metal     Smelter Name                 Metal     Smelter Name\n" +
				"Gold      Aurubis AG                   Tin       Minsur\n" +
				"Gold      PAMP S.A.                    Tin       Thaisarco\n" +
				"Tantalum  Taki Chemical                \n",
			want: []string{"Gold|Aurubis AG|||", "Gold|PAMP S.A.|||", "Tantalum|Taki Chemical|||", "Tin|Minsur|||", "Tin|Thaisarco|||"},
		},
		{
			name: "semicolons, quotes, columns in any order",
			text: "Country;Smelter ID;Smelter Name;Metal\n" +
				"Japan;CID000004;\"A.L.M.T.; Corp.\";Tungsten\n" +
				"Peru;CID001182;Minsur;Tin\n",
			want: []string{"Tungsten|A.L.M.T.; Corp.|CID000004|Japan|", "Tin|Minsur|CID001182|Peru|"},
		},
		{
			name: "the template's columns, with those not read",
			text: "Metal\tSmelter Reference List\tStandard Smelter Name\tSmelter Facility Location: Country\tSmelter ID\tSource of Smelter Identification Number\n" +
				"Gold\tAsahi Pretec\tAsahi Pretec Corp.\tJapan\tCID000082\tRMI\n",
			want: []string{"Gold|Asahi Pretec Corp.|CID000082|Japan|"},
		},
		{
			name: "a wrapped name whose details sit on its second line",
			text: "Metal     Smelter Name                 Smelter ID   Country\n" +
				"Gold      Jiangxi Copper Company\n" +
				"          Limited                      CID000855    China\n" +
				"Tin       Minsur                       CID001182    Peru\n",
			want: []string{"Gold|Jiangxi Copper Company Limited|CID000855|China|", "Tin|Minsur|CID001182|Peru|"},
		},
		{
			name: "a name wrapped over three lines, a country over two",
			text: "Metal     Smelter Name                 Smelter ID   Country        Status\n" +
				"Gold      Inner Mongolia Qiankun Gold   CID000801    United         Active\n" +
				"          and Silver Refinery Share                  States of\n" +
				"          Co., Ltd.                                  America\n" +
				"Tin       Minsur                       CID001182    Peru           Not\n" +
				"                                                                    enrolled\n",
			want: []string{"Gold|Inner Mongolia Qiankun Gold and Silver Refinery Share Co., Ltd.|CID000801|United States of America|Active",
				"Tin|Minsur|CID001182|Peru|Not Enrolled"},
		},
		{
			name: "a row whose label was lost has a number of its own",
			text: "Metal     Smelter Name                 Smelter ID\n" +
				"Tin       Minsur                       CID001182\n" +
				"          Thaisarco                    CID001898\n" +
				"Tin       EM Vinto                     CID000438\n",
			want: []string{"Tin|Minsur|CID001182||", "Tin|Thaisarco|CID001898||", "Tin|EM Vinto|CID000438||"},
		},
		{
			name: "a gutter of one space, split where the header's columns start",
			text: "Metal   Smelter Name               Smelter ID   Country        Status\n" +
				"Gold    Metalor Technologies (SGP) CID001152    Singapore      Conformant\n" +
				"Tin     Malaysia Smelting Corp.    CID001105    United Kingdom Active\n" +
				"Tin     Minsur                     CID001182    Peru           Active\n",
			want: []string{"Gold|Metalor Technologies (SGP)|CID001152|Singapore|Conformant",
				"Tin|Malaysia Smelting Corp.|CID001105|United Kingdom|Active", "Tin|Minsur|CID001182|Peru|Active"},
		},
		{
			name: "a footer and header at a page break, printed once, are left out",
			text: "Metal     Smelter Name                 Smelter ID\n" +
				"Gold      Aurubis AG                   CID000113\n" +
				"Acme Widgets Inc. - smelter annex\n" +
				"\fAnnex A (continued from the previous page)\n" +
				"Tin       Minsur                       CID001182\n",
			want: []string{"Gold|Aurubis AG|CID000113||", "Tin|Minsur|CID001182||"},
		},
		{
			name: "a status none of the four is kept as printed, with a warning",
			text: "Metal     Smelter Name     Status\n" +
				"Gold      Aurubis AG       Communication suspended\n",
			want: []string{"Gold|Aurubis AG|||"},
			warn: "minerals.unknownStatus",
		},
		{
			name: "statuses in other words",
			text: "Metal | Smelter | RMAP Status |\n" +
				"Gold | A | RMAP Conformant |\n" +
				"Gold | B | In progress |\n" +
				"Gold | C | Non-conformant |\n" +
				"Gold | D | Not enrolled |\n" +
				"Gold | E | Yes |\n",
			want: []string{"Gold|A|||Conformant", "Gold|B|||Active", "Gold|C|||Not Conformant", "Gold|D|||Not Enrolled", "Gold|E|||Conformant"},
		},
		{
			name: "prose after a grouped list is no facility",
			text: "Smelter Name                 Country\n" +
				"Gold\n" +
				"Aurubis AG                   Germany\n" +
				"\n" +
				"We will continue to work with our suppliers.\n",
			want: []string{"Gold|Aurubis AG||Germany|"},
		},
		{
			name: "a row number is no smelter number; symbols and pairs in the metal cell",
			text: "No.   Metal              Smelter Name        Country\n" +
				"1     Gold (Au)          Aurubis AG          Germany\n" +
				"2     Tantalum/Niobium   Taki Chemical       Japan\n",
			want: []string{"Gold|Aurubis AG||Germany|", "Tantalum|Taki Chemical||Japan|"},
		},
		{
			name: "no header row: metal headings over names, with numbers and countries",
			text: "The smelters and refiners identified are listed below.\n\n" +
				"Gold\n" +
				"Asahi Pretec Corp.          CID000082     Japan\n" +
				"Aurubis AG                  CID000113     Germany\n" +
				"\n" +
				"Tin Smelters\n" +
				"Minsur                      CID001182     Peru\n" +
				"\n" +
				"We continue to engage our suppliers on these facilities.\n",
			want: []string{"Gold|Asahi Pretec Corp.|CID000082|Japan|", "Gold|Aurubis AG|CID000113|Germany|", "Tin|Minsur|CID001182|Peru|"},
		},
		{
			name: "no header row: names alone",
			text: "Our suppliers named these smelters:\n" +
				"Tungsten\n" +
				"A.L.M.T. Corp.\n" +
				"Kennametal Huntsville\n" +
				"Tantalum\n" +
				"Taki Chemical Co., Ltd.\n",
			want: []string{"Tungsten|A.L.M.T. Corp.|||", "Tungsten|Kennametal Huntsville|||", "Tantalum|Taki Chemical Co., Ltd.|||"},
		},
		{
			name: "a heading over prose is no list",
			text: "Smelters\nGold\nOur gold comes from recycled sources, and we asked each supplier to confirm it in writing.\n",
			want: nil,
		},
		{
			name: "a stray line inside the list is reported, the rows after it read",
			text: "Metal     Smelter Name     Smelter ID\n" +
				"Gold      Aurubis AG       CID000113\n" +
				"see the notes below\n" +
				"Tin       Minsur           CID001182\n",
			want: []string{"Gold|Aurubis AG|CID000113||", "Tin|Minsur|CID001182||"},
			warn: "minerals.notAnEntry",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, ds := readText(t, tt.text)
			var got []string
			for _, f := range r.Facilities {
				got = append(got, strings.Join([]string{string(f.Metal), f.Name, f.ID, f.Country, f.Status}, "|"))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
			if tt.warn != "" && !slices.ContainsFunc(ds, func(d source.Diagnostic) bool { return d.Code == tt.warn }) {
				t.Errorf("no %s in %v", tt.warn, ds)
			}
		})
	}
}

// TestReviewCases: inputs that once broke the reader.
func TestReviewCases(t *testing.T) {
	// White space other than spaces after a column's start.
	readText(t, "Smelter Name  Country\nGold Refinery \u3000\n")
	// A bullet list whose names are not all known is no prose broken over lines.
	r, _ := readText(t, "Countries of origin include:\n• Croatia\n• Estonia\n• Japan\n")
	var got []string
	for _, c := range r.Countries {
		got = append(got, c.Name)
	}
	if strings.Join(got, "|") != "Croatia|Estonia|Japan" {
		t.Errorf("countries %q", got)
	}
	// A Windows-1252 name in a tab-separated list.
	r, _ = readText(t, "Metal\tSmelter Name\nTin\tMetal\xfargica Ltda.\n")
	if len(r.Facilities) != 1 || r.Facilities[0].Name != "Metalúrgica Ltda." {
		t.Errorf("facilities %+v", r.Facilities)
	}
}

// checkPlaces checks that each facility's cells are printed where their
// positions say: the metal label (or its heading), the number, the
// country and the status each start there; and so does each country of
// origin.
func checkPlaces(t *testing.T, path string, r *Report) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := source.Parse(path, data)
	if err != nil {
		t.Fatal(err)
	}
	textAt := func(p source.Pos) string {
		if !p.IsValid() || p.Line > len(doc.Lines) {
			return ""
		}
		l := doc.Lines[p.Line-1]
		runes, cols := []rune(l.Text), l.Columns()
		for k := range runes {
			if cols[k] == p.Col {
				return string(runes[k:])
			}
		}
		return ""
	}
	placed := 0
	for _, f := range r.Facilities {
		for _, c := range []struct {
			what, value string
			at          source.Pos
		}{
			{"metal", string(f.Metal), f.MetalPos},
			{"number", f.ID, f.IDPos},
			{"country", firstWord(f.Country), f.CountryPos},
			{"status", firstWord(f.StatusText), f.StatusPos},
		} {
			if !c.at.IsValid() {
				if c.what != "metal" && c.value != "" {
					t.Errorf("%q: %s %q has no position", f.Name, c.what, c.value)
				}
				continue
			}
			placed++
			if got := textAt(c.at); !strings.HasPrefix(strings.ToLower(got), strings.ToLower(c.value)) {
				t.Errorf("%q: %s %q, but %s reads %q", f.Name, c.what, c.value, c.at, got)
			}
		}
	}
	if placed == 0 {
		t.Errorf("no cell of %s has a position", path)
	}
	for _, c := range r.Countries {
		if got := textAt(c.Pos); !strings.HasPrefix(got, firstWord(c.Name)) {
			t.Errorf("country %q, but %s reads %q", c.Name, c.Pos, got)
		}
	}
}

func firstWord(s string) string {
	w, _, _ := strings.Cut(strings.TrimSpace(s), " ")
	return w
}
