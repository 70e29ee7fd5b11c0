package mapping

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"

	"github.com/xport/xport/extract"
	"github.com/xport/xport/schema"
	"github.com/xport/xport/xbrl"
)

var (
	footnoteMarks = regexp.MustCompile(`\(\d\)|\*+`)
	perShareLabel = regexp.MustCompile(`(?i)\bper\s+(common\s+)?share\b`)
	sharesLabel   = regexp.MustCompile(`(?i)\bshares\b`)
	// statesCount matches a label that states a number of shares itself
	// ("Treasury stock; Shares held: 980 million", "(1,837 million shares
	// issued)"): its figures are the amounts, not the count.
	statesCount = regexp.MustCompile(`(?i)\d[\d,.]*\s*(thousand|million|billion)\b|\d[\d,.]*\s+(common\s+)?shares\b`)
)

// genericHeading matches headings that group rows without saying what
// they are ("Cash Related Information:", "Other Metrics:").
var genericHeading = regexp.MustCompile(`(?i)\b(information|metrics|data|other|supplemental|statistics)\b`)

var (
	outflowLabel = regexp.MustCompile(`(?i)^(purchases?|payments?|repurchases?|repayments?|acquisitions?|advances?|capital expenditures?|investments? in)\b`)
	inflowLabel  = regexp.MustCompile(`(?i)^(proceeds|reimbursements?|collections?|repayments? (from|of advances))\b`)
	changesIn    = regexp.MustCompile(`(?i)\bchanges? in\b`)
)

// extension returns the company extension concept for a row no rule maps.
// Its name is the label in upper camel case, followed by the heading it
// sits under when the label alone does not say what it is a part of
// ("Product" under "Revenue:" is ProductRevenue); its type, period type
// and balance are the heading's concept's, or follow from the label. In a
// cash flow statement a line under "Changes in assets and liabilities" is
// the change in the balance sheet line of that name (an increase in an
// asset is printed as a negative), and a line that names a payment or a
// proceed is an outflow or an inflow.
//
// perShare says the row sits under a heading of amounts per share, at any
// depth: its figures are amounts per share.
//
// currency says the row or the rows of its section print a currency
// sign: a statement prints "$" on a section's first row and its total
// only, and the rows between are amounts too.
func (m *mapper) extension(kind schema.Kind, row extract.Row, section string, perShare, currency bool, parent *xbrl.Concept) rowMap {
	label := row.Label
	name := camel(label)
	if section != "" && !sharesWord(label, section) && len(strings.Fields(schema.NormalizeLabel(section))) <= 3 && !genericHeading.MatchString(section) {
		name += camel(section)
	}
	c := &xbrl.Concept{Type: xbrl.Monetary, PeriodType: xbrl.Duration}
	var rm rowMap
	switch {
	case parent != nil:
		c.Type, c.PeriodType, c.Balance = parent.Type, parent.PeriodType, parent.Balance
	case perShareLabel.MatchString(label), perShare:
		c.Type = xbrl.PerShare
	case sharesLabel.MatchString(label) && !statesCount.MatchString(label):
		c.Type = xbrl.Shares
	case m.printsPercent(row):
		c.Type = xbrl.Percent
		if !strings.Contains(name, "Percent") {
			name += "Percentage"
		}
	case kind == schema.Supplemental && !currency:
		c.Type = xbrl.Pure // a count or ratio: days sales outstanding, headcount
	}
	switch kind {
	case schema.Balance:
		c.PeriodType = xbrl.Instant
		defer func() { m.balances[schema.NormalizeLabel(label)] = rm.concept }()
	case schema.CashFlow:
		name, rm.negated, c.Balance = m.cashFlowLine(label, section, camel(label), name)
	}
	if name == "" || unicode.IsDigit(rune(name[0])) {
		name = "Item" + name
	}
	rm.concept = m.ext(m.distinctName(name, kind, section, label), c, label)
	return rm
}

// distinctName keeps different rows from sharing an extension concept by
// accident: "Other" under operating activities and "Other" under investing
// activities are two concepts (OtherCashFlowsFromInvestingActivities),
// while the same row printed in two tables is one.
func (m *mapper) distinctName(name string, kind schema.Kind, section, label string) string {
	origin := string(kind) + "|" + schema.NormalizeLabel(section) + "|" + schema.NormalizeLabel(label)
	candidates := []string{name}
	if s := camel(section); s != "" && !strings.HasSuffix(name, s) {
		candidates = append(candidates, name+s)
	}
	for n := 2; ; n++ {
		for _, cand := range candidates {
			if o, ok := m.extOrigin[cand]; !ok || o == origin {
				m.extOrigin[cand] = origin
				return cand
			}
		}
		candidates = []string{fmt.Sprintf("%s%d", name, n)}
	}
}

