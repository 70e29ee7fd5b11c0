package mapping

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/xport/xport/extract"
	"github.com/xport/xport/source"
	"github.com/xport/xport/xbrl"
)

// Balance sheets print some figures inside row labels:
//
//	Common stock, $0.001 par value Issued and outstanding shares - 112,461
//	 as of December 29, 2012 and 106,976 as of December 31, 2011
//	Accounts receivable, net of allowance for doubtful accounts of $94 in
//	 2012 and $0 in 2011
//
// labelFacts reads the par value, the shares authorized, issued and
// outstanding, and the allowance for doubtful accounts from such labels,
// each at the position it is printed.

var (
	parRe        = regexp.MustCompile(`(?i)\$\s?(\d*\.?\d+) par value`)
	authorizedRe = regexp.MustCompile(`(?i)authorized(?: shares)?\s*[-:–—]?\s*(\d[\d,]*)|(\d[\d,]*) shares authorized`)
	noneIssuedRe = regexp.MustCompile(`(?i)\b(no|none) (shares )?issued\b`)
	outstandRe   = regexp.MustCompile(`(?i)(\d[\d,]*)(?: shares)? (?:as of|at) ([a-z]+\.? \d{1,2},? \d{4}) and (\d[\d,]*)(?: shares)? (?:as of|at) ([a-z]+\.? \d{1,2},? \d{4})|(\d[\d,]*) and (\d[\d,]*) shares issued and outstanding`)
	allowanceRe  = regexp.MustCompile(`(?i)allowances?(?: for doubtful accounts)? of \$(\d[\d,]*) (?:in (\d{4}) )?and \$(\d[\d,]*)(?: in (\d{4}))?`)
)

// labelFacts adds the facts printed inside a balance sheet row's label.
func (m *mapper) labelFacts(t *extract.Table, row extract.Row, periods []columnPeriod, sharePower int) {
	label := row.Label
	class := ""
	switch l := strings.ToLower(label); {
	case strings.HasPrefix(l, "preferred stock"):
		class = "PreferredStock"
	case strings.HasPrefix(l, "common stock"):
		class = "CommonStock"
	}
	if class != "" {
		if loc := parRe.FindStringSubmatchIndex(label); loc != nil {
			m.labelFact(row, loc[2], label[loc[2]:loc[3]], "us-gaap:"+class+"ParOrStatedValuePerShare", periods, allColumns(periods), 0)
		}
		if loc := authorizedRe.FindStringSubmatchIndex(label); loc != nil {
			a, b := loc[2], loc[3]
			if a < 0 {
				a, b = loc[4], loc[5]
			}
			m.labelFact(row, a, label[a:b], "us-gaap:"+class+"SharesAuthorized", periods, allColumns(periods), sharePower)
		}
		m.sharesIssued(row, class, periods, sharePower)
	}
	if loc := allowanceRe.FindStringSubmatchIndex(label); loc != nil && strings.HasPrefix(strings.ToLower(label), "accounts receivable") {
		for k, g := range [][2]int{{2, 4}, {6, 8}} {
			col := columnFor(periods, label, loc, g[1], k)
			m.labelFact(row, loc[g[0]], label[loc[g[0]]:loc[g[0]+1]], "us-gaap:AllowanceForDoubtfulAccountsReceivableCurrent", periods, []int{col}, t.Scale.Power)
		}
	}
}

// sharesIssued reads shares issued and outstanding: "none issued", or one
// figure per date, or two figures in column order.
func (m *mapper) sharesIssued(row extract.Row, class string, periods []columnPeriod, sharePower int) {
	label := row.Label
	concepts := []string{"us-gaap:" + class + "SharesIssued", "us-gaap:" + class + "SharesOutstanding"}
	if loc := noneIssuedRe.FindStringSubmatchIndex(label); loc != nil {
		// "no shares issued": zero issued and outstanding, not a printed
		// figure; its place is the word "no"
		pos := m.locate(row, loc[2], label[loc[2]:loc[3]])
		for _, q := range concepts {
			m.labelFactAt(row, pos, "0", q, periods, allColumns(periods), 0)
			m.rep.Figures--
		}
		return
	}
	loc := outstandRe.FindStringSubmatchIndex(label)
	if loc == nil {
		return
	}
	type figure struct {
		at   int
		text string
		col  int
	}
	var figs []figure
	if loc[2] >= 0 {
		for _, g := range [][2]int{{2, 4}, {6, 8}} {
			d := extract.ParseHeaderText(label[loc[g[1]]:loc[g[1]+1]]).End
			figs = append(figs, figure{loc[g[0]], label[loc[g[0]]:loc[g[0]+1]], columnAt(periods, d)})
		}
	} else {
		figs = []figure{{loc[10], label[loc[10]:loc[11]], 0}, {loc[12], label[loc[12]:loc[13]], 1}}
	}
	for _, f := range figs {
		m.labelFact(row, f.at, f.text, concepts[0], periods, []int{f.col}, sharePower)
		m.labelFact(row, f.at, f.text, concepts[1], periods, []int{f.col}, sharePower)
		m.rep.Figures-- // one printed figure, two facts (issued and outstanding)
	}
}

