package edgar

import (
	"bytes"
	"fmt"
	"strings"
	"time"
)

// Schedule is an EX-27 financial data schedule, the tagged summary that
// filers attached to their 10-K and 10-Q submissions from 1997 to 2001:
//
//	<ARTICLE>                     5
//	<MULTIPLIER>                  1,000
//	<PERIOD-TYPE>                 YEAR
//	<FISCAL-YEAR-END>             DEC-31-1998
//	<PERIOD-START>                JAN-01-1998
//	<PERIOD-END>                  DEC-31-1998
//	<CASH>                        25,561
//	<TOTAL-ASSETS>                648,460
//	<NET-INCOME>                  (124,546)
//	<EPS-PRIMARY>                 (.84)
//
// A schedule restating earlier periods has one column per period, each
// tag followed by one value per column.
type Schedule struct {
	Article string
	// Multiplier is the power of ten the amounts are in: 3 for
	// "<MULTIPLIER> 1,000". Per-share amounts are never multiplied.
	Multiplier int
	Columns    []ScheduleColumn
	Line       int // the line of the <DOCUMENT> tag in the submission
}

// ScheduleColumn is one period of a schedule.
type ScheduleColumn struct {
	PeriodType                   string // "YEAR", "12-MOS", "3-MOS", "9-MOS", ...
	FiscalYearEnd, Start, End    time.Time
	StartLine, EndLine, TypeLine int
	Values                       []ScheduleValue // the tagged figures, in schedule order
	startPrinted, endPrinted     bool
}

// ScheduleValue is one tagged figure as printed, and where: Line is a
// line of the submission, Col the 1-based column of the figure.
type ScheduleValue struct {
	Tag, Text string
	Line, Col int
}

// ScheduleError is a schedule that cannot be read, with where.
type ScheduleError struct {
	Line int
	Err  error
}

func (e *ScheduleError) Error() string { return fmt.Sprintf("line %d: %v", e.Line, e.Err) }

// ParseSchedule reads the EX-27 document d. Text tags (<LEGEND>, <NAME>,
// <CURRENCY>) are skipped; a tag whose values do not match the number of
// columns, or a date that is not one, is an error with its line.
func ParseSchedule(d Document) (*Schedule, error) {
	s := &Schedule{Line: d.Line}
	inLegend := false
	for n, line := range bytes.Split(d.Text, []byte("\n")) {
		num := d.FirstLine + n
		text := strings.TrimRight(string(line), "\r")
		trimmed := strings.TrimSpace(text)
		upper := strings.ToUpper(trimmed)
		switch {
		case inLegend:
			inLegend = !strings.Contains(upper, "</LEGEND>")
			continue
		case strings.HasPrefix(upper, "<LEGEND>"):
			inLegend = !strings.Contains(upper, "</LEGEND>")
			continue
		case !strings.HasPrefix(trimmed, "<"):
			continue
		}
		end := strings.IndexByte(trimmed, '>')
		if end < 0 {
			continue
		}
		tag := strings.ToUpper(trimmed[1:end])
		rest := trimmed[end+1:]
		restCol := len(text) - len(strings.TrimLeft(text, " \t")) + end + 1 // byte offset of rest in text
		if err := s.take(tag, rest, text, restCol, num); err != nil {
			return nil, &ScheduleError{Line: num, Err: err}
		}
	}
	if len(s.Columns) == 0 {
		return nil, &ScheduleError{Line: d.FirstLine, Err: fmt.Errorf("no <PERIOD-END> tag: not a financial data schedule")}
	}
	for i := range s.Columns {
		if err := s.Columns[i].settle(); err != nil {
			c := s.Columns[i]
			return nil, &ScheduleError{Line: max(c.EndLine, c.StartLine, c.TypeLine, d.FirstLine), Err: err}
		}
	}
	return s, nil
}

// textTags hold words, not figures.
var textTags = map[string]bool{"S": true, "C": true, "NAME": true, "CIK": true, "CURRENCY": true, "/LEGEND": true, "TABLE": true, "/TABLE": true}

