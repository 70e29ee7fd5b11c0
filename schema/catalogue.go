package schema

import (
	_ "embed"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/xport/xport/xbrl"
)

//go:embed catalogue.txt
var catalogueText string

// Namespace is a base taxonomy the catalogue draws concepts from.
type Namespace struct {
	Prefix, URI, SchemaLocation string
}

// Shipped reports whether xport itself defines the namespace: its schema
// location is a relative file name, and xport writes that schema beside
// every report that uses it (the conflict minerals taxonomy, which no
// standard body publishes).
func (ns Namespace) Shipped() bool { return !strings.Contains(ns.SchemaLocation, "://") }

// Dimension is an explicit dimension the catalogue can report on, with
// the domain, table (hypercube) and line items a definition linkbase
// relates it to.
type Dimension struct {
	Axis, Domain, Table, LineItems *xbrl.Concept
}

// Catalogue is the set of concepts xport can report.
type Catalogue struct {
	Namespaces []Namespace
	Dimensions map[string]*Dimension    // by the axis's QName
	concepts   map[string]*xbrl.Concept // by QName
	enums      map[string][]string      // enumeration item types' values, by prefixed type name
	typed      []*xbrl.Concept          // typed dimensions' domain elements
}

// TypedDomains returns the domain elements of the typed dimensions of
// namespace prefix.
func (c *Catalogue) TypedDomains(prefix string) []*xbrl.Concept {
	var out []*xbrl.Concept
	for _, d := range c.typed {
		if d.Prefix == prefix {
			out = append(out, d)
		}
	}
	return out
}

// Lookup returns the concept with the prefixed name q, or nil.
func (c *Catalogue) Lookup(q string) *xbrl.Concept { return c.concepts[q] }

// Concepts returns every concept, sorted by prefixed name.
func (c *Catalogue) Concepts() []*xbrl.Concept {
	out := make([]*xbrl.Concept, 0, len(c.concepts))
	for _, k := range c.concepts {
		out = append(out, k)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].QName() < out[j].QName() })
	return out
}

// Namespace returns the base taxonomy with the given prefix.
func (c *Catalogue) Namespace(prefix string) (Namespace, bool) {
	for _, ns := range c.Namespaces {
		if ns.Prefix == prefix {
			return ns, true
		}
	}
	return Namespace{}, false
}

var itemTypes = map[string]xbrl.ItemType{
	"monetary": xbrl.Monetary, "perShare": xbrl.PerShare, "shares": xbrl.Shares,
	"pure": xbrl.Pure, "percent": xbrl.Percent, "string": xbrl.String,
	"normalizedString": xbrl.NormString, "date": xbrl.Date, "boolean": xbrl.Boolean,
	"enumeration": xbrl.Enumeration, "domain": xbrl.Domain, "abstract": xbrl.String,
	"axis": xbrl.Axis, "hypercube": xbrl.Hypercube,
}

// LoadCatalogue returns the embedded catalogue.
func LoadCatalogue() (*Catalogue, error) { return ParseCatalogue("catalogue.txt", catalogueText) }

// ParseCatalogue reads a catalogue in the format of catalogue.txt. Every
// problem is reported as name:line: message.
func ParseCatalogue(name, text string) (*Catalogue, error) {
	c := &Catalogue{concepts: map[string]*xbrl.Concept{}, Dimensions: map[string]*Dimension{}, enums: map[string][]string{}}
	var errs []string
	type dimLine struct {
		f    []string
		line int
	}
	var dims []dimLine // read once every concept is known
	for i, line := range strings.Split(text, "\n") {
		f := fields(line)
		if f == nil {
			continue
		}
		var err error
		switch f[0] {
		case "namespace":
			err = c.addNamespace(f)
		case "dimension", "typed":
			dims = append(dims, dimLine{f, i + 1})
		case "enum":
			err = c.addEnum(f)
		default:
			err = c.addConcept(f)
		}
		if err != nil {
			errs = append(errs, fmt.Sprintf("%s:%d: %v", name, i+1, err))
		}
	}
	for _, d := range dims {
		add := c.addDimension
		if d.f[0] == "typed" {
			add = c.addTyped
		}
		if err := add(d.f); err != nil {
			errs = append(errs, fmt.Sprintf("%s:%d: %v", name, d.line, err))
		}
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("%s", strings.Join(errs, "\n"))
	}
	return c, nil
}

