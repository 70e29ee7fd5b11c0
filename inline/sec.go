package inline

import (
	"errors"
	"strconv"
	"strings"
	"time"
)

// The SEC's transformations (ixt-sec, http://www.sec.gov/inlineXBRL/
// transformation/2015-08-31) that EDGAR cover pages use: names to codes
// (an exchange, a state or province, a filer category), a quarter to its
// end date, durations, and the special numbers.

// secName normalizes a name as the SEC's patterns read it: case and runs
// of white space do not matter, nor a leading "The" or a closing "Inc."
// or "LLC".
func secName(s string) string {
	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	s = strings.TrimPrefix(s, "the ")
	for _, suffix := range []string{", inc.", ", inc", " inc.", " inc", ", llc", " llc"} {
		if strings.HasSuffix(s, suffix) {
			s = strings.TrimSuffix(s, suffix)
			break
		}
	}
	return s
}

// exchanges maps the names of the national securities exchanges to the
// codes of dei:SecurityExchangeName.
var exchanges = map[string]string{
	"box exchange": "BOX", "cboe byx exchange": "CboeBYX", "cboe bzx exchange": "CboeBZX", "cboe c2 exchange": "C2",
	"cboe edga exchange": "CboeEDGA", "cboe edgx exchange": "CboeEDGX", "cboe exchange": "CBOE", "chicago stock exchange": "CHX",
	"investors exchange": "IEX", "miami international securities exchange": "MIAX", "miax pearl": "PEARL",
	"nasdaq bx": "BX", "nasdaq gemx": "GEMX", "nasdaq ise": "ISE", "nasdaq mrx": "MRX", "nasdaq phlx": "Phlx",
	"nyse": "NYSE", "new york stock exchange": "NYSE", "nyse american": "NYSEAMER", "nyse arca": "NYSEArca", "nyse national": "NYSENAT",
	"nasdaq": "NASDAQ", "nasdaq stock market": "NASDAQ", "nasdaq global market": "NASDAQ", "nasdaq global select market": "NASDAQ",
}

// statesAndProvinces maps the names of the states, the District of
// Columbia, the territories of the United States and the provinces and
// territories of Canada to their postal codes.
var statesAndProvinces = map[string]string{
	"alabama": "AL", "alaska": "AK", "arizona": "AZ", "arkansas": "AR", "california": "CA", "colorado": "CO", "connecticut": "CT",
	"delaware": "DE", "florida": "FL", "georgia": "GA", "hawaii": "HI", "idaho": "ID", "illinois": "IL", "indiana": "IN", "iowa": "IA",
	"kansas": "KS", "kentucky": "KY", "louisiana": "LA", "maine": "ME", "maryland": "MD", "massachusetts": "MA", "michigan": "MI",
	"minnesota": "MN", "mississippi": "MS", "missouri": "MO", "montana": "MT", "nebraska": "NE", "nevada": "NV", "new hampshire": "NH",
	"new jersey": "NJ", "new mexico": "NM", "new york": "NY", "north carolina": "NC", "north dakota": "ND", "ohio": "OH", "oklahoma": "OK",
	"oregon": "OR", "pennsylvania": "PA", "rhode island": "RI", "south carolina": "SC", "south dakota": "SD", "tennessee": "TN",
	"texas": "TX", "utah": "UT", "vermont": "VT", "virginia": "VA", "washington": "WA", "west virginia": "WV", "wisconsin": "WI",
	"wyoming": "WY", "district of columbia": "DC", "american samoa": "AS", "samoa": "AS", "guam": "GU", "northern mariana islands": "MP",
	"puerto rico": "PR", "united states minor outlying islands": "UM", "virgin islands, u.s.": "VI",
	"alberta": "AB", "british columbia": "BC", "manitoba": "MB", "new brunswick": "NB", "newfoundland": "NL", "newfoundland and labrador": "NL",
	"nova scotia": "NS", "northwest territories": "NT", "nunavut": "NU", "ontario": "ON", "prince edward island": "PE", "quebec": "QC",
	"québec": "QC", "saskatchewan": "SK", "yukon": "YT",
}

