package exporter

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/xport/xport/decimal"
	"github.com/xport/xport/source"
	"github.com/xport/xport/xbrl"
)

// CSVDocumentType is the xBRL-CSV document type URI xport writes.
const CSVDocumentType = "https://xbrl.org/2021/xbrl-csv"

// CSVFile is one file of an xBRL-CSV report: the metadata (JSON) or a
// table (CSV).
type CSVFile struct {
	Name string
	Data []byte
}

// ErrNotTabular is the cause of the errors CSV returns for a report its
// tables cannot hold.
var ErrNotTabular = errors.New("no xBRL-CSV table can hold it")

// FactError is a problem with one fact, at the place in the source the
// fact was read from.
type FactError struct {
	Pos source.Pos
	Err error
}

func (e *FactError) Error() string { return e.Pos.String() + ": " + e.Err.Error() }

// Unwrap returns the underlying error.
func (e *FactError) Unwrap() error { return e.Err }

func notTabular(f *xbrl.Fact, format string, args ...any) error {
	return &FactError{Pos: f.Source, Err: fmt.Errorf("fact %s: %s: %w", f.ID, fmt.Sprintf(format, args...), ErrNotTabular)}
}

// CSVMetadata is the xBRL-CSV metadata file as xport writes it; its JSON
// Schema is generated from this type (`xport schema json --document
// xbrl-csv`).
type CSVMetadata struct {
	DocumentInfo   csvDocumentInfo        `json:"documentInfo"`
	Dimensions     map[string]string      `json:"dimensions"`
	TableTemplates map[string]csvTemplate `json:"tableTemplates"`
	Tables         map[string]csvTableRef `json:"tables"`
}

// The parts of the metadata.
type (
	csvDocumentInfo struct {
		DocumentType string            `json:"documentType"`
		Namespaces   map[string]string `json:"namespaces"`
		Taxonomy     []string          `json:"taxonomy"`
		Provenance   *JSONProvenance   `json:"xport:provenance,omitempty"`
	}
	csvTemplate struct {
		RowIDColumn string               `json:"rowIdColumn,omitempty"`
		Dimensions  map[string]string    `json:"dimensions,omitempty"`
		Columns     map[string]csvColumn `json:"columns"`
	}
	// csvColumn is a fact column (Dimensions set), a comment column
	// (Comment) or, neither, a parameter column whose values template
	// dimensions refer to as "$name".
	csvColumn struct {
		Comment    bool              `json:"comment,omitempty"`
		Dimensions map[string]string `json:"dimensions,omitempty"`
	}
	csvTableRef struct {
		Template string `json:"template"`
		URL      string `json:"url"`
	}
)

