package load

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/xport/xport/xbrl"
)

// The kinds of value an xBRL-CSV cell or dimension value holds.
type csvKind int

const (
	csvText csvKind = iota // a value (possibly "", written #empty)
	csvNone                // no value: an empty cell, or #none
	csvNil                 // #nil
)

// errNoPeriod is the cause of an abbreviated period that is not one.
var errNoPeriod = errors.New("not an abbreviated period")

// valueError is a bad xBRL-CSV value, with the code to report it under.
type valueError struct{ code, msg string }

func (e *valueError) Error() string { return e.msg }

func valueErr(code, format string, args ...any) *valueError {
	return &valueError{code: code, msg: fmt.Sprintf(format, args...)}
}

// csvSpecial reads the special values of a cell or of a dimension value
// in the metadata: "" and "#none" are no value, "#nil" is nil, "#empty" is
// the empty string and "##" escapes a leading "#"; any other value
// starting with "#" is an error.
func csvSpecial(s string) (string, csvKind, *valueError) {
	switch {
	case s == "" || s == "#none":
		return "", csvNone, nil
	case s == "#nil":
		return "", csvNil, nil
	case s == "#empty":
		return "", csvText, nil
	case strings.HasPrefix(s, "##"):
		return s[1:], csvText, nil
	case strings.HasPrefix(s, "#"):
		return "", csvNone, valueErr("xbrlce:unknownSpecialValue", "%q is not #empty, #nil, #none or ## followed by text", s)
	}
	return s, csvText, nil
}

// csvRef is a parameter reference, "$name" or "$name@start", as the
// value of a dimension or of decimals in the metadata.
type csvRef struct {
	name, spec string // spec: the period specifier, "start" or "end"
}

// parseRef splits a metadata value into a reference or a literal; "$$"
// escapes a leading "$".
func parseRef(v string) (ref csvRef, literal string, isRef bool) {
	if !strings.HasPrefix(v, "$") {
		return csvRef{}, v, false
	}
	if strings.HasPrefix(v, "$$") {
		return csvRef{}, v[1:], false
	}
	name, spec, _ := strings.Cut(v[1:], "@")
	return csvRef{name: name, spec: spec}, "", true
}

// decimalsSuffix is a number followed by "d" and its decimals, white
// space allowed around the "d": "1500000d-3", "12.5dINF".
var decimalsSuffix = regexp.MustCompile(`^(.*[0-9.])[\r\n\t ]*d[\r\n\t ]*(0|-?[1-9][0-9]*|INF)[\r\n\t ]*$`)

// splitDecimals separates the decimals suffix of a numeric cell; ok is
// false when it has none.
func splitDecimals(s string) (number string, decimals int, ok bool, err *valueError) {
	if !strings.Contains(s, "d") {
		return s, 0, false, nil
	}
	m := decimalsSuffix.FindStringSubmatch(s)
	if m == nil {
		return s, 0, false, valueErr("xbrlce:invalidDecimalsSuffix", "%q is not a number followed by d and an integer or INF", s)
	}
	d, perr := parseDecimals(m[2])
	if perr != nil {
		return s, 0, false, valueErr("xbrlce:invalidDecimalsSuffix", "%q: %v", s, perr)
	}
	return m[1], d, true, nil
}

// parseDecimals reads decimals: an integer, or INF.
func parseDecimals(s string) (int, error) {
	if s == "INF" {
		return xbrl.DecimalsINF, nil
	}
	d, err := strconv.Atoi(s)
	if err != nil {
		return 0, fmt.Errorf("decimals %q is not an integer in range", s)
	}
	return d, nil
}

