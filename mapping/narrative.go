package mapping

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

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
	highlightRe = regexp.MustCompile(`(?i)\b(revenues?|net sales|gross margins?|net (?:loss|income)|operating (?:loss|income)|income from continuing operations)\b.*?(\$|\d%)`)
	figureRe    = regexp.MustCompile(`(?i)\$\s?(\(?-?\d[\d,]*(?:\.\d+)?\)?)\s*(million|billion)|(\(?-?\d+(?:\.\d+)?\)?)\s?%|\$\s?(\(?-?\d*\.\d+\)?)\s+per\s+(diluted\s+|basic\s+)?share`)
	periodRe    = regexp.MustCompile(`(?i)\b(?:for the (quarter|year|fiscal year|full year)|in the (first|second|third|fourth) quarter of (?:fiscal )?(\d{4})|(?:in|for) (?:fiscal )?(\d{4})|(a year (?:ago|earlier)|(?:in )?the (?:prior|previous|same)[- ](?:year )?(?:quarter|period)(?: (?:of|in|a) (?:the )?(?:prior|previous|last) year)?)|for the first (six|nine|twenty-six|thirty-nine) (?:months|weeks))\b`)
	sentenceEnd = regexp.MustCompile(`\.\s+[A-Z"]`)
)

// textRun is a paragraph with the position of each of its characters.
type textRun struct {
	text string
	file string
	pos  []lineCol // one per byte of text
}

// lineCol is a compact position: a 1-based line and byte column.
type lineCol struct{ line, col int32 }

// at returns the position of byte off of the run.
func (r textRun) at(off int) source.Pos {
	p := r.pos[min(off, len(r.pos)-1)]
	return source.Pos{File: r.file, Line: int(p.line), Col: int(p.col)}
}

// paragraphs joins the document's lines outside tables into paragraphs
// with positions.
func paragraphs(doc *source.Document, tables []*extract.Table) []textRun {
	inTable := make([]bool, len(doc.Lines))
	for _, t := range tables {
		for i := t.Lines[0]; i < t.Lines[1] && i < len(inTable); i++ {
			inTable[i] = true
		}
	}
	var out []textRun
	cur := textRun{file: doc.Name}
	var b strings.Builder
	flush := func() {
		if b.Len() > 0 {
			cur.text = b.String()
			out = append(out, cur)
		}
		cur = textRun{file: doc.Name}
		b.Reset()
	}
	for i, l := range doc.Lines {
		t := strings.TrimSpace(l.Text)
		if t == "" || inTable[i] {
			flush()
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
			cur.pos = append(cur.pos, cur.pos[len(cur.pos)-1])
		}
		cols := l.Columns()
		col := len([]rune(l.Text)) - len([]rune(strings.TrimLeft(l.Text, " "))) // in runes
		for j := 0; j < len(t); j++ {
			if j > 0 && !utf8.RuneStart(t[j]) {
				cur.pos = append(cur.pos, cur.pos[len(cur.pos)-1]) // inside a character
				continue
			}
			if j > 0 {
				col++
			}
			cur.pos = append(cur.pos, lineCol{int32(l.Num), int32(cols[min(col, len(cols)-1)])})
		}
		b.WriteString(t)
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
		out = append(out, textRun{p.text[start:end], p.file, p.pos[start:end]})
		start = m[1] - 1
	}
	return append(out, textRun{p.text[start:], p.file, p.pos[start:]})
}

// highlight is one figure of a narrative sentence.
type highlight struct {
	concept  string // local name of the concept it reports
	nonGAAP  bool
	months   int // 3 or 12
	quarter  int // fiscal quarter named, or 0
	year     int // fiscal year named, or 0 for the document's period
	ago      int // years before that period ("a year ago")
	value    decimal.Decimal
	decimals int
	text     string
	pos      source.Pos
}

// crossCheck checks the document's narrative highlights against the facts.
func (m *mapper) crossCheck(tables []*extract.Table) {
	m.factsByName = map[string][]*xbrl.Fact{}
	for _, f := range m.rep.Facts {
		if len(f.Dims) == 0 { // the narrative's totals are the whole company's, not a segment's
			m.factsByName[f.Concept.Name] = append(m.factsByName[f.Concept.Name], f)
		}
	}
	m.docMonths = m.documentMonths()
	for _, p := range paragraphs(m.doc, tables) {
		for _, s := range sentences(p) {
			for _, h := range m.readHighlights(s) {
				m.checkHighlight(h)
			}
		}
	}
}

