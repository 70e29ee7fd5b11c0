package mapping

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/xport/xport/extract"
	"github.com/xport/xport/source"
)

// The document's own statements of its periods, in prose: "the three and
// six months ended July 2, 2023 and July 3, 2022", "our Annual Report on
// Form 10-K for the fiscal year ended January 1, 2023". They date columns
// that print only a year or a quarter ("Second-Quarter 2023"), and anchor
// the starts of periods.
var (
	dateText     = `(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+(?:19|20)\d\d`
	yearEndedRe  = regexp.MustCompile(`(?i)\b(?:fiscal\s+)?years?\s+ended\s+(?:on\s+)?(` + dateText + `)`)
	lengthWord   = `(?:\d{1,2}|one|two|three|four|six|nine|twelve|thirteen|fourteen|twenty-six|thirty-nine|fifty-two|fifty-three)`
	periodsRe    = regexp.MustCompile(`(?i)\b(` + lengthWord + `)(?:\s*(?:,|and)\s*(` + lengthWord + `))?(?:\s*(?:,|and)\s*(` + lengthWord + `))?\s+(months|weeks)\s+ended\s+(?:on\s+)?(` + dateText + `)(?:,?\s+and\s+(` + dateText + `))?`)
	proseDateRe  = regexp.MustCompile(`(?i)^(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(\d{1,2}),?\s+((?:19|20)\d\d)$`)
	lengthCounts = map[string]int{"one": 1, "two": 2, "three": 3, "four": 4, "six": 6, "nine": 9, "twelve": 12,
		"thirteen": 13, "fourteen": 14, "twenty-six": 26, "thirty-nine": 39, "fifty-two": 52, "fifty-three": 53}
)

// proseDate reads "July 2, 2023".
func proseDate(s string) (time.Time, bool) {
	m := proseDateRe.FindStringSubmatch(strings.Join(strings.Fields(s), " "))
	if m == nil {
		return time.Time{}, false
	}
	h := extract.ParseHeaderText(m[1] + " " + m[2] + ", " + m[3])
	return h.End, !h.End.IsZero()
}

func lengthOf(s string) int {
	if n, err := strconv.Atoi(s); err == nil {
		return n
	}
	return lengthCounts[strings.ToLower(s)]
}

// proseEnds reads the period ends the document states in prose, outside
// its tables. Each line is read together with the next, so a statement
// wrapped over two lines is found.
func proseEnds(doc *source.Document, add func(e periodEnd), addYear func(e periodEnd)) {
	for i := range doc.Lines {
		text := doc.Lines[i].Text
		if !strings.Contains(strings.ToLower(text), "ended") && (i+1 >= len(doc.Lines) || !strings.Contains(strings.ToLower(doc.Lines[i+1].Text), "ended")) {
			continue
		}
		if i+1 < len(doc.Lines) {
			text += " " + strings.TrimSpace(doc.Lines[i+1].Text)
		}
		pos := doc.Pos(i, 0)
		for _, m := range yearEndedRe.FindAllStringSubmatch(text, -1) {
			if d, ok := proseDate(m[1]); ok {
				addYear(periodEnd{date: d, pos: pos, months: 12, prose: true})
			}
		}
		for _, m := range periodsRe.FindAllStringSubmatch(text, -1) {
			for _, date := range []string{m[5], m[6]} {
				d, ok := proseDate(date)
				if !ok {
					continue
				}
				for _, n := range []string{m[1], m[2], m[3]} {
					if n == "" {
						continue
					}
					e := periodEnd{date: d, pos: pos, prose: true}
					if strings.EqualFold(m[4], "weeks") {
						e.weeks = lengthOf(n)
					} else {
						e.months = lengthOf(n)
					}
					add(e)
				}
			}
		}
	}
}
