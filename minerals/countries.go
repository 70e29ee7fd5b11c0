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
	key := strings.ToLower(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(name), ".")))
	if meant, ok := misspelt[key]; ok {
		key = meant
	}
	return iso3166[key]
}

// readCountries reads a comma-separated list of countries that starts at
// byte offset off of line i, and the lines that continue it.
func readCountries(doc *source.Document, i, off int, ds *source.Diagnostics) []Country {
	var out []Country
	for ; i < len(doc.Lines); i, off = i+1, 0 {
		text := doc.Lines[i].Text
		if strings.TrimSpace(text[off:]) == "" {
			if out != nil {
				break
			}
			continue
		}
		for _, part := range splitKeep(text[off:], ',') {
			name := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(part.s), "."))
			name = strings.TrimPrefix(name, "and ")
			if name == "" {
				continue
			}
			lead := len(part.s) - len(strings.TrimLeft(part.s, " "))
			pos := doc.Pos(i, runeCol(text, off+part.off+lead))
			key := strings.ToLower(name)
			c := Country{Name: name, Code: iso3166[key], Pos: pos}
			if meant, ok := misspelt[key]; ok {
				c.Code = iso3166[meant]
				ds.Add(source.Info, "minerals.countrySpelling", pos, "%q read as %s (%s)", name, meant, c.Code)
			}
			if key == "korea" {
				ds.Add(source.Info, "minerals.countryAmbiguous", pos, "%q read as the Republic of Korea (KR)", name)
			}
			if c.Code == "" {
				ds.Add(source.Warning, "minerals.unknownCountry", pos, "%q maps to no ISO 3166 country code; kept as printed", name)
			}
			out = append(out, c)
		}
		if !strings.HasSuffix(strings.TrimSpace(text), ",") {
			break
		}
	}
	return out
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