func allColumns(periods []columnPeriod) []int {
	out := make([]int, len(periods))
	for i := range out {
		out[i] = i
	}
	return out
}

// columnAt returns the column whose instant is d, or -1.
func columnAt(periods []columnPeriod, d time.Time) int {
	for i, p := range periods {
		if p.ok && d.Equal(p.period.End) {
			return i
		}
	}
	return -1
}

// columnFor returns the column of the k-th allowance figure: the column of
// the year printed after it ("$94 in 2012"), or the k-th column when the
// label says "respectively".
func columnFor(periods []columnPeriod, label string, loc []int, yearGroup, k int) int {
	if loc[yearGroup] >= 0 {
		y := label[loc[yearGroup]:loc[yearGroup+1]]
		for i, p := range periods {
			if p.ok && fmt.Sprint(p.period.End.Year()) == y {
				return i
			}
		}
		return -1
	}
	if k < len(periods) {
		return k
	}
	return -1
}

// labelFact adds the facts of one figure printed at byte offset at of a
// row's label, for the given columns' instants, scaled by 10^power. The
// figure counts once however many columns it applies to; a figure that
// becomes no fact is reported as not mapped.
func (m *mapper) labelFact(row extract.Row, at int, text, concept string, periods []columnPeriod, cols []int, power int) {
	m.labelFactAt(row, m.locate(row, at, text), text, concept, periods, cols, power)
}

// labelFactAt is labelFact for a figure located at pos.
func (m *mapper) labelFactAt(row extract.Row, pos source.Pos, text, concept string, periods []columnPeriod, cols []int, power int) {
	m.rep.Figures++
	cell := extract.Cell{Text: text, Pos: pos}
	c := m.opts.Catalogue.Lookup(concept)
	n, err := extract.ParseNumber(text)
	if c == nil || err != nil {
		m.unmap(cell, row.Label, "a figure inside the label that is not a number the catalogue can report")
		return
	}
	m.use(c, c.Label)
	added := false
	for _, col := range cols {
		if col < 0 || col >= len(periods) || !periods[col].ok || !periods[col].period.Instant {
			continue
		}
		m.add(&xbrl.Fact{
			Concept: c, Period: periods[col].period, Unit: unitFor(c),
			Value: n.Value.Shift(power), Decimals: n.Places - power,
			Source: pos, Label: row.Label,
		})
		added = true
	}
	if !added {
		m.unmap(cell, row.Label, "a figure inside the label for a date that is no column of the table")
	}
}

// locate finds where text, read at byte offset at of a row's joined label,
// is printed: on the source line of that part of the label, at the
// occurrence nearest the column the joined label suggests (the join
// collapses spaces and drops dot leaders).
func (m *mapper) locate(row extract.Row, at int, text string) source.Pos {
	guess := row.LabelPos(at)
	if !guess.IsValid() || guess.Line > len(m.doc.Lines) {
		return guess
	}
	line := m.doc.Lines[guess.Line-1]
	cols := line.Columns()
	runes := []rune(line.Text)
	best, bestDist := -1, 1<<30
	for i := 0; i+len([]rune(text)) <= len(runes); i++ {
		if string(runes[i:i+len([]rune(text))]) != text {
			continue
		}
		if d := abs(float64(cols[i] - guess.Col)); int(d) < bestDist {
			best, bestDist = i, int(d)
		}
	}
	if best < 0 {
		return guess
	}
	return source.Pos{File: m.doc.Name, Line: line.Num, Col: cols[best]}
}
