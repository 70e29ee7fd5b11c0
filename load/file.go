package load

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/xport/xport/inline"
	"github.com/xport/xport/schema"
	"github.com/xport/xport/source"
	"github.com/xport/xport/xbrl"
)

// Document is a report read from a file to be validated.
type Document struct {
	Name   string       // the file as named on the command line
	Format string       // "xbrl" (XBRL 2.1 instance), "ixbrl" (Inline XBRL), "json" (xBRL-JSON) or "csv" (xBRL-CSV metadata)
	Data   []byte       // the file's bytes; the report's strings share its memory, so it is never changed
	Report *xbrl.Report // facts with Source at their place in the file (for xBRL-CSV, the cell of a table)
	lines  source.Lines
	tables []*csvFile // xBRL-CSV: the tables' files
}

// File reads an XBRL 2.1 instance (.xbrl, .xml), an xBRL-JSON report
// (.json) or the metadata of an xBRL-CSV report (.json, with the tables it
// lists), and the taxonomy it references where it resolves locally. The
// error is for a file that cannot be read at all (missing, too large);
// problems inside it are diagnostics. Every file read is bounded by
// maxSize: a schema over it is not read (a warning, as for a missing
// one), and an xBRL-CSV table over it leaves the report unread (nil
// Report, an error diagnostic), as a malformed file does.
func File(path string, maxSize int64) (*Document, source.Diagnostics, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, nil, err
	}
	if maxSize <= 0 {
		maxSize = source.DefaultMaxSize
	}
	if st.Size() > maxSize {
		return nil, nil, fmt.Errorf("%s: %w: %d bytes, the limit is %d (--max-size)", path, source.ErrTooLarge, st.Size(), maxSize)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, err
	}
	doc, ds := Bytes(path, data, dirResolver(filepath.Dir(path), maxSize))
	return doc, ds, nil
}

// Resolver returns the bytes of a file a report references (its schema,
// linkbases), relative to the report.
type Resolver func(href string) ([]byte, error)

// dirResolver resolves relative references against a directory. Absolute
// URLs are not fetched: validation runs offline. A file over maxSize
// bytes is not read; the error wraps source.ErrTooLarge.
func dirResolver(dir string, maxSize int64) Resolver {
	return func(href string) ([]byte, error) {
		if strings.Contains(href, "://") {
			return nil, fmt.Errorf("%s is not local; validation runs offline", href)
		}
		path := filepath.Join(dir, filepath.FromSlash(href))
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		limit := maxSize
		if limit < math.MaxInt64 {
			limit++ // one byte more tells a file over the limit
		}
		data, err := io.ReadAll(io.LimitReader(f, limit))
		if err != nil {
			return nil, err
		}
		if int64(len(data)) > maxSize {
			return nil, fmt.Errorf("%s: %w: the limit is %d bytes (--max-size)", path, source.ErrTooLarge, maxSize)
		}
		return data, nil
	}
}

// Bytes reads a report from data; name gives its format by extension and
// names it in positions. JSON whose documentInfo.documentType is
// xBRL-CSV's is the metadata of an xBRL-CSV report: its tables are read
// through resolve, relative to it. Load keeps data: the report's strings
// share its memory, so the caller must not change it afterwards.
func Bytes(name string, data []byte, resolve Resolver) (*Document, source.Diagnostics) {
	doc := &Document{Name: name, Data: data, lines: source.NewLines(data)}
	var ds source.Diagnostics
	trimmed := bytes.TrimSpace(data)
	isJSON := strings.ToLower(filepath.Ext(name)) == ".json" || len(trimmed) > 0 && trimmed[0] == '{'
	switch {
	case isJSON && isCSVMetadata(data):
		doc.Format = "csv"
		doc.Report, ds = doc.loadCSV(resolve)
	case isJSON:
		doc.Format = "json"
		doc.Report, ds = doc.loadJSON(resolve)
	case inline.IsInline(data):
		doc.Format = "ixbrl"
		doc.Report, ds = doc.loadInline(resolve)
	default:
		doc.Format = "xbrl"
		if conv := asUTF8(data); len(data) > 0 && &conv[0] != &data[0] {
			doc.Data = conv // positions after a non-ASCII character move by its extra bytes
		}
		doc.Report, ds = doc.loadXML(resolve)
	}
	if doc.Report != nil {
		before := func(a, b *xbrl.Fact) bool { return a.Source.Before(b.Source) }
		if !slices.IsSortedFunc(doc.Report.Facts, func(a, b *xbrl.Fact) int {
			switch {
			case before(a, b):
				return -1
			case before(b, a):
				return 1
			}
			return 0
		}) {
			sort.SliceStable(doc.Report.Facts, func(i, j int) bool { return before(doc.Report.Facts[i], doc.Report.Facts[j]) })
		}
	}
	return doc, ds
}

// Line returns line n (1-based) of the document's file, for excerpts.
func (d *Document) Line(n int) string { return d.lines.Line(d.Data, n) }