// fields splits a line at the bars that have a space (or the line's
// end) on both sides, so a bar inside a pattern ("sales|revenues") stays;
// it returns nil for a blank or comment line.
func fields(line string) []string {
	line = strings.TrimSpace(line)
	if line == "" || strings.HasPrefix(line, "#") {
		return nil
	}
	var f []string
	start := 0
	for i := 0; i < len(line); i++ {
		if line[i] == '|' && (i == 0 || line[i-1] == ' ') && (i == len(line)-1 || line[i+1] == ' ') {
			f = append(f, strings.TrimSpace(line[start:i]))
			start = i + 1
		}
	}
	return append(f, strings.TrimSpace(line[start:]))
}

func (c *Catalogue) addNamespace(f []string) error {
	if len(f) != 4 {
		return fmt.Errorf("namespace wants 3 fields, has %d", len(f)-1)
	}
	c.Namespaces = append(c.Namespaces, Namespace{Prefix: f[1], URI: f[2], SchemaLocation: f[3]})
	return nil
}

// addDimension reads "dimension | axis | domain | table | line items",
// once the concepts it names are known.
func (c *Catalogue) addDimension(f []string) error {
	if len(f) != 5 {
		return fmt.Errorf("dimension wants 4 fields, has %d", len(f)-1)
	}
	want := []xbrl.ItemType{xbrl.Axis, xbrl.Domain, xbrl.Hypercube, xbrl.String}
	var cs [4]*xbrl.Concept
	for i, q := range f[1:] {
		cs[i] = c.Lookup(q)
		if cs[i] == nil || cs[i].Type != want[i] {
			return fmt.Errorf("%s is not a %s in the catalogue", q, want[i])
		}
	}
	c.Dimensions[cs[0].QName()] = &Dimension{Axis: cs[0], Domain: cs[1], Table: cs[2], LineItems: cs[3]}
	return nil
}

// addEnum reads "enum | prefix:typeName | value | value ...": an
// enumeration item type and the values it allows.
func (c *Catalogue) addEnum(f []string) error {
	if len(f) < 3 {
		return fmt.Errorf("enum wants a type and at least one value")
	}
	if _, _, err := xbrl.SplitQName(f[1]); err != nil {
		return err
	}
	c.enums[f[1]] = f[2:]
	return nil
}

// addTyped reads "typed | axis | domain element | xs type | table | line
// items": a typed dimension, whose members are values of the domain
// element rather than domain member concepts.
func (c *Catalogue) addTyped(f []string) error {
	if len(f) != 6 {
		return fmt.Errorf("typed wants 5 fields, has %d", len(f)-1)
	}
	axis, table, items := c.Lookup(f[1]), c.Lookup(f[4]), c.Lookup(f[5])
	switch {
	case axis == nil || axis.Type != xbrl.Axis:
		return fmt.Errorf("%s is not an axis in the catalogue", f[1])
	case table == nil || table.Type != xbrl.Hypercube:
		return fmt.Errorf("%s is not a hypercube in the catalogue", f[4])
	case items == nil || !items.Abstract:
		return fmt.Errorf("%s is not an abstract line items concept in the catalogue", f[5])
	}
	prefix, local, err := xbrl.SplitQName(f[2])
	if err != nil {
		return err
	}
	if !strings.HasPrefix(f[3], "xs:") {
		return fmt.Errorf("%s: the typed domain's type %q is not an XML Schema type", f[2], f[3])
	}
	ns, _ := c.Namespace(prefix)
	axis.TypedDomain = &xbrl.Concept{Prefix: prefix, Name: local, Namespace: ns.URI, XSDType: f[3]}
	c.typed = append(c.typed, axis.TypedDomain)
	c.Dimensions[axis.QName()] = &Dimension{Axis: axis, Table: table, LineItems: items}
	return nil
}

