package extract

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/xport/xport/source"
)

// Header is what a column's heading says about its period, read from all
// the heading lines above the column (spanning headings included).
type Header struct {
	Text   string    // the heading lines joined: "Three Months Ended December 29, 2012"
	End    time.Time // the date the heading names; zero when none
	Months int       // length in months when the heading states one ("Twelve Months Ended")
	Weeks  int       // length in weeks when the heading states one ("13 Weeks Ended")
	// Quarter and FiscalYear are set by a fiscal quarter label without a
	// date: "Q3'12" is Quarter 3 of FiscalYear 2012.
	Quarter, FiscalYear int
	Pos                 source.Pos // where the date (or the first heading word) is printed
}

var months = map[string]time.Month{
	"jan": time.January, "january": time.January,
	"feb": time.February, "february": time.February,
	"mar": time.March, "march": time.March,
	"apr": time.April, "april": time.April,
	"may": time.May,
	"jun": time.June, "june": time.June,
	"jul": time.July, "july": time.July,
	"aug": time.August, "august": time.August,
	"sep": time.September, "sept": time.September, "september": time.September,
	"oct": time.October, "october": time.October,
	"nov": time.November, "november": time.November,
	"dec": time.December, "december": time.December,
}

// DatePattern matches a date as headings and prose print it, "Apr 1,
// 2023", "July 2, 2023", with month, day and year as its three groups.
const DatePattern = `(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(\d{1,2}),?\s+((?:19|20)\d\d)`

var counts = map[string]int{
	"one": 1, "two": 2, "three": 3, "four": 4, "six": 6, "nine": 9, "twelve": 12,
	"thirteen": 13, "fourteen": 14, "twenty-six": 26, "thirty-nine": 39,
	"fifty-two": 52, "fifty-three": 53,
}

// headerWords are the words a column heading line may hold besides month
// names, numbers and quarter labels.
var headerWords = map[string]bool{
	"ended": true, "ending": true, "end": true, "months": true, "month": true,
	"weeks": true, "week": true, "quarter": true, "quarters": true, "year": true,
	"years": true, "fiscal": true, "as": true, "of": true, "at": true,
	"period": true, "periods": true, "-": true, "first": true, "second": true,
	"third": true, "fourth": true, "half": true, "year-to-date": true, "ytd": true,
	"%": true, "change": true, "percent": true, "percentage": true, "increase": true,
	"decrease": true, "increase/(decrease)": true, "(decrease)": true, "variance": true,
}

var (
	changeRe = regexp.MustCompile(`(?i)%|\bchange\b|\bvariance\b|\bincrease\b|\bdecrease\b`)
	// ratioRe and outlookRe name columns that never report a period's
	// amounts, dated or not: shares of another figure ("Percent to
	// Sales", "% of revenue") and forecasts ("Guidance", "Outlook").
	ratioRe   = regexp.MustCompile(`(?i)\bpercent(age)?\b|%|\bchange\b|\bvariance\b|\bratio\b`)
	outlookRe = regexp.MustCompile(`(?i)\b(guidance|outlook|forecasts?|estimated?|expected|projected|targets?|approximately|ending)\b`)
)

// IsChange reports whether a heading is that of a column whose figures
// are not the amounts of a period: a change column ("% Change",
// "Increase (Decrease)") compares periods, a "Percent to Sales" column
// relates figures, a "Guidance" column forecasts.
func (h Header) IsChange() bool {
	if ratioRe.MatchString(h.Text) || outlookRe.MatchString(h.Text) {
		return true
	}
	return h.End.IsZero() && h.Quarter == 0 && changeRe.MatchString(h.Text)
}

var (
	yearRe       = regexp.MustCompile(`^(19|20)\d\d$`)
	dayRe        = regexp.MustCompile(`^\d{1,2}$`)
	quarterRe    = regexp.MustCompile(`(?i)^q[1-4]['’]?\d{2}(\d{2})?$`)
	fiscalQRe    = regexp.MustCompile(`(?i)\b(?:q([1-4])\s*['’]?\s*((?:19|20)?\d\d)|([1-4])q\s*['’]?((?:19|20)?\d\d)|(first|second|third|fourth)[\s-]quarter(?: of)?(?: fiscal)? ((?:19|20)\d\d))\b`)
	slashRe      = regexp.MustCompile(`^\d{1,2}/\d{1,2}/(\d{2}|\d{4})$`)
	fiscalYearRe = regexp.MustCompile(`(?i)\b(?:fiscal(?:\s+year)?\s+|fy\s*'?)((?:19|20)\d\d|\d\d)\b`)
	slashDateRe  = regexp.MustCompile(`\b(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})\b`)
	dateRe       = regexp.MustCompile(`(?i)\b(?:` + DatePattern + `)\b`)
	monthsRe     = regexp.MustCompile(`(?i)\b(\d+|one|two|three|four|six|nine|twelve)[\s-]+months?\b`)
	weeksRe      = regexp.MustCompile(`(?i)\b(\d+|thirteen|fourteen|twenty-six|thirty-nine|fifty-two|fifty-three)[\s-]+weeks?\b`)
	quarterLen   = regexp.MustCompile(`(?i)\bquarters?\b`)
	yearLen      = regexp.MustCompile(`(?i)\b(fiscal\s+)?years?\b`)
)

