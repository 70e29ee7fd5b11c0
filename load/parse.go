package load

import (
	"strconv"
	"strings"
	"time"
)

func parseInt(s string) (int, error) { return strconv.Atoi(strings.TrimSpace(s)) }

// parseDate reads an XBRL 2.1 period date: a date, or a dateTime. A
// dateTime at midnight ends the day before, as XBRL 2.1 reads instants and
// end dates (2013-01-01T00:00:00 is the end of 2012-12-31).
func parseDate(s string, end bool) (time.Time, error) {
	s = strings.TrimSpace(s)
	if !strings.Contains(s, "T") {
		return time.Parse(time.DateOnly, s)
	}
	t, err := time.Parse("2006-01-02T15:04:05", s)
	if err != nil {
		return t, err
	}
	if end && t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 {
		return t.AddDate(0, 0, -1), nil
	}
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), nil
}
