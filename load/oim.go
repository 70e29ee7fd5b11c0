package load

import (
	"strings"

	"github.com/xport/xport/source"
	"github.com/xport/xport/xbrl"
)

// oimReader resolves the names an Open Information Model report writes
// (xBRL-JSON, xBRL-CSV): SQNames through documentInfo.namespaces, concepts
// through the taxonomy, unit strings. Problems go to ds, each at the
// position the caller gives.
type oimReader struct {
	tx       *taxonomy
	ds       source.Diagnostics
	ns       map[string]string // prefix → namespace
	reported map[string]bool   // unknown concepts already reported
}

func newOIMReader() oimReader {
	return oimReader{tx: newTaxonomy(), ns: map[string]string{}, reported: map[string]bool{}}
}

// sqName resolves an SQName value, reporting a bad one.
func (o *oimReader) sqName(s string, at source.Pos) (ns, prefix, local string, ok bool) {
	m := sqNameRe.FindStringSubmatch(s)
	if m == nil {
		o.ds.Add(source.Error, "oimce:invalidSQName", at, "%q is not a prefixed name", s)
		return "", "", "", false
	}
	ns, bound := o.ns[m[1]]
	if !bound {
		o.ds.Add(source.Error, "oimce:unboundPrefix", at, "the prefix of %q is not in documentInfo.namespaces", s)
		return "", "", "", false
	}
	return ns, m[1], m[2], true
}

// concept resolves a concept's SQName; an unknown concept gets a
// placeholder, reported once. It returns nil for a bad SQName.
func (o *oimReader) concept(s string, at source.Pos) *xbrl.Concept {
	ns, prefix, local, ok := o.sqName(s, at)
	if !ok {
		return nil
	}
	return o.tx.qnameConcept(ns, prefix, local, at, &o.ds, o.reported)
}

// entity reads an entity dimension: a prefix bound to the identifier
// scheme, and the identifier.
func (o *oimReader) entity(s string, at source.Pos) (xbrl.Entity, bool) {
	m := entityRe.FindStringSubmatch(s)
	if m == nil {
		o.ds.Add(source.Error, "oimce:invalidSQName", at, "entity %q is not a prefixed name", s)
		return xbrl.Entity{}, false
	}
	scheme, ok := o.ns[m[1]]
	if !ok {
		o.ds.Add(source.Error, "oimce:unboundPrefix", at, "the prefix of entity %q is not in documentInfo.namespaces", s)
		return xbrl.Entity{}, false
	}
	return xbrl.Entity{Scheme: scheme, ID: m[2]}, true
}

// unit reads an OIM unit string: measures joined by "*", an optional "/"
// and denominator.
func (o *oimReader) unit(s string, at source.Pos) *xbrl.Unit {
	num, den, _ := strings.Cut(s, "/")
	u := &xbrl.Unit{ID: s}
	read := func(part string) []string {
		var out []string
		for _, m := range strings.Split(part, "*") {
			ns, _, local, ok := o.sqName(m, at)
			if !ok {
				o.ds.Add(source.Error, "oimce:invalidUnitStringRepresentation", at, "unit %q is not a unit string", s)
				return nil
			}
			out = append(out, measureName(ns, local))
		}
		return out
	}
	u.Numerator = read(num)
	if den != "" {
		u.Denominator = read(den)
	}
	if len(u.Numerator) == 1 && len(u.Denominator) == 0 && u.Numerator[0] == "xbrli:pure" {
		o.ds.Add(source.Error, "oime:illegalPureUnit", at, "a pure unit is implied by leaving out the unit; it must not be written")
	}
	return u
}

// member reads a taxonomy-defined dimension: the axis's SQName and its
// value, a typed member's value or an explicit member's SQName.
func (o *oimReader) member(axisName, value string, at source.Pos) (xbrl.Member, bool) {
	axis := o.concept(axisName, at)
	if axis == nil {
		return xbrl.Member{}, false
	}
	if axis.TypedDomain != nil {
		return xbrl.Member{Axis: axis, Typed: value}, true // OIM: a typed member is its value
	}
	m := o.concept(value, at)
	if m == nil {
		return xbrl.Member{}, false
	}
	return xbrl.Member{Axis: axis, Member: m}, true
}
