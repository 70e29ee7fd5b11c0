package minerals

import (
	"strings"

	"github.com/xport/xport/source"
)

// Country is one country of origin as the report names it, with its ISO
// 3166-1 alpha-2 code where the name maps to one.
type Country struct {
	Name string
	Code string // "" when the name maps to no code
	Pos  source.Pos
}

// iso3166 maps country names, as reports spell them, to ISO 3166-1
// alpha-2 codes. Keys are lower case.
var iso3166 = map[string]string{
	"afghanistan": "AF", "algeria": "DZ", "angola": "AO", "argentina": "AR", "armenia": "AM",
	"australia": "AU", "austria": "AT", "belgium": "BE", "benin": "BJ", "bolivia": "BO",
	"bosnia and herzegovina": "BA", "botswana": "BW", "brazil": "BR", "bulgaria": "BG",
	"burkina faso": "BF", "burundi": "BI", "cambodia": "KH", "cameroon": "CM", "canada": "CA",
	"central african republic": "CF", "chad": "TD", "chile": "CL", "china": "CN", "colombia": "CO",
	"congo": "CG", "republic of congo": "CG", "republic of the congo": "CG",
	"democratic republic of congo": "CD", "democratic republic of the congo": "CD", "drc": "CD",
	"cote d'ivoire": "CI", "côte d'ivoire": "CI", "ivory coast": "CI", "czech republic": "CZ",
	"czechia": "CZ", "denmark": "DK", "ecuador": "EC", "egypt": "EG", "eritrea": "ER",
	"estonia": "EE", "ethiopia": "ET", "finland": "FI", "france": "FR", "gabon": "GA",
	"georgia": "GE", "germany": "DE", "ghana": "GH", "greece": "GR", "guatemala": "GT",
	"guinea": "GN", "guyana": "GY", "honduras": "HN", "hong kong": "HK", "hungary": "HU",
	"india": "IN", "indonesia": "ID", "iran": "IR", "ireland": "IE", "israel": "IL", "italy": "IT",
	"japan": "JP", "kazakhstan": "KZ", "kenya": "KE", "korea": "KR", "south korea": "KR",
	"republic of korea": "KR", "korea, republic of": "KR", "kyrgyzstan": "KG", "laos": "LA",
	"lao people's democratic republic": "LA", "liberia": "LR", "lithuania": "LT", "luxembourg": "LU",
	"madagascar": "MG", "malawi": "MW", "malaysia": "MY", "mali": "ML", "mauritania": "MR",
	"mexico": "MX", "mongolia": "MN", "morocco": "MA", "mozambique": "MZ", "myanmar": "MM",
	"burma": "MM", "namibia": "NA", "netherlands": "NL", "new zealand": "NZ", "nicaragua": "NI",
	"niger": "NE", "nigeria": "NG", "norway": "NO", "oman": "OM", "pakistan": "PK", "panama": "PA",
	"papua new guinea": "PG", "peru": "PE", "philippines": "PH", "poland": "PL", "portugal": "PT",
	"romania": "RO", "russia": "RU", "russian federation": "RU", "rwanda": "RW",
	"saudi arabia": "SA", "senegal": "SN", "serbia": "RS", "sierra leone": "SL", "singapore": "SG",
	"slovakia": "SK", "slovenia": "SI", "somalia": "SO", "south africa": "ZA", "south sudan": "SS",
	"spain": "ES", "sri lanka": "LK", "sudan": "SD", "suriname": "SR", "sweden": "SE",
	"switzerland": "CH", "taiwan": "TW", "tajikistan": "TJ", "tanzania": "TZ", "thailand": "TH",
	"togo": "TG", "turkey": "TR", "türkiye": "TR", "uganda": "UG", "ukraine": "UA",
	"united arab emirates": "AE", "united kingdom": "GB", "uk": "GB", "great britain": "GB",
	"united states": "US", "united states of america": "US", "usa": "US", "uruguay": "UY",
	"uzbekistan": "UZ", "venezuela": "VE", "vietnam": "VN", "viet nam": "VN", "zambia": "ZM",
	"zimbabwe": "ZW",
}

// misspelt maps names reports get wrong to the country they mean.
var misspelt = map[string]string{"columbia": "colombia", "phillipines": "philippines", "phillippines": "philippines"}

