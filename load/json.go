package load

import (
	"bytes"
	"encoding/json"
	"errors"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/xport/xport/decimal"
	"github.com/xport/xport/exporter"
	"github.com/xport/xport/internal/jsonpos"
	"github.com/xport/xport/source"
	"github.com/xport/xport/xbrl"
)

var (
	sqNameRe = regexp.MustCompile(`^([A-Za-z_][A-Za-z0-9_.-]*):([A-Za-z_][A-Za-z0-9_.-]*)$`)
	oimDate  = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$`)
	// an entity is a prefix bound to the identifier scheme and the
	// identifier itself, which may start with a digit
	entityRe = regexp.MustCompile(`^([A-Za-z_][A-Za-z0-9_.-]*):(\S+)$`)
)

// jsonLoader builds a report from xBRL-JSON.
type jsonLoader struct {
	oimReader
	d    *Document
	keys map[string]int64 // "/facts/ID" → offset of its key (keyOffsets)
}

func (d *Document) loadJSON(resolve Resolver) (*xbrl.Report, source.Diagnostics) {
	l := &jsonLoader{oimReader: newOIMReader(), d: d}
	var v map[string]any
	dec := json.NewDecoder(bytes.NewReader(d.Data))
	dec.UseNumber()
	if err := dec.Decode(&v); err != nil {
		l.ds.Add(source.Error, "xbrlje:invalidJSON", l.d.jsonErrPos(err), "not a JSON object: %v", err)
		return nil, l.ds
	}
	l.keys = jsonpos.KeyOffsets(l.d.Data, 2)
	info, _ := v["documentInfo"].(map[string]any)
	if info == nil {
		l.ds.Add(source.Error, "xbrlje:invalidJSONStructure", l.atKey("/documentInfo"), "documentInfo is missing or not an object")
		return nil, l.ds
	}
	rep := &xbrl.Report{Provenance: xbrl.Provenance{Source: d.Name}}
	l.documentInfo(info, rep, resolve)
	facts, ok := v["facts"].(map[string]any)
	if !ok {
		if _, present := v["facts"]; present {
			l.ds.Add(source.Error, "xbrlje:invalidJSONStructure", l.atKey("/facts"), "facts is not an object")
		}
	}
	ids := make([]string, 0, len(facts))
	for id := range facts {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		if f := l.fact(id, facts[id], rep); f != nil {
			rep.Facts = append(rep.Facts, f)
		}
	}
	rep.Concepts = concepts(rep.Facts)
	rep.Networks = l.tx.calcNetworks()
	return rep, l.ds
}

// jsonErrPos locates a JSON syntax error in the document.
func (d *Document) jsonErrPos(err error) source.Pos {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return d.lines.Pos(d.Name, se.Offset)
	}
	return source.Pos{File: d.Name, Line: 1, Col: 1}
}

// at returns the position of a fact in the file, or the file.
func (l *jsonLoader) at(id string) source.Pos {
	return l.atKey("/facts/" + id)
}

// atKey returns the position of the key at a path of keyOffsets
// ("/documentInfo/documentType"), of its parent, or the file's start.
func (l *jsonLoader) atKey(path string) source.Pos { return l.d.keyPos(l.keys, path) }

// keyPos returns the position of the key at a path of keys (keyOffsets),
// of its nearest recorded parent, or the file's start.
func (d *Document) keyPos(keys map[string]int64, path string) source.Pos {
	for ; path != ""; path = path[:strings.LastIndexByte(path, '/')] {
		if off, ok := keys[path]; ok {
			return d.lines.Pos(d.Name, off)
		}
	}
	return source.Pos{File: d.Name, Line: 1, Col: 1}
}

// textPos is the position of the first JSON string with value s, or the
// start of the document.
func (l *jsonLoader) textPos(s string) source.Pos {
	if q, err := json.Marshal(s); err == nil {
		if off := bytes.Index(l.d.Data, q); off >= 0 {
			return l.d.lines.Pos(l.d.Name, int64(off))
		}
	}
	return source.Pos{File: l.d.Name, Line: 1, Col: 1}
}

// documentInfo checks the document type, reads the namespaces and loads
// the taxonomy.
func (l *jsonLoader) documentInfo(info map[string]any, rep *xbrl.Report, resolve Resolver) {
	if dt, _ := info["documentType"].(string); dt != exporter.DocumentType {
		l.ds.Add(source.Error, "oimce:unsupportedDocumentType", l.atKey("/documentInfo/documentType"), "documentType %q is not %s", dt, exporter.DocumentType)
	}
	nss, _ := info["namespaces"].(map[string]any)
	for p, u := range nss {
		s, ok := u.(string)
		if !ok {
			l.ds.Add(source.Error, "xbrlje:invalidJSONStructure", l.atKey("/documentInfo/namespaces"), "namespace %q is not a string", p)
			continue
		}
		l.ns[p] = s
	}
	tax, _ := info["taxonomy"].([]any)
	if len(tax) == 0 {
		l.ds.Add(source.Error, "oime:noTaxonomy", l.atKey("/documentInfo/taxonomy"), "documentInfo.taxonomy names no taxonomy")
	}
	for _, t := range tax {
		if href, ok := t.(string); ok {
			if rep.Taxonomy.Schema == "" {
				rep.Taxonomy.Schema = href
			}
			l.ds = append(l.ds, l.tx.loadDTS(href, resolve, l.textPos(href))...)
		}
	}
}

// fact reads one fact.
func (l *jsonLoader) fact(id string, raw any, rep *xbrl.Report) *xbrl.Fact {
	at := l.at(id)
	obj, ok := raw.(map[string]any)
	if !ok {
		l.ds.Add(source.Error, "xbrlje:invalidJSONStructure", at, "fact %s is not an object", id)
		return nil
	}
	dims, _ := obj["dimensions"].(map[string]any)
	cs, _ := dims["concept"].(string)
	if cs == "" {
		l.ds.Add(source.Error, "oime:missingConceptDimension", at, "fact %s has no concept", id)
		return nil
	}
	c := l.concept(cs, at)
	if c == nil {
		return nil
	}
	f := &xbrl.Fact{ID: id, Concept: c, Source: at}
	if src, _ := obj["xport:source"].(string); src != "" {
		f.Origin, _ = parsePos(src)
	}
	l.entity(dims, at, rep)
	l.period(dims, at, f)
	l.unitAndValue(obj, dims, at, f)
	l.taxonomyDims(dims, at, f)
	return f
}

func (l *jsonLoader) entity(dims map[string]any, at source.Pos, rep *xbrl.Report) {
	es, _ := dims["entity"].(string)
	if e, ok := l.oimReader.entity(es, at); ok {
		rep.Entity = e
	}
}

// period reads an OIM period: an instant, or start/end, with end-of-day
// semantics (2013-01-01T00:00:00 is the XBRL 2.1 date 2012-12-31).
func (l *jsonLoader) period(dims map[string]any, at source.Pos, f *xbrl.Fact) {
	ps, _ := dims["period"].(string)
	parts := strings.Split(ps, "/")
	var ts []time.Time
	for _, p := range parts {
		t, err := time.Parse("2006-01-02T15:04:05", p)
		if err != nil || !oimDate.MatchString(p) || len(parts) > 2 {
			l.ds.Add(source.Error, "oimce:invalidPeriodRepresentation", at, "period %q is not an instant or start/end dateTimes", ps)
			return
		}
		ts = append(ts, t)
	}
	if len(ts) == 1 {
		f.Period = xbrl.Period{End: endOfDay(ts[0]), Instant: true}
		return
	}
	f.Period = xbrl.Period{Start: ts[0], End: endOfDay(ts[1])}
}

// endOfDay turns an OIM instant into the XBRL 2.1 date it ends.
func endOfDay(t time.Time) time.Time {
	if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 {
		return t.AddDate(0, 0, -1)
	}
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// unitAndValue reads the unit, decimals and value: decimals only on
// numeric facts, no xbrli:pure unit (it is implied), numeric values in
// canonical form.
func (l *jsonLoader) unitAndValue(obj, dims map[string]any, at source.Pos, f *xbrl.Fact) {
	numeric := f.Concept.Type.Numeric()
	us, hasUnit := dims["unit"].(string)
	switch {
	case hasUnit && !numeric && f.Concept.Type != "":
		l.ds.Add(source.Error, "oime:misplacedUnitDimension", at, "%s is not numeric but has a unit (%s)", f.Concept.QName(), us)
	case hasUnit:
		f.Unit = l.unit(us, at)
	case numeric && f.Concept.Type != xbrl.Pure && f.Concept.Type != xbrl.Percent:
		f.Unit = nil
	case numeric:
		f.Unit = &xbrl.PureUnit
	}
	dec, hasDec := obj["decimals"]
	if hasDec && f.Concept.Type != "" && !numeric {
		l.ds.Add(source.Error, "oime:misplacedDecimalsProperty", at, "%s is not numeric but has decimals", f.Concept.QName())
	}
	value, isString := obj["value"].(string)
	if !isString && obj["value"] != nil {
		l.ds.Add(source.Error, "xbrlje:invalidJSONStructure", at, "the value of %s is not a string", f.ID)
	}
	// A concept of unknown type (its taxonomy is missing, already
	// reported) is taken as numeric only with a unit or decimals.
	if !numeric && (f.Concept.Type != "" || !hasUnit && !hasDec) {
		f.Text = value
		return
	}
	if n, ok := dec.(json.Number); ok {
		d, err := n.Int64()
		if err != nil {
			l.ds.Add(source.Error, "xbrlje:invalidJSONStructure", at, "decimals %s is not an integer", n)
		}
		f.Decimals = int(d)
	} else {
		f.Decimals = xbrl.DecimalsINF
	}
	v, err := decimal.Parse(value)
	if err != nil {
		l.ds.Add(source.Error, "xbrlje:nonCanonicalValue", at, "the value %q of %s is not a decimal number", value, f.Concept.QName())
		return
	}
	f.Value = v
}

// taxonomyDims reads the taxonomy-defined dimensions: every property of
// dimensions but the core ones.
func (l *jsonLoader) taxonomyDims(dims map[string]any, at source.Pos, f *xbrl.Fact) {
	keys := make([]string, 0, len(dims))
	for k := range dims {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		switch k {
		case "concept", "entity", "period", "unit", "language", "noteId":
			continue
		}
		ms, _ := dims[k].(string)
		if m, ok := l.member(k, ms, at); ok {
			f.Dims = append(f.Dims, m)
		}
	}
}
