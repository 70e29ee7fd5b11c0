package mapping

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/xport/xport/extract"
	"github.com/xport/xport/source"
	"github.com/xport/xport/xbrl"
)

// periodEnd is a date the document names as the end of a period: in a
// column heading or in prose ("the three months ended July 2, 2023"), with
// the period's length when it is stated.
type periodEnd struct {
	date          time.Time
	pos           source.Pos
	months, weeks int
	prose         bool // stated in prose only, not in a column heading
	mentions      int  // how many times the document names it
}

// periodFinder decides XBRL periods for column headings.
type periodFinder struct {
	ends []periodEnd
	// fiscalYears are the ends of the twelve-month periods the document
	// names, by fiscal year (the year the period ends in; January ends
	// count for the year before, as retailers label them).
	fiscalYears map[int]periodEnd
	// weeks is set when a period the document names ends other than at a
	// month end: the company keeps a 52/53-week calendar of 13-week
	// quarters.
	weeks bool
}

func newPeriodFinder(doc *source.Document, tables []*extract.Table) *periodFinder {
	pf := &periodFinder{fiscalYears: map[int]periodEnd{}}
	type key struct {
		d             time.Time
		months, weeks int
	}
	seen := map[key]int{}
	add := func(e periodEnd) {
		k := key{e.date, e.months, e.weeks}
		if i, ok := seen[k]; ok {
			pf.ends[i].mentions++
			if pf.ends[i].prose && !e.prose {
				e.mentions = pf.ends[i].mentions
				pf.ends[i] = e
			}
			return
		}
		seen[k] = len(pf.ends)
		e.mentions = 1
		pf.ends = append(pf.ends, e)
		pf.weeks = pf.weeks || !e.prose && !monthEnd(e.date) // prose may name another calendar (a subsidiary's, an acquiree's)
	}
	addYear := func(e periodEnd) {
		add(e)
		if _, ok := pf.fiscalYears[fiscalYear(e.date)]; !ok || !e.prose {
			pf.fiscalYears[fiscalYear(e.date)] = e
		}
	}
	for _, t := range tables {
		for _, c := range t.Columns {
			h := c.Header
			if h.End.IsZero() || h.IsChange() {
				continue
			}
			e := periodEnd{date: h.End, pos: h.Pos, months: h.Months, weeks: h.Weeks}
			if h.Months == 12 || h.Weeks == 52 || h.Weeks == 53 {
				addYear(e)
			} else {
				add(e)
			}
		}
	}
	if doc != nil {
		proseEnds(doc, add, addYear)
	}
	return pf
}

// sameLength reports whether a period of months or weeks (one of them
// set) is as long as one of e's.
func (e periodEnd) sameLength(months, weeks int) bool {
	switch {
	case months > 0 && e.months > 0:
		return months == e.months
	case weeks > 0 && e.weeks > 0:
		return weeks == e.weeks
	case months > 0 && e.weeks > 0:
		return e.weeks >= months*13/3-1 && e.weeks <= months*13/3+1
	case weeks > 0 && e.months > 0:
		return weeks >= e.months*13/3-1 && weeks <= e.months*13/3+1
	}
	return false
}

// endIn returns the period end the document names in calendar year year
// for a period of the given length, for a column that prints only the
// year ("2023" under "Six Months"): the one a column heading names, or
// else the one its prose names most, at least twice as often as any
// other. Pfizer's release names "the three and six months ended July 2,
// 2023" five times and its subsidiaries' "May 28, 2023" once. In doubt:
// not found.
func (pf *periodFinder) endIn(year, months, weeks int) (periodEnd, bool) {
	var headed, prose []periodEnd
	for _, e := range pf.ends {
		if e.date.Year() != year || !e.sameLength(months, weeks) {
			continue
		}
		if e.prose {
			prose = append(prose, e)
		} else {
			headed = append(headed, e)
		}
	}
	switch {
	case len(headed) == 1:
		return headed[0], true
	case len(headed) > 1:
		return periodEnd{}, false
	}
	sort.SliceStable(prose, func(i, j int) bool { return prose[i].mentions > prose[j].mentions })
	if len(prose) == 0 || len(prose) > 1 && prose[0].mentions < 2*prose[1].mentions {
		return periodEnd{}, false
	}
	return prose[0], true
}

