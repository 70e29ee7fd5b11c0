package mapping

import (
	"regexp"
	"strings"

	"github.com/xport/xport/extract"
	"github.com/xport/xport/schema"
	"github.com/xport/xport/xbrl"
)

var (
	reconciliationOf = regexp.MustCompile(`(?i)^reconciliation of\s+`)
	basisSuffix      = regexp.MustCompile(`(?i)\s*[-–—]\s*(u\.?\s?s\.?\s+)?(non-?gaap|gaap)$`)
	gaapRow          = regexp.MustCompile(`(?i)^(u\.?\s?s\.?\s+)?gaap\b|^as reported$|^reported\b`)
	nonGAAPRow       = regexp.MustCompile(`(?i)^non-?gaap\b|\bas adjusted$|^adjusted\b`)
)

// reconciliationRow maps a row of a GAAP to non-GAAP reconciliation.
// The heading names the measure ("Reconciliation of Gross Profit:"); the
// "U.S. GAAP as reported" row is the GAAP fact itself (the same fact as
// in the statement of operations), the "Non-GAAP as adjusted" row is an
// extension concept NonGaap<Measure>, and every row between is an
// adjustment, <Measure>NonGaapAdjustment<Label>. Non-GAAP figures thus
// never share a concept with GAAP figures. A measure printed in percent
// (gross margin) is a ratio: <Measure>Percentage.
func (m *mapper) reconciliationRow(row extract.Row, section string) rowMap {
	subject := reconciliationOf.ReplaceAllString(cleanLabel(section), "")
	basis := ""
	if loc := basisSuffix.FindStringSubmatchIndex(subject); loc != nil {
		basis = strings.ToLower(subject[loc[4]:loc[5]])
		subject = subject[:loc[0]]
	}
	var gaap *xbrl.Concept
	if basis != "" {
		if r := m.opts.Rules.Match(schema.Income, subject, row.Label); r != nil {
			gaap = r.Concept
		}
	} else if r := m.opts.Rules.Match(schema.Income, "", subject); r != nil {
		gaap = r.Concept
	}
	like, name := gaap, ""
	if gaap != nil {
		name = gaap.Name
	}
	if gaap == nil || m.printsPercent(row) && gaap.Type != xbrl.Percent {
		like = &xbrl.Concept{Type: xbrl.Monetary, PeriodType: xbrl.Duration}
		name = camel(subject)
		if m.printsPercent(row) {
			like.Type, name = xbrl.Percent, name+"Percentage"
		}
		gaap = nil
	}
	switch {
	case basis == "gaap" || basis == "" && gaapRow.MatchString(cleanLabel(row.Label)):
		if gaap != nil {
			return rowMap{concept: gaap}
		}
		return rowMap{concept: m.ext(name, like, row.Label)}
	case strings.HasPrefix(basis, "non") || nonGAAPRow.MatchString(cleanLabel(row.Label)):
		return rowMap{concept: m.ext("NonGaap"+name, like, row.Label)}
	}
	adj := *like
	adj.Balance = xbrl.NoBalance // the totals decide
	return rowMap{concept: m.ext(name+"NonGaapAdjustment"+camel(row.Label), &adj, row.Label)}
}

// printsPercent reports whether a row's figures are printed as percents.
func (m *mapper) printsPercent(row extract.Row) bool {
	for _, c := range row.Cells {
		if c.Column >= 0 && c.Column < len(m.cols) && m.cols[c.Column].Header.IsChange() {
			continue // "(13.2) %" in a change column says nothing of the row's figures
		}
		if !c.Empty() && c.Number.Percent {
			return true
		}
	}
	return false
}

// ext returns the extension concept name with the type, period type and
// balance of like, reusing one already made with the same name.
func (m *mapper) ext(name string, like *xbrl.Concept, label string) *xbrl.Concept {
	if name == "" || !(name[0] == '_' || name[0] >= 'A' && name[0] <= 'Z' || name[0] >= 'a' && name[0] <= 'z') {
		name = "Item" + name // a label with no letters ("(a)") names no concept by itself
	}
	c := &xbrl.Concept{
		Prefix: m.rep.Taxonomy.Prefix, Name: name, Namespace: m.rep.Taxonomy.Namespace,
		Type: like.Type, PeriodType: like.PeriodType, Balance: like.Balance, Label: cleanLabel(label),
	}
	if c.Type != xbrl.Monetary {
		c.Balance = xbrl.NoBalance // XBRL 2.1 5.1.1.2: only monetary items have a balance
	}
	if old, ok := m.used[c.QName()]; ok {
		// A balance the calculations gave the concept (c has none yet)
		// does not make it another concept.
		if old.Type == c.Type && old.PeriodType == c.PeriodType && (old.Balance == c.Balance || c.Balance == xbrl.NoBalance) {
			return old
		}
		c.Name += camel(string(c.PeriodType)) + camel(string(c.Type))
	}
	return c
}
