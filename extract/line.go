package extract

import (
	"strings"
	"unicode"
)

// span is a half-open range of rune columns [Start, End) on a line.
type span struct{ Start, End int }

func (s span) overlaps(t span) bool { return s.Start < t.End && t.Start < s.End }

func (s span) union(t span) span { return span{min(s.Start, t.Start), max(s.End, t.End)} }

// word is a run of non-space characters with its columns, and where its
// text is in the line, in bytes: line[from:to].
type word struct {
	Text string
	span
	from, to int
}

// words splits a line into its space-separated words.
func words(line string) []word {
	out := make([]word, 0, 1+len(line)/8) // a guess that saves most regrowing
	col, start, from := 0, -1, 0
	for i, r := range line {
		if unicode.IsSpace(r) {
			if start >= 0 {
				out = append(out, word{line[from:i], span{start, col}, from, i})
				start = -1
			}
		} else if start < 0 {
			start, from = col, i
		}
		col++
	}
	if start >= 0 {
		out = append(out, word{line[from:], span{start, col}, from, len(line)})
	}
	return out
}

// chunks groups the words of a line into phrases separated by two or more
// spaces, the way fixed-width layouts separate columns.
func chunks(line string) []word {
	var out []word
	for _, w := range words(line) {
		if n := len(out); n > 0 && w.Start-out[n-1].End < 2 {
			out[n-1].Text += " " + w.Text
			out[n-1].End, out[n-1].to = w.End, w.to
			continue
		}
		out = append(out, w)
	}
	return out
}

// isRule reports whether a line is a horizontal rule: only dashes,
// equals signs or underscores (at least three), and spaces.
func isRule(line string) bool {
	n := 0
	for _, r := range line {
		switch r {
		case '-', '=', '_', '—', '–':
			n++
		case ' ', '+', '|':
		default:
			return false
		}
	}
	return n >= 3
}

// isDoubleRule reports whether a rule line is drawn with equals signs,
// which close a statement rather than introduce a total.
func isDoubleRule(line string) bool { return strings.Contains(line, "=") }

// ruleSegments returns the spans of the rule runs on a rule line.
func ruleSegments(line string) []span {
	var out []span
	for _, w := range words(line) {
		if strings.Trim(w.Text, "-=_—–+|") == "" && len(w.Text) >= 2 {
			out = append(out, w.span)
		}
	}
	return out
}

// valueTokens scans a line from the right for figures: the words that
// parse as numbers, with a lone "$", "<" or "%" joined to its neighbour.
// It stops at the first word that is not part of a figure, so the result
// is the numeric tail of the line, leftmost first.
func valueTokens(line string) []word {
	ws := joinMarkers(words(line))
	var out []word
	for i := len(ws) - 1; i >= 0; i-- {
		ws[i].Text = line[ws[i].from:ws[i].to] // as printed, "$    109,051"
		if _, err := ParseNumber(ws[i].Text); err != nil {
			break
		}
		out = append(out, ws[i])
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out
}

// joinMarkers joins a "$", "<" or ">" word to the word after it, a "%"
// or ")%" word to the word before it, so "$    109,051" is one figure, and
// a footnote mark to the figure it follows by a space or two: "1,234 (2)"
// and "1,234 (a)" are 1,234 marked, not 1,234 and -2.
func joinMarkers(ws []word) []word {
	out := make([]word, 0, len(ws))
	for i := 0; i < len(ws); i++ {
		w := ws[i]
		for (w.Text == "$" || w.Text == "<" || w.Text == ">" || w.Text == "$(" || w.Text == "(") && i+1 < len(ws) {
			next := ws[i+1]
			w = word{w.Text + next.Text, span{w.Start, next.End}, w.from, next.to}
			i++
		}
		if n := len(out); n > 0 && (w.Text == "%" || w.Text == ")%" || w.Text == ")") {
			out[n-1].Text += w.Text
			out[n-1].End, out[n-1].to = w.End, w.to
			continue
		}
		if n := len(out); n > 0 && isNoteMark(w.Text, w.Start-out[n-1].End) && endsFigure(out[n-1].Text) {
			// A footnote mark: dropped, and the figure keeps its own
			// place, so that were it a figure of the next column after
			// all, the figure before it still lands in its own column.
			continue
		}
		out = append(out, w)
	}
	return out
}

// isNoteMark reports whether a word printed gap columns after a figure
// is a footnote mark: "(a)" or "*" within two spaces, "(1)" to "(9)" only
// one space after it (two spaces part columns, and "(8)" could be one).
func isNoteMark(s string, gap int) bool {
	switch {
	case s != "" && strings.Trim(s, "*") == "" && len(s) <= 3:
		return gap <= 2
	case len(s) != 3 || s[0] != '(' || s[2] != ')':
		return false
	case s[1] >= 'a' && s[1] <= 'z':
		return gap <= 2
	}
	return s[1] >= '1' && s[1] <= '9' && gap <= 1
}

// endsFigure reports whether a word ends as a figure does, with a digit,
// ")" or "%": what a footnote mark may follow.
func endsFigure(s string) bool {
	if s == "" {
		return false
	}
	c := s[len(s)-1]
	return c >= '0' && c <= '9' || c == ')' || c == '%'
}