// filerCategories are the values of dei:EntityFilerCategory.
var filerCategories = map[string]string{
	"large accelerated filer": "Large Accelerated Filer", "accelerated filer": "Accelerated Filer", "non-accelerated filer": "Non-accelerated Filer",
}

// secTransform applies an ixt-sec format, reporting whether it is one.
func secTransform(name, shown string) (string, bool, error) {
	lookup := func(table map[string]string, what string) (string, bool, error) {
		if v, ok := table[secName(shown)]; ok {
			return v, true, nil
		}
		return "", true, errors.New(strconv.Quote(shown) + " names no " + what)
	}
	switch name {
	case "exchnameen":
		return lookup(exchanges, "exchange the SEC lists")
	case "stateprovnameen":
		return lookup(statesAndProvinces, "state or province")
	case "entityfilercategoryen":
		return lookup(filerCategories, "filer category")
	case "numinf":
		return "INF", true, nil
	case "numneginf":
		return "-INF", true, nil
	case "numnan":
		return "NaN", true, nil
	case "yesnoballotbox":
		switch strings.TrimSpace(shown) {
		case "☒", "☑":
			return "Yes", true, nil
		case "☐":
			return "No", true, nil
		}
		return "", true, errors.New(strconv.Quote(shown) + " is no ballot box")
	case "datequarterend":
		v, err := quarterEnd(shown)
		return v, true, err
	case "duryear", "durmonth", "durweek", "durday", "durhour":
		v, err := duration(name, shown)
		return v, true, err
	}
	return "", false, nil
}

// quarterEnd reads "first quarter 2023", "Q3 2022" or "2022 fourth
// quarter" as the last day of the quarter.
func quarterEnd(shown string) (string, error) {
	words := strings.FieldsFunc(strings.ToLower(shown), func(r rune) bool { return r == ' ' || r == ',' || r == '-' || r == '\u00a0' })
	year, month := 0, 0
	for _, w := range words {
		if n, err := strconv.Atoi(w); err == nil && len(w) == 4 {
			year = n
			continue
		}
		switch strings.TrimPrefix(w, "q") {
		case "1", "first", "1st":
			month = 3
		case "2", "second", "2nd":
			month = 6
		case "3", "third", "3rd":
			month = 9
		case "4", "fourth", "4th", "last":
			month = 12
		}
	}
	if year == 0 || month == 0 {
		return "", errors.New("no quarter and year in " + strconv.Quote(shown))
	}
	return time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Format(time.DateOnly), nil
}

// duration reads a number of years, months, weeks, days or hours as an
// xs:duration, its fraction carried into the next unit down as the SEC
// does ("1.5" years is P1Y6M).
func duration(unit, shown string) (string, error) {
	s := strings.TrimSpace(shown)
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	s = strings.TrimPrefix(s, "+")
	n, err := strconv.ParseFloat(s, 64)
	if err != nil || n < 0 || s == "" || strings.ContainsAny(s, "eEnN") {
		return "", errors.New(strconv.Quote(shown) + " is no number")
	}
	var y, m, d, h int
	switch unit {
	case "duryear":
		y = int(n)
		months := (n - float64(y)) * 12
		m = int(months)
		d = int((months - float64(m)) * 30.4375)
	case "durmonth":
		m = int(n)
		d = int((n - float64(m)) * 30.4375)
	case "durweek":
		d = int(n * 7)
	case "durday":
		d = int(n)
		h = int((n - float64(d)) * 24)
	case "durhour":
		h = int(n)
	}
	var b strings.Builder
	for _, p := range []struct {
		n    int
		unit string
	}{{y, "Y"}, {m, "M"}, {d, "D"}} {
		if p.n != 0 {
			b.WriteString(strconv.Itoa(p.n) + p.unit)
		}
	}
	if h != 0 {
		b.WriteString("T" + strconv.Itoa(h) + "H")
	}
	if b.Len() == 0 {
		return "P0D", nil
	}
	return sign + "P" + b.String(), nil
}