// readHighlights reads the figures of a highlight sentence. Each figure
// reports the measure named last before it in its clause ("net loss",
// "revenue"), for the period named after it and before the next figure
// ("... $47.3 million in the fourth quarter of 2010"), or else the one
// named before it ("for the quarter was $51.1 million"); a per-share
// amount with no period of its own shares the figure's before it.
func (m *mapper) readHighlights(s textRun) []highlight {
	if !strings.ContainsAny(s.text, "$%") || !highlightRe.MatchString(s.text) { // a figure needs one
		return nil
	}
	var out []highlight
	locs := figureRe.FindAllStringSubmatchIndex(s.text, -1)
	var prev, base period // the last figure's period; the last one named outright
	seen := map[string]bool{}
	for n, loc := range locs {
		// A figure's measure and period are named in its sentence: looking
		// no further than a window around it keeps a run of text as long
		// as a whole exhibit on one line linear to read.
		lo, hi := max(0, loc[0]-narrativeWindow), min(len(s.text), loc[1]+narrativeWindow)
		measure, nonGAAP := measureBefore(s.text[lo:loc[0]])
		p, ok := periodAround(s.text, locs, n, lo, hi)
		switch {
		case measure == "":
			ok = false
		case ok:
		case isPerShare(loc):
			p, ok = prev, prev.known()
		case !seen[measure]:
			p, ok = period{current: true}, true // a measure's first figure: the document's own period
		}
		if measure != "" && !isPerShare(loc) {
			seen[measure] = true
		}
		if !ok {
			prev = period{} // too uncertain to check, and so are its per-share amounts
			continue
		}
		if p.yearAgo {
			p = base
			p.ago++
		} else {
			base = p
		}
		prev = p
		h, ok := parseHighlight(s.text, loc, measure)
		if !ok {
			continue
		}
		h.nonGAAP, h.months, h.quarter, h.year, h.ago = nonGAAP, p.months, p.quarter, p.year, p.ago
		if p.current {
			h.months = m.docMonths
		}
		h.pos = s.at(loc[0])
		out = append(out, h)
	}
	return out
}

// narrativeWindow is how far, in bytes, a narrative figure's measure and
// period are looked for on either side of it.
const narrativeWindow = 400

var measureRe = regexp.MustCompile(`(?i)\b(non-gaap |gaap )?(revenues?|net sales|gross margins?|net (?:loss|income)|operating (?:loss|income)|income from continuing operations)\b|;`)

// measureBefore returns the measure named last in the clause before a
// figure, and whether it is a non-GAAP one: a measure named without
// "GAAP" or "non-GAAP" keeps the qualifier it had earlier in the sentence
// ("Non-GAAP net loss ... compared to net loss of $(7.8) million").
func measureBefore(text string) (string, bool) {
	ms := measureRe.FindAllStringSubmatch(text, -1)
	if len(ms) == 0 || ms[len(ms)-1][0] == ";" {
		return "", false
	}
	measure := strings.ToLower(ms[len(ms)-1][2])
	for i := len(ms) - 1; i >= 0; i-- {
		if q := strings.ToLower(ms[i][1]); q != "" {
			return measure, strings.HasPrefix(q, "non")
		}
	}
	return measure, false
}

// period is a period a narrative names: the document's latest quarter or
// year (year 0), a fiscal quarter or year, or the same period ago years
// earlier.
type period struct {
	months, quarter, year, ago int
	yearAgo                    bool // "a year ago": the period before's, one year earlier
	current                    bool // the document's own period (its shortest, latest)
}

func (p period) known() bool { return p.months > 0 || p.current }

var comparedRe = regexp.MustCompile(`(?i)\b(compared (with|to)|versus|vs\.|from|over)\b`)

// periodAround finds the period of figure n: named after it (before the
// next figure that is not a per-share amount); for a figure introduced by
// "compared with", "versus" or "from", named anywhere after it; otherwise
// the last one named before it in the sentence.
func periodAround(text string, locs [][]int, n, lo, hi int) (period, bool) {
	end := hi
	for _, next := range locs[n+1:] {
		if next[0] >= hi {
			break
		}
		if !isPerShare(next) {
			end = next[0]
			break
		}
	}
	if pm := periodRe.FindStringSubmatch(text[locs[n][1]:end]); pm != nil {
		return namedPeriod(pm), true
	}
	before := periodRe.FindAllStringSubmatchIndex(text[lo:locs[n][0]], -1)
	for _, b := range before {
		for i := range b {
			if b[i] >= 0 {
				b[i] += lo
			}
		}
	}
	since := lo
	if len(before) > 0 {
		since = before[len(before)-1][1]
	}
	if comparedRe.MatchString(measureRe.ReplaceAllString(text[since:locs[n][0]], " ")) { // not the "from" of "income from continuing operations"
		// A comparison ("compared with $198.7 million and $5.9 million ...
		// in 2012") names its period after its figures, or not at all.
		if pm := periodRe.FindStringSubmatch(text[locs[n][1]:hi]); pm != nil {
			return namedPeriod(pm), true
		}
		return period{}, false
	}
	if len(before) > 0 {
		b := before[len(before)-1]
		pm := make([]string, len(b)/2)
		for i := range pm {
			if b[2*i] >= 0 {
				pm[i] = text[b[2*i]:b[2*i+1]]
			}
		}
		return namedPeriod(pm), true
	}
	return period{}, false
}