// LineIn returns line n (1-based) of a file a position names: the
// document's, or one of the tables of an xBRL-CSV report. It is "" for
// any other file.
func (d *Document) LineIn(file string, n int) string {
	if file == d.Name {
		return d.Line(n)
	}
	for _, t := range d.tables {
		if t.name == file {
			return t.lines.Line(t.data, n)
		}
	}
	return ""
}

// taxonomy is what validation knows of the concepts a report uses: the
// catalogue's (us-gaap, dei) and those its extension schema declares, by
// namespace and local name, and the calculation networks of its linkbases.
type taxonomy struct {
	byNS     map[string]map[string]*xbrl.Concept // namespace URI → local name → concept
	byID     map[string]*xbrl.Concept            // "us-gaap_Revenues" → concept
	prefixes map[string]string                   // namespace URI → preferred prefix
	missing  []string                            // schemas that could not be read
	remote   map[string]string                   // namespace → the web location of its schema, not read
	// floats are the concepts whose type derives from xs:float or
	// xs:double: values in exponent notation, INF and NaN.
	floats map[*xbrl.Concept]bool
	// tuples are the concepts in the substitution group xbrli:tuple.
	tuples map[*xbrl.Concept]bool
	// byElementID finds a concept by its declaration's id in the schema
	// file that declares it ("concepts.xsd#e0"), as locators point.
	byElementID map[string]*xbrl.Concept
	// attrDefaults are the decimals and precision a concept's type gives
	// a fact that states none; valueDefaults the value its declaration
	// gives an empty fact (default or fixed).
	attrDefaults  map[*xbrl.Concept]map[string]string
	valueDefaults map[*xbrl.Concept]string
	schemas       map[string]bool        // schemas read, each once
	facts         map[*xbrl.Concept]bool // the items and tuples of the schemas read
	arcs          []relArc               // arcs between concepts of every extended link
	settled       []relArc               // the prevailing relationships of arcs[:settledFrom]
	settledFrom   int
	cycles        map[string]string     // arcrole → the cycles it allows, as its arcroleType declares
	pending       []string              // linkbases discovered, not read yet
	roleDecls     map[string][]roleDecl // "roleType URI" or "arcroleType URI" → its declarations
	roleUses      []roleUse             // custom roles and arcroles used in linkbases
	linkbases     map[string]bool       // linkbases read, each once
	// simpleTypes gives the built-in XML Schema type of each global
	// element and attribute the schemas declare with one: "element
	// {namespace}name" or "attribute {namespace}name" → "integer". Lax
	// validation holds a segment's content and an item's attributes to
	// them.
	simpleTypes map[string]string
	// contentAttrDefaults are the defaults of the attributes an
	// element's own complex type declares (a scenario's element
	// <Region world="this">): s-equality compares them as if written.
	contentAttrDefaults map[*xbrl.Concept]map[string]string
}

// newTaxonomy starts from the catalogue.
func newTaxonomy() *taxonomy {
	tx := &taxonomy{byNS: map[string]map[string]*xbrl.Concept{}, byID: map[string]*xbrl.Concept{}, prefixes: map[string]string{}, floats: map[*xbrl.Concept]bool{}, tuples: map[*xbrl.Concept]bool{},
		byElementID: map[string]*xbrl.Concept{}, linkbases: map[string]bool{}, schemas: map[string]bool{}, facts: map[*xbrl.Concept]bool{}, cycles: map[string]string{}, roleDecls: map[string][]roleDecl{},
		attrDefaults: map[*xbrl.Concept]map[string]string{}, valueDefaults: map[*xbrl.Concept]string{}, simpleTypes: map[string]string{}, remote: map[string]string{},
		contentAttrDefaults: map[*xbrl.Concept]map[string]string{}}
	cat, err := schema.DefaultCatalogue()
	if err != nil {
		return tx
	}
	for _, c := range cat.Concepts() {
		tx.add(c)
	}
	return tx
}

func (tx *taxonomy) add(c *xbrl.Concept) {
	if tx.byNS[c.Namespace] == nil {
		tx.byNS[c.Namespace] = map[string]*xbrl.Concept{}
	}
	tx.byNS[c.Namespace][c.Name] = c
	tx.byID[c.ID()] = c
	if _, ok := tx.prefixes[c.Namespace]; !ok {
		tx.prefixes[c.Namespace] = c.Prefix
	}
}

// lookup returns the concept namespace:local, or nil.
func (tx *taxonomy) lookup(ns, local string) *xbrl.Concept { return tx.byNS[ns][local] }

// concepts returns every concept the facts use, sorted.
func concepts(facts []*xbrl.Fact) []*xbrl.Concept {
	seen := map[*xbrl.Concept]bool{}
	var out []*xbrl.Concept
	for _, f := range facts {
		for _, c := range append([]*xbrl.Concept{f.Concept}, members(f)...) {
			if !seen[c] {
				seen[c] = true
				out = append(out, c)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].QName() < out[j].QName() })
	return out
}

func members(f *xbrl.Fact) []*xbrl.Concept {
	var out []*xbrl.Concept
	for _, d := range f.Dims {
		out = append(out, d.Axis)
		if d.Member != nil {
			out = append(out, d.Member)
		}
	}
	return out
}
