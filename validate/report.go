package validate

import (
	"slices"
	"sort"
	"strings"

	"github.com/xport/xport/source"
	"github.com/xport/xport/xbrl"
)

// Options select the checks Check runs.
type Options struct {
	// Calc selects the calculation checks; default CalcOff.
	Calc CalcMode
	// Cross enables the checks across statements: the balance sheet
	// balances, cash rolls forward, EPS agrees with net income over shares.
	Cross bool
}

// Report checks a report xport is about to write: XBRL 2.1 rules, XBRL 2.1
// calculations and the checks across statements.
//
// Two values for one fact are an error here, not the warning XBRL 2.1
// allows for others' instances: xport never writes them.
func Report(rep *xbrl.Report) source.Diagnostics {
	ds := Check(rep, Options{Calc: CalcXBRL21, Cross: true})
	for i := range ds {
		if ds[i].Code == "xbrl.4.10:inconsistentDuplicate" {
			ds[i].Severity = source.Error
		}
	}
	return ds
}

// Check checks rep and returns every problem found, sorted by position.
func Check(rep *xbrl.Report, opts Options) source.Diagnostics {
	var ds source.Diagnostics
	keys := factKeys(rep.Facts)
	checkEntity(rep, &ds)
	checkFacts(rep, keys, &ds)
	if opts.Calc != CalcOff {
		checkCalculations(rep, keys, opts.Calc, &ds)
	}
	if opts.Cross {
		checkCross(rep, &ds)
	}
	ds.Sort()
	return ds
}

// checkEntity requires the entity of the report's facts to be identified;
// a report without facts has no context and needs none.
func checkEntity(rep *xbrl.Report, ds *source.Diagnostics) {
	e := rep.Entity
	if len(rep.Facts) > 0 && (strings.TrimSpace(e.ID) == "" || e.Scheme == "") {
		ds.Add(source.Error, "xbrl.4.7.3.1:entityIdentifier", rep.Facts[0].Source,
			"the entity identifier or its scheme is empty")
	}
}

// factKeys returns the Key of each fact, computed once for the checks
// that need it.
func factKeys(facts []*xbrl.Fact) []string {
	keys := make([]string, len(facts))
	for i, f := range facts {
		keys[i] = f.Key()
	}
	return keys
}

// checkFacts applies the per-fact rules of XBRL 2.1 §4; keys are the
// facts' keys.
func checkFacts(rep *xbrl.Report, keys []string, ds *source.Diagnostics) {
	concepts := map[string]*xbrl.Concept{}
	same := make(map[*xbrl.Concept]*xbrl.Concept, len(rep.Concepts)) // a fact's concept is mostly the report's own
	for _, c := range rep.Concepts {
		concepts[c.QName()] = c
		same[c] = c
	}
	ids := make(map[string]bool, len(rep.Facts))
	seen := make(map[string]*xbrl.Fact, len(rep.Facts))
	for i, f := range rep.Facts {
		if f.ID != "" && (!isNCName(f.ID) || ids[f.ID]) {
			addFact(ds, source.Error, "xbrl.4.6:factId", f, "fact id %q is not a unique XML name", f.ID)
		}
		ids[f.ID] = true
		c, ok := same[f.Concept]
		if !ok {
			c = concepts[f.Concept.QName()]
		}
		switch {
		case c == nil:
			addFact(ds, source.Error, "xbrl.4.6:unknownConcept", f, "%s is not declared in the report's taxonomy", f.Concept.QName())
			continue
		case c.Type == "":
			continue // not in any taxonomy at hand: reported where it was read
		case c.Abstract:
			addFact(ds, source.Error, "xbrl.5.1.1:abstractFact", f, "%s is abstract and cannot be reported", c.QName())
		}
		checkPeriod(f, c, ds)
		checkUnit(f, c, ds)
		if len(c.Enum) > 0 && !slices.Contains(c.Enum, f.Text) {
			addFact(ds, source.Error, "xmlSchema:enumeration", f,
				"%q is not a value of %s's type; it allows %s", f.Text, c.QName(), strings.Join(c.Enum, ", "))
		}
		if old, ok := seen[keys[i]]; ok && !consistentDuplicates(old, f) {
			// XBRL 2.1 does not forbid duplicates that disagree: they bind
			// no calculation (§5.2.5.2). Two numbers for one fact cannot
			// both be right, so it is worth a warning.
			addFact(ds, source.Warning, "xbrl.4.10:inconsistentDuplicate", f,
				"%s for %s is reported twice with different values (%s here, %s at %s)",
				c.QName(), f.Period, f.ValueString(), old.ValueString(), old.Source)
		}
		seen[keys[i]] = f
	}
}

