package extract

import (
	"errors"
	"strings"
	"unicode/utf8"

	"github.com/xport/xport/decimal"
)

// Number is a figure as printed in a table cell.
type Number struct {
	Value         decimal.Decimal // sign applied; "34%" is 34, not 0.34
	Qualifier     string          // "<" or ">" when printed as a bound, not a value
	Places        int             // digits printed after the decimal point
	Nil           bool            // printed as a dash: none
	Percent       bool            // printed with %
	Currency      bool            // printed with $
	NotApplicable bool            // printed as n/a, nm, or similar
	Note          string          // a footnote mark printed after it: "(2)", "(a)", "*"
}

// ErrNotNumber reports a cell that is not a number.
var ErrNotNumber = errors.New("not a number")

// ParseNumber reads a printed figure: "$ 1,234", "(16,088)", "-1,234.5",
// ".62", "34%", "(2)%", "< 10%", "$(0.9)", a negative as some old reports
// print it ("<1,234>", "1,234-"), a dash for none ("-", "--", "—"), or
// n/a.
func ParseNumber(s string) (Number, error) {
	var n Number
	s = strings.TrimSpace(s)
	s, n.Note = cutNoteMark(s)
	if isDash(s) {
		n.Nil, n.Currency = true, strings.HasPrefix(s, "$")
		return n, nil
	}
	if isNotApplicable(s) {
		n.NotApplicable = true
		return n, nil
	}
	neg := false
	if len(s) > 2 && s[0] == '<' && s[len(s)-1] == '>' { // "<1,234>": negative, as some old reports print it
		s, neg = strings.TrimSpace(s[1:len(s)-1]), true
	}
	if len(s) > 1 && s[len(s)-1] == '-' && s[len(s)-2] >= '0' && s[len(s)-2] <= '9' && !neg { // "1,234-": a trailing minus
		s, neg = strings.TrimSpace(s[:len(s)-1]), true
	}
	s, n.Qualifier = cutQualifier(s)
	s, n.Currency = cutAny(s, "$")
	if strings.HasPrefix(s, "(") && !neg {
		closeAt := strings.LastIndexByte(s, ')')
		if closeAt < 0 {
			return n, ErrNotNumber
		}
		rest := strings.TrimSpace(s[closeAt+1:])
		s = strings.TrimSpace(s[1:closeAt]) + rest
		neg = true
	}
	s, n.Percent = cutSuffix(s, "%")
	if !n.Currency {
		s, n.Currency = cutAny(s, "$")
	}
	if strings.HasPrefix(s, "-") || strings.HasPrefix(s, "−") {
		if neg {
			return n, ErrNotNumber
		}
		_, size := utf8.DecodeRuneInString(s)
		s, neg = strings.TrimSpace(s[size:]), true
	}
	if !validGrouping(s) {
		return n, ErrNotNumber
	}
	plain := strings.ReplaceAll(s, ",", "")
	if strings.HasPrefix(plain, ".") {
		plain = "0" + plain
	}
	v, err := decimal.Parse(plain)
	if err != nil {
		return n, ErrNotNumber
	}
	if _, frac, ok := strings.Cut(plain, "."); ok {
		n.Places = len(frac)
	}
	if neg {
		v = v.Neg()
	}
	n.Value = v
	return n, nil
}

// cutNoteMark splits a footnote mark from the figure it follows: "1,234
// (2)" is 1,234 marked "(2)", "56*" is 56 marked "*". A figure alone, "(2)",
// keeps its parentheses: it is -2.
func cutNoteMark(s string) (string, string) {
	if i := strings.LastIndexByte(s, ' '); i > 0 && isNoteMark(s[i+1:], 1) {
		if rest := strings.TrimSpace(s[:i]); endsFigure(rest) {
			return rest, s[i+1:]
		}
	}
	if rest := strings.TrimRight(s, "*"); rest != s && rest != "" && endsFigure(rest) {
		return rest, s[len(rest):]
	}
	return s, ""
}

func isDash(s string) bool {
	s = strings.TrimSpace(strings.TrimPrefix(s, "$"))
	return s != "" && strings.Trim(s, "-–—‒") == ""
}

func isNotApplicable(s string) bool {
	if s != "" && strings.Trim(s, "*") == "" {
		return true // "*": not meaningful, as a footnote explains
	}
	switch strings.ToLower(strings.Trim(s, "*")) {
	case "n/a", "na", "nm", "n.m.", "n/m":
		return true
	}
	return false
}

func cutQualifier(s string) (string, string) {
	for _, q := range []string{"<", ">"} {
		if rest, ok := strings.CutPrefix(s, q); ok {
			return strings.TrimSpace(rest), q
		}
	}
	return s, ""
}

func cutAny(s, prefix string) (string, bool) {
	rest, ok := strings.CutPrefix(s, prefix)
	return strings.TrimSpace(rest), ok
}

func cutSuffix(s, suffix string) (string, bool) {
	rest, ok := strings.CutSuffix(s, suffix)
	return strings.TrimSpace(rest), ok
}

// validGrouping accepts digits with optional thousands commas in the
// integer part ("1,234,567", "1234", "") and an optional fraction.
func validGrouping(s string) bool {
	intPart, frac, hasPoint := strings.Cut(s, ".")
	if intPart == "" && (!hasPoint || frac == "") {
		return false
	}
	if strings.Trim(frac, "0123456789") != "" {
		return false
	}
	if !strings.Contains(intPart, ",") {
		return strings.Trim(intPart, "0123456789") == ""
	}
	groups := strings.Split(intPart, ",")
	if len(groups[0]) == 0 || len(groups[0]) > 3 {
		return false
	}
	for i, g := range groups {
		if strings.Trim(g, "0123456789") != "" || (i > 0 && len(g) != 3) {
			return false
		}
	}
	return true
}
