package mapping

import (
	"fmt"
	"strings"

	"github.com/xport/xport/edgar"
	"github.com/xport/xport/extract"
	"github.com/xport/xport/source"
	"github.com/xport/xport/xbrl"
)

// scheduleTags are the EX-27 tags read as facts, by article of
// Regulation S-X: the totals every article shares, and those of article 5
// (commercial and industrial companies), whose "CASH" and current assets
// mean what the balance sheet's do (a bank's article 9 "CASH" is cash and
// due from banks, another concept). Other tags are listed as not mapped.
var scheduleTags = map[string]string{
	"TOTAL-ASSETS": "us-gaap:Assets",
	"NET-INCOME":   "us-gaap:NetIncomeLoss",
	"EPS-PRIMARY":  "us-gaap:EarningsPerShareBasic",
	"EPS-BASIC":    "us-gaap:EarningsPerShareBasic",
	"EPS-DILUTED":  "us-gaap:EarningsPerShareDiluted",
}

var article5Tags = map[string]string{
	"CASH":                       "us-gaap:CashAndCashEquivalentsAtCarryingValue",
	"INVENTORY":                  "us-gaap:InventoryNet",
	"CURRENT-ASSETS":             "us-gaap:AssetsCurrent",
	"CURRENT-LIABILITIES":        "us-gaap:LiabilitiesCurrent",
	"TOTAL-LIABILITY-AND-EQUITY": "us-gaap:LiabilitiesAndStockholdersEquity",
	"TOTAL-REVENUES":             "us-gaap:Revenues",
	"INCOME-PRETAX":              "us-gaap:IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest",
	"INCOME-TAX":                 "us-gaap:IncomeTaxExpenseBenefit",
	"INCOME-CONTINUING":          "us-gaap:IncomeLossFromContinuingOperations",
}

func scheduleConcept(article, tag string) string {
	if q, ok := scheduleTags[tag]; ok {
		return q
	}
	if strings.TrimSpace(article) == "5" {
		return article5Tags[tag]
	}
	return ""
}

// schedules reads the EX-27 financial data schedules of a submission: the
// filer's own machine-readable summary of the statements. Each figure of
// a mapped tag is a fact of the same concept and period as the
// statement's: where the statement gives it, the two must agree (each
// schedule's agreement is noted in the provenance), and where they differ
// the statement's figure stands and the schedule's is left out with a
// warning naming both places; a figure the statements do not give is a
// fact of its own.
func (m *mapper) schedules(list []*edgar.Schedule) {
	var shown []*xbrl.Concept
	seen := map[*xbrl.Concept]bool{}
	for _, s := range list {
		var agreed, added, differ []string
		for _, col := range s.Columns {
			for _, v := range col.Values {
				pos := source.Pos{File: m.doc.Name, Line: v.Line, Col: v.Col}
				m.rep.Figures++
				q := scheduleConcept(s.Article, v.Tag)
				c := m.opts.Catalogue.Lookup(q)
				if c == nil {
					m.rep.Unmapped = append(m.rep.Unmapped, xbrl.Unmapped{Pos: pos, Text: v.Text, Label: "<" + v.Tag + ">",
						Reason: fmt.Sprintf("EX-27 tag <%s> of article %s is not mapped", v.Tag, s.Article)})
					continue
				}
				n, err := extract.ParseNumber(v.Text)
				if err != nil || n.Nil || n.NotApplicable || n.Qualifier != "" {
					m.rep.Unmapped = append(m.rep.Unmapped, xbrl.Unmapped{Pos: pos, Text: v.Text, Label: "<" + v.Tag + ">", Reason: "not a number"})
					m.diags.Add(source.Warning, "map.scheduleValue", pos, "<%s> %q is not a number", v.Tag, v.Text)
					continue
				}
				power := s.Multiplier
				if c.Type == xbrl.PerShare {
					power = 0
				}
				period := xbrl.Period{Start: col.Start, End: col.End}
				if c.PeriodType == xbrl.Instant {
					period = xbrl.Period{Instant: true, End: col.End}
				}
				f := &xbrl.Fact{Concept: c, Period: period, Unit: unitFor(c), Value: n.Value.Shift(power),
					Decimals: n.Places - power, Source: pos, Label: "<" + v.Tag + "> (EX-27)"}
				where := fmt.Sprintf("<%s> %s", v.Tag, period)
				old, exists := m.byKey[f.Key()]
				switch {
				case !exists:
					added = append(added, where)
				case agree(old, f):
					agreed = append(agreed, where)
				default:
					differ = append(differ, where)
				}
				m.use(c, c.Label)
				if m.add(f) != nil && !seen[c] {
					seen[c] = true
					shown = append(shown, c)
				}
			}
		}
		at := source.Pos{File: m.doc.Name, Line: s.Line, Col: 1}
		m.rep.Provenance.Notes = append(m.rep.Provenance.Notes, xbrl.Note{Pos: at, Text: fmt.Sprintf(
			"EX-27 financial data schedule (article %s): %d figures agree with the statements, %d differ, %d the statements do not give%s",
			s.Article, len(agreed), len(differ), len(added), listed(differ))})
	}
	if len(shown) == 0 {
		return
	}
	title := "Financial Data Schedule (EX-27)"
	root := m.ext("FinancialDataScheduleAbstract", &xbrl.Concept{Type: xbrl.String, PeriodType: xbrl.Duration}, title)
	root.Abstract = true
	m.use(root, title)
	net := &xbrl.Network{RoleID: "FinancialDataSchedule", Title: title, Root: root}
	for i, c := range shown {
		net.Presentation = append(net.Presentation, xbrl.Arc{From: root, To: c, Order: i + 1})
	}
	m.rep.Networks = append(m.rep.Networks, net)
}

// listed names a few of the figures that differ: "; differ: <NET-INCOME> ...".
func listed(differ []string) string {
	if len(differ) == 0 {
		return ""
	}
	if len(differ) > 5 {
		differ = append(differ[:5:5], "...")
	}
	return "; differ: " + strings.Join(differ, ", ")
}
