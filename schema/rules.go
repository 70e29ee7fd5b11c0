package schema

import (
	_ "embed"
	"fmt"
	"regexp"
	"strings"

	"github.com/xport/xport/xbrl"
)

//go:embed rules.txt
var rulesText string

// Rule maps the rows of one kind of statement to a concept.
type Rule struct {
	Statement Kind
	Section   *regexp.Regexp // nil matches any section, top level included
	Label     *regexp.Regexp
	Concept   *xbrl.Concept
	// Negated says the statement prints the opposite of the concept's
	// value (a payment printed as "(25,395)").
	Negated bool
	// At places the fact at an instant of the column's period: "start"
	// (the day before it begins) or "end"; "" for the column's period.
	At string
	// Dims place the fact on explicit dimensions. A nil Member stands for
	// an extension member named after the row's label.
	Dims []xbrl.Member
	Line int // in rules.txt
}

// Rules is an ordered list of mapping rules: the first match wins.
type Rules []Rule

// LoadRules returns the embedded rules, resolved against cat.
func LoadRules(cat *Catalogue) (Rules, error) { return ParseRules("rules.txt", rulesText, cat) }

// ParseRules reads rules in the format of rules.txt. A rule naming a
// concept the catalogue lacks, an unknown statement kind or a pattern that
// does not compile is an error, with its line.
func ParseRules(name, text string, cat *Catalogue) (Rules, error) {
	var rules Rules
	var errs []string
	for i, line := range strings.Split(text, "\n") {
		f := fields(line)
		if f == nil {
			continue
		}
		r, err := parseRule(f, cat)
		if err != nil {
			errs = append(errs, fmt.Sprintf("%s:%d: %v", name, i+1, err))
			continue
		}
		r.Line = i + 1
		rules = append(rules, r)
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("%s", strings.Join(errs, "\n"))
	}
	return rules, nil
}

func parseRule(f []string, cat *Catalogue) (Rule, error) {
	if len(f) != 4 && len(f) != 5 {
		return Rule{}, fmt.Errorf("rule wants 4 or 5 fields, has %d", len(f))
	}
	var r Rule
	if len(f) == 5 {
		for _, flag := range strings.Split(f[4], ",") {
			switch flag = strings.TrimSpace(flag); {
			case flag == "negated":
				r.Negated = true
			case flag == "start" || flag == "end":
				r.At = flag
			case strings.Contains(flag, "="):
				d, err := parseDim(flag, cat)
				if err != nil {
					return r, err
				}
				r.Dims = append(r.Dims, d)
			default:
				return r, fmt.Errorf("unknown flag %q", flag)
			}
		}
	}
	r.Statement = Kind(f[0])
	if !r.Statement.valid() {
		return r, fmt.Errorf("unknown statement kind %q", f[0])
	}
	if f[1] != "" {
		re, err := regexp.Compile(`(?i)` + f[1])
		if err != nil {
			return r, fmt.Errorf("section pattern: %v", err)
		}
		r.Section = re
	}
	re, err := regexp.Compile(`^(?:` + f[2] + `)$`)
	if err != nil {
		return r, fmt.Errorf("label pattern: %v", err)
	}
	r.Label = re
	if r.Concept = cat.Lookup(f[3]); r.Concept == nil {
		return r, fmt.Errorf("unknown concept %s", f[3])
	}
	return r, nil
}

// parseDim reads "axis=member" or "axis=*" (an extension member named
// after the row).
func parseDim(flag string, cat *Catalogue) (xbrl.Member, error) {
	axis, member, _ := strings.Cut(flag, "=")
	var d xbrl.Member
	if _, ok := cat.Dimensions[axis]; !ok {
		return d, fmt.Errorf("%s is not a dimension of the catalogue", axis)
	}
	d.Axis = cat.Lookup(axis)
	if member == "*" {
		return d, nil
	}
	if d.Member = cat.Lookup(member); d.Member == nil || d.Member.Type != xbrl.Domain {
		return d, fmt.Errorf("%s is not a member in the catalogue", member)
	}
	return d, nil
}

