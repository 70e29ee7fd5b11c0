package load

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/xport/xport/exporter"
	"github.com/xport/xport/internal/jsonpos"
	"github.com/xport/xport/source"
	"github.com/xport/xport/xbrl"
)

// XML 1.0 name characters; an xBRL-CSV identifier (a table, template,
// column or parameter name) is an NCName without ".", and a row
// identifier any run of name characters but ".".
const (
	csvNameStart = `A-Z_a-z\x{C0}-\x{D6}\x{D8}-\x{F6}\x{F8}-\x{2FF}\x{370}-\x{37D}\x{37F}-\x{1FFF}\x{200C}-\x{200D}` +
		`\x{2070}-\x{218F}\x{2C00}-\x{2FEF}\x{3001}-\x{D7FF}\x{F900}-\x{FDCF}\x{FDF0}-\x{FFFD}\x{10000}-\x{EFFFF}`
	csvNameChar = csvNameStart + `\-0-9\x{B7}\x{300}-\x{36F}\x{203F}-\x{2040}`
)

var (
	csvIdentifier = regexp.MustCompile(`^[` + csvNameStart + `][` + csvNameChar + `]*$`)
	csvRowID      = regexp.MustCompile(`^[` + csvNameChar + `]+$`)
)

// csvSourceColumn is the comment column in which xport writes where each
// row was read from in the converted document (file:line:column); it
// becomes the Origin of the row's facts.
const csvSourceColumn = "source"

// isCSVMetadata reports whether JSON data is xBRL-CSV metadata: its
// documentInfo.documentType is xBRL-CSV's.
func isCSVMetadata(data []byte) bool {
	var head struct {
		DocumentInfo struct {
			DocumentType string `json:"documentType"`
		} `json:"documentInfo"`
	}
	return json.Unmarshal(data, &head) == nil && head.DocumentInfo.DocumentType == exporter.CSVDocumentType
}

// csvLoader builds a report from xBRL-CSV: the metadata file, which the
// document holds, and the CSV tables it lists.
type csvLoader struct {
	oimReader
	d            *Document
	keys         map[string]int64 // metadata key path → offset (keyOffsets)
	resolve      Resolver
	rep          *xbrl.Report
	meta         csvMeta
	badNames     map[string]bool // dimension names already reported as bad
	onceReported map[string]bool // problems of a column reported (once)
	memo         csvMemo
	files        map[string]*csvFile
	tooLarge     bool // a table is over the size limit: the report is not read
}

// csvMeta is what the metadata says about the tables.
type csvMeta struct {
	dims      map[string]string // report dimensions
	decimals  string            // report decimals: an integer, "$ref" or ""
	params    map[string]string // report parameters
	templates map[string]*csvTemplate
	tables    []*csvTableDef // by name
}

// csvTemplate is a table template: its columns, row identifier column
// and the dimensions and decimals its facts share.
type csvTemplate struct {
	name     string
	path     string // in the metadata: /tableTemplates/NAME
	rowID    string
	dims     map[string]string
	decimals string
	columns  map[string]*csvColumnDef
}

// csvColumnDef defines a column: a fact column (it has dimensions), a
// comment column, or, neither, a parameter column, whose cells the
// dimensions of fact columns refer to as "$name".
type csvColumnDef struct {
	comment, fact bool
	dims          map[string]string
	decimals      string
}

// csvTableDef is a table: its template and the CSV file holding it.
type csvTableDef struct {
	name, path string // path in the metadata: /tables/NAME
	template   *csvTemplate
	url        string
	optional   bool
	params     map[string]string
}

