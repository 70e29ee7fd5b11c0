package minerals

import (
	"regexp"
	"strings"

	"github.com/xport/xport/source"
)

// assignMetals gives every name of the list its metal, splits names that
// a legal-form prefix shows were merged without a mark, and flags
// suspected garbled duplicates.
func assignMetals(doc *source.Document, entries []entry, ds *source.Diagnostics) []Facility {
	var out []Facility
	for k, e := range entries {
		at := func(col int) source.Pos { return doc.Pos(e.line, col) }
		if len(e.names) == 0 {
			ds.Add(source.Info, "minerals.labelWithoutName", at(0),
				"metal label %s has no name beside it (the extraction shifted the list); a name without a label near it takes its neighbours' metal", e.metals[0])
			continue
		}
		if e.fused {
			ds.Add(source.Info, "minerals.fusedLabel", e.names[0].Pos,
				"metal label %s is joined to the name %q by a space; read as label and name", e.metals[0], e.names[0].Name)
		}
		names := splitUnmarked(doc, e.names, ds)
		switch {
		case len(e.metals) == 0:
			m, how, sure := neighbourMetal(entries, k)
			for _, f := range names {
				f.Metal, f.MetalFrom = m, how
				if sure {
					f.Repair = "metal from " + how
					ds.Add(source.Info, "minerals.metalFromNeighbours", f.Pos,
						"%q has no metal label; the entries around it are %s, and so is it", f.Name, m)
				} else {
					f.Doubt = "metal from " + how
					ds.Add(source.Warning, "minerals.metalUncertain", f.Pos,
						"%q has no metal label and the entries around it disagree; taken as %s (%s)", f.Name, m, how)
				}
				out = append(out, f)
			}
		default:
			same := allSame(e.metals)
			for j, f := range names {
				f.Metal = e.metals[min(j, len(e.metals)-1)]
				if len(e.metalAt) == len(e.metals) {
					f.MetalPos = e.metalAt[min(j, len(e.metals)-1)]
				}
				if e.fused {
					f.Repair = "label joined to the name"
				}
				if len(names) > 1 {
					f.Repair = "one of several names on a line"
				}
				if !same && len(names) != len(e.metals) {
					f.Doubt = "metal of several labels"
					ds.Add(source.Warning, "minerals.metalUncertain", f.Pos,
						"the line has %d metal labels (%s) for %d names; %q taken as %s", len(e.metals), joinMetals(e.metals), len(names), f.Name, f.Metal)
				}
				out = append(out, f)
			}
			for _, c := range e.unassigned {
				ds.Add(source.Warning, "minerals.unassignedCell", at(c.Col),
					"%q is in the identification, country or mark column of a line with %d names; not given to any of them", c.Text, len(names))
			}
			if len(names) > 1 {
				ds.Add(source.Info, "minerals.mergedLine", names[1].Pos,
					"%d facilities printed on one line; read separately", len(names))
			}
		}
	}
	flagDuplicates(out, ds)
	return out
}

// neighbourMetal finds the metal of the nearest labelled entries before
// and after entry k. sure is set when both exist and agree, or when the
// line just before is a label without a name.
func neighbourMetal(entries []entry, k int) (m Metal, how string, sure bool) {
	var before, after *entry
	for j := k - 1; j >= 0 && before == nil; j-- {
		if len(entries[j].metals) > 0 {
			before = &entries[j]
		}
	}
	for j := k + 1; j < len(entries) && after == nil; j++ {
		if len(entries[j].metals) > 0 {
			after = &entries[j]
		}
	}
	switch {
	case before != nil && after != nil && before.metals[len(before.metals)-1] == after.metals[0]:
		return after.metals[0], "neighbours", true
	case before != nil && len(before.names) == 0 && before.line == entries[k].line-1:
		return before.metals[0], "the label on the line above", true
	case before != nil:
		return before.metals[len(before.metals)-1], "the entry above", false
	case after != nil:
		return after.metals[0], "the entry below", false
	}
	return "", "no labelled entry near it", false
}

func allSame(ms []Metal) bool {
	for _, m := range ms {
		if m != ms[0] {
			return false
		}
	}
	return true
}

