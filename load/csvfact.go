package load

import (
	"sort"
	"strconv"
	"strings"

	"github.com/xport/xport/decimal"
	"github.com/xport/xport/source"
	"github.com/xport/xport/xbrl"
)

// csvDim is the value of a dimension (or of decimals) for one fact,
// resolved through parameter references.
type csvDim struct {
	value string
	kind  csvKind
	spec  string // the period specifier of the reference it came through
	from  int    // the column it was read from, or -1
}

var csvNoValue = csvDim{kind: csvNone, from: -1}

// csvMemo holds the values a table's cells repeat, read once without
// error: concepts, entities and units by their text, periods by their
// text and period specifier.
type csvMemo struct {
	concepts map[string]*xbrl.Concept
	entities map[string]xbrl.Entity
	units    map[string]*xbrl.Unit
	periods  map[string]xbrl.Period
}

func newCSVMemo() csvMemo {
	return csvMemo{concepts: map[string]*xbrl.Concept{}, entities: map[string]xbrl.Entity{}, units: map[string]*xbrl.Unit{}, periods: map[string]xbrl.Period{}}
}

// csvDimDef is a dimension of a fact column as the metadata gives it.
type csvDimDef struct{ name, value string }

// columnDims returns the dimensions of a fact column: the column's, then
// the template's, then the report's, the first to define one winning, in
// the order of their names.
func (l *csvLoader) columnDims(t *csvTemplate, col *csvColumnDef) []csvDimDef {
	var out []csvDimDef
	seen := map[string]bool{}
	for _, level := range []map[string]string{col.dims, t.dims, l.meta.dims} {
		for _, k := range sortedKeys(level) {
			if !seen[k] {
				seen[k] = true
				out = append(out, csvDimDef{k, level[k]})
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].name < out[j].name })
	return out
}

// fact reads the fact in cell i of a row, a fact column's, with the
// dimensions of the column (csvHeader.dims).
func (l *csvLoader) fact(r *csvRow, i int) *xbrl.Fact {
	col, at := r.h.defs[i], r.at[i]
	raw, kind, err := csvSpecial(r.cells[i])
	switch {
	case err != nil:
		l.ds.Add(source.Error, err.code, at, "%s", err.msg)
		return nil
	case kind == csvNone:
		l.ds.Add(source.Error, "xbrlce:illegalUseOfNone", at, "#none is not a fact value")
		return nil
	}
	dims := make(map[string]csvDim, len(r.h.dims[i]))
	for _, d := range r.h.dims[i] {
		dims[d.name] = l.resolveValue(r, d.value, at)
	}
	for _, d := range dims {
		if d.from >= 0 {
			r.used[d.from] = true
		}
	}
	f := &xbrl.Fact{ID: r.t.name + ".r_" + r.id + "." + r.h.names[i], Source: at, Origin: r.origin}
	if f.Concept = l.csvConcept(dims, at); f.Concept == nil {
		return nil
	}
	column := r.t.name + "." + r.h.names[i]
	l.csvEntity(dims, at, column)
	l.csvPeriod(dims, at, f, column)
	if !l.csvValue(r, col, raw, kind == csvNil, dims, at, f) {
		return nil
	}
	l.csvMembers(dims, at, f)
	return f
}

// resolveValue resolves a dimension or decimals value of the metadata
// for a row: a literal, or the cell or parameter a reference names. A
// reference to a column the table leaves out gives no value; one to
// nothing gives none either, and is reported once by checkReferences.
func (l *csvLoader) resolveValue(r *csvRow, v string, at source.Pos) csvDim {
	d := csvDim{from: -1}
	ref, raw, isRef := parseRef(v)
	if isRef {
		d.spec = ref.spec
		switch def := r.t.template.columns[ref.name]; {
		case def != nil && !def.comment:
			i, inHeader := r.h.index[ref.name]
			if !inHeader || i >= len(r.cells) {
				return csvNoValue
			}
			raw, d.from, at = r.cells[i], i, r.at[i]
		case hasKey(r.t.params, ref.name):
			raw = r.t.params[ref.name]
		case hasKey(l.meta.params, ref.name):
			raw = l.meta.params[ref.name]
		default:
			return csvNoValue
		}
	}
	val, kind, err := csvSpecial(raw)
	if err != nil {
		l.ds.Add(source.Error, err.code, at, "%s", err.msg)
	}
	d.value, d.kind = val, kind
	return d
}

// csvConcept resolves the concept dimension, which every fact has.
func (l *csvLoader) csvConcept(dims map[string]csvDim, at source.Pos) *xbrl.Concept {
	d := dims["concept"]
	switch {
	case d.kind != csvText || d.value == "":
		l.ds.Add(source.Error, "oime:missingConceptDimension", at, "the fact has no concept")
		return nil
	case !sqNameRe.MatchString(d.value):
		l.ds.Add(source.Error, "xbrlce:invalidConceptQName", at, "concept %q is not a prefixed name", d.value)
		return nil
	}
	if c := l.memo.concepts[d.value]; c != nil {
		return c
	}
	n := len(l.ds)
	c := l.concept(d.value, at)
	if c != nil && len(l.ds) == n {
		l.memo.concepts[d.value] = c
	}
	return c
}

// once reports an error of the metadata at the first fact of a column
// (TABLE.COLUMN) it concerns: a problem of every fact of the column.
func (l *csvLoader) once(code, column string, at source.Pos, msg string) {
	key := code + " " + column
	if !l.onceReported[key] {
		l.onceReported[key] = true
		l.ds.Add(source.Error, code, at, "%s", msg)
	}
}