func (d *Document) loadCSV(resolve Resolver) (*xbrl.Report, source.Diagnostics) {
	l := &csvLoader{oimReader: newOIMReader(), d: d, resolve: resolve, badNames: map[string]bool{}, onceReported: map[string]bool{}, memo: newCSVMemo(), files: map[string]*csvFile{}}
	var v map[string]any
	dec := json.NewDecoder(bytes.NewReader(d.Data))
	dec.UseNumber()
	if err := dec.Decode(&v); err != nil {
		l.ds.Add(source.Error, "xbrlce:invalidJSON", l.d.jsonErrPos(err), "the metadata is not a JSON object: %v", err)
		return nil, l.ds
	}
	l.keys = jsonpos.KeyOffsets(d.Data, jsonpos.MetadataDepth)
	l.rep = &xbrl.Report{Provenance: xbrl.Provenance{Source: d.Name}}
	l.metadata(v)
	for _, t := range l.meta.tables {
		l.checkReferences(t)
		l.table(t)
	}
	if l.tooLarge {
		return nil, l.ds
	}
	l.rep.Concepts = concepts(l.rep.Facts)
	l.rep.Networks = l.tx.calcNetworks()
	return l.rep, l.ds
}

// at returns the position of the key at a path of the metadata
// ("/tableTemplates/facts/columns/value"), or of its nearest recorded
// parent.
func (l *csvLoader) at(path string) source.Pos { return l.d.keyPos(l.keys, path) }

// metadata reads the metadata's properties.
func (l *csvLoader) metadata(v map[string]any) {
	l.properties(v, "", []string{"documentInfo", "tableTemplates", "tables", "dimensions", "parameters", "decimals", "final"},
		[]string{"parameterURL", "links"})
	info := l.object(v["documentInfo"], "/documentInfo", true)
	l.documentInfo(info)
	l.meta.dims = l.dimensions(v["dimensions"], "/dimensions")
	l.meta.params = l.parameters(v["parameters"], "/parameters")
	l.meta.decimals = l.decimals(v["decimals"], "/decimals")
	l.meta.templates = map[string]*csvTemplate{}
	templates := l.object(v["tableTemplates"], "/tableTemplates", true)
	for _, name := range sortedKeys(templates) {
		l.meta.templates[name] = l.template(name, templates[name])
	}
	tables := l.object(v["tables"], "/tables", true)
	for _, name := range sortedKeys(tables) {
		if t := l.tableDef(name, tables[name]); t != nil {
			l.meta.tables = append(l.meta.tables, t)
		}
	}
}

// properties checks the property names of a metadata object: known ones
// are read, unsupported ones (xBRL-CSV features xport does not read) are
// errors, and so are unknown ones; prefixed names are extensions, ignored.
func (l *csvLoader) properties(obj map[string]any, path string, known, unsupported []string) {
	for _, k := range sortedKeys(obj) {
		switch {
		case strings.Contains(k, ":") || slices.Contains(known, k):
		case slices.Contains(unsupported, k):
			l.ds.Add(source.Error, "xport.csv:unsupportedFeature", l.at(path+"/"+k),
				"xport does not read xBRL-CSV %s; the facts it would give are not checked", k)
		default:
			l.ds.Add(source.Error, "xbrlce:invalidJSONStructure", l.at(path+"/"+k), "%s is not a property of %s", k, displayPath(path))
		}
	}
}

func displayPath(path string) string {
	if path == "" {
		return "the metadata"
	}
	return path
}

// object returns v as a JSON object, reporting anything else (and, if
// required, its absence).
func (l *csvLoader) object(v any, path string, required bool) map[string]any {
	obj, ok := v.(map[string]any)
	if !ok && (v != nil || required) {
		l.ds.Add(source.Error, "xbrlce:invalidJSONStructure", l.at(path), "%s is missing or not an object", path)
	}
	return obj
}

