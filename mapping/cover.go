package mapping

import (
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/xport/xport/decimal"
	"github.com/xport/xport/source"
)

// The cover page of an annual or quarterly report: the form, the period
// it reports on, the registrant's exact name and the shares outstanding,
// as every 10-K and 10-Q prints them on its first page:
//
//	                                FORM 10-K
//	          For the fiscal year ended December 31, 2001
//	                           FORD MOTOR COMPANY
//	        (Exact name of Registrant as specified in its charter)
//	There were 272,326,925 shares of our common stock ... outstanding as of January 19, 2022.
type coverPage struct {
	form    string // "10-K", "10-Q", ... with "/A" for an amendment
	formPos source.Pos
	end     time.Time // the period's end the cover states
	endPos  source.Pos
	name    string // the registrant's exact name
	namePos source.Pos
	// shares are the common shares outstanding at sharesAt, when the
	// cover states one number of them.
	shares    decimal.Decimal
	sharesAt  time.Time
	sharesPos source.Pos
}

// coverLines is how many lines with text the cover is looked for in.
const coverLines = 200

var (
	coverFormRe = regexp.MustCompile(`(?i)^\s*form\s+(10-K405|10-KSB|10-KT|10-K|10-QSB|10-QT|10-Q|20-F|40-F)(\s*/\s*A)?\s*$`)
	coverEndRe  = regexp.MustCompile(`(?i)\b(?:fiscal\s+year|year|quarterly\s+period|quarter)\s+ended:?\s+(` + dateText + `)`)
	exactNameRe = regexp.MustCompile(`(?i)^\(?\s*exact\s+name\s+of\s+(the\s+)?registrant`)
	outstanding = regexp.MustCompile(`(?i)\boutstanding\b`)
	bigCount    = regexp.MustCompile(`\d{1,3}(?:,\d{3}){2,}`)
	coverDateRe = regexp.MustCompile(`(?i)` + dateText)
)

// readCover reads the cover page of a report: the first lines with text
// of the document. A document with no "FORM 10-K" (or 10-Q, 20-F, ...)
// line has none, unless form is given (the type an EDGAR submission
// gives the document).
func readCover(doc *source.Document, form string, formPos source.Pos) coverPage {
	var lines []int
	for i := 0; i < len(doc.Lines) && len(lines) < coverLines; i++ {
		if strings.TrimSpace(doc.Lines[i].Text) != "" {
			lines = append(lines, i)
		}
	}
	cp := coverPage{form: form, formPos: formPos}
	for k, i := range lines {
		text := strings.TrimSpace(doc.Lines[i].Text)
		if m := coverFormRe.FindStringSubmatch(text); m != nil && cp.form == "" {
			cp.form = strings.ToUpper(m[1])
			if m[2] != "" {
				cp.form += "/A"
			}
			cp.formPos = doc.Pos(i, strings.Index(doc.Lines[i].Text, text))
		}
		if m := coverEndRe.FindStringSubmatchIndex(doc.Lines[i].Text); m != nil && cp.end.IsZero() {
			if d, ok := proseDate(doc.Lines[i].Text[m[2]:m[3]]); ok {
				cp.end, cp.endPos = d, doc.Pos(i, len([]rune(doc.Lines[i].Text[:m[2]])))
			}
		}
		if exactNameRe.MatchString(text) && k > 0 && cp.name == "" {
			above := doc.Lines[lines[k-1]]
			if name := strings.TrimSpace(above.Text); name != "" && !strings.HasPrefix(name, "(") && len(name) < 100 {
				cp.name, cp.namePos = name, doc.Pos(lines[k-1], strings.Index(above.Text, name))
			}
		}
	}
	if cp.form == "" {
		return coverPage{} // not a report's cover: its words are prose
	}
	cp.readShares(doc, lines)
	return cp
}

// readShares finds the statement of the shares outstanding: a sentence
// or block (up to a blank line) that says "outstanding", a date and
// exactly one count of a million or more that is not an amount ("$") or
// in parentheses ("(excluding 144,744,064 shares held in the
// treasury)"). Two counts (two classes of stock) give none.
func (cp *coverPage) readShares(doc *source.Document, lines []int) {
	for k, i := range lines {
		text := doc.Lines[i].Text
		if !outstanding.MatchString(text) {
			continue
		}
		// The block: this line and the lines with text right after it,
		// up to a blank line or three lines on.
		var block []int
		if k > 0 && lines[k-1] == i-1 && !strings.HasSuffix(strings.TrimSpace(doc.Lines[i-1].Text), ".") {
			block = append(block, i-1) // the sentence starts on the line above
		}
		for j := k; j < len(lines) && j < k+3 && (j == k || lines[j] == lines[j-1]+1); j++ {
			block = append(block, lines[j])
		}
		var counts []source.Pos
		var values []string
		var at time.Time
		// The date: on the line that says "outstanding", else after it,
		// else before it.
		at0 := slices.Index(block, i)
		for _, li := range append(slices.Clone(block[at0:]), block[:at0]...) {
			if m := coverDateRe.FindString(doc.Lines[li].Text); m != "" && at.IsZero() {
				at, _ = proseDate(m)
			}
		}
		for _, li := range block {
			t := doc.Lines[li].Text
			for _, loc := range bigCount.FindAllStringIndex(t, -1) {
				before := t[:loc[0]]
				if strings.HasSuffix(strings.TrimRight(before, " "), "$") || strings.Count(before, "(") > strings.Count(before, ")") {
					continue
				}
				counts = append(counts, doc.Pos(li, len([]rune(before))))
				values = append(values, strings.ReplaceAll(t[loc[0]:loc[1]], ",", ""))
			}
			if strings.Contains(t, ". ") || strings.HasSuffix(strings.TrimSpace(t), ".") {
				break // the sentence ends
			}
		}
		if len(counts) != 1 || at.IsZero() {
			continue
		}
		v, err := decimal.Parse(values[0])
		if err != nil {
			continue
		}
		cp.shares, cp.sharesAt, cp.sharesPos = v, at, counts[0]
		return
	}
}

// periodic reports whether the form is an annual or quarterly report.
func (cp coverPage) periodic() bool { return cp.form != "" }

// annual reports whether the form is an annual report.
func (cp coverPage) annual() bool {
	return strings.HasPrefix(cp.form, "10-K") || strings.HasPrefix(cp.form, "20-F") || strings.HasPrefix(cp.form, "40-F")
}
