package mapping

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/xport/xport/decimal"
	"github.com/xport/xport/extract"
	"github.com/xport/xport/source"
	"github.com/xport/xport/xbrl"
)

// A narrative highlight is a sentence such as "GAAP revenues for the
// quarter were $128.1 million compared to $112.2 million in the third
// quarter of 2012". crossCheck reads each figure of such sentences, finds
// the fact for the same measure and period, and compares them within the
// rounding of the narrative: agreement is recorded in the provenance,
// disagreement is a warning that names both positions.

var (
	highlightRe = regexp.MustCompile(`(?i)\b(non-gaap |gaap )?(revenues?|gross margins?|net (?:loss|income)|operating (?:loss|income))\b.*?\bfor the (quarter|year|fiscal year)\b`)
	figureRe    = regexp.MustCompile(`(?i)\$\s?(\(?-?\d[\d,]*(?:\.\d+)?\)?)\s*(million|billion)|(\(?-?\d+(?:\.\d+)?\)?)\s?%|\$\s?(\(?-?\d*\.\d+\)?)\s+per\s+(diluted\s+|basic\s+)?share`)
	periodRe    = regexp.MustCompile(`(?i)\b(?:for the (quarter|year|fiscal year)|in the (first|second|third|fourth) quarter of (\d{4})|in (?:fiscal )?(\d{4}))\b`)
	sentenceEnd = regexp.MustCompile(`\.\s+[A-Z"]`)
)

// textRun is a paragraph with the position of each of its characters.
type textRun struct {
	text string
	pos  []source.Pos // one per byte of text
}

// paragraphs joins the document's prose lines (long lines, or lines in
// blocks of prose) into paragraphs with positions.
func paragraphs(doc *source.Document) []textRun {
	var out []textRun
	var cur textRun
	flush := func() {
		if cur.text != "" {
			out = append(out, cur)
		}
		cur = textRun{}
	}
	for i, l := range doc.Lines {
		t := strings.TrimSpace(l.Text)
		if t == "" {
			flush()
			continue
		}
		if cur.text != "" {
			cur.text += " "
			cur.pos = append(cur.pos, cur.pos[len(cur.pos)-1])
		}
		lead := len(l.Text) - len(strings.TrimLeft(l.Text, " "))
		for j := range t {
			cur.pos = append(cur.pos, doc.Pos(i, lead+len([]rune(t[:j]))))
		}
		cur.text += t
	}
	flush()
	return out
}

// sentences splits a paragraph into sentences, keeping positions.
func sentences(p textRun) []textRun {
	var out []textRun
	start := 0
	for _, m := range sentenceEnd.FindAllStringIndex(p.text, -1) {
		end := m[0] + 1
		out = append(out, textRun{p.text[start:end], p.pos[start:end]})
		start = m[1] - 1
	}
	return append(out, textRun{p.text[start:], p.pos[start:]})
}

// highlight is one figure of a narrative sentence.
type highlight struct {
	concept  string // local name of the concept it reports
	nonGAAP  bool
	months   int // 3 or 12
	quarter  int // fiscal quarter named, or 0
	year     int // fiscal year named, or 0 for the document's period
	value    decimal.Decimal
	decimals int
	text     string
	pos      source.Pos
}

// crossCheck checks the document's narrative highlights against the facts.
func (m *mapper) crossCheck() {
	for _, p := range paragraphs(m.doc) {
		for _, s := range sentences(p) {
			for _, h := range readHighlights(s) {
				m.checkHighlight(h)
			}
		}
	}
}

// readHighlights reads the figures of a highlight sentence, each with the
// period the words around it name.
func readHighlights(s textRun) []highlight {
	head := highlightRe.FindStringSubmatch(s.text)
	if head == nil {
		return nil
	}
	nonGAAP := strings.HasPrefix(strings.ToLower(head[1]), "non")
	measure := strings.ToLower(head[2])
	var out []highlight
	months, quarter, year := 3, 0, 0
	if strings.Contains(strings.ToLower(head[3]), "year") {
		months = 12
	}
	locs := figureRe.FindAllStringSubmatchIndex(s.text, -1)
	for n, loc := range locs {
		// The period is the one named after this figure, before the next
		// figure that is not a per-share amount ("$(19.1) million, or
		// $(0.17) per share, in the third quarter of 2012"); the first
		// figure's is the sentence's "for the quarter".
		if n > 0 {
			end := len(s.text)
			for _, next := range locs[n+1:] {
				if !isPerShare(next) {
					end = next[0]
					break
				}
			}
			pm := periodRe.FindStringSubmatch(s.text[loc[1]:end])
			switch {
			case pm != nil:
				months, quarter, year = namedPeriod(pm)
			case !isPerShare(loc):
				continue // no period named: too uncertain to check
			} // a per-share amount with no period of its own is the figure's before it
		}
		h, ok := parseHighlight(s.text, loc, measure)
		if !ok {
			continue
		}
		h.nonGAAP, h.months, h.quarter, h.year = nonGAAP, months, quarter, year
		h.pos = s.pos[loc[0]]
		out = append(out, h)
	}
	return out
}