// isNCName reports whether s is an XML name without colons, of ASCII
// characters: [A-Za-z_][A-Za-z0-9_.-]*.
func isNCName(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		start := 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || c == '_'
		if !start && (i == 0 || !('0' <= c && c <= '9' || c == '.' || c == '-')) {
			return false
		}
	}
	return s != ""
}

func checkPeriod(f *xbrl.Fact, c *xbrl.Concept, ds *source.Diagnostics) {
	p := f.Period
	switch {
	case p.End.IsZero():
		addFact(ds, source.Error, "xbrl.4.7.2:period", f, "%s has no period end", c.QName())
	case (c.PeriodType == xbrl.Instant) != p.Instant:
		addFact(ds, source.Error, "xbrl.4.7.2:contextPeriodType", f,
			"%s has period type %s but is reported for %s", c.QName(), c.PeriodType, p)
	case !p.Instant && p.Start.After(p.End):
		addFact(ds, source.Error, "xbrl.4.7.2:periodStartBeforeEnd", f, "the period %s of %s starts after it ends", p, c.QName())
	}
}

// checkUnit checks that numeric facts have a unit that fits their type
// and decimals, and non-numeric facts have neither.
func checkUnit(f *xbrl.Fact, c *xbrl.Concept, ds *source.Diagnostics) {
	if !c.Type.Numeric() {
		if f.Unit != nil {
			addFact(ds, source.Error, "xbrl.4.6.2:nonNumericUnit", f, "%s is not numeric but has a unit", c.QName())
		}
		return
	}
	if f.Unit == nil {
		addFact(ds, source.Error, "xbrl.4.6.2:numericUnit", f, "%s is numeric but has no unit", c.QName())
		return
	}
	if !unitFits(c.Type, f.Unit) {
		code := map[xbrl.ItemType]string{
			xbrl.Monetary: "xbrl.4.8.2:monetaryFactUnit-notMonetaryMeasure",
			xbrl.Shares:   "xbrl.4.8.2:sharesFactUnit-notSharesMeasure",
		}[c.Type]
		sev := source.Error
		if code == "" {
			// XBRL 2.1 constrains the units of monetary and shares items
			// only: another type's unit that is not the usual one is worth
			// a look, not an error.
			code, sev = "xport.units:unitType", source.Warning
		}
		addFact(ds, sev, code, f,
			"%s is %s but its unit is %s", c.QName(), c.Type, f.Unit.String())
	}
}

// unitFits reports whether a unit suits an item type: a currency for
// monetary items, a currency per share for per-share items, shares for
// share counts, pure for ratios.
func unitFits(t xbrl.ItemType, u *xbrl.Unit) bool {
	one := func(ms []string, ok func(string) bool) bool { return len(ms) == 1 && ok(ms[0]) }
	currency := func(m string) bool { // an ISO 4217 code: three capital letters
		code, ok := strings.CutPrefix(m, "iso4217:")
		return ok && len(code) == 3 && strings.Trim(code, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == ""
	}
	is := func(want string) func(string) bool { return func(m string) bool { return m == want } }
	switch t {
	case xbrl.Monetary:
		return one(u.Numerator, currency) && len(u.Denominator) == 0
	case xbrl.PerShare:
		return one(u.Numerator, currency) && one(u.Denominator, is("xbrli:shares"))
	case xbrl.Shares:
		return one(u.Numerator, is("xbrli:shares")) && len(u.Denominator) == 0
	case xbrl.Pure, xbrl.Percent:
		return one(u.Numerator, is("xbrli:pure")) && len(u.Denominator) == 0
	}
	return true
}

// consistentDuplicates reports whether two facts of one concept, context
// and unit agree: the same text, or numbers equal at the lesser precision.
func consistentDuplicates(a, b *xbrl.Fact) bool {
	if !a.Numeric() {
		return a.Text == b.Text
	}
	d := min(a.Decimals, b.Decimals)
	return a.Value.RoundHalfEven(d).Equal(b.Value.RoundHalfEven(d))
}

// sortFacts orders facts by position, then id.
func sortFacts(fs []*xbrl.Fact) {
	sort.Slice(fs, func(i, j int) bool {
		if fs[i].Source != fs[j].Source {
			return fs[i].Source.Before(fs[j].Source)
		}
		return fs[i].ID < fs[j].ID
	})
}
