package validate

import (
	"regexp"
	"strings"

	"github.com/xport/xport/source"
	"github.com/xport/xport/xbrl"
)

var ncName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_.-]*$`)

// Report checks rep and returns every problem found, sorted by position.
func Report(rep *xbrl.Report) source.Diagnostics {
	var ds source.Diagnostics
	checkEntity(rep, &ds)
	checkFacts(rep, &ds)
	checkCalculations(rep, &ds)
	ds.Sort()
	return ds
}

func checkEntity(rep *xbrl.Report, ds *source.Diagnostics) {
	e := rep.Entity
	if strings.TrimSpace(e.ID) == "" || e.Scheme == "" {
		ds.Add(source.Error, "xbrl.4.7.3.1:entityIdentifier", source.Pos{File: rep.Provenance.Source},
			"the entity identifier or its scheme is empty")
	}
}

// checkFacts applies the per-fact rules of XBRL 2.1 §4.
func checkFacts(rep *xbrl.Report, ds *source.Diagnostics) {
	concepts := map[string]*xbrl.Concept{}
	for _, c := range rep.Concepts {
		concepts[c.QName()] = c
	}
	ids := map[string]bool{}
	seen := map[string]*xbrl.Fact{}
	for _, f := range rep.Facts {
		at := f.Source
		if !ncName.MatchString(f.ID) || ids[f.ID] {
			ds.Add(source.Error, "xbrl.4.6:factId", at, "fact id %q is not a unique XML name", f.ID)
		}
		ids[f.ID] = true
		c := concepts[f.Concept.QName()]
		switch {
		case c == nil:
			ds.Add(source.Error, "xbrl.4.6:unknownConcept", at, "%s is not declared in the report's taxonomy", f.Concept.QName())
			continue
		case c.Abstract:
			ds.Add(source.Error, "xbrl.5.1.1:abstractFact", at, "%s is abstract and cannot be reported", c.QName())
		}
		checkPeriod(f, c, ds)
		checkUnit(f, c, ds)
		if old, ok := seen[f.Key()]; ok && old.ValueString() != f.ValueString() {
			ds.Add(source.Error, "xbrl.4.10:inconsistentDuplicate", at,
				"%s for %s is reported twice with different values (%s here, %s at %s)",
				c.QName(), f.Period, f.ValueString(), old.ValueString(), old.Source)
		}
		seen[f.Key()] = f
	}
}

func checkPeriod(f *xbrl.Fact, c *xbrl.Concept, ds *source.Diagnostics) {
	p := f.Period
	switch {
	case p.End.IsZero():
		ds.Add(source.Error, "xbrl.4.7.2:period", f.Source, "%s has no period end", c.QName())
	case (c.PeriodType == xbrl.Instant) != p.Instant:
		ds.Add(source.Error, "xbrl.5.1.1.1:periodType", f.Source,
			"%s has period type %s but is reported for %s", c.QName(), c.PeriodType, p)
	case !p.Instant && p.Start.After(p.End):
		ds.Add(source.Error, "xbrl.4.7.2:startAfterEnd", f.Source, "the period %s of %s starts after it ends", p, c.QName())
	}
}

// checkUnit checks that numeric facts have a unit that fits their type
// and decimals, and non-numeric facts have neither.
func checkUnit(f *xbrl.Fact, c *xbrl.Concept, ds *source.Diagnostics) {
	if !c.Type.Numeric() {
		if f.Unit != nil {
			ds.Add(source.Error, "xbrl.4.6.2:unitOnNonNumeric", f.Source, "%s is not numeric but has a unit", c.QName())
		}
		return
	}
	if f.Unit == nil {
		ds.Add(source.Error, "xbrl.4.6.2:missingUnit", f.Source, "%s is numeric but has no unit", c.QName())
		return
	}
	if !unitFits(c.Type, f.Unit) {
		ds.Add(source.Error, "xbrl.4.8.2:unitType", f.Source,
			"%s is %s but its unit is %s", c.QName(), c.Type, unitShape(f.Unit))
	}
}

// unitFits reports whether a unit suits an item type: a currency for
// monetary items, a currency per share for per-share items, shares for
// share counts, pure for ratios.
func unitFits(t xbrl.ItemType, u *xbrl.Unit) bool {
	one := func(ms []string, ok func(string) bool) bool { return len(ms) == 1 && ok(ms[0]) }
	currency := func(m string) bool { return strings.HasPrefix(m, "iso4217:") }
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

// unitShape renders a unit as "iso4217:USD" or "iso4217:USD/xbrli:shares".
func unitShape(u *xbrl.Unit) string {
	s := strings.Join(u.Numerator, "*")
	if len(u.Denominator) > 0 {
		s += "/" + strings.Join(u.Denominator, "*")
	}
	return s
}