// printsCurrency reports whether a row's label or figures show a
// currency sign.
// sectionPrintsCurrency reports whether a row prints a currency sign, or
// a row of the section it sits in (its heading's rows and total) prints
// one before its figures.
//
// A row at the top of the table has no section: only its own sign counts
// (a supplemental table prints amounts and counts, "DSOs 60", side by side).
func sectionPrintsCurrency(t *extract.Table, row extract.Row) bool {
	if printsCurrency(row) || row.Section < 0 {
		return printsCurrency(row)
	}
	for _, r := range t.Rows {
		if r.Section != row.Section && r.Closes != row.Section || strings.Contains(r.Label, "$") {
			continue
		}
		// A sign before the figures covers the column; a unit in a label
		// ("Capital Expenditures ($ Mil)") is that row's own.
		for _, c := range r.Cells {
			if !c.Empty() && c.Number.Currency {
				return true
			}
		}
	}
	return false
}

func printsCurrency(row extract.Row) bool {
	if strings.Contains(row.Label, "$") {
		return true
	}
	for _, c := range row.Cells {
		if !c.Empty() && c.Number.Currency {
			return true
		}
	}
	return false
}

var nonGAAPText = regexp.MustCompile(`(?i)\bnon-?gaap\b`)

// nonGAAPNote reports whether a row label carries a footnote mark whose
// note says the amounts are non-GAAP ("(1) Amounts reflect non-GAAP
// results").
func nonGAAPNote(label string, notes map[string]extract.Text) bool {
	for mark, note := range notes {
		if strings.Contains(label, mark) && nonGAAPText.MatchString(note.Text) && !strings.Contains(strings.ToLower(note.Text), "gaap to non-gaap") {
			return true
		}
	}
	return false
}

// cashFlowLine names a cash flow line no rule maps and decides its sign.
func (m *mapper) cashFlowLine(label, section, bare, name string) (string, bool, xbrl.Balance) {
	switch {
	case changesIn.MatchString(section):
		switch m.balanceSheetBalance(label) {
		case xbrl.Debit: // an asset: its increase uses cash
			return "IncreaseDecreaseIn" + bare, true, xbrl.Credit
		case xbrl.Credit: // a liability: its increase provides cash
			return "IncreaseDecreaseIn" + bare, false, xbrl.Debit
		}
		return "IncreaseDecreaseIn" + bare, false, xbrl.NoBalance
	case outflowLabel.MatchString(label):
		return bare, true, xbrl.Credit
	case inflowLabel.MatchString(label):
		return bare, false, xbrl.Debit
	}
	return name, false, xbrl.NoBalance
}

// balanceSheetBalance returns the balance of the balance sheet line a
// cash flow label names ("Deferred inventory costs"), if the document's
// balance sheet has one.
func (m *mapper) balanceSheetBalance(label string) xbrl.Balance {
	l := schema.NormalizeLabel(label)
	for _, try := range []string{l, strings.TrimSuffix(l, ", net"), l + ", net"} {
		if c, ok := m.balances[try]; ok {
			return c.Balance
		}
	}
	for _, r := range m.opts.Rules {
		if r.Statement == schema.Balance && r.Label.MatchString(l) {
			return r.Concept.Balance
		}
	}
	return xbrl.NoBalance
}

// sharesWord reports whether label and section share a word, so the
// label already says what the section is ("Cost of product" under "Cost
// of revenue").
func sharesWord(label, section string) bool {
	in := map[string]bool{}
	for _, w := range strings.Fields(schema.NormalizeLabel(section)) {
		if len(w) > 3 {
			in[w] = true
		}
	}
	for _, w := range strings.Fields(schema.NormalizeLabel(label)) {
		if in[w] {
			return true
		}
	}
	return false
}

// camel turns a label into an XML name in upper camel case:
// "Cost of revenue (1):" → "CostOfRevenue".
func camel(label string) string {
	if lower := strings.ToLower(label); schema.RepairLigatures(lower) != lower {
		label = schema.RepairLigatures(lower) // "Gross pro t" is GrossProfit
	}
	if strings.ToUpper(label) == label && strings.ToLower(label) != label {
		label = strings.ToLower(label) // "NET LOSS PER SHARE" is NetLossPerShare
	}
	var b strings.Builder
	label = strings.NewReplacer("'s", "s", "’s", "s").Replace(label)
	for _, w := range strings.FieldsFunc(footnoteMarks.ReplaceAllString(label, " "), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		r := []rune(w)
		for i, c := range r {
			if c > unicode.MaxASCII {
				r[i] = '_'
			}
		}
		r[0] = unicode.ToUpper(r[0])
		b.WriteString(strings.ReplaceAll(string(r), "_", ""))
	}
	return b.String()
}