// The abbreviated periods of xBRL-CSV, each a duration.
var (
	csvYear    = regexp.MustCompile(`^(\d{4})$`)
	csvMonth   = regexp.MustCompile(`^(\d{4})-(\d{2})$`)
	csvDay     = regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})$`)
	csvQuarter = regexp.MustCompile(`^(\d{4})Q([1-4])$`)
	csvHalf    = regexp.MustCompile(`^(\d{4})H([12])$`)
	csvWeek    = regexp.MustCompile(`^(\d{4})W(\d{2})$`)
)

// csvPeriod reads a period: OIM's (an instant dateTime, or start and end
// dateTimes split by "/") or an xBRL-CSV abbreviation of a duration (2020,
// 2020-03, 2020-03-31, 2020Q1, 2020H2, 2020W12, or inclusive dates
// 2020-01-01..2020-03-31), optionally followed by "@start" or "@end" for
// the instant it starts or ends at. spec is the period specifier of the
// reference the value came through ("start", "end" or ""). Ends follow
// OIM's end-of-day semantics, as xBRL-JSON's do.
func csvPeriod(s, spec string) (xbrl.Period, *valueError) {
	bad := valueErr("xbrlce:invalidPeriodRepresentation", "%q is not an OIM period or an xBRL-CSV abbreviation of one", s)
	if p, ok := oimPeriod(s); ok {
		if spec != "" && p.Instant {
			return p, valueErr("xbrlce:referenceTargetNotDuration", "@%s of the instant %q", spec, s)
		}
		return instantOf(p, spec), nil
	}
	value, suffix, hasSuffix := strings.Cut(s, "@")
	if hasSuffix {
		if suffix != "start" && suffix != "end" {
			return xbrl.Period{}, bad
		}
		if spec != "" {
			return xbrl.Period{}, valueErr("xbrlce:referenceTargetNotDuration", "@%s of the instant %q", spec, s)
		}
		spec = suffix
	}
	start, end, err := abbreviatedPeriod(value)
	if err != nil {
		return xbrl.Period{}, bad
	}
	return instantOf(xbrl.Period{Start: start, End: end.AddDate(0, 0, -1)}, spec), nil
}

// instantOf returns the instant a duration starts (spec "start") or ends
// ("end") at, or the period itself.
func instantOf(p xbrl.Period, spec string) xbrl.Period {
	switch spec {
	case "start":
		return xbrl.Period{End: endOfDay(p.Start), Instant: true}
	case "end":
		return xbrl.Period{End: p.End, Instant: true}
	}
	return p
}

// oimPeriod reads an OIM period.
func oimPeriod(s string) (xbrl.Period, bool) {
	parts := strings.Split(s, "/")
	if len(parts) > 2 {
		return xbrl.Period{}, false
	}
	var ts []time.Time
	for _, p := range parts {
		t, err := time.Parse("2006-01-02T15:04:05", p)
		if err != nil || !oimDate.MatchString(p) {
			return xbrl.Period{}, false
		}
		ts = append(ts, t)
	}
	if len(ts) == 1 {
		return xbrl.Period{End: endOfDay(ts[0]), Instant: true}, true
	}
	return xbrl.Period{Start: ts[0], End: endOfDay(ts[1])}, true
}

// abbreviatedPeriod returns the start of an abbreviated period and the
// day after its end.
func abbreviatedPeriod(s string) (start, end time.Time, err error) {
	if from, to, ok := strings.Cut(s, ".."); ok {
		start, err1 := csvDate(from)
		last, err2 := csvDate(to)
		if err1 != nil || err2 != nil || last.Before(start) {
			return start, end, errNoPeriod
		}
		return start, last.AddDate(0, 0, 1), nil
	}
	num := func(m []string, i int) int { n, _ := strconv.Atoi(m[i]); return n }
	switch {
	case csvYear.MatchString(s):
		m := csvYear.FindStringSubmatch(s)
		start = date(num(m, 1), 1, 1)
		return start, start.AddDate(1, 0, 0), nil
	case csvMonth.MatchString(s):
		m := csvMonth.FindStringSubmatch(s)
		if num(m, 2) < 1 || num(m, 2) > 12 {
			return start, end, errNoPeriod
		}
		start = date(num(m, 1), num(m, 2), 1)
		return start, start.AddDate(0, 1, 0), nil
	case csvDay.MatchString(s):
		start, err = csvDate(s)
		return start, start.AddDate(0, 0, 1), err
	case csvQuarter.MatchString(s):
		m := csvQuarter.FindStringSubmatch(s)
		start = date(num(m, 1), 3*num(m, 2)-2, 1)
		return start, start.AddDate(0, 3, 0), nil
	case csvHalf.MatchString(s):
		m := csvHalf.FindStringSubmatch(s)
		start = date(num(m, 1), 6*num(m, 2)-5, 1)
		return start, start.AddDate(0, 6, 0), nil
	case csvWeek.MatchString(s):
		m := csvWeek.FindStringSubmatch(s)
		start, err = isoWeek(num(m, 1), num(m, 2))
		return start, start.AddDate(0, 0, 7), err
	}
	return start, end, errNoPeriod
}

func date(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// csvDate reads a date, yyyy-mm-dd.
func csvDate(s string) (time.Time, error) {
	if !csvDay.MatchString(s) {
		return time.Time{}, errNoPeriod
	}
	return time.Parse(time.DateOnly, s)
}

// isoWeek returns the Monday that starts ISO 8601 week w of year y.
func isoWeek(y, w int) (time.Time, error) {
	jan4 := date(y, 1, 4) // always in week 1
	monday := jan4.AddDate(0, 0, -((int(jan4.Weekday()) + 6) % 7))
	start := monday.AddDate(0, 0, 7*(w-1))
	if w < 1 {
		return start, errNoPeriod
	}
	if wy, _ := start.ISOWeek(); wy != y {
		return start, errNoPeriod // week 53 of a year of 52
	}
	return start, nil
}