func isPerShare(loc []int) bool { return loc[8] >= 0 }

// namedPeriod reads "for the year", "in the third quarter of 2012" or
// "in 2011".
func namedPeriod(pm []string) (months, quarter, year int) {
	switch {
	case pm[1] != "":
		if strings.Contains(strings.ToLower(pm[1]), "year") {
			return 12, 0, 0
		}
		return 3, 0, 0
	case pm[2] != "":
		h := extract.ParseHeaderText(pm[2] + " quarter " + pm[3])
		return 3, h.Quarter, h.FiscalYear
	}
	y, _ := strconv.Atoi(pm[4])
	return 12, 0, y
}

// parseHighlight reads one figure: "$128.1 million", "34%", "$(0.14) per
// share".
func parseHighlight(text string, loc []int, measure string) (highlight, bool) {
	h := highlight{text: text[loc[0]:loc[1]]}
	var num string
	scale := 0
	switch {
	case loc[2] >= 0:
		num = text[loc[2]:loc[3]]
		scale = 6
		if strings.EqualFold(text[loc[4]:loc[5]], "billion") {
			scale = 9
		}
		h.concept = map[string]string{"revenue": "Revenues", "revenues": "Revenues"}[measure]
		if strings.HasPrefix(measure, "net") {
			h.concept = "NetIncomeLoss"
		} else if strings.HasPrefix(measure, "operating") {
			h.concept = "OperatingIncomeLoss"
		}
	case loc[6] >= 0:
		num = text[loc[6]:loc[7]]
		scale = -2
		if strings.HasPrefix(measure, "gross margin") {
			h.concept = "GrossMarginPercentage"
		}
	default:
		num = text[loc[8]:loc[9]]
		h.concept = "EarningsPerShareBasicAndDiluted"
		if loc[10] >= 0 && strings.EqualFold(strings.TrimSpace(text[loc[10]:loc[11]]), "diluted") {
			h.concept = "EarningsPerShareDiluted"
		}
	}
	n, err := extract.ParseNumber(num)
	if err != nil || h.concept == "" {
		return h, false
	}
	h.value = n.Value.Shift(scale)
	h.decimals = n.Places - scale
	return h, true
}

// checkHighlight compares a highlight with its fact.
func (m *mapper) checkHighlight(h highlight) {
	name := h.concept
	if h.nonGAAP {
		name = "NonGaap" + name
	}
	f := m.findFact(name, h)
	if f == nil && strings.HasPrefix(h.concept, "EarningsPerShare") {
		for _, alt := range []string{"EarningsPerShareBasicAndDiluted", "EarningsPerShareDiluted", "EarningsPerShareBasic"} {
			if f = m.findFact(strings.Replace(name, h.concept, alt, 1), h); f != nil {
				break
			}
		}
	}
	if f == nil {
		m.diags.Add(source.Info, "map.narrativeUnchecked", h.pos, "no fact to check the narrative figure %q against", h.text)
		return
	}
	d := min(h.decimals, f.Decimals)
	if !f.Value.Round(d).Equal(h.value.Round(d)) {
		m.diags.Add(source.Warning, "map.narrativeMismatch", h.pos,
			"the narrative says %q but %s for %s is %s at %s", h.text, f.Concept.QName(), f.Period, f.Value, f.Source)
		return
	}
	m.rep.Provenance.Notes = append(m.rep.Provenance.Notes, xbrl.Note{Pos: h.pos,
		Text: fmt.Sprintf("the narrative %q agrees with %s for %s (%s) at %s", h.text, f.Concept.QName(), f.Period, f.Value, f.Source)})
}

// findFact finds the fact of the concept named local for the highlight's
// period: the document's latest quarter or year, or the named fiscal
// quarter or year.
func (m *mapper) findFact(local string, h highlight) *xbrl.Fact {
	end, ok := m.highlightEnd(h)
	if !ok {
		return nil
	}
	for _, f := range m.rep.Facts {
		if f.Concept.Name != local || f.Period.Instant || !f.Period.End.Equal(end) {
			continue
		}
		days := f.Period.End.Sub(f.Period.Start).Hours() / 24
		if want := float64(h.months) * 30.44; abs(days-want) < 12 {
			return f
		}
	}
	return nil
}

// highlightEnd returns the end of the period a highlight names.
func (m *mapper) highlightEnd(h highlight) (time.Time, bool) {
	switch {
	case h.year == 0:
		return m.pf.latest(), !m.pf.latest().IsZero()
	case h.quarter > 0:
		cp := m.pf.quarter(extract.Header{Quarter: h.quarter, FiscalYear: h.year})
		return cp.period.End, cp.ok
	}
	end, _, ok := m.pf.fiscalYearEnd(h.year)
	return end, ok
}