func monthEnd(d time.Time) bool { return d.AddDate(0, 0, 1).Day() == 1 }

func fiscalYear(end time.Time) int {
	if end.Month() == time.January {
		return end.Year() - 1
	}
	return end.Year()
}

// latest returns the latest period end the document names.
func (pf *periodFinder) latest() time.Time {
	var t time.Time
	for _, e := range pf.ends {
		if e.date.After(t) {
			t = e.date
		}
	}
	return t
}

// columnPeriod is the period of one column and how it was decided.
type columnPeriod struct {
	period xbrl.Period
	ok     bool
	why    string // why there is no period, when !ok
	note   string // how the start date was decided, for provenance
}

// instant returns the instant at the start of the column's period (the
// day before its first day, as a balance at the beginning of a period is
// the balance at the end of the one before) or at its end.
func (cp columnPeriod) instant(at string) columnPeriod {
	if cp.period.Instant {
		return cp
	}
	end := cp.period.End
	if at == "start" {
		end = cp.period.Start.AddDate(0, 0, -1)
	}
	return columnPeriod{period: xbrl.Period{End: end, Instant: true}, ok: true}
}

var titleLengthRe = regexp.MustCompile(`(?i)\b(three|six|nine|twelve|\d+)[\s-]+months?\b|\b(fiscal )?years?\s+ended\b|\bquarters?\s+ended\b`)

// period decides the period of a column. A heading with a date and a
// length ("Three Months Ended December 29, 2012") is a duration; a date
// alone is an instant in a balance sheet and, elsewhere, takes the length
// the title states ("For the Years Ended").
func (pf *periodFinder) period(h extract.Header, instant bool, title string) columnPeriod {
	if h.IsChange() {
		return columnPeriod{why: fmt.Sprintf("a change column (%q) compares periods; its figures are not facts", h.Text)}
	}
	if h.Quarter > 0 {
		return pf.quarter(h)
	}
	dated := ""
	if h.End.IsZero() && h.FiscalYear > 0 && !instant {
		// "Fiscal 2023", "FY23": the year the document's fiscal year ends date
		end, how, ok := pf.fiscalYearEnd(h.FiscalYear)
		if !ok {
			return columnPeriod{why: fmt.Sprintf("the column heading %q names a fiscal year whose end the document does not state", h.Text)}
		}
		h.End, h.Months = end, 12
		dated = fmt.Sprintf("%s ends %s (%s)", h.Text, day(end), how)
	}
	if h.End.IsZero() {
		var ok bool
		if h, dated, ok = pf.yearOnly(h, instant, title); !ok {
			return columnPeriod{why: fmt.Sprintf("the column heading %q names no date", h.Text)}
		}
	}
	if from, to, ok := periodFrom(title); ok && !instant && h.End.Equal(to) {
		// "PERIOD FROM JUNE 3, 1996 (INCEPTION) TO DECEMBER 31, 1996"
		return columnPeriod{period: xbrl.Period{Start: from, End: to}, ok: true,
			note: strings.TrimPrefix(dated+"; the title names the period "+day(from)+".."+day(to), "; ")}
	}
	cp := pf.dated(h, instant, title)
	if cp.ok && dated != "" {
		cp.note = strings.TrimPrefix(dated+"; "+cp.note, "; ")
		cp.note = strings.TrimSuffix(cp.note, "; ")
	}
	return cp
}

var periodFromRe = regexp.MustCompile(`(?i)\bperiod\s+from\s+(` + dateText + `)\s*(?:\(inception\))?\s*(?:to|through)\s+(` + dateText + `)`)

// periodFrom reads the period a title names outright: "period from June
// 3, 1996 (inception) to December 31, 1996".
func periodFrom(title string) (from, to time.Time, ok bool) {
	m := periodFromRe.FindStringSubmatch(title)
	if m == nil {
		return from, to, false
	}
	from, ok1 := proseDate(m[1])
	to, ok2 := proseDate(m[2])
	return from, to, ok1 && ok2 && from.Before(to)
}

