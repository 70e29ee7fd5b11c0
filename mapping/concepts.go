package mapping

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/xport/xport/schema"
	"github.com/xport/xport/xbrl"
)

var (
	footnoteMarks = regexp.MustCompile(`\(\d\)|\*+`)
	perShareLabel = regexp.MustCompile(`(?i)\bper\s+(common\s+)?share\b`)
	sharesLabel   = regexp.MustCompile(`(?i)\bshares\b`)
)

// extension returns the company extension concept for a row no rule maps.
// Its name is the label in upper camel case, followed by the heading it
// sits under when the label alone does not say what it is a part of
// ("Product" under "Revenue:" is ProductRevenue); its type, period type
// and balance are the heading's concept's, or follow from the label.
func (m *mapper) extension(kind schema.Kind, label, section string, parent *xbrl.Concept) *xbrl.Concept {
	name := camel(label)
	if section != "" && !sharesWord(label, section) && len(strings.Fields(schema.NormalizeLabel(section))) <= 3 {
		name += camel(section)
	}
	if name == "" || unicode.IsDigit(rune(name[0])) {
		name = "Item" + name
	}
	c := &xbrl.Concept{
		Prefix: m.rep.Taxonomy.Prefix, Name: name, Namespace: m.rep.Taxonomy.Namespace,
		Type: xbrl.Monetary, PeriodType: xbrl.Duration, Label: cleanLabel(label),
	}
	switch {
	case parent != nil:
		c.Type, c.PeriodType, c.Balance = parent.Type, parent.PeriodType, parent.Balance
	case perShareLabel.MatchString(label):
		c.Type = xbrl.PerShare
	case sharesLabel.MatchString(label):
		c.Type = xbrl.Shares
	}
	if kind == schema.Balance {
		c.PeriodType = xbrl.Instant
	}
	if old, ok := m.used[c.QName()]; ok {
		if old.Type == c.Type && old.PeriodType == c.PeriodType && old.Balance == c.Balance {
			return old
		}
		c.Name += camel(string(c.PeriodType)) + camel(string(c.Type))
	}
	return c
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
	var b strings.Builder
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
