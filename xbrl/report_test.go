package xbrl

import (
	"testing"
	"time"
)

func TestPeriodID(t *testing.T) {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		p    Period
		want string
	}{
		{Period{Instant: true, End: day(2012, time.December, 29)}, "I20121229"},
		{Period{Start: day(2012, time.September, 30), End: day(2012, time.December, 29)}, "D20120930_20121229"},
		{Period{Start: day(1, time.January, 1), End: day(999, time.March, 5)}, "D00010101_09990305"},
		{Period{Instant: true, End: day(12345, time.June, 7)}, "I" + day(12345, time.June, 7).Format("20060102")},
		{Period{Instant: true, End: day(-44, time.March, 15)}, "I" + day(-44, time.March, 15).Format("20060102")},
	}
	for _, tt := range tests {
		if got := tt.p.ID(); got != tt.want {
			t.Errorf("%v.ID() = %q, want %q", tt.p, got, tt.want)
		}
	}
}