// dated decides the period of a column whose end date is known.
func (pf *periodFinder) dated(h extract.Header, instant bool, title string) columnPeriod {
	if instant {
		return columnPeriod{period: xbrl.Period{End: h.End, Instant: true}, ok: true}
	}
	months, weeks := h.Months, h.Weeks
	if months == 0 && weeks == 0 {
		if m := titleLengthRe.FindString(title); m != "" {
			t := extract.ParseHeaderText(m + " " + h.End.Format("January 2, 2006"))
			months, weeks = t.Months, t.Weeks
		}
	}
	switch {
	case weeks > 0:
		start := h.End.AddDate(0, 0, 1-7*weeks)
		return columnPeriod{period: xbrl.Period{Start: start, End: h.End}, ok: true,
			note: fmt.Sprintf("start %s computed from %d weeks ended %s", day(start), weeks, day(h.End))}
	case months > 0:
		start, note := pf.start(h.End, months)
		return columnPeriod{period: xbrl.Period{Start: start, End: h.End}, ok: true, note: note}
	}
	return columnPeriod{why: fmt.Sprintf("the column heading %q states no period length", h.Text)}
}

// start derives the first day of a period of n months ending on end. When
// the document names a period end about n months earlier (52/53-week
// years drift by days), the period starts the day after it; otherwise the
// start is inferred from the calendar and the note says so.
func (pf *periodFinder) start(end time.Time, n int) (time.Time, string) {
	approx := monthsBefore(end, n)
	var best *periodEnd
	for i := range pf.ends {
		e := &pf.ends[i]
		d := e.date.Sub(approx).Hours() / 24
		if d < -10 || d > 10 || !e.date.Before(end) {
			continue
		}
		if best == nil || abs(d) < abs(best.date.Sub(approx).Hours()/24) {
			best = e
		}
	}
	if best != nil {
		start := best.date.AddDate(0, 0, 1)
		return start, fmt.Sprintf("start %s is the day after the period end %s named at %s",
			day(start), day(best.date), best.pos)
	}
	if prev, how, ok := pf.fiscalYearEnd(fiscalYear(end) - 1); ok {
		if d := prev.Sub(approx).Hours() / 24; d >= -10 && d <= 10 && prev.Before(end) {
			start := prev.AddDate(0, 0, 1)
			return start, fmt.Sprintf("start %s is the day after fiscal %d ended %s (%s)", day(start), fiscalYear(end)-1, day(prev), how)
		}
	}
	if pf.weeks && n%3 == 0 {
		// The document's periods do not all end at month ends: a 52/53-week
		// fiscal calendar, 13 weeks a quarter.
		weeks := n / 3 * 13
		start := end.AddDate(0, 0, 1-7*weeks)
		return start, fmt.Sprintf("start %s inferred: %d weeks before %s (a 52/53-week fiscal calendar, as some period ends are not month ends); the document names no earlier period end near %s",
			day(start), weeks, day(end), day(approx))
	}
	start := approx.AddDate(0, 0, 1)
	return start, fmt.Sprintf("start %s inferred: %d months before %s, as the document names no earlier period end near %s",
		day(start), n, day(end), day(approx))
}

// monthsBefore returns the same day n months earlier, keeping month ends
// at month ends: 3 months before December 31 is September 30, not
// October 1 as time.AddDate would have it.
func monthsBefore(end time.Time, n int) time.Time {
	first := time.Date(end.Year(), end.Month()-time.Month(n), 1, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 1, -1).Day()
	d := min(end.Day(), last)
	if end.AddDate(0, 0, 1).Day() == 1 {
		d = last
	}
	return first.AddDate(0, 0, d-1)
}

func abs(f float64) float64 {
	if f < 0 {
		return -f
	}
	return f
}

func day(t time.Time) string { return t.Format(time.DateOnly) }

// titleText joins a table's title lines.
func titleText(t *extract.Table) string {
	var parts []string
	for _, l := range t.Title {
		parts = append(parts, l.Text)
	}
	return strings.Join(parts, " ")
}

var (
	bareYearRe = regexp.MustCompile(`\b((?:19|20)\d\d)\b`)
	monthDayRe = regexp.MustCompile(`(?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})\b`)
)

