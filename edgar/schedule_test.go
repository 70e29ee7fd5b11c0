package edgar

import (
	"bytes"
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"
)

func scheduleDoc(text string) Document {
	return Document{Type: "EX-27", Text: []byte(text), FirstLine: 10, Line: 5}
}

// TestParseSchedule reads financial data schedules as filers laid them
// out: one column or several (a restatement), with or without
// <PERIOD-START>, and refuses what is not one, saying on which line.
func TestParseSchedule(t *testing.T) {
	tests := []struct {
		name, text string
		columns    []string // "start..end TAG=value@line:col ..."
		multiplier int
		err        string
	}{
		{name: "one year",
			text: "<ARTICLE> 5\n<LEGEND>\nTHIS SCHEDULE <CASH> IS A SUMMARY\n</LEGEND>\n<MULTIPLIER> 1,000\n<S> <C>\n" +
				"<PERIOD-TYPE> YEAR\n<FISCAL-YEAR-END> DEC-31-1998\n<PERIOD-START> JAN-01-1998\n<PERIOD-END> DEC-31-1998\n" +
				"<CASH>     25,561\n<NET-INCOME>  (124,546)\n<EPS-PRIMARY> (.84)\n",
			multiplier: 3,
			columns:    []string{"1998-01-01..1998-12-31 CASH=25,561@20:12 NET-INCOME=(124,546)@21:15 EPS-PRIMARY=(.84)@22:15"}},
		{name: "a quarter by its type, no multiplier",
			text:    "<ARTICLE> 5\n<PERIOD-TYPE> 3-MOS\n<FISCAL-YEAR-END> DEC-31-1999\n<PERIOD-END> MAR-31-1999\n<TOTAL-ASSETS> 1,000\n",
			columns: []string{"1999-01-01..1999-03-31 TOTAL-ASSETS=1,000@14:16"}},
		{name: "a restatement in two columns",
			text: "<ARTICLE> 5\n<MULTIPLIER> 1000000\n<PERIOD-TYPE> YEAR YEAR\n<FISCAL-YEAR-END> JUN-30-1999 JUN-30-1998\n" +
				"<PERIOD-START> JUL-01-1998 JUL-01-1997\n<PERIOD-END> JUN-30-1999 JUN-30-1998\n<NET-INCOME> 10 9\n",
			multiplier: 6,
			columns:    []string{"1998-07-01..1999-06-30 NET-INCOME=10@16:14", "1997-07-01..1998-06-30 NET-INCOME=9@16:17"}},
		{name: "no period end", text: "<ARTICLE> 5\n<CASH> 1\n", err: "line 10: no <PERIOD-END> tag"},
		{name: "a date that is none", text: "<PERIOD-END> DEC-32-1998\n", err: "line 10: <PERIOD-END> \"DEC-32-1998\" is not a date"},
		{name: "values short of the columns",
			text: "<PERIOD-TYPE> YEAR YEAR\n<PERIOD-END> DEC-31-1998 DEC-31-1997\n<CASH> 1\n", err: "line 12: <CASH> has 1 values for 2 columns"},
		{name: "a multiplier that is not a power of ten", text: "<MULTIPLIER> 1,500\n", err: "line 10: <MULTIPLIER> \"1,500\" is not a power of ten"},
		{name: "a month-long period", text: "<PERIOD-TYPE> 1-MOS\n<PERIOD-END> JAN-31-1999\n", err: "does not say the period's length"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := ParseSchedule(scheduleDoc(tt.text))
			if tt.err != "" {
				var se *ScheduleError
				if err == nil || !strings.Contains(err.Error(), tt.err) || !errors.As(err, &se) {
					t.Fatalf("error %v, want one containing %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if s.Multiplier != tt.multiplier || len(s.Columns) != len(tt.columns) {
				t.Fatalf("multiplier %d, %d columns; want %d, %d", s.Multiplier, len(s.Columns), tt.multiplier, len(tt.columns))
			}
			for i, c := range s.Columns {
				got := c.Start.Format(time.DateOnly) + ".." + c.End.Format(time.DateOnly)
				for _, v := range c.Values {
					got += " " + v.Tag + "=" + v.Text + "@" + strconv.Itoa(v.Line) + ":" + strconv.Itoa(v.Col)
				}
				if got != tt.columns[i] {
					t.Errorf("column %d: %s\nwant %s", i, got, tt.columns[i])
				}
			}
		})
	}
}

// FuzzParseSchedule reads arbitrary schedules: no panic, every error is a
// *ScheduleError on a line of the document, every figure is on one.
func FuzzParseSchedule(f *testing.F) {
	f.Add([]byte("<ARTICLE> 5\n<MULTIPLIER> 1,000\n<PERIOD-TYPE> YEAR\n<PERIOD-END> DEC-31-1998\n<CASH> 1\n"))
	f.Add([]byte("<PERIOD-TYPE> 3-MOS 3-MOS\n<PERIOD-START> JAN-01-1999 JAN-01-1998\n<PERIOD-END> MAR-31-1999 MAR-31-1998\n<LEGEND>\n<CASH> 1 2\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		d := scheduleDoc(string(data))
		last := d.FirstLine + bytes.Count(data, []byte("\n"))
		s, err := ParseSchedule(d)
		if err != nil {
			var se *ScheduleError
			if !errors.As(err, &se) || se.Line < d.FirstLine || se.Line > last {
				t.Fatalf("error %v is not a *ScheduleError on lines %d-%d", err, d.FirstLine, last)
			}
			return
		}
		for _, c := range s.Columns {
			if c.Start.After(c.End) {
				t.Fatalf("period %s..%s", c.Start, c.End)
			}
			for _, v := range c.Values {
				if v.Line < d.FirstLine || v.Line > last || v.Col < 1 {
					t.Fatalf("%s at %d:%d, outside lines %d-%d", v.Tag, v.Line, v.Col, d.FirstLine, last)
				}
			}
		}
	})
}
