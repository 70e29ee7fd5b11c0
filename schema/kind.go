package schema

import (
	"regexp"
	"strings"
)

// Kind is the kind of statement a table presents, which decides the
// rules its rows are mapped by.
type Kind string

// Statement kinds. Tables of kinds without rules are read and their
// figures reported as not mapped.
const (
	Income         Kind = "income"
	Balance        Kind = "balance"
	CashFlow       Kind = "cashflow"
	Reconciliation Kind = "reconciliation"
	Compensation   Kind = "compensation"
	Supplemental   Kind = "supplemental"
	Unknown        Kind = "unknown"
)

func (k Kind) valid() bool {
	switch k {
	case Income, Balance, CashFlow, Reconciliation, Compensation, Supplemental:
		return true
	}
	return false
}

var kindPatterns = []struct {
	kind Kind
	re   *regexp.Regexp
}{
	{Reconciliation, regexp.MustCompile(`(?i)non-?gaap|reconciliation`)},
	{Compensation, regexp.MustCompile(`(?i)stock-based compensation|share-based compensation`)},
	{CashFlow, regexp.MustCompile(`(?i)statements? of cash flows?|cash flows? statements?`)},
	{Balance, regexp.MustCompile(`(?i)balance sheets?|statements? of financial (position|condition)`)},
	{Supplemental, regexp.MustCompile(`(?i)supplemental (financial )?information|selected (financial|quarterly|operating) (data|information)|key (metrics|operating data)`)},
	{Income, regexp.MustCompile(`(?i)statements? of (consolidated )?(operations|income|earnings|(comprehensive )?(income|loss))|income statements?|results of operations`)},
}

// KindOf classifies a table by its title lines.
func KindOf(title []string) Kind {
	text := strings.Join(title, " ")
	for _, p := range kindPatterns {
		if p.re.MatchString(text) {
			return p.kind
		}
	}
	return Unknown
}
