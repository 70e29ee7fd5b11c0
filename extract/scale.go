package extract

import (
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
	// Shares is set when the title puts share counts in the scale
	// explicitly ("$ and shares in millions").
	Shares bool
	Text   string     // the phrase as printed; "" when the title states no scale
	Pos    source.Pos // where the phrase is printed
}

var (
	scaleRe  = regexp.MustCompile(`(?i)\bin\s+(thousands|millions|billions)\b`)
	exceptRe = regexp.MustCompile(`(?i)\bexcept\s+([^)]*)`)
	sharesRe = regexp.MustCompile(`(?i)\bshares?\b[^)]*\bin\s+(thousands|millions|billions)`)
)

var powers = map[string]int{"thousands": 3, "millions": 6, "billions": 9}

// findScale reads the scale from a table's title lines.
func findScale(title []Text) Scale {
	for _, l := range title {
		m := scaleRe.FindStringSubmatchIndex(l.Text)
		if m == nil {
			continue
		}
		s := Scale{Power: powers[strings.ToLower(l.Text[m[2]:m[3]])], Text: l.Text, Pos: l.Pos}
		if e := exceptRe.FindStringSubmatch(l.Text); e != nil {
			s.Except = strings.TrimSpace(e[1])
		}
		s.Shares = sharesRe.MatchString(l.Text)
		return s
	}
	return Scale{}
}