func (c *Catalogue) addConcept(f []string) error {
	if len(f) != 5 {
		return fmt.Errorf("concept wants 5 fields, has %d", len(f))
	}
	prefix, local, err := xbrl.SplitQName(f[0])
	if err != nil {
		return err
	}
	ns, ok := c.Namespace(prefix)
	if !ok {
		return fmt.Errorf("%s: undeclared prefix %q", f[0], prefix)
	}
	typ, xsdType, _ := strings.Cut(f[1], "=")
	t, ok := itemTypes[typ]
	if !ok {
		return fmt.Errorf("%s: unknown item type %q", f[0], typ)
	}
	k := &xbrl.Concept{Prefix: prefix, Name: local, Namespace: ns.URI, Type: t,
		Abstract: typ == "abstract" || t == xbrl.Axis || t == xbrl.Hypercube || t == xbrl.Domain, XSDType: xsdType, Label: f[4]}
	switch xbrl.PeriodType(f[2]) {
	case xbrl.Instant, xbrl.Duration:
		k.PeriodType = xbrl.PeriodType(f[2])
	default:
		return fmt.Errorf("%s: unknown period type %q", f[0], f[2])
	}
	switch b := f[3]; {
	case b == "debit" || b == "credit":
		if t != xbrl.Monetary {
			return fmt.Errorf("%s: only monetary concepts have a balance", f[0])
		}
		k.Balance = xbrl.Balance(b)
	case b == "none" || b == "" && t != xbrl.Monetary:
	case b == "":
		return fmt.Errorf("%s: a monetary concept states its balance: debit, credit or none", f[0])
	default:
		return fmt.Errorf("%s: unknown balance %q", f[0], b)
	}
	if _, dup := c.concepts[k.QName()]; dup {
		return fmt.Errorf("%s: listed twice", f[0])
	}
	if t == xbrl.Enumeration && xsdType != "" {
		values, ok := c.enums[xsdType]
		if !ok {
			return fmt.Errorf("%s: enumeration type %s has no enum line before it", f[0], xsdType)
		}
		k.Enum = values
	}
	c.concepts[k.QName()] = k
	return nil
}

var (
	catOnce      sync.Once
	defaultCat   *Catalogue
	catErr       error
	rulesOnce    sync.Once
	defaultRules Rules
	rulesErr     error
)

// DefaultCatalogue returns the embedded catalogue, loaded once: what
// validation needs, without the mapping rules (compiling them is most of
// the cost of Default).
func DefaultCatalogue() (*Catalogue, error) {
	catOnce.Do(func() { defaultCat, catErr = LoadCatalogue() })
	return defaultCat, catErr
}

// Default returns the embedded catalogue and rules, loaded once.
func Default() (*Catalogue, Rules, error) {
	cat, err := DefaultCatalogue()
	if err != nil {
		return cat, nil, err
	}
	rulesOnce.Do(func() { defaultRules, rulesErr = LoadRules(cat) })
	return cat, defaultRules, rulesErr
}

// Entry is one concept of the catalogue as `xport concepts --json` lists
// it.
type Entry struct {
	// Concept is the prefixed name, "us-gaap:Revenues".
	Concept   string `json:"concept"`
	Namespace string `json:"namespace"`
	// Type is the item type: monetary, perShare, shares, pure, string,
	// date, boolean, enumeration; axis, hypercube or domain for the
	// abstract concepts of dimensions.
	Type       string `json:"type"`
	PeriodType string `json:"periodType" jsonschema:"enum=instant,enum=duration"`
	Balance    string `json:"balance,omitempty" jsonschema:"enum=debit,enum=credit"`
	Abstract   bool   `json:"abstract,omitempty"`
	// Label is the standard label.
	Label string `json:"label"`
}

// Entries lists the catalogue's concepts in name order, those of the
// taxonomy with the given prefix only unless prefix is empty.
func (c *Catalogue) Entries(prefix string) []Entry {
	out := []Entry{}
	for _, k := range c.Concepts() {
		if prefix != "" && k.Prefix != prefix {
			continue
		}
		out = append(out, Entry{k.QName(), k.Namespace, string(k.Type), string(k.PeriodType), string(k.Balance), k.Abstract, k.Label})
	}
	return out
}