// Match returns the concept for a row labelled label under the heading
// section ("" at top level) of a statement of the given kind, or nil.
// Both texts are normalised first (see NormalizeLabel). A row of amounts
// per share ("Net income attributable to PepsiCo per common share", or any
// row under "Earnings per common share - basic:") never takes a monetary
// concept.
func (rs Rules) Match(kind Kind, section, label string) *Rule {
	label, section = NormalizeLabel(label), NormalizeLabel(section)
	// A section of amounts per share, not one that states a par value
	// per share ("Common stock, par value $0.50 per share").
	perShare := perShareRe.MatchString(label) || perShareRe.MatchString(section) && !strings.Contains(section, "par value") && !strings.Contains(section, "$")
	for i := range rs {
		r := &rs[i]
		if r.Statement != kind || !r.Label.MatchString(label) || perShare && r.Concept.Type == xbrl.Monetary {
			continue
		}
		if r.Section != nil && (section == "" || !r.Section.MatchString(section)) {
			continue
		}
		return r
	}
	return nil
}

var perShareRe = regexp.MustCompile(`\bper (common |ordinary )?share\b`)

// Covers reports whether any rule maps statements of kind k.
func (rs Rules) Covers(k Kind) bool {
	for _, r := range rs {
		if r.Statement == k {
			return true
		}
	}
	return false
}

var (
	unitNoteRe = regexp.MustCompile(`(?i)\((\$\s*)?(in\s+)?(mil|mils|millions|thousands|000s|000's)\)`)
	footnoteRe = regexp.MustCompile(`\(\d\)|\([a-z]\)$|\*+`)
	// NoteRefRe matches a label's reference to the notes to the
	// statements: "(Note 1)", "(Notes 1 and 16)", "(see Note 3)".
	NoteRefRe = regexp.MustCompile(`(?i)\((see )?notes? [0-9a-z]{1,3}([ ,]+(and )?[0-9a-z]{1,3})*\)`)
)

// NormalizeLabel prepares a row label for matching: lower case, footnote
// marks and unit notes such as "($ Mil)" removed, "&" as "and", spaces
// collapsed, no trailing colon.
//
//	"Cost of revenue (1):" → "cost of revenue"
func NormalizeLabel(s string) string {
	s = strings.ToLower(s)
	if strings.ContainsAny(s, "(*") { // what the notes and marks start with
		s = unitNoteRe.ReplaceAllString(s, " ")
		s = footnoteRe.ReplaceAllString(s, " ")
		s = NoteRefRe.ReplaceAllString(s, " ")
		s = strings.ReplaceAll(s, "/(", " (") // "income/(loss)" as "income (loss)"
	}
	s = strings.ReplaceAll(s, "&", " and ")
	if strings.ContainsAny(s, "–—") { // "per share—basic" as "per share - basic"
		s = strings.NewReplacer("–", " - ", "—", " - ").Replace(s)
	}
	s = collapseSpaces(s)
	s = strings.TrimSpace(s)
	s = RepairLigatures(s)
	s = strings.TrimSuffix(s, ":")
	return strings.TrimSpace(strings.TrimRight(s, " .,-"))
}

// collapseSpaces replaces each run of spaces, tabs and line breaks (what
// `\s+` matches) with one space.
func collapseSpaces(s string) string {
	isSpace := func(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' }
	clean := true
	for i := 0; i < len(s) && clean; i++ {
		clean = !isSpace(s[i]) || s[i] == ' ' && (i+1 == len(s) || !isSpace(s[i+1]))
	}
	if clean {
		return s
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if !isSpace(s[i]) {
			b = append(b, s[i])
			continue
		}
		b = append(b, ' ')
		for i+1 < len(s) && isSpace(s[i+1]) {
			i++
		}
	}
	return string(b)
}

// RowScale returns the power of ten a row label's unit note states
// ("Revenue ($ Mil)" is 6), and whether it states one.
func RowScale(label string) (int, bool) {
	m := unitNoteRe.FindStringSubmatch(label)
	if m == nil {
		return 0, false
	}
	switch strings.ToLower(m[3]) {
	case "thousands", "000s", "000's":
		return 3, true
	}
	return 6, true
}