// normWord lower-cases a word and strips the punctuation that headings
// put around it.
func normWord(w string) string { return strings.ToLower(strings.Trim(w, ",.:;")) }

// isHeaderLine reports whether every word of a line belongs to a column
// heading and at least one of them names a date or a period. Tables are
// not found by it (see Tables); it tells a footnote's continuation from
// the headings of a table below it.
func isHeaderLine(line string) bool {
	ok, anchor := headingWords(line)
	return ok && anchor
}

// headingWords reports whether every word of a line may stand in a column
// heading, and whether one of them names a date or a period.
func headingWords(line string) (ok, anchor bool) {
	ws := words(line)
	if len(ws) == 0 || isRule(line) {
		return false, false
	}
	for _, w := range ws {
		n := normWord(w.Text)
		switch {
		case months[n] != 0, yearRe.MatchString(n), quarterRe.MatchString(n), slashRe.MatchString(n):
			anchor = true
		case n == "months" || n == "weeks" || n == "quarter" || n == "year" || n == "ended":
			anchor = true
		case headerWords[n], dayRe.MatchString(n), counts[n] != 0, n == "":
		default:
			return false, false
		}
	}
	return true, anchor
}

// parseHeader reads a column's joined heading text.
func parseHeader(text string, pos source.Pos) Header {
	h := Header{Text: text, Pos: pos}
	if m := dateRe.FindStringSubmatch(text); m != nil {
		day, _ := strconv.Atoi(m[2])
		year, _ := strconv.Atoi(m[3])
		mon := months[strings.ToLower(m[1])]
		d := time.Date(year, mon, day, 0, 0, 0, 0, time.UTC)
		if d.Day() == day { // rejects February 30
			h.End = d
		}
	}
	if m := slashDateRe.FindStringSubmatch(text); h.End.IsZero() && m != nil {
		h.End = slashDate(m)
	}
	if h.End.IsZero() {
		h.Quarter, h.FiscalYear = fiscalQuarter(text)
		if h.Quarter > 0 {
			h.Months = 3
			return h
		}
		if m := fiscalYearRe.FindStringSubmatch(text); m != nil && !namesLength(text) {
			// "Fiscal 2023", "FY23": a whole fiscal year, dated by the
			// document's fiscal year ends
			h.FiscalYear, h.Months = fullYear(m[1]), 12
			return h
		}
	}
	switch {
	case monthsRe.MatchString(text):
		h.Months = count(monthsRe.FindStringSubmatch(text)[1])
	case weeksRe.MatchString(text):
		h.Weeks = count(weeksRe.FindStringSubmatch(text)[1])
	case quarterLen.MatchString(text):
		h.Months = 3
	case yearLen.MatchString(text) && !strings.Contains(strings.ToLower(text), "year-to-date"):
		h.Months = 12
	}
	return h
}

// namesLength reports whether a heading states a period's length other
// than a year: "Six Months", "13 Weeks", "Quarter", "Second Quarter",
// "Year-to-date", "Half".
func namesLength(text string) bool {
	return monthsRe.MatchString(text) || weeksRe.MatchString(text) || quarterLen.MatchString(text) ||
		regexp.MustCompile(`(?i)\b(year-to-date|ytd|half|q[1-4])\b`).MatchString(text)
}

// fullYear reads a year printed with two digits or four.
func fullYear(s string) int {
	y, _ := strconv.Atoi(s)
	if y < 100 {
		y += 2000
		if y > 2069 {
			y -= 100
		}
	}
	return y
}

// slashDate reads "6/17/2023" or "6/17/23" (month first, as US filers
// print dates); an impossible date gives the zero time.
func slashDate(m []string) time.Time {
	mon, _ := strconv.Atoi(m[1])
	day, _ := strconv.Atoi(m[2])
	year := fullYear(m[3])
	d := time.Date(year, time.Month(mon), day, 0, 0, 0, 0, time.UTC)
	if mon < 1 || mon > 12 || d.Day() != day {
		return time.Time{}
	}
	return d
}

var ordinals = map[string]int{"first": 1, "second": 2, "third": 3, "fourth": 4}

// fiscalQuarter reads "Q3'12", "Q3 2012", "3Q12" or "third quarter 2012".
func fiscalQuarter(text string) (quarter, year int) {
	m := fiscalQRe.FindStringSubmatch(text)
	if m == nil {
		return 0, 0
	}
	q, y := m[1]+m[3], m[2]+m[4]
	if m[5] != "" {
		q, y = strconv.Itoa(ordinals[strings.ToLower(m[5])]), m[6]
	}
	quarter, _ = strconv.Atoi(q)
	year = fullYear(y)
	return quarter, year
}

// CountWord reads a period length printed as a number or a word: "13",
// "thirteen", "twenty-six"; 0 when it is neither.
func CountWord(s string) int { return count(s) }

func count(s string) int {
	if n, err := strconv.Atoi(s); err == nil {
		return n
	}
	return counts[strings.ToLower(s)]
}

// ParseHeaderText reads a heading's text as parseHeader does, without a
// position: "Twelve Months Ended December 29, 2012".
func ParseHeaderText(text string) Header { return parseHeader(text, source.Pos{}) }