// yearOnly dates a column that prints a year but no day: "1997" under a
// title "DECEMBER 31, 1997 AND 1996" ends on December 31, 1997; "2023"
// under "Six Months" ends on the one six-month period end in 2023 the
// document names elsewhere. It returns the header with its end, and a
// note saying where the day came from.
func (pf *periodFinder) yearOnly(h extract.Header, instant bool, title string) (extract.Header, string, bool) {
	ys := bareYearRe.FindAllString(h.Text, -1)
	if len(ys) != 1 || monthDayRe.MatchString(h.Text) {
		return h, "", false
	}
	year, _ := strconv.Atoi(ys[0])
	if _, to, ok := periodFrom(title); ok && to.Year() == year {
		h.End = to
		return h, "", true // the period's start is the title's too (see period)
	}
	if m := monthDayRe.FindStringSubmatch(title); m != nil {
		d := extract.ParseHeaderText(m[1] + " " + m[2] + ", " + ys[0])
		if !d.End.IsZero() {
			h.End = d.End
			return h, fmt.Sprintf("the column prints only %s; the title names %s %s", ys[0], m[1], m[2]), true
		}
	}
	months, weeks := h.Months, h.Weeks
	if months == 0 && weeks == 0 {
		if m := titleLengthRe.FindString(title); m != "" {
			t := extract.ParseHeaderText(m)
			months, weeks = t.Months, t.Weeks
		}
	}
	if instant || months == 0 && weeks == 0 {
		return h, "", false
	}
	e, ok := pf.endIn(year, months, weeks)
	if !ok {
		return h, "", false
	}
	h.End, h.Months, h.Weeks = e.date, months, weeks
	return h, fmt.Sprintf("the column %q prints no day; the document names %s as the end of that period at %s", h.Text, day(e.date), e.pos), true
}

// quarter decides the period of a fiscal quarter column ("Q3'12") from the
// end of its fiscal year: in a 52/53-week calendar each quarter is 13
// weeks, otherwise three calendar months. The year end is the one the
// document names for that fiscal year or, failing that, one inferred from
// another year's.
func (pf *periodFinder) quarter(h extract.Header) columnPeriod {
	fyEnd, how, ok := pf.fiscalYearEnd(h.FiscalYear)
	if !ok {
		// "SECOND QUARTER" over "2023": the one quarter the document
		// says ends in 2023.
		if e, found := pf.endIn(h.FiscalYear, 3, 0); found && fitsQuarter(e.date, h.Quarter) {
			q := h
			q.End, q.Months, q.Quarter = e.date, 3, 0
			cp := pf.dated(q, false, "")
			if cp.ok {
				cp.note = fmt.Sprintf("%s: the document names %s as the end of a quarter in %d at %s; %s", h.Text, day(e.date), h.FiscalYear, e.pos, cp.note)
			}
			return cp
		}
		return columnPeriod{why: fmt.Sprintf("the column heading %q names a fiscal quarter of a year whose end the document does not state", h.Text)}
	}
	end := pf.quarterEnd(fyEnd, h.Quarter)
	if named, ok := pf.namedNear(end, 3); ok && !named.date.Equal(end) {
		// The document's own date over arithmetic; the start as for any
		// period that ends on a named day.
		q := h
		q.End, q.Months, q.Quarter = named.date, 3, 0
		cp := pf.dated(q, false, "")
		if cp.ok {
			cp.note = fmt.Sprintf("%s ends %s, named at %s; %s", h.Text, day(named.date), named.pos, cp.note)
		}
		return cp
	} else if !ok && pf.weeks && pf.calendarYears() {
		// Years that end with a month and quarters that do not (Pfizer's
		// quarters end on a Sunday): no arithmetic gives the quarter's end.
		return columnPeriod{why: fmt.Sprintf("the column heading %q names a fiscal quarter whose end the document does not state (its quarters do not end with a month)", h.Text)}
	}
	var prev time.Time
	if h.Quarter == 1 {
		prevFY, _, _ := pf.fiscalYearEnd(h.FiscalYear - 1)
		prev = prevFY
	} else {
		prev = pf.quarterEnd(fyEnd, h.Quarter-1)
	}
	start := prev.AddDate(0, 0, 1)
	kind := "three calendar months a quarter"
	if pf.weeks {
		kind = "13 weeks a quarter (a 52/53-week calendar)"
	}
	return columnPeriod{period: xbrl.Period{Start: start, End: end}, ok: true,
		note: fmt.Sprintf("%s is %s..%s: fiscal %d ends %s (%s), %s", h.Text, day(start), day(end), h.FiscalYear, day(fyEnd), how, kind)}
}

