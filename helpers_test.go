package xport

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xport/xport/source"
)

func itoa(n int) string { return strconv.Itoa(n) }

// oimPeriod turns an xBRL-JSON duration back into XBRL 2.1 start and end
// dates: the end instant is the day after the last day.
func oimPeriod(t *testing.T, p string) (start, end string) {
	t.Helper()
	s, e, ok := strings.Cut(p, "/")
	if !ok {
		t.Fatalf("period %q is not a duration", p)
	}
	parse := func(v string) time.Time {
		d, err := time.Parse("2006-01-02T15:04:05", v)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	return parse(s).Format(time.DateOnly), parse(e).AddDate(0, 0, -1).Format(time.DateOnly)
}

func containsLine(ps []source.Pos, line int) bool {
	for _, p := range ps {
		if p.Line == line {
			return true
		}
	}
	return false
}
