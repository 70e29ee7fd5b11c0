package extract

import (
	"fmt"
	"io"
	"strings"
)

// Format writes a plain-text account of the table as it was read: title,
// scale, each column's heading and period, then each row with its kind,
// section, label and cells. It is what golden tests compare and what
// `xport tables` prints.
func (t *Table) Format(w io.Writer) {
	fmt.Fprintf(w, "table at %s\n", t.Pos)
	for _, l := range t.Title {
		fmt.Fprintf(w, "  title %q\n", l.Text)
	}
	if t.Scale.Text != "" {
		fmt.Fprintf(w, "  scale 10^%d except %q shares=%v\n", t.Scale.Power, t.Scale.Except, t.Scale.Shares)
	}
	for i, c := range t.Columns {
		h := c.Header
		end := "-"
		if !h.End.IsZero() {
			end = h.End.Format("2006-01-02")
		}
		switch {
		case h.Quarter > 0:
			end = fmt.Sprintf("Q%d/FY%d", h.Quarter, h.FiscalYear)
		case h.FiscalYear > 0 && h.End.IsZero():
			end = fmt.Sprintf("FY%d", h.FiscalYear)
		}
		fmt.Fprintf(w, "  column %d [%d,%d) end=%s months=%d weeks=%d %q\n", i+1, c.Start, c.End, end, h.Months, h.Weeks, h.Text)
	}
	for _, r := range t.Rows {
		kind := map[RowKind]string{DataRow: "row", Heading: "heading", Caption: "caption"}[r.Kind]
		if r.Total {
			kind = "total"
		}
		var cells []string
		for _, c := range r.Cells {
			switch {
			case c.Empty():
				cells = append(cells, ".")
			case c.Number.Nil:
				cells = append(cells, "nil")
			case c.Number.NotApplicable:
				cells = append(cells, "n/a")
			default:
				cells = append(cells, c.Number.Value.String())
			}
		}
		part := ""
		if r.Part != "" {
			part = fmt.Sprintf(" part=%q", r.Part)
		}
		fmt.Fprintf(w, "  %-7s s=%-2d %d:%d %q %s%s\n", kind, r.Section, r.Pos.Line, r.Pos.Col, r.Label, strings.Join(cells, " "), part)
	}
	for _, c := range t.Unaligned {
		fmt.Fprintf(w, "  unaligned %s %q\n", c.Pos, c.Text)
	}
}