// fitsQuarter reports whether a date can end calendar quarter q, give or
// take the days a 52/53-week calendar drifts: "SECOND QUARTER 2023" may
// end July 2, 2023, not March 31.
func fitsQuarter(d time.Time, q int) bool {
	want := time.Date(d.Year(), time.Month(3*q), 1, 0, 0, 0, 0, time.UTC).AddDate(0, 1, -1)
	diff := d.Sub(want).Hours() / 24
	return diff >= -10 && diff <= 10
}

// quarterEnd returns the end of quarter q of the fiscal year ending fyEnd.
func (pf *periodFinder) quarterEnd(fyEnd time.Time, q int) time.Time {
	if pf.weeks {
		return fyEnd.AddDate(0, 0, -7*13*(4-q))
	}
	return monthsBefore(fyEnd, 3*(4-q))
}

// namedNear returns the one period end the document names within ten
// days of d for a period of the given months.
func (pf *periodFinder) namedNear(d time.Time, months int) (periodEnd, bool) {
	var found []periodEnd
	for _, e := range pf.ends {
		if diff := e.date.Sub(d).Hours() / 24; diff >= -10 && diff <= 10 && e.sameLength(months, 0) {
			if len(found) == 0 || !found[0].date.Equal(e.date) {
				found = append(found, e)
			}
		}
	}
	if len(found) != 1 {
		return periodEnd{}, false // none, or two alike: in doubt
	}
	return found[0], true
}

// calendarYears reports whether every fiscal year end the document names
// is a month end: its years are calendar years (or end with a month),
// even where its quarters end on a weekday, and years before them end on
// the same day of the year.
func (pf *periodFinder) calendarYears() bool {
	for _, e := range pf.fiscalYears {
		if !monthEnd(e.date) {
			return false
		}
	}
	return true
}

// ambiguousYearEnd reports whether a fiscal year ending on end may be
// named for the year it starts in or the one it ends in: one ending
// between the second week of January and the first of February. A year
// that ends in the first days of January (a 52-53 week year closest to
// December 31) is named for the year it covers.
func ambiguousYearEnd(end time.Time) bool {
	return end.Month() == time.January && end.Day() > 7 || end.Month() == time.February && end.Day() <= 7
}

// fiscalYearEnd returns the end of a fiscal year and how it is known.
func (pf *periodFinder) fiscalYearEnd(fy int) (time.Time, string, bool) {
	if e, ok := pf.fiscalYears[fy]; ok && !ambiguousYearEnd(e.date) {
		return e.date, "named at " + e.pos.String(), true
	}
	best, found := 0, false
	for y := range pf.fiscalYears {
		if !found || abs(float64(y-fy)) < abs(float64(best-fy)) || abs(float64(y-fy)) == abs(float64(best-fy)) && y > best {
			best, found = y, true
		}
	}
	if !found {
		return time.Time{}, "", false
	}
	known := pf.fiscalYears[best].date
	if ambiguousYearEnd(known) {
		// A year that ends in late January is named for the year it
		// starts in by some companies (fiscal 2023 ended February 3,
		// 2024) and for the year it ends in by others (fiscal 2024 ended
		// January 31, 2024): unless the document names the year, its end
		// is not known.
		return time.Time{}, "", false
	}
	var end time.Time
	if !pf.calendarYears() { // a year that ends on a weekday: 52 weeks a year
		end = known.AddDate(0, 0, 364*(fy-best))
	} else {
		end = monthsBefore(known, 12*(best-fy))
	}
	return end, fmt.Sprintf("inferred from fiscal %d, which ends %s", best, day(known)), true
}