// take records one tag line.
func (s *Schedule) take(tag, rest, line string, restCol, num int) error {
	fields := fieldsAt(rest, restCol)
	switch {
	case textTags[tag] || strings.HasPrefix(tag, "/"):
		return nil
	case tag == "ARTICLE":
		if len(fields) > 0 {
			s.Article = fields[0].text
		}
		return nil
	case tag == "MULTIPLIER":
		if len(fields) == 0 {
			return fmt.Errorf("<MULTIPLIER> has no value")
		}
		p, ok := powerOfTen(fields[0].text)
		if !ok {
			return fmt.Errorf("<MULTIPLIER> %q is not a power of ten", fields[0].text)
		}
		s.Multiplier = p
		return nil
	case tag == "PERIOD-TYPE" || tag == "FISCAL-YEAR-END" || tag == "PERIOD-START" || tag == "PERIOD-END":
		if len(s.Columns) == 0 {
			s.Columns = make([]ScheduleColumn, len(fields))
		}
		if len(fields) != len(s.Columns) {
			return fmt.Errorf("<%s> has %d values for %d columns", tag, len(fields), len(s.Columns))
		}
		for i, f := range fields {
			c := &s.Columns[i]
			if tag == "PERIOD-TYPE" {
				c.PeriodType, c.TypeLine = strings.ToUpper(f.text), num
				continue
			}
			d, err := time.Parse("Jan-02-2006", strings.ToUpper(f.text[:1])+strings.ToLower(f.text[1:]))
			if err != nil {
				return fmt.Errorf("<%s> %q is not a date like DEC-31-1998", tag, f.text)
			}
			switch tag {
			case "FISCAL-YEAR-END":
				c.FiscalYearEnd = d
			case "PERIOD-START":
				c.Start, c.StartLine, c.startPrinted = d, num, true
			case "PERIOD-END":
				c.End, c.EndLine, c.endPrinted = d, num, true
			}
		}
		return nil
	}
	if len(fields) == 0 || len(s.Columns) == 0 {
		return nil // a tag before the periods, or with no figure
	}
	if len(fields) != len(s.Columns) {
		return fmt.Errorf("<%s> has %d values for %d columns", tag, len(fields), len(s.Columns))
	}
	for i, f := range fields {
		s.Columns[i].Values = append(s.Columns[i].Values, ScheduleValue{Tag: tag, Text: f.text, Line: num, Col: f.col + 1})
	}
	return nil
}

// settle works out a column's start from its type when the schedule
// prints none: a year, or 3, 6 or 9 months to its end.
func (c *ScheduleColumn) settle() error {
	if !c.endPrinted {
		return fmt.Errorf("a column has no <PERIOD-END>")
	}
	if c.startPrinted {
		if c.Start.After(c.End) {
			return fmt.Errorf("<PERIOD-START> %s is after <PERIOD-END> %s", c.Start.Format("Jan-02-2006"), c.End.Format("Jan-02-2006"))
		}
		return nil
	}
	months := map[string]int{"YEAR": 12, "12-MOS": 12, "9-MOS": 9, "6-MOS": 6, "3-MOS": 3}[c.PeriodType]
	if months == 0 {
		return fmt.Errorf("no <PERIOD-START>, and <PERIOD-TYPE> %q does not say the period's length", c.PeriodType)
	}
	c.Start = c.End.AddDate(0, -months, 1)
	return nil
}

// field is a word of a tag line and its byte offset in the line.
type field struct {
	text string
	col  int
}

func fieldsAt(s string, offset int) []field {
	var out []field
	for i := 0; i < len(s); {
		for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
			i++
		}
		j := i
		for j < len(s) && s[j] != ' ' && s[j] != '\t' {
			j++
		}
		if j > i {
			out = append(out, field{s[i:j], offset + i})
		}
		i = j
	}
	return out
}

// powerOfTen reads "1", "1,000" or "1000000" as 0, 3 or 6.
func powerOfTen(s string) (int, bool) {
	s = strings.ReplaceAll(s, ",", "")
	if !strings.HasPrefix(s, "1") || strings.Trim(s[1:], "0") != "" || len(s) > 13 {
		return 0, false
	}
	return len(s) - 1, true
}