// countryCode is the ISO 3166-1 alpha-2 code of a country name as a
// report prints it, or "".
func countryCode(name string) string {
	key := strings.ToLower(cleanCountry(name))
	if meant, ok := misspelt[key]; ok {
		key = meant
	}
	return iso3166[key]
}

// readCountries reads the countries of origin introduced at byte
// offset off of line i: the rest of that line and the lines after it,
// in any of the layouts reports use: prose ("Australia, Austria,
// Belgium and Bolivia.", wrapped over lines, a name split by a line
// break), a bullet list, or names laid out in columns. The list ends at
// a blank line or at a line that names no country.
func readCountries(doc *source.Document, i, off int, ds *source.Diagnostics) []Country {
	var spans []span // the list's text, line by line
	for ; i < len(doc.Lines); i, off = i+1, 0 {
		text := doc.Lines[i].Text
		rest := strings.TrimSpace(text[min(off, len(text)):])
		if rest == "" {
			if spans != nil {
				break
			}
			continue
		}
		lead := len(text[off:]) - len(strings.TrimLeft(text[off:], " "))
		sp := span{line: i, off: off + lead, text: rest}
		if spans != nil && !namesCountry(sp.text) && !continuesProse(spans) {
			break
		}
		spans = append(spans, sp)
		if strings.HasSuffix(rest, ".") && !strings.HasSuffix(rest, "etc.") {
			break // the sentence ends
		}
	}
	var out []Country
	for _, p := range countryPieces(doc, spans) {
		out = append(out, country(p, ds))
	}
	return out
}

// span is the text of one line of a country list, from byte offset off.
type span struct {
	line, off int
	text      string
}

// located is a piece of text at its place in the document.
type located struct {
	text string
	pos  source.Pos
}

// countryPieces splits the lines of a list into names: each line into
// its cells (columns, or one), bullets taken off, each cell at its
// commas and semicolons and before a final "and". A line of prose that
// ends inside a name ("Democratic Republic of the") is joined to the
// next.
func countryPieces(doc *source.Document, spans []span) []located {
	var out []located
	var carry *located // the unfinished end of the line above
	for _, sp := range spans {
		line := doc.Lines[sp.line]
		cells := textCells(sp.text)
		for ci, c := range cells {
			text := strings.TrimLeft(c.Text, "•·▪◦‣*-–— ")
			col := runeCol(line.Text, sp.off) + c.Col + len([]rune(c.Text)) - len([]rune(text))
			for _, p := range splitKeep(text, ',') {
				for _, q := range splitSemicolon(p) {
					name := strings.TrimSpace(q.s)
					at := doc.Pos(sp.line, col+len([]rune(text[:q.off]))+len([]rune(q.s))-len([]rune(strings.TrimLeft(q.s, " "))))
					if name == "" {
						continue
					}
					joined := false
					if carry != nil {
						// The end of the line above and this make one name, unless
						// this is a country by itself and the two are not one.
						both := carry.text + " " + name
						split := andSplit(both, carry.pos)
						switch {
						case countryCode(cleanCountry(both)) == "" && len(split) > 1 && allCountries(split):
							// "Thailand and" / "Uganda.": the last is this line's
							if last := &split[len(split)-1]; len(last.text) <= len(name) && strings.HasSuffix(name, last.text) {
								last.pos = source.Pos{File: at.File, Line: at.Line, Col: at.Col + len(name) - len(last.text)}
							}
							out, carry = append(out, split...), nil
							continue
						case countryCode(cleanCountry(both)) != "" || countryCode(cleanCountry(name)) == "":
							name, at, joined = both, carry.pos, true
						default:
							out = append(out, andSplit(carry.text, carry.pos)...)
						}
						carry = nil
					}
					last := ci == len(cells)-1 && q.off+len(q.s) == len(text)
					prose := len(cells) == 1 && text == c.Text // no columns, no bullet
					if last && prose && !joined && !strings.HasSuffix(strings.TrimSpace(sp.text), ",") && countryCode(cleanCountry(name)) == "" && !strings.HasSuffix(name, ".") {
						carry = &located{name, at} // a name broken by the line's end, carried once
						continue
					}
					out = append(out, andSplit(name, at)...)
				}
			}
		}
	}
	if carry != nil {
		out = append(out, andSplit(carry.text, carry.pos)...)
	}
	return out
}

