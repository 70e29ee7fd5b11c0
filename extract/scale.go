package extract

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/xport/xport/source"
)

// Scale is what a table's title says about the unit its figures are in:
// "(In thousands, except per share amounts)" is Power 3, Except "per
// share amounts".
type Scale struct {
	Power  int    // figures are in 10^Power: 3 for thousands, 6 for millions
	Except string // what the title exempts from the scale, as printed; "" if nothing
	// Shares is set when the title states the scale of share counts
	// explicitly ("$ and shares in millions", "number of shares, which are
	// reflected in thousands"), and SharesPower is that scale.
	Shares      bool
	SharesPower int
	Text        string     // the phrase as printed; "" when the title states no scale
	Pos         source.Pos // where the phrase is printed
	// Conflict is set when the title states two different scales; the
	// table's amounts are then not facts.
	Conflict string
}

var (
	scaleRe    = regexp.MustCompile(`(?i)(?:\bin\s+|\(\s*)(?:\$\s*)?(thousands|millions|billions|000'?s)\b`)
	omittedRe  = regexp.MustCompile(`(?i)\b(000|000,000)'?s?\s+omitted\b|\$\s?(000|000,000)'?s?(?:[^,\d]|$)`)
	millionsRe = regexp.MustCompile(`\$\s?MM\b`)
	exceptRe   = regexp.MustCompile(`(?i)\bexcept\s+([^);]*)`)
	sharesRe   = regexp.MustCompile(`(?i)\bshares?\b[^)]*\bin\s+(thousands|millions|billions)`)
)

var powers = map[string]int{"thousands": 3, "millions": 6, "billions": 9, "000s": 3, "000's": 3, "000": 3, "000,000": 6}

// findScale reads the scale from a table's title lines: "(In thousands,
// except per share amounts)", "(000's omitted)", "$000". Lines that state
// different scales conflict: the scale is then unknown, and Conflict says
// where.
func findScale(title []Text) Scale {
	var s Scale
	for _, l := range title {
		power, ok := scaleOf(l.Text)
		if !ok {
			continue
		}
		if s.Text != "" {
			if power != s.Power && !sharesRe.MatchString(l.Text) {
				return Scale{Conflict: fmt.Sprintf("%q at %s and %q at %s state different scales", s.Text, s.Pos, l.Text, l.Pos)}
			}
			continue
		}
		s = Scale{Power: power, Text: l.Text, Pos: l.Pos}
		if e := exceptRe.FindStringSubmatch(l.Text); e != nil {
			s.Except = strings.TrimSpace(e[1])
		}
		if m := sharesRe.FindStringSubmatch(l.Text); m != nil {
			s.Shares, s.SharesPower = true, powers[strings.ToLower(m[1])]
		}
	}
	return s
}

// scaleOf reads the power of ten a phrase states, if any.
func scaleOf(text string) (int, bool) {
	if m := scaleRe.FindStringSubmatch(text); m != nil {
		return powers[strings.ToLower(m[1])], true
	}
	if m := omittedRe.FindStringSubmatch(text); m != nil {
		return powers[m[1]+m[2]], true
	}
	if millionsRe.MatchString(text) {
		return 6, true // "($MM)"; "$M" is left alone: some mean thousands by it
	}
	return 0, false
}
