package schema

import "strings"

// PDF-to-text tools lose the glyphs of typographic ligatures ("fi", "fl",
// "ff", "ffi", "ffl"): "Gross profit" comes out as "Gross pro t" or "Gross
// prot", "Cash flows" as "Cash ows", "financial" as "nancial". Labels are
// repaired against the words of financial statements that hold one, so
// rules match them; figures are never touched.

// ligatures are the letters a lost ligature stood for, longest first.
var ligatures = []string{"ffi", "ffl", "ff", "fi", "fl"}

// ligatureWords are words of financial statements that print a ligature.
var ligatureWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`
		affiliate affiliated affiliates benefit benefits beneficial certificate certificates
		classified classification conflict conflicts deficit deficits define defined
		definite definitive difference differences different efficiency
		effect effective effects efficient field fields final finance financed financial
		financing finished first fiscal fixed flow flows fluctuation fluctuations
		identifiable identified inflow inflows influence modification modified notified
		offer offering offerings office offices officer officers official offset offsets
		outflow outflows profit profitability profits qualified qualifying reclassification
		reclassifications reclassified reflect reflected reflects sacrifice significant
		specific specified staff sufficient suffix tariff tariffs traffic unaffiliated
		unclassified undefined unidentified unprofitable`) {
		m[w] = true
	}
	return m
}()

// RepairLigatures restores, in lower-cased text, the ligatures a
// PDF-to-text rendering lost: "gross pro t" and "gross prot" are "gross
// profit", "cash ows" is "cash flows", "nancial" is "financial". Only
// words that become words of financial statements are changed.
func RepairLigatures(s string) string {
	if !strings.ContainsRune(s, ' ') && ligatureWords[s] {
		return s
	}
	ws := strings.Fields(s)
	changed := false
	var out []string
	for i := 0; i < len(ws); i++ {
		w := ws[i]
		if i+1 < len(ws) {
			if joined, ok := repairJoin(w, ws[i+1]); ok { // "pro t", "e ects"
				out = append(out, joined)
				i++
				changed = true
				continue
			}
		}
		if fixed, ok := repairWord(w); ok { // "prot", "nancial", "ows"
			w, changed = fixed, true
		}
		out = append(out, w)
	}
	if !changed {
		return s
	}
	return strings.Join(out, " ")
}

// repairJoin joins two fragments of a word split where a ligature was.
func repairJoin(a, b string) (string, bool) {
	if ligatureWords[a] || ligatureWords[b] || isWord(a) && isWord(b) {
		return "", false
	}
	trail := strings.TrimLeft(b, "abcdefghijklmnopqrstuvwxyz")
	core := strings.TrimSuffix(b, trail)
	for _, l := range ligatures {
		if w := a + l + core; ligatureWords[w] {
			return w + trail, true
		}
	}
	return "", false
}

// repairWord restores a ligature lost inside or at the start of one word.
func repairWord(w string) (string, bool) {
	trail := strings.TrimLeft(w, "abcdefghijklmnopqrstuvwxyz")
	core := strings.TrimSuffix(w, trail)
	if core == "" || ligatureWords[core] || isWord(core) {
		return "", false
	}
	for i := 0; i <= len(core); i++ {
		for _, l := range ligatures {
			if c := core[:i] + l + core[i:]; ligatureWords[c] {
				return c + trail, true
			}
		}
	}
	return "", false
}

// commonWords are short words a repair must not swallow ("of", "a").
var commonWords = map[string]bool{"a": true, "an": true, "and": true, "as": true, "at": true, "by": true,
	"for": true, "from": true, "in": true, "of": true, "on": true, "or": true, "the": true, "to": true,
	"net": true, "per": true, "ows": false}

func isWord(s string) bool { return commonWords[s] }