// allCountries reports whether every piece names a country.
func allCountries(ps []located) bool {
	for _, p := range ps {
		if countryCode(cleanCountry(p.text)) == "" {
			return false
		}
	}
	return true
}

// splitSemicolon splits a piece at semicolons, keeping offsets in the
// piece's text.
func splitSemicolon(p piece) []piece {
	var out []piece
	for _, q := range splitKeep(p.s, ';') {
		out = append(out, piece{q.s, p.off + q.off})
	}
	return out
}

// andSplit splits "Rwanda and Zambia" where both sides are countries
// ("Bosnia and Herzegovina" is one).
func andSplit(name string, at source.Pos) []located {
	if countryCode(cleanCountry(name)) != "" {
		return []located{{name, at}}
	}
	if strings.HasPrefix(strings.ToLower(name), "and ") {
		return []located{{strings.TrimSpace(name[4:]), source.Pos{File: at.File, Line: at.Line, Col: at.Col + 4}}}
	}
	if i := strings.LastIndex(name, " and "); i > 0 && countryCode(cleanCountry(name[i+5:])) != "" {
		return append(andSplit(name[:i], at), located{name[i+5:], source.Pos{File: at.File, Line: at.Line, Col: at.Col + len([]rune(name[:i+5]))}})
	}
	return []located{{name, at}}
}

// cleanCountry takes off what surrounds a country's name in a list: a
// final period, a leading "the", a parenthetical ("(DRC)").
func cleanCountry(name string) string {
	name = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(name), "."))
	if i := strings.Index(name, " ("); i > 0 && strings.HasSuffix(name, ")") {
		name = name[:i]
	}
	if strings.HasPrefix(strings.ToLower(name), "the ") {
		name = name[4:]
	}
	return name
}

// namesCountry reports whether a line names at least one country.
func namesCountry(text string) bool {
	for _, c := range textCells(text) {
		for _, p := range strings.FieldsFunc(strings.TrimLeft(c.Text, "•·▪◦‣*-–— "), func(r rune) bool { return r == ',' || r == ';' }) {
			for _, l := range andSplit(strings.TrimSpace(p), source.Pos{}) {
				if countryCode(cleanCountry(l.text)) != "" {
					return true
				}
			}
		}
	}
	return false
}

// continuesProse reports whether the list read so far is prose that
// the next line goes on with: it ends with a comma, or inside a name.
func continuesProse(spans []span) bool {
	last := strings.TrimSpace(spans[len(spans)-1].text)
	if strings.HasSuffix(last, ",") {
		return true
	}
	i := strings.LastIndex(last, ",")
	return i >= 0 && countryCode(cleanCountry(last[i+1:])) == ""
}

// country reads one name of the list.
func country(p located, ds *source.Diagnostics) Country {
	name := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(p.text), "."))
	key := strings.ToLower(cleanCountry(name))
	c := Country{Name: name, Code: iso3166[key], Pos: p.pos}
	if meant, ok := misspelt[key]; ok {
		c.Code = iso3166[meant]
		ds.Add(source.Info, "minerals.countrySpelling", p.pos, "%q read as %s (%s)", name, meant, c.Code)
	}
	if key == "korea" {
		ds.Add(source.Info, "minerals.countryAmbiguous", p.pos, "%q read as the Republic of Korea (KR)", name)
	}
	if c.Code == "" {
		ds.Add(source.Warning, "minerals.unknownCountry", p.pos, "%q maps to no ISO 3166 country code; kept as printed", name)
	}
	return c
}

type piece struct {
	s   string
	off int
}

// splitKeep splits s at sep, keeping each piece's byte offset.
func splitKeep(s string, sep byte) []piece {
	var out []piece
	start := 0
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == sep {
			out = append(out, piece{s[start:i], start})
			start = i + 1
		}
	}
	return out
}

// textCells splits normalised text at runs of two or more spaces, each
// cell at its rune column.
func textCells(text string) []source.Cell {
	var cells []source.Cell
	rs := []rune(text)
	for i := 0; i < len(rs); {
		for i < len(rs) && rs[i] == ' ' {
			i++
		}
		start := i
		for i < len(rs) && !(rs[i] == ' ' && i+1 < len(rs) && rs[i+1] == ' ') {
			i++
		}
		if t := strings.TrimSpace(string(rs[start:i])); t != "" {
			cells = append(cells, source.Cell{Text: t, Col: start})
		}
	}
	return cells
}