func isPerShare(loc []int) bool { return loc[8] >= 0 }

// namedPeriod reads "for the year", "in the third quarter of 2012", "in
// 2011", "for fiscal 2011" or "a year ago".
func namedPeriod(pm []string) period {
	switch {
	case pm[1] != "":
		if strings.Contains(strings.ToLower(pm[1]), "year") {
			return period{months: 12}
		}
		return period{months: 3}
	case pm[2] != "":
		h := extract.ParseHeaderText(pm[2] + " quarter " + pm[3])
		return period{months: 3, quarter: h.Quarter, year: h.FiscalYear}
	case pm[4] != "":
		y, _ := strconv.Atoi(pm[4])
		return period{months: 12, year: y}
	case pm[6] != "":
		return period{months: map[string]int{"six": 6, "twenty-six": 6, "nine": 9, "thirty-nine": 9}[strings.ToLower(pm[6])]}
	}
	return period{yearAgo: true}
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
		switch {
		case strings.HasPrefix(measure, "revenue"), measure == "net sales":
			h.concept = "Revenues"
		case strings.HasPrefix(measure, "net"):
			h.concept = "NetIncomeLoss"
		case strings.HasPrefix(measure, "operating"):
			h.concept = "OperatingIncomeLoss"
		case strings.HasSuffix(measure, "continuing operations"):
			h.concept = "IncomeLossFromContinuingOperations"
		}
	case loc[6] >= 0:
		num = text[loc[6]:loc[7]]
		scale = -2
		if strings.HasPrefix(measure, "gross margin") {
			h.concept = "GrossMarginPercentage"
		}
	default:
		num = text[loc[8]:loc[9]]
		diluted := loc[10] >= 0 && strings.EqualFold(strings.TrimSpace(text[loc[10]:loc[11]]), "diluted")
		switch {
		case strings.HasSuffix(measure, "continuing operations") && diluted:
			h.concept = "IncomeLossFromContinuingOperationsPerDilutedShare"
		case strings.HasSuffix(measure, "continuing operations"):
			h.concept = "IncomeLossFromContinuingOperationsPerBasicShare"
		case diluted:
			h.concept = "EarningsPerShareDiluted"
		default:
			h.concept = "EarningsPerShareBasicAndDiluted"
		}
	}
	n, err := extract.ParseNumber(num)
	if err != nil || h.concept == "" {
		return h, false
	}
	if strings.Contains(measure, "loss") && n.Value.Sign() > 0 {
		n.Value = n.Value.Neg() // "a net loss of $9.5 million"
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
		// The prose of an annual or quarterly report names the figures of
		// segments, notes and other years as often as the totals: there a
		// difference is worth a look, not a warning.
		severity := source.Warning
		if m.cp.periodic() {
			severity = source.Info
		}
		m.diags.Add(severity, "map.narrativeMismatch", h.pos,
			"the narrative says %q but %s for %s is %s at %s", h.text, f.Concept.QName(), f.Period, f.Value, f.Source)
		return
	}
	m.rep.Provenance.Notes = append(m.rep.Provenance.Notes, xbrl.Note{Pos: h.pos,
		Text: fmt.Sprintf("the narrative %q agrees with %s for %s (%s) at %s", h.text, f.Concept.QName(), f.Period, f.Value, f.Source)})
}

// documentMonths is the length in months of the document's own period:
// the shortest duration ending on its latest date.
func (m *mapper) documentMonths() int {
	p, ok := m.documentPeriod()
	if !ok {
		return 3
	}
	days := p.End.Sub(p.Start).Hours() / 24
	return int(days/30.44 + 0.5)
}

// findFact finds the fact of the concept named local for the highlight's
// period: the document's latest quarter or year, or the named fiscal
// quarter or year.
func (m *mapper) findFact(local string, h highlight) *xbrl.Fact {
	end, ok := m.highlightEnd(h)
	if !ok {
		return nil
	}
	slack := 0.0
	if h.ago > 0 {
		end = end.AddDate(-h.ago, 0, 0)
		slack = 7 // a 52/53-week year ends up to a week off
	}
	for _, f := range m.factsByName[local] {
		if f.Period.Instant || abs(f.Period.End.Sub(end).Hours()/24) > slack {
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