// stringMap returns v as an object of strings, reporting anything else.
func (l *csvLoader) stringMap(v any, path string) map[string]string {
	obj := l.object(v, path, false)
	out := make(map[string]string, len(obj))
	for _, k := range sortedKeys(obj) {
		s, ok := obj[k].(string)
		if !ok {
			l.ds.Add(source.Error, "xbrlce:invalidJSONStructure", l.at(path+"/"+k), "%s/%s is not a string", path, k)
			continue
		}
		out[k] = s
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// documentInfo checks the document type, reads the namespaces and loads
// the taxonomy.
func (l *csvLoader) documentInfo(info map[string]any) {
	l.properties(info, "/documentInfo", []string{"documentType", "namespaces", "taxonomy", "features", "final", "linkTypes", "linkGroups"},
		[]string{"extends", "baseURL"})
	if dt, _ := info["documentType"].(string); dt != exporter.CSVDocumentType {
		l.ds.Add(source.Error, "oimce:unsupportedDocumentType", l.at("/documentInfo/documentType"), "documentType %q is not %s", dt, exporter.CSVDocumentType)
	}
	for p, u := range l.stringMap(info["namespaces"], "/documentInfo/namespaces") {
		l.ns[p] = u
	}
	tax, _ := info["taxonomy"].([]any)
	if len(tax) == 0 {
		l.ds.Add(source.Error, "oime:noTaxonomy", l.at("/documentInfo/taxonomy"), "documentInfo.taxonomy names no taxonomy")
	}
	for _, t := range tax {
		href, ok := t.(string)
		if !ok {
			l.ds.Add(source.Error, "xbrlce:invalidJSONStructure", l.at("/documentInfo/taxonomy"), "documentInfo.taxonomy holds a value that is not a string")
			continue
		}
		if l.rep.Taxonomy.Schema == "" {
			l.rep.Taxonomy.Schema = href
		}
		l.ds = append(l.ds, l.tx.loadDTS(href, l.resolve, l.at("/documentInfo/taxonomy"))...)
	}
}

// dimensions reads a dimensions object: core dimension names or a
// taxonomy dimension's SQName, each to a value or "$reference".
func (l *csvLoader) dimensions(v any, path string) map[string]string {
	dims := l.stringMap(v, path)
	for _, k := range sortedKeys(dims) {
		switch k {
		case "concept", "entity", "period", "unit", "language":
			continue
		}
		if _, _, _, ok := l.sqName(k, l.at(path+"/"+k)); !ok {
			l.badNames[k] = true
		}
	}
	return dims
}

// parameters reads a parameters object: identifiers to values.
func (l *csvLoader) parameters(v any, path string) map[string]string {
	params := l.stringMap(v, path)
	for _, k := range sortedKeys(params) {
		if !csvIdentifier.MatchString(k) {
			l.ds.Add(source.Error, "xbrlce:invalidParameterName", l.at(path+"/"+k), "parameter name %q is not an identifier", k)
		}
	}
	return params
}

// decimals reads a decimals property: an integer or a "$reference",
// returned as text; "" when absent.
func (l *csvLoader) decimals(v any, path string) string {
	switch d := v.(type) {
	case nil:
		return ""
	case json.Number:
		if _, err := d.Int64(); err == nil {
			return d.String()
		}
	case string:
		if strings.HasPrefix(d, "$") && !strings.HasPrefix(d, "$$") {
			return d
		}
	}
	l.ds.Add(source.Error, "xbrlce:invalidDecimalsValue", l.at(path), "decimals %v is neither an integer nor a parameter reference", v)
	return ""
}

// template reads a table template.
func (l *csvLoader) template(name string, v any) *csvTemplate {
	path := "/tableTemplates/" + name
	t := &csvTemplate{name: name, path: path, columns: map[string]*csvColumnDef{}}
	if !csvIdentifier.MatchString(name) {
		l.ds.Add(source.Error, "xbrlce:invalidIdentifier", l.at(path), "table template name %q is not an identifier", name)
	}
	obj := l.object(v, path, true)
	l.properties(obj, path, []string{"columns", "rowIdColumn", "dimensions", "decimals"}, nil)
	t.dims = l.dimensions(obj["dimensions"], path+"/dimensions")
	t.decimals = l.decimals(obj["decimals"], path+"/decimals")
	cols := l.object(obj["columns"], path+"/columns", true)
	for _, c := range sortedKeys(cols) {
		t.columns[c] = l.column(path+"/columns/"+c, c, cols[c])
	}
	if rid, ok := obj["rowIdColumn"]; ok {
		t.rowID, _ = rid.(string)
		switch col := t.columns[t.rowID]; {
		case col == nil:
			l.ds.Add(source.Error, "xbrlce:undefinedRowIdColumn", l.at(path+"/rowIdColumn"), "rowIdColumn %v is not a column of template %s", rid, name)
			t.rowID = ""
		case col.comment:
			l.ds.Add(source.Error, "xbrlce:invalidRowIdColumn", l.at(path+"/rowIdColumn"), "rowIdColumn %s is a comment column", t.rowID)
			t.rowID = ""
		}
	}
	return t
}

// column reads a column definition.
func (l *csvLoader) column(path, name string, v any) *csvColumnDef {
	if !csvIdentifier.MatchString(name) {
		l.ds.Add(source.Error, "xbrlce:invalidIdentifier", l.at(path), "column name %q is not an identifier", name)
	}
	obj := l.object(v, path, true)
	l.properties(obj, path, []string{"comment", "dimensions", "decimals"}, []string{"propertyGroups", "propertiesFrom"})
	c := &csvColumnDef{}
	if cv, ok := obj["comment"]; ok {
		b, isBool := cv.(bool)
		if !isBool {
			l.ds.Add(source.Error, "xbrlce:invalidJSONStructure", l.at(path+"/comment"), "comment is not true or false")
		}
		c.comment = b
	}
	if _, ok := obj["dimensions"]; ok {
		c.fact = true
		c.dims = l.dimensions(obj["dimensions"], path+"/dimensions")
	}
	if c.comment && c.fact {
		l.ds.Add(source.Error, "xbrlce:conflictingColumnType", l.at(path), "column %s is both a comment column and a fact column", name)
		c.fact = false
	}
	if _, ok := obj["decimals"]; ok && !c.fact {
		l.ds.Add(source.Error, "xbrlce:misplacedDecimalsOnNonFactColumn", l.at(path+"/decimals"), "column %s has decimals but is not a fact column", name)
	}
	c.decimals = l.decimals(obj["decimals"], path+"/decimals")
	return c
}

// tableDef reads a table: its template (by default, the template of its
// own name) and the URL of its CSV file, relative to the metadata.
func (l *csvLoader) tableDef(name string, v any) *csvTableDef {
	path := "/tables/" + name
	if !csvIdentifier.MatchString(name) {
		l.ds.Add(source.Error, "xbrlce:invalidIdentifier", l.at(path), "table name %q is not an identifier", name)
	}
	obj := l.object(v, path, true)
	l.properties(obj, path, []string{"template", "url", "optional", "parameters"}, nil)
	t := &csvTableDef{name: name, path: path, params: l.parameters(obj["parameters"], path+"/parameters")}
	tmpl := name
	if s, ok := obj["template"].(string); ok {
		tmpl = s
	}
	if t.template = l.meta.templates[tmpl]; t.template == nil {
		l.ds.Add(source.Error, "xbrlce:unknownTableTemplate", l.at(path+"/template"), "table %s: there is no table template %s", name, tmpl)
		return nil
	}
	t.url, _ = obj["url"].(string)
	if t.url == "" {
		l.ds.Add(source.Error, "xbrlce:invalidJSONStructure", l.at(path+"/url"), "table %s has no url", name)
		return nil
	}
	if o, ok := obj["optional"]; ok {
		b, isBool := o.(bool)
		if !isBool {
			l.ds.Add(source.Error, "xbrlce:invalidJSONStructure", l.at(path+"/optional"), "optional is not true or false")
		}
		t.optional = b
	}
	return t
}

// tablePath names a table's file in positions: its URL joined to the
// metadata file's directory.
func (l *csvLoader) tablePath(url string) string {
	return filepath.Join(filepath.Dir(l.d.Name), filepath.FromSlash(url))
}