// csvEntity reads the entity dimension, which every fact has, into the
// report.
func (l *csvLoader) csvEntity(dims map[string]csvDim, at source.Pos, column string) {
	d, ok := dims["entity"]
	switch {
	case !ok:
		l.once("xport.csv:missingEntity", column, at, "the metadata gives the facts of this column no entity")
		return
	case d.kind != csvText:
		l.ds.Add(source.Error, "xport.csv:missingEntity", at, "the fact has no entity")
		return
	}
	if e, ok := l.memo.entities[d.value]; ok {
		l.rep.Entity = e
		return
	}
	if e, ok := l.entity(d.value, at); ok {
		l.rep.Entity = e
		l.memo.entities[d.value] = e
	}
}

// csvPeriod reads the period dimension. A fact without one is for all
// time in the OIM, which XBRL 2.1 cannot say.
func (l *csvLoader) csvPeriod(dims map[string]csvDim, at source.Pos, f *xbrl.Fact, column string) {
	d, ok := dims["period"]
	switch {
	case !ok:
		l.once("oime:missingPeriodDimension", column, at, "the metadata gives the facts of this column no period")
		return
	case d.kind != csvText:
		l.ds.Add(source.Error, "oime:missingPeriodDimension", at, "the fact has no period")
		return
	}
	key := d.value + "@" + d.spec
	if p, ok := l.memo.periods[key]; ok {
		f.Period = p
		return
	}
	p, err := csvPeriod(d.value, d.spec)
	if err != nil {
		l.ds.Add(source.Error, err.code, at, "%s", err.msg)
		return
	}
	f.Period = p
	l.memo.periods[key] = p
}

// csvValue reads the unit, decimals and value of a fact; it reports
// whether the fact stands. A numeric cell's decimals suffix overrides the
// decimals property; a nil fact has no value.
func (l *csvLoader) csvValue(r *csvRow, col *csvColumnDef, raw string, isNil bool, dims map[string]csvDim, at source.Pos, f *xbrl.Fact) bool {
	numeric := f.Concept.Type.Numeric()
	u, hasUnit := dims["unit"]
	hasUnit = hasUnit && u.kind == csvText
	switch {
	case hasUnit && !numeric && f.Concept.Type != "":
		l.ds.Add(source.Error, "oime:misplacedUnitDimension", at, "%s is not numeric but has a unit (%s)", f.Concept.QName(), u.value)
	case hasUnit:
		f.Unit = l.csvUnit(u.value, at)
	case numeric && f.Concept.Type != xbrl.Pure && f.Concept.Type != xbrl.Percent:
		f.Unit = nil
	case numeric:
		f.Unit = &xbrl.PureUnit
	}
	dec := l.factDecimals(r, col, at)
	hasDec := dec.kind == csvText
	// A concept of unknown type (its taxonomy is missing, already
	// reported) is taken as numeric only with a unit or decimals.
	if !numeric && (f.Concept.Type != "" || !hasUnit && !hasDec && !decimalsSuffix.MatchString(raw)) {
		f.Text = raw
		return true
	}
	if isNil {
		return true
	}
	number, d, hasSuffix, err := splitDecimals(raw)
	if err != nil {
		l.ds.Add(source.Error, err.code, at, "%s", err.msg)
		return false
	}
	switch {
	case hasSuffix:
		f.Decimals = d
	case hasDec:
		f.Decimals = l.decimalsValue(r, dec, at)
	default:
		f.Decimals = xbrl.DecimalsINF
	}
	v, perr := decimal.Parse(strings.TrimSpace(number))
	if perr != nil {
		l.ds.Add(source.Error, "xbrlce:invalidFactValue", at, "the value %q of %s is not a decimal number", number, f.Concept.QName())
		return true
	}
	f.Value = v
	return true
}

// csvUnit reads a unit string; the facts of a unit share it.
func (l *csvLoader) csvUnit(s string, at source.Pos) *xbrl.Unit {
	if u := l.memo.units[s]; u != nil {
		return u
	}
	n := len(l.ds)
	u := l.unit(s, at)
	if len(l.ds) == n {
		l.memo.units[s] = u
	}
	return u
}

// factDecimals returns the decimals property of a fact column, its
// template or the report, the first that has one.
func (l *csvLoader) factDecimals(r *csvRow, col *csvColumnDef, at source.Pos) csvDim {
	for _, v := range []string{col.decimals, r.t.template.decimals, l.meta.decimals} {
		if v != "" {
			return l.resolveValue(r, v, at)
		}
	}
	return csvNoValue
}

// decimalsValue reads a decimals property a fact takes, marking the
// parameter cell it came from as used.
func (l *csvLoader) decimalsValue(r *csvRow, dec csvDim, at source.Pos) int {
	if dec.from >= 0 {
		r.used[dec.from] = true
	}
	d, err := strconv.Atoi(strings.TrimSpace(dec.value))
	if err != nil {
		l.ds.Add(source.Error, "xbrlce:invalidDecimalsValue", at, "decimals %q is not an integer", dec.value)
		return xbrl.DecimalsINF
	}
	return d
}

// csvMembers reads the taxonomy-defined dimensions, in the order of
// their names.
func (l *csvLoader) csvMembers(dims map[string]csvDim, at source.Pos, f *xbrl.Fact) {
	var names []string
	for k, d := range dims {
		if strings.Contains(k, ":") && !l.badNames[k] && d.kind != csvNone {
			names = append(names, k)
		}
	}
	sort.Strings(names)
	for _, k := range names {
		d := dims[k]
		if d.kind == csvNil {
			l.ds.Add(source.Error, "xport.csv:unsupportedFeature", at, "xport does not read a nil member of %s", k)
			continue
		}
		if m, ok := l.member(k, d.value, at); ok {
			f.Dims = append(f.Dims, m)
		}
	}
}
