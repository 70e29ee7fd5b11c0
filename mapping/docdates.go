package mapping

import (
	"regexp"
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
	dateText    = `(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+(?:19|20)\d\d`
	yearEndedRe = regexp.MustCompile(`(?i)\b(?:fiscal\s+)?years?\s+ended\s+(?:on\s+)?(` + dateText + `)`)
	lengthWord  = `(?:\d{1,2}|one|two|three|four|six|nine|twelve|thirteen|fourteen|twenty-six|thirty-nine|fifty-two|fifty-three)`
	periodsRe   = regexp.MustCompile(`(?i)\b(` + lengthWord + `)(?:\s*(?:,|and)\s*(` + lengthWord + `))?(?:\s*(?:,|and)\s*(` + lengthWord + `))?\s+(months|weeks)\s+ended\s+(?:on\s+)?(` + dateText + `)(?:,?\s+and\s+(` + dateText + `))?`)
	endedRe     = regexp.MustCompile(`(?i)ended`)
	proseDateRe = regexp.MustCompile(`(?i)^` + extract.DatePattern + `$`)
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

// proseEnds reads the period ends the document states in prose. Each
// "ended" is read in a window of its line, borrowing the ends of the lines
// around it, so a statement wrapped over two lines is found, each once,
// and a line as long as a whole exhibit costs time in proportion to it.
func proseEnds(doc *source.Document, add func(e periodEnd), addYear func(e periodEnd)) {
	const reach = 120
	for i := range doc.Lines {
		text := doc.Lines[i].Text
		for _, loc := range endedRe.FindAllStringIndex(text, -1) {
			at := loc[0]
			before, after := text[max(0, at-reach):at], text[at:min(len(text), at+reach)]
			if at < reach && i > 0 {
				prev := strings.TrimSpace(doc.Lines[i-1].Text)
				before = prev[max(0, len(prev)-reach):] + " " + strings.TrimLeft(before, " ")
			}
			if len(text)-at < reach && i+1 < len(doc.Lines) {
				next := strings.TrimSpace(doc.Lines[i+1].Text)
				after += " " + next[:min(len(next), reach)]
			}
			readEnded(before+after, len(before), doc.Pos(i, 0), add, addYear)
		}
	}
}

// readEnded reads the period statement around the "ended" at byte at of
// window: "fiscal year ended January 1, 2023", "the three and six months
// ended July 2, 2023 and July 3, 2022".
func readEnded(window string, at int, pos source.Pos, add, addYear func(e periodEnd)) {
	covers := func(loc []int) bool { return loc[0] <= at && at < loc[1] }
	for _, loc := range yearEndedRe.FindAllStringSubmatchIndex(window, -1) {
		if d, ok := proseDate(window[loc[2]:loc[3]]); ok && covers(loc) {
			addYear(periodEnd{date: d, pos: pos, months: 12, prose: true})
		}
	}
	for _, loc := range periodsRe.FindAllStringSubmatchIndex(window, -1) {
		if !covers(loc) {
			continue
		}
		group := func(g int) string {
			if loc[2*g] < 0 {
				return ""
			}
			return window[loc[2*g]:loc[2*g+1]]
		}
		for _, date := range []string{group(5), group(6)} {
			d, ok := proseDate(date)
			if !ok {
				continue
			}
			for _, n := range []string{group(1), group(2), group(3)} {
				if n == "" {
					continue
				}
				e := periodEnd{date: d, pos: pos, prose: true}
				if strings.EqualFold(group(4), "weeks") {
					e.weeks = extract.CountWord(n)
				} else {
					e.months = extract.CountWord(n)
				}
				add(e)
			}
		}
	}
}
