package mapping

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/xport/xport/extract"
	"github.com/xport/xport/schema"
	"github.com/xport/xport/xbrl"
)

// A table whose title names no statement (an exhibit that prints its
// figures under column headings alone) is read by its rows instead:
//
//	                                      Quarter Ended
//	                                 January 31,   January 31,
//	                                    1997          1996
//	Net sales                        $  4,210      $  3,980
//	Net income                       $    315      $    290
//
// is tried with the rules of each statement in guessOrder, and read as
// the statement whose rules match the most of its rows with figures (the
// earlier statement on a tie), if they match at least half of them; here
// both rows match rules of the statement of operations, which makes
// us-gaap:Revenues and us-gaap:NetIncomeLoss. A guessed table is read
// more cautiously than a titled one: a row no rule matches is listed as
// not mapped rather than made an extension concept, figures inside labels
// are not read, and a fact that a titled statement reports otherwise is a
// warning and not mapped. Guessed tables are mapped after the titled ones.

// guessOrder lists the statements an untitled table is tried as. The
// compensation rules end in a rule for any label and reconciliations are
// read by their headings, so neither can be recognised by its rows.
var guessOrder = []schema.Kind{schema.Income, schema.Balance, schema.CashFlow, schema.Supplemental}

// tableKind is how a table is read.
type tableKind struct {
	kind schema.Kind
	// guessed: the title names no statement, and the rows of kind match.
	guessed bool
	// why says why a table of unknown kind is not mapped, or why a row
	// of a guessed table is not.
	why string
}

// kindOf decides the statement a table is read as: the one its title
// names, or else the one guessed from its rows.
func (m *mapper) kindOf(t *extract.Table) tableKind {
	if k := schema.KindOf(titleLines(t)); k != schema.Unknown {
		return tableKind{kind: k}
	}
	if w := m.projection(t); w != "" {
		return tableKind{kind: schema.Unknown, why: "the table has no statement title, and the text above it speaks of " + w + ": its figures are projections, not facts"}
	}
	best, matched, rows := schema.Unknown, 0, 0
	for _, k := range guessOrder {
		n, of := m.matchingRows(k, t)
		rows = of
		if n > matched {
			best, matched = k, n
		}
	}
	if matched == 0 || 2*matched < rows {
		why := "the table has no statement title, and no statement's rules match its rows"
		if matched > 0 {
			why = fmt.Sprintf("the table has no statement title, and the rules of %s match only %d of its %d rows with figures", statementName(best), matched, rows)
		}
		return tableKind{kind: schema.Unknown, why: why}
	}
	m.rep.Provenance.Notes = append(m.rep.Provenance.Notes, xbrl.Note{Pos: t.Pos,
		Text: fmt.Sprintf("the table has no statement title; it is read as %s, whose rules match %d of its %d rows with figures", statementName(best), matched, rows)})
	return tableKind{kind: best, guessed: true,
		why: fmt.Sprintf("the table has no statement title and is read as %s, but no rule of it maps the row", statementName(best))}
}

// projectionWords are what the text introducing a table of guidance
// says: its figures are expected, not reported.
var projectionWords = regexp.MustCompile(`(?i)\b(guidance|outlook|forecasts?|projections?|projected)\b`)

// projection returns the word that makes the title of t, or the two
// lines of text above it, introduce a table of projections ("a per share
// reconciliation of GAAP diluted EPS to non-GAAP diluted EPS guidance"),
// or "".
func (m *mapper) projection(t *extract.Table) string {
	for _, l := range t.Title {
		if w := projectionWords.FindString(l.Text); w != "" {
			return strings.ToLower(w)
		}
	}
	first := t.Pos.Line - 1 // index of the table's first line
	for _, l := range t.Title {
		if l.Pos.IsValid() && l.Pos.Line-1 < first {
			first = l.Pos.Line - 1
		}
	}
	for i, n := min(first, len(m.doc.Lines))-1, 0; i >= 0 && n < 2; i-- {
		text := strings.TrimSpace(m.doc.Lines[i].Text)
		if text == "" {
			continue
		}
		n++
		if w := projectionWords.FindString(text); w != "" {
			return strings.ToLower(w)
		}
	}
	return ""
}

// matchingRows counts the data rows of t that have figures, and of them
// those a rule of statement kind maps.
func (m *mapper) matchingRows(kind schema.Kind, t *extract.Table) (matched, rows int) {
	for _, row := range t.Rows {
		if row.Kind != extract.DataRow || !hasFigures(row) {
			continue
		}
		rows++
		if row.Label != "" && m.opts.Rules.Match(kind, sectionOf(t, row), row.Label) != nil {
			matched++
		}
	}
	return matched, rows
}

func hasFigures(row extract.Row) bool {
	for _, c := range row.Cells {
		if !c.Empty() {
			return true
		}
	}
	return false
}

// sectionOf returns the label of the heading a row sits under, or "".
func sectionOf(t *extract.Table, row extract.Row) string {
	if h := max(row.Section, row.Closes); h >= 0 {
		return t.Rows[h].Label
	}
	return ""
}

// sectionPath joins the headings a row sits under, outermost first.
func sectionPath(t *extract.Table, row extract.Row) string {
	var path []string
	for h, n := max(row.Section, row.Closes), 0; h >= 0 && n < len(t.Rows); h, n = t.Rows[h].Section, n+1 {
		path = append(path, t.Rows[h].Label)
	}
	slices.Reverse(path)
	return strings.Join(path, " ")
}

// perShareHeading matches a heading over amounts per share: "AMOUNTS PER
// SHARE OF COMMON STOCK", "Earnings per common share:", "Net income
// (loss) per share", not a description that mentions a par value per
// share.
var perShareHeading = regexp.MustCompile(`(?i)^\s*([a-z/()]+\s+){0,4}per\s+(common\s+|ordinary\s+)?share\b`)

// underPerShare reports whether a heading the row sits under, at any
// depth, heads amounts per share.
func underPerShare(t *extract.Table, row extract.Row) bool {
	for h, n := max(row.Section, row.Closes), 0; h >= 0 && n < len(t.Rows); h, n = t.Rows[h].Section, n+1 {
		if l := t.Rows[h].Label; perShareHeading.MatchString(l) && !strings.Contains(l, "$") && !strings.Contains(strings.ToLower(l), "par value") {
			return true
		}
	}
	return false
}

// statementName names a statement kind in prose.
func statementName(k schema.Kind) string {
	switch k {
	case schema.Income:
		return "a statement of operations"
	case schema.Balance:
		return "a balance sheet"
	case schema.CashFlow:
		return "a statement of cash flows"
	case schema.Supplemental:
		return "supplemental information"
	}
	return kindName(k)
}

// mapOrder is the order tables are mapped in: balance sheets first, since
// what they say about a line (asset or liability) decides the sign of its
// change in the cash flow statement; then the other titled tables; then
// the guessed ones, so that a guess never contradicts a titled statement.
func mapOrder(k tableKind) int {
	switch {
	case !k.guessed && k.kind == schema.Balance:
		return 0
	case !k.guessed:
		return 1
	case k.kind == schema.Balance:
		return 2
	}
	return 3
}
