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
	bothRe     = regexp.MustCompile(`(?i)(\$|dollars?|amounts?)\s+and\s+shares?\s+in\s+(thousands|millions|billions)`)
	millionsRe = regexp.MustCompile(`\$\s?MM\b`)
	exceptRe   = regexp.MustCompile(`(?i)\bexcept\s+([^);]*)`)
	sharesRe   = regexp.MustCompile(`(?i)\bshares?\b[^)]*\bin\s+(thousands|millions|billions)`)
)

var powers = map[string]int{"thousands": 3, "millions": 6, "billions": 9, "000s": 3, "000's": 3, "000": 3, "000,000": 6}

// findScale reads the scale from a table's title lines: "(In thousands,
// except per share amounts)", "(000's omitted)", "$000". A clause about
// share counts ("shares in thousands", on its line or another) scales
// them alone. Lines that state different scales for amounts conflict:
// the scale is then unknown, and Conflict says where.
func findScale(title []Text) Scale {
	var s Scale
	for _, l := range title {
		text := l.Text
		if m := sharesRe.FindStringSubmatchIndex(text); m != nil && !s.Shares {
			s.Shares, s.SharesPower = true, powers[strings.ToLower(text[m[2]:m[3]])]
			if !bothRe.MatchString(text) { // "$ and shares in millions" scales both
				text = text[:m[0]] + text[m[1]:]
			}
		}
		power, ok := scaleOf(text)
		if !ok {
			continue
		}
		if s.Text != "" {
			if power != s.Power {
				return Scale{Conflict: fmt.Sprintf("%q at %s and %q at %s state different scales", s.Text, s.Pos, l.Text, l.Pos)}
			}
			continue
		}
		s.Power, s.Text, s.Pos = power, l.Text, l.Pos
		if e := exceptRe.FindStringSubmatch(l.Text); e != nil {
			s.Except = strings.TrimSpace(e[1])
		}
	}
	if s.Text == "" && s.Shares {
		return Scale{} // a scale for shares alone says nothing of the amounts
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
