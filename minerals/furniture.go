package minerals

import (
	"regexp"
	"strings"

	"github.com/xport/xport/source"
)

// furniture recognises the lines a page prints around a list: page
// numbers ("12", "Page 3 of 9", "- 4 -"), "(continued)", and running
// headers and footers, which repeat on every page ("Northwind
// Instruments, Inc. | Conflict Minerals Report 2016").
type furniture struct {
	repeated map[string]bool // normalised running lines
}

// pageRe matches a page number, alone or ending a line, and the marks of
// a table continued on the next page.
var pageRe = regexp.MustCompile(`(?i)^(?:page\s+)?\d{1,4}(?:\s+of\s+\d{1,4})?$|^-\s*\d{1,4}\s*-$|\bpage\s+\d{1,4}(?:\s+of\s+\d{1,4})?$|\(continued\)|continued on (?:the )?next page`)

// runningRe matches what running headers and footers say beside the
// registrant's name: the report's title, a year, a page.
var runningRe = regexp.MustCompile(`(?i)conflict minerals|form sd|\breport\b|\bpage\b|\bexhibit\b|\b(?:19|20)\d\d\b|confidential`)

// newFurniture finds the running lines of a document: lines printed more
// than once that name the report, a year or a page, or the registrant.
func newFurniture(doc *source.Document, registrant string) furniture {
	counts := map[string]int{}
	running := map[string]bool{} // lines that name the report, a year, a page or the registrant
	reg := strings.ToLower(strings.TrimSpace(registrant))
	for _, l := range doc.Lines {
		if k := normalLine(l.Text); k != "" {
			counts[k]++
			running[k] = running[k] || runningRe.MatchString(l.Text) || reg != "" && strings.Contains(k, reg)
		}
	}
	f := furniture{repeated: map[string]bool{}}
	for k, n := range counts {
		if n >= 2 && running[k] {
			f.repeated[k] = true
		}
	}
	return f
}

// normalLine is a line with its digits as '#', its spaces collapsed and
// in lower case, so that "Page 3" and "Page 4" are one running line.
func normalLine(s string) string {
	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	if len(strings.Fields(s)) < 2 {
		return ""
	}
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return '#'
		}
		return r
	}, s)
}

// is reports whether a line is page furniture.
func (f furniture) is(text string) bool {
	t := strings.TrimSpace(text)
	return pageRe.MatchString(t) || f.repeated[normalLine(t)]
}