func joinMetals(ms []Metal) string {
	s := make([]string, len(ms))
	for i, m := range ms {
		s[i] = string(m)
	}
	return strings.Join(s, ", ")
}

// prefixForm matches a legal form that starts a company name (Indonesian
// PT and CV, Russian JSC and OJSC) inside a name, where it shows two
// names were run together without a mark between them.
var prefixForm = regexp.MustCompile(` (PT|CV|JSC|OJSC) [A-Z]`)

// splitUnmarked splits names that hold a second name starting with a
// legal-form prefix. The split is doubtful, so it warns.
func splitUnmarked(doc *source.Document, names []Facility, ds *source.Diagnostics) []Facility {
	var out []Facility
	for _, f := range names {
		for {
			loc := prefixForm.FindStringIndex(f.Name)
			if loc == nil {
				break
			}
			first, second := f, f
			first.Name, first.Marked = f.Name[:loc[0]], false
			second.Name = f.Name[loc[0]+1:]
			first.Doubt, second.Doubt = "split without a mark", "split without a mark"
			second.col = f.col + len([]rune(f.Name[:loc[0]+1]))
			second.Pos = doc.Pos(f.line, second.col)
			ds.Add(source.Warning, "minerals.doubtfulSplit", second.Pos,
				"%q looks like two names run together; read as %q and %q", f.Name, first.Name, second.Name)
			out = append(out, first)
			f = second
		}
		out = append(out, f)
	}
	return out
}

// flagDuplicates warns about an entry that repeats the one before it of
// the same metal, exactly or with a few letters garbled ("PT Timeh
// (Parsers) This" beside "PT Timah (Persero), Tbk"). Both are kept.
func flagDuplicates(fs []Facility, ds *source.Diagnostics) {
	for i := range fs {
		for j := max(i-2, 0); j < i; j++ {
			a, b := fs[j], fs[i]
			if a.Metal != b.Metal {
				continue
			}
			if a.Name == b.Name || garbledCopy(a.Name, b.Name) {
				fs[i].Doubt = "duplicate"
			}
			switch {
			case a.Name == b.Name:
				ds.Add(source.Warning, "minerals.duplicate", b.Pos,
					"%s %q is listed again (first at %s); kept twice", b.Metal, b.Name, a.Pos)
			case garbledCopy(a.Name, b.Name):
				ds.Add(source.Warning, "minerals.suspectedDuplicate", b.Pos,
					"%s %q and %q at %s read like one name, one of them garbled; both kept as printed", b.Metal, b.Name, a.Name, a.Pos)
			}
		}
	}
}

// legalForms are words that tell companies apart legitimately: "Johnson
// Matthey Inc" and "Johnson Matthey Ltd" are two refiners.
var legalForms = map[string]bool{"inc": true, "ltd": true, "llc": true, "corp": true, "co": true, "ag": true,
	"sa": true, "gmbh": true, "bv": true, "nv": true, "plc": true, "tbk": true, "pte": true, "kg": true, "spa": true, "ltda": true}

// garbledCopy reports whether b reads like a with a few letters changed:
// the same number of words, the same first word, every word that differs
// close to its counterpart (and not two different legal forms), and at
// most 40% of all letters changed.
func garbledCopy(a, b string) bool {
	wa, wb := words(a), words(b)
	if len(wa) != len(wb) || len(wa) < 2 || wa[0] != wb[0] {
		return false
	}
	differ, total, length := 0, 0, 0
	for i := range wa {
		length += max(len(wa[i]), len(wb[i]))
		if wa[i] == wb[i] {
			continue
		}
		differ++
		if legalForms[wa[i]] && legalForms[wb[i]] {
			return false
		}
		d, n := editDistance(wa[i], wb[i]), max(len(wa[i]), len(wb[i]))
		if d > max(1, (n*3+4)/5) {
			return false
		}
		total += d
	}
	return differ > 0 && total*5 <= length*2 // at most 40% of the letters differ
}

// words lowercases s and splits it into runs of letters and digits.
func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127)
	})
}

// editDistance is the Levenshtein distance between a and b, in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
