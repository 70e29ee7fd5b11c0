package corpus

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// A rewrite turns a template into one generated document: its made-up
// names, its shift in years and months and its CIK.
type rewrite struct {
	kind   string
	words  []replacement // company words
	ticker replacement
	names  *regexp.Regexp
	years  int    // added to every year
	months int    // added to every month of a release
	maxY   int    // latest year of the template, before the shift
	cik    string // ten digits
	rng    *rand.Rand
}

type replacement struct{ from, to string }

var (
	yearRE    = regexp.MustCompile(`\b(?:19[89]\d|20[0-4]\d)\b`)
	edgarDate = regexp.MustCompile(`\b(?:19[89]\d|20[0-4]\d)(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\b`)
	monthRE   = regexp.MustCompile(`\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b`)
	abbrRE    = regexp.MustCompile(`\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\.?\s+\d`)
	dayRE     = regexp.MustCompile(`\b(January|February|March|April|May|June|July|August|September|October|November|December)(\s+)(\d\d)\b`)
	shortYear = regexp.MustCompile(`\b(?:Q[1-4]|FY) ?'\d\d\b`) // Q4'12
	cikRE     = regexp.MustCompile(`(CENTRAL INDEX KEY:\s*)(\d+)`)
	fullDate  = regexp.MustCompile(`\b(January|February|March|April|May|June|July|August|September|October|November|December) +(\d{1,2}), +((?:19|20)\d\d)\b`)
)

func newRewrite(t Template, rng *rand.Rand) *rewrite {
	g := &rewrite{kind: t.Kind, rng: rng}
	var forms []string
	for _, w := range t.Words {
		r := replacement{w, madeUpWord(rng, len(w))}
		g.words = append(g.words, r)
		forms = append(forms, regexp.QuoteMeta(w), regexp.QuoteMeta(strings.ToUpper(w)), regexp.QuoteMeta(strings.ToLower(w)))
	}
	if t.Ticker != "" {
		g.ticker = replacement{t.Ticker, strings.ToUpper(madeUpWord(rng, len(t.Ticker)))}
		forms = append(forms, regexp.QuoteMeta(t.Ticker))
	}
	g.names = regexp.MustCompile(`\b(?:` + strings.Join(forms, "|") + `)\b`)
	var minY int
	minY, g.maxY = yearSpan(t.Data)
	// Years move by -8 to +10, kept within 1993 (EDGAR) to 2026.
	lo, hi := max(-8, 1993-minY), min(10, 2026-g.maxY)
	if lo <= hi {
		g.years = lo + rng.IntN(hi-lo+1)
	}
	if t.Kind == Release {
		shifts := monthShifts(t.Data)
		g.months = shifts[rng.IntN(len(shifts))]
	}
	g.cik = fmt.Sprintf("%010d", 1_000_000+rng.IntN(8_999_999))
	return g
}

// apply rewrites a template's text.
func (g *rewrite) apply(data []byte) []byte {
	s := g.names.ReplaceAllStringFunc(string(data), g.rename)
	s = edgarDate.ReplaceAllStringFunc(s, g.shiftEDGARDate)
	s = yearRE.ReplaceAllStringFunc(s, func(y string) string {
		n, _ := strconv.Atoi(y)
		return strconv.Itoa(n + g.years)
	})
	s = shortYear.ReplaceAllStringFunc(s, func(q string) string {
		n, _ := strconv.Atoi(q[len(q)-2:])
		return q[:len(q)-2] + fmt.Sprintf("%02d", (n+g.years+100)%100)
	})
	if g.months != 0 {
		s = monthRE.ReplaceAllStringFunc(s, g.shiftMonth)
		s = abbrRE.ReplaceAllStringFunc(s, func(m string) string { return monthNames[monthOf(m[:3])+g.months][:3] + m[3:] })
	}
	s = dayRE.ReplaceAllStringFunc(s, clampDay)
	s = cikRE.ReplaceAllString(s, "${1}"+g.cik)
	return []byte(s)
}

func (g *rewrite) rename(w string) string {
	for _, r := range append(g.words, g.ticker) {
		switch w {
		case r.from:
			return r.to
		case strings.ToUpper(r.from):
			return strings.ToUpper(r.to)
		case strings.ToLower(r.from):
			return strings.ToLower(r.to)
		}
	}
	return w
}

// shiftMonth replaces a month's name with the shifted month's, padded on
// the left to the same width.
func (g *rewrite) shiftMonth(m string) string {
	to := monthNames[monthOf(m)+g.months]
	return strings.Repeat(" ", len(m)-len(to)) + to
}

// shiftEDGARDate moves the year of a YYYYMMDD date in a submission header.
func (g *rewrite) shiftEDGARDate(d string) string {
	y, _ := strconv.Atoi(d[:4])
	md := d[4:]
	if md == "0229" {
		md = "0228"
	}
	return strconv.Itoa(y+g.years) + md
}

// year is the latest year the document names.
func (g *rewrite) year() int { return g.maxY + g.years }

var monthNames = [...]string{"", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}

func monthOf(name string) int {
	for i, m := range monthNames {
		if i > 0 && strings.HasPrefix(m, name) {
			return i
		}
	}
	return 0
}

// monthShifts lists the shifts every month named in data can take without
// crossing a year end or getting a longer name.
func monthShifts(data []byte) []int {
	present := map[int]bool{}
	for _, m := range monthRE.FindAll(data, -1) {
		present[monthOf(string(m))] = true
	}
	for _, m := range abbrRE.FindAll(data, -1) {
		present[monthOf(string(m[:3]))] = true
	}
	var out []int
	for s := -11; s <= 11; s++ {
		ok := true
		for m := range present {
			to := m + s
			ok = ok && to >= 1 && to <= 12 && len(monthNames[to]) <= len(monthNames[m])
		}
		if ok {
			out = append(out, s)
		}
	}
	return out // holds 0 at least
}

// clampDay makes "November 31" "November 30", keeping the width.
func clampDay(m string) string {
	p := dayRE.FindStringSubmatch(m)
	day, _ := strconv.Atoi(p[3])
	last := time.Date(2001, time.Month(monthOf(p[1])+1), 0, 0, 0, 0, 0, time.UTC).Day() // 2001: no February 29
	if day <= last {
		return m
	}
	return fmt.Sprintf("%s%s%02d", p[1], p[2], last)
}

func yearSpan(data []byte) (lo, hi int) {
	lo, hi = 9999, 0
	for _, y := range yearRE.FindAll(data, -1) {
		n, _ := strconv.Atoi(string(y))
		lo, hi = min(lo, n), max(hi, n)
	}
	if hi == 0 {
		return 2000, 2000
	}
	return lo, hi
}

// madeUpWord returns a pronounceable Title-case word of n letters.
func madeUpWord(rng *rand.Rand, n int) string {
	const consonants, vowels = "bcdfghklmnprstvz", "aeiou"
	var b strings.Builder
	for i := range n {
		set := consonants
		if i%2 == 1 {
			set = vowels
		}
		c := set[rng.IntN(len(set))]
		if i == 0 {
			c -= 'a' - 'A'
		}
		b.WriteByte(c)
	}
	return b.String()
}

func isSubmission(data []byte) bool {
	head := data[:min(len(data), 512)]
	return bytes.Contains(head, []byte("<SEC-DOCUMENT>")) || bytes.Contains(head, []byte("<SEC-HEADER>"))
}