// CSV renders rep as an xBRL-CSV report when it has lists, facts on a
// typed dimension; otherwise it returns no files. Each typed dimension
// gets a table base-NAME.csv (NAME from the axis: cmr:CountryOfOriginAxis
// gives country-of-origin) with a row per member and a column per
// concept; the other facts go to base-facts.csv, a row each; and
// base-csv.json is the metadata that says what the columns mean.
func CSV(rep *xbrl.Report, base string) ([]CSVFile, error) {
	lists, rest := splitLists(rep.Facts)
	if len(lists) == 0 {
		return nil, nil
	}
	var tables []*csvTable
	for _, l := range lists {
		t, err := listTable(l)
		if err != nil {
			return nil, err
		}
		tables = append(tables, t)
	}
	if len(rest) > 0 {
		t, err := factsTable(rest)
		if err != nil {
			return nil, err
		}
		tables = append(tables, t)
	}
	meta := CSVMetadata{
		DocumentInfo: csvDocumentInfo{
			DocumentType: CSVDocumentType,
			Namespaces:   oimNamespaces(rep),
			Taxonomy:     []string{rep.Taxonomy.Schema},
			Provenance:   jsonProvenance(rep.Provenance),
		},
		Dimensions:     map[string]string{"entity": oimEntity(rep.Entity)},
		TableTemplates: map[string]csvTemplate{},
		Tables:         map[string]csvTableRef{},
	}
	files := []CSVFile{{Name: base + "-csv.json"}}
	for _, t := range tables {
		if _, dup := meta.Tables[t.id]; dup {
			return nil, fmt.Errorf("two tables named %s: %w", t.id, ErrNotTabular)
		}
		meta.TableTemplates[t.id] = t.template
		meta.Tables[t.id] = csvTableRef{Template: t.id, URL: base + "-" + t.id + ".csv"}
		data, err := t.render()
		if err != nil {
			return nil, err
		}
		files = append(files, CSVFile{Name: meta.Tables[t.id].URL, Data: data})
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(meta); err != nil {
		return nil, err
	}
	files[0].Data = b.Bytes()
	return files, nil
}

// list is the facts on one typed dimension and no other.
type list struct {
	axis  *xbrl.Concept
	facts []*xbrl.Fact
}

// splitLists sorts facts into lists, in the order their axes first
// appear, and the rest.
func splitLists(facts []*xbrl.Fact) (lists []*list, rest []*xbrl.Fact) {
	byAxis := map[string]*list{}
	for _, f := range facts {
		if len(f.Dims) != 1 || f.Dims[0].Axis.TypedDomain == nil {
			rest = append(rest, f)
			continue
		}
		axis := f.Dims[0].Axis
		l := byAxis[axis.QName()]
		if l == nil {
			l = &list{axis: axis}
			byAxis[axis.QName()] = l
			lists = append(lists, l)
		}
		l.facts = append(l.facts, f)
	}
	return lists, rest
}

// csvTable is one table of the report being laid out.
type csvTable struct {
	id       string
	template csvTemplate
	header   []string
	rows     [][]string
}

func newCSVTable(id string) *csvTable {
	return &csvTable{id: id, template: csvTemplate{Dimensions: map[string]string{}, Columns: map[string]csvColumn{}}}
}

// column appends a column; at is the fact a problem with it is reported
// at.
func (t *csvTable) column(name string, def csvColumn, at *xbrl.Fact) error {
	if !csvIdentifier.MatchString(name) {
		return notTabular(at, "table %s: column name %q is not an xBRL-CSV identifier", t.id, name)
	}
	if _, dup := t.template.Columns[name]; dup {
		return notTabular(at, "table %s: two columns named %s", t.id, name)
	}
	t.template.Columns[name] = def
	t.header = append(t.header, name)
	return nil
}

// period puts the facts' period in the template when they share one and
// otherwise adds a period column; it reports whether they share one.
func (t *csvTable) period(facts []*xbrl.Fact) (bool, error) {
	p := OIMPeriod(facts[0].Period)
	for _, f := range facts {
		if OIMPeriod(f.Period) != p {
			t.template.Dimensions["period"] = "$period"
			return false, t.column("period", csvColumn{}, facts[0])
		}
	}
	t.template.Dimensions["period"] = p
	return true, nil
}

// listTable lays out a list: a column for the typed member, a period
// column if the facts have more than one, a column per concept in the
// order the concepts first appear, and a comment column giving the
// source of the row's first fact; a row per member (and period), sorted
// by member.
func listTable(l *list) (*csvTable, error) {
	t := newCSVTable(kebab(strings.TrimSuffix(l.axis.Name, "Axis")))
	if !csvIdentifier.MatchString(t.id) {
		return nil, notTabular(l.facts[0], "axis %s gives no xBRL-CSV table name", l.axis.QName())
	}
	member := l.axis.Name
	if err := t.column(member, csvColumn{}, l.facts[0]); err != nil {
		return nil, err
	}
	t.template.Dimensions[l.axis.QName()] = "$" + member
	onePeriod, err := t.period(l.facts)
	if err != nil {
		return nil, err
	}
	cols, err := conceptColumns(t, l.facts)
	if err != nil {
		return nil, err
	}
	if err := t.column("source", csvColumn{Comment: true}, l.facts[0]); err != nil {
		return nil, err
	}
	if err := t.listRows(l, cols, onePeriod); err != nil {
		return nil, err
	}
	if onePeriod && !slices.ContainsFunc(t.rows, func(r []string) bool { return !csvRowID.MatchString(r[0]) }) {
		// The member names the row: a processor's fact ids are then
		// "facility.r_17.SmelterName".
		t.template.RowIDColumn = member
	}
	return t, nil
}

// listRows fills the rows of a list's table, a row per member and
// period, sorted; cols gives each concept's column.
func (t *csvTable) listRows(l *list, cols map[string]int, onePeriod bool) error {
	type key struct{ member, period string }
	rows := map[key][]string{}
	var keys []key
	for _, f := range l.facts {
		k := key{f.Dims[0].Typed, OIMPeriod(f.Period)}
		r := rows[k]
		if r == nil {
			r = make([]string, len(t.header))
			r[0] = csvCell(k.member)
			if !onePeriod {
				r[1] = k.period
			}
			r[len(r)-1] = f.Source.String()
			rows[k] = r
			keys = append(keys, k)
		}
		i := cols[f.Concept.QName()]
		if r[i] != "" {
			return notTabular(f, "a second %s for %s %s", f.Concept.QName(), l.axis.QName(), k.member)
		}
		r[i] = csvValue(f)
	}
	slices.SortFunc(keys, func(a, b key) int {
		if c := compareTyped(a.member, b.member); c != 0 {
			return c
		}
		return strings.Compare(a.period, b.period)
	})
	for _, k := range keys {
		t.rows = append(t.rows, rows[k])
	}
	return nil
}

// conceptColumns adds a fact column per concept of facts, named by the
// concept's local name, and returns their indexes by concept. A numeric
// column has one unit; each cell gives its own decimals.
func conceptColumns(t *csvTable, facts []*xbrl.Fact) (map[string]int, error) {
	cols := map[string]int{}
	units := map[string]string{}
	for _, f := range facts {
		q := f.Concept.QName()
		if _, ok := cols[q]; ok {
			if u := oimUnit(f); u != units[q] {
				return nil, notTabular(f, "its unit %q is not %q, the unit of column %s", u, units[q], f.Concept.Name)
			}
			continue
		}
		dims := map[string]string{"concept": q}
		units[q] = oimUnit(f)
		if units[q] != "" {
			dims["unit"] = units[q]
		}
		cols[q] = len(t.header)
		if err := t.column(f.Concept.Name, csvColumn{Dimensions: dims}, f); err != nil {
			return nil, err
		}
	}
	return cols, nil
}

// factsTable lays out the facts that are in no list, a row each, in
// report order: the concept, a column per axis the facts use (empty when
// a fact is not on it), the period if they have more than one, the unit
// if any has one, the value and, a comment, the source.
func factsTable(facts []*xbrl.Fact) (*csvTable, error) {
	t := newCSVTable("facts")
	if err := t.column("concept", csvColumn{}, facts[0]); err != nil {
		return nil, err
	}
	var axes []*xbrl.Concept
	for _, f := range facts {
		for _, d := range f.Dims {
			if slices.ContainsFunc(axes, func(a *xbrl.Concept) bool { return a.QName() == d.Axis.QName() }) {
				continue
			}
			axes = append(axes, d.Axis)
			t.template.Dimensions[d.Axis.QName()] = "$" + d.Axis.Name
			if err := t.column(d.Axis.Name, csvColumn{}, f); err != nil {
				return nil, err
			}
		}
	}
	onePeriod, err := t.period(facts)
	if err != nil {
		return nil, err
	}
	hasUnit := slices.ContainsFunc(facts, func(f *xbrl.Fact) bool { return oimUnit(f) != "" })
	if hasUnit {
		t.template.Dimensions["unit"] = "$unit"
		if err := t.column("unit", csvColumn{}, facts[0]); err != nil {
			return nil, err
		}
	}
	for _, c := range []string{"value", "source"} {
		def := csvColumn{Comment: c == "source"}
		if c == "value" {
			def.Dimensions = map[string]string{"concept": "$concept"}
		}
		if err := t.column(c, def, facts[0]); err != nil {
			return nil, err
		}
	}
	for _, f := range facts {
		r := []string{f.Concept.QName()}
		for _, a := range axes {
			r = append(r, memberOn(f, a))
		}
		if !onePeriod {
			r = append(r, OIMPeriod(f.Period))
		}
		if hasUnit {
			r = append(r, oimUnit(f))
		}
		t.rows = append(t.rows, append(r, csvValue(f), f.Source.String()))
	}
	return t, nil
}

// memberOn returns the cell that places f on axis: the member's SQName,
// the typed member's value, or empty (no such dimension).
func memberOn(f *xbrl.Fact, axis *xbrl.Concept) string {
	for _, d := range f.Dims {
		switch {
		case d.Axis.QName() != axis.QName():
		case d.Axis.TypedDomain != nil:
			return csvCell(d.Typed)
		default:
			return d.Member.QName()
		}
	}
	return ""
}

// render writes the table as RFC 4180 CSV: UTF-8, CRLF line ends, a
// header row.
func (t *csvTable) render() ([]byte, error) {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.UseCRLF = true
	if err := w.Write(t.header); err != nil {
		return nil, err
	}
	if err := w.WriteAll(t.rows); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// oimUnit returns the unit dimension of a numeric fact, or "" for a
// non-numeric fact and a pure one (the OIM implies xbrli:pure).
func oimUnit(f *xbrl.Fact) string {
	if !f.Numeric() || f.Unit == nil || f.Unit.ID == xbrl.PureUnit.ID {
		return ""
	}
	return f.Unit.String()
}

// csvValue renders a fact's value as a cell: a number with a decimals
// suffix ("128064000d-3"; none when exact), or text escaped as csvCell
// does.
func csvValue(f *xbrl.Fact) string {
	if !f.Numeric() {
		return csvCell(f.Text)
	}
	s := f.Value.String()
	if f.Decimals < xbrl.DecimalsINF {
		s += "d" + strconv.Itoa(f.Decimals)
	}
	return s
}

// csvCell escapes a value so that xBRL-CSV reads it back as written: an
// empty cell means "no fact", so the empty string is "#empty", and a
// leading "#" marks a special value, so it is doubled.
func csvCell(s string) string {
	switch {
	case s == "":
		return "#empty"
	case strings.HasPrefix(s, "#"):
		return "#" + s
	}
	return s
}

// compareTyped orders typed members as numbers when both are (xport's
// are sequence numbers), numbers before other values, and otherwise as
// text.
func compareTyped(a, b string) int {
	da, errA := decimal.Parse(a)
	db, errB := decimal.Parse(b)
	switch {
	case errA == nil && errB == nil:
		if c := da.Cmp(db); c != 0 {
			return c
		}
	case errA == nil:
		return -1
	case errB == nil:
		return 1
	}
	return strings.Compare(a, b)
}

// kebab turns an UpperCamel name into lower-kebab case:
// CountryOfOrigin is country-of-origin, ISOCode is iso-code.
func kebab(s string) string {
	rs := []rune(s)
	var b strings.Builder
	for i, r := range rs {
		if i > 0 && unicode.IsUpper(r) {
			prev := rs[i-1]
			nextLower := i+1 < len(rs) && unicode.IsLower(rs[i+1])
			if unicode.IsLower(prev) || unicode.IsDigit(prev) || unicode.IsUpper(prev) && nextLower {
				b.WriteByte('-')
			}
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// XML 1.0 name characters; an xBRL-CSV identifier is an NCName without
// ".", and a row identifier may also start with a digit, "-" or "·".
const (
	nameStart = `A-Z_a-z\x{C0}-\x{D6}\x{D8}-\x{F6}\x{F8}-\x{2FF}\x{370}-\x{37D}\x{37F}-\x{1FFF}\x{200C}-\x{200D}` +
		`\x{2070}-\x{218F}\x{2C00}-\x{2FEF}\x{3001}-\x{D7FF}\x{F900}-\x{FDCF}\x{FDF0}-\x{FFFD}\x{10000}-\x{EFFFF}`
	nameChar = nameStart + `\-0-9\x{B7}\x{300}-\x{36F}\x{203F}-\x{2040}`
)

var (
	csvIdentifier = regexp.MustCompile(`^[` + nameStart + `][` + nameChar + `]*$`)
	csvRowID      = regexp.MustCompile(`^[` + nameChar + `]+$`)
)
