package load

import (
	"fmt"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/beevik/etree"

	"github.com/xport/xport/decimal"
	"github.com/xport/xport/source"
	"github.com/xport/xport/xbrl"
)

// itemTypes maps schema types to item types.
var itemTypes = map[string]xbrl.ItemType{
	"monetaryItemType": xbrl.Monetary, "perShareItemType": xbrl.PerShare,
	"sharesItemType": xbrl.Shares, "pureItemType": xbrl.Pure, "percentItemType": xbrl.Percent,
	"stringItemType": xbrl.String, "normalizedStringItemType": xbrl.NormString,
	"dateItemType": xbrl.Date, "booleanItemType": xbrl.Boolean, "domainItemType": xbrl.Domain,
	"decimalItemType": xbrl.Pure, "integerItemType": xbrl.Pure, "nonNegativeIntegerItemType": xbrl.Pure,
	"tokenItemType": xbrl.Enumeration,
}

// loadSchema reads the report's extension schema, the concepts it
// declares and the calculation linkbases it references. Base taxonomies
// the catalogue holds (us-gaap, dei) need no file; any other import that
// does not resolve locally is recorded as missing. Problems are reported
// at, the place in the report that references the schema.
//
// The schemas it imports or includes by a relative location, and those
// the locators of its linkbases point into, are read in turn, each once:
// the discovery of XBRL 2.1 §3.2, local files only.
func (tx *taxonomy) loadSchema(href string, resolve Resolver, at source.Pos) source.Diagnostics {
	var ds source.Diagnostics
	if tx.schemas[path.Clean(href)] {
		return nil
	}
	tx.schemas[path.Clean(href)] = true
	data, err := resolve(href)
	if err != nil {
		tx.missing = append(tx.missing, href)
		ds.Add(source.Warning, "xport.validate:taxonomyNotFound", at,
			"the taxonomy schema %s cannot be read (%v); concepts it declares are not checked", href, err)
		return ds
	}
	doc := etree.NewDocument()
	if err := doc.ReadFromBytes(data); err != nil || doc.Root() == nil {
		ds.Add(source.Error, "xport.validate:taxonomyInvalid", at, "the taxonomy schema %s is not XML: %v", href, err)
		return ds
	}
	s := doc.Root()
	if s.Tag != "schema" {
		ds.Add(source.Error, "xbrl.4.2:schemaRefNotSchema", at, "%s is not an XML Schema but a %s document", href, s.Tag)
		return ds
	}
	ns := s.SelectAttrValue("targetNamespace", "")
	prefix := "ext"
	for _, a := range s.Attr {
		if a.Space == "xmlns" && a.Value == ns {
			prefix = a.Key
		}
	}
	for _, im := range append(s.SelectElements("import"), s.SelectElements("include")...) {
		loc := im.SelectAttrValue("schemaLocation", "")
		if loc != "" && !strings.Contains(loc, "://") {
			ds = append(ds, tx.loadSchema(path.Join(path.Dir(href), loc), resolve, at)...)
			continue
		}
		if _, known := tx.byNS[im.SelectAttrValue("namespace", "")]; !known && im.Tag == "import" && !strings.Contains(im.SelectAttrValue("namespace", ""), "xbrl.org") {
			tx.missing = append(tx.missing, loc)
			if strings.Contains(loc, "://") { // a published taxonomy (us-gaap, dei of another year), not on this machine
				tx.remote[im.SelectAttrValue("namespace", "")] = loc
			}
		}
	}
	tx.readArcroleTypes(s, href)
	tx.readSimpleTypes(s, ns)
	bases := typeBases(s)
	attrDefaults := typeAttrDefaults(s)
	groups := map[*xbrl.Concept]string{} // concept → the local name of its substitution group
	defer func() { tx.markTuples(ns, groups) }()
	for _, el := range s.SelectElements("element") {
		c := conceptOf(el, prefix, ns)
		typ := el.SelectAttrValue("type", "")
		if c.Type == "" {
			c.Type = derivedItemType(typ, bases)
		}
		if d := attrDefaultsOf(typ, bases, attrDefaults); d != nil {
			tx.attrDefaults[c] = d
		}
		if ct := el.SelectElement("complexType"); ct != nil {
			for _, a := range ct.FindElements(".//attribute") {
				v := a.SelectAttr("fixed")
				if v == nil {
					v = a.SelectAttr("default")
				}
				if v != nil && a.SelectAttrValue("name", "") != "" {
					if tx.contentAttrDefaults[c] == nil {
						tx.contentAttrDefaults[c] = map[string]string{}
					}
					tx.contentAttrDefaults[c][a.SelectAttrValue("name", "")] = v.Value
				}
			}
		}
		if v := el.SelectAttrValue("fixed", el.SelectAttrValue("default", "")); v != "" || el.SelectAttr("fixed") != nil || el.SelectAttr("default") != nil {
			tx.valueDefaults[c] = v
		}
		if id := el.SelectAttrValue("id", ""); id != "" {
			tx.byElementID[path.Base(href)+"#"+id] = c
		}
		if floatType(el.SelectAttrValue("type", ""), bases) {
			tx.floats[c] = true
		}
		groups[c] = localName(el.SelectAttrValue("substitutionGroup", ""))
		if el.SelectAttr("xbrli:balance") != nil && c.Type != xbrl.Monetary {
			ds.Add(source.Error, "xbrl.5.1.1.2:balanceNotMonetary", at, "%s in %s has a balance but is not monetary", c.Name, href)
		}
		tx.add(c)
	}
	// Linkbases embedded in the schema's appinfo, once its concepts are
	// declared.
	for _, lb := range s.FindElements("./annotation/appinfo/linkbase") {
		ds = append(ds, tx.readArcs(lb, href, at)...)
	}
	base := path.Dir(href)
	// Every linkbase referenced (its role is optional, and the calculation
	// links are read from whichever holds them), once the schemas it may
	// point into are read: a linkbase of this schema may prohibit arcs
	// of a schema it imports, and theirs locate concepts of this one.
	for _, ref := range s.FindElements("./annotation/appinfo/linkbaseRef") {
		tx.pending = append(tx.pending, path.Join(base, ref.SelectAttrValue("xlink:href", "")))
	}
	return ds
}

// readSimpleTypes records the global elements and attributes of a
// schema whose type is a built-in XML Schema type.
func (tx *taxonomy) readSimpleTypes(s *etree.Element, ns string) {
	for _, kind := range []string{"element", "attribute"} {
		for _, el := range s.SelectElements(kind) {
			typ := el.SelectAttrValue("type", "")
			prefix, local, ok := strings.Cut(typ, ":")
			if !ok {
				prefix, local = "", typ
			}
			if local != "" && namespaceOf(s, prefix) == nsXSD {
				tx.simpleTypes[kind+" {"+ns+"}"+el.SelectAttrValue("name", "")] = local
			}
		}
	}
}

// readLaxSchemas reads the simple types of the schemas an instance's
// xsi:schemaLocation names by a relative location ("ns1 loc1 ns2 loc2"),
// for lax validation only: they are not part of the DTS. A schema that
// cannot be read declares nothing.
func (tx *taxonomy) readLaxSchemas(locations string, resolve Resolver) {
	f := strings.Fields(locations)
	for i := 1; i < len(f); i += 2 {
		if strings.Contains(f[i], "://") || tx.schemas[path.Clean(f[i])] {
			continue
		}
		data, err := resolve(f[i])
		if err != nil {
			continue
		}
		doc := etree.NewDocument()
		if doc.ReadFromBytes(data) != nil || doc.Root() == nil || doc.Root().Tag != "schema" {
			continue
		}
		tx.readSimpleTypes(doc.Root(), doc.Root().SelectAttrValue("targetNamespace", ""))
	}
}

// namespaceOf is the namespace a prefix ("" for the default) names on
// the root of a schema.
func namespaceOf(s *etree.Element, prefix string) string {
	for _, a := range s.Attr {
		if prefix == "" && a.Space == "" && a.Key == "xmlns" || prefix != "" && a.Space == "xmlns" && a.Key == prefix {
			return a.Value
		}
	}
	return ""
}

// nsXSD is the namespace of XML Schema's built-in types.
const nsXSD = "http://www.w3.org/2001/XMLSchema"

// lexicallyValid reports whether value is in the lexical space of the
// built-in XML Schema type typ (after white space is collapsed); a type
// it does not know admits any value.
func lexicallyValid(typ, value string) bool {
	v := strings.TrimSpace(value)
	switch typ {
	case "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger", "negativeInteger", "nonPositiveInteger",
		"unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte":
		n, err := strconv.ParseInt(strings.TrimPrefix(v, "+"), 10, 64)
		if err != nil {
			return validBigInteger(v) && !strings.HasPrefix(typ, "unsigned") && typ != "int" && typ != "long" && typ != "short" && typ != "byte"
		}
		switch typ {
		case "nonNegativeInteger", "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte":
			return n >= 0
		case "positiveInteger":
			return n > 0
		case "negativeInteger":
			return n < 0
		case "nonPositiveInteger":
			return n <= 0
		}
		return true
	case "decimal":
		_, err := decimal.Parse(strings.TrimPrefix(v, "+"))
		return err == nil && !strings.ContainsAny(v, "eE")
	case "boolean":
		return v == "true" || v == "false" || v == "1" || v == "0"
	case "date": // a time zone may follow: "2001-01-01Z"
		_, err := time.Parse(time.DateOnly, v[:min(len(v), 10)])
		return err == nil
	}
	return true
}

// validBigInteger reports whether v is an integer too long for int64.
func validBigInteger(v string) bool {
	v = strings.TrimLeft(v, "+-")
	if v == "" {
		return false
	}
	for _, c := range v {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// loadDTS reads the schema an instance references and all it discovers:
// the schemas first, then the linkbases, each of which may discover
// further schemas and linkbases in turn.
func (tx *taxonomy) loadDTS(href string, resolve Resolver, at source.Pos) source.Diagnostics {
	return append(tx.loadSchema(href, resolve, at), tx.drain(resolve, at)...)
}

// drain reads the linkbases discovered and not read yet.
func (tx *taxonomy) drain(resolve Resolver, at source.Pos) source.Diagnostics {
	var ds source.Diagnostics
	for len(tx.pending) > 0 {
		lb := tx.pending[0]
		tx.pending = tx.pending[1:]
		ds = append(ds, tx.loadCalculations(lb, resolve, at)...)
	}
	return ds
}

// typeBases maps each type a schema declares to the type it restricts or
// extends, by local name.
func typeBases(s *etree.Element) map[string]string {
	out := map[string]string{}
	for _, ct := range append(s.SelectElements("complexType"), s.SelectElements("simpleType")...) {
		for _, path := range []string{"./simpleContent/restriction", "./simpleContent/extension", "./complexContent/restriction", "./complexContent/extension", "./restriction"} {
			if r := ct.FindElement(path); r != nil {
				_, base, _ := strings.Cut(r.SelectAttrValue("base", ""), ":")
				out[ct.SelectAttrValue("name", "")] = base
				break
			}
		}
	}
	return out
}

// markTuples records the concepts of a schema that are items or tuples:
// in the substitution group xbrli:item or xbrli:tuple, or in that of an
// item or tuple of the schema ("shortAddress" in the group of the tuple
// "address"). Other elements (a segment's content) are no concepts.
func (tx *taxonomy) markTuples(ns string, groups map[*xbrl.Concept]string) {
	for c, g := range groups {
		for range 16 {
			if g == "tuple" || g == "item" {
				tx.tuples[c] = g == "tuple"
				tx.facts[c] = true
				break
			}
			head := tx.lookup(ns, g)
			if head == nil {
				break
			}
			if g = groups[head]; g == "" {
				break
			}
		}
	}
}

// localName drops a QName's prefix.
func localName(q string) string {
	if _, local, ok := strings.Cut(q, ":"); ok {
		return local
	}
	return q
}

// derivation walks a schema type and the types it derives from in the
// schema, by local name, until found says it has what it looks for.
func derivation(typ string, bases map[string]string, found func(local string) bool) bool {
	local := localName(typ)
	for range 16 { // a chain of derivations, not a cycle
		if found(local) {
			return true
		}
		next, ok := bases[local]
		if !ok {
			return false
		}
		local = next
	}
	return false
}

// derivedItemType is the item type a schema type derives from, through
// the types the schema declares ("test:defaultDecimalsTwoMonetaryItemType"
// restricts xbrli:monetaryItemType): "" when none is known.
func derivedItemType(typ string, bases map[string]string) xbrl.ItemType {
	var t xbrl.ItemType
	derivation(typ, bases, func(local string) bool {
		var ok bool
		t, ok = itemTypes[local]
		return ok
	})
	return t
}

// typeAttrDefaults maps each complex type of a schema to the default or
// fixed values it gives the decimals and precision attributes.
func typeAttrDefaults(s *etree.Element) map[string]map[string]string {
	out := map[string]map[string]string{}
	for _, ct := range s.SelectElements("complexType") {
		for _, a := range ct.FindElements(".//attribute") {
			name := a.SelectAttrValue("name", "")
			if name != "decimals" && name != "precision" {
				continue
			}
			v := a.SelectAttrValue("fixed", a.SelectAttrValue("default", ""))
			if v == "" {
				continue
			}
			t := ct.SelectAttrValue("name", "")
			if out[t] == nil {
				out[t] = map[string]string{}
			}
			out[t][name] = v
		}
	}
	return out
}

// attrDefaultsOf is the default decimals or precision of a type, its own
// or inherited from a type it derives from in the schema.
func attrDefaultsOf(typ string, bases map[string]string, defaults map[string]map[string]string) map[string]string {
	var d map[string]string
	derivation(typ, bases, func(local string) bool {
		d = defaults[local]
		return d != nil
	})
	return d
}

// floatType reports whether a schema type is xs:float or xs:double or
// derives from one (xbrli:floatItemType, xbrli:doubleItemType, or a type
// of the schema restricting them): its values may have an exponent
// ("1234E0"), or be INF or NaN.
func floatType(typ string, bases map[string]string) bool {
	return derivation(typ, bases, func(local string) bool {
		switch local {
		case "float", "double", "floatItemType", "doubleItemType":
			return true
		}
		return false
	})
}

// conceptOf reads an element declaration.
func conceptOf(el *etree.Element, prefix, ns string) *xbrl.Concept {
	c := &xbrl.Concept{Prefix: prefix, Name: el.SelectAttrValue("name", ""), Namespace: ns,
		PeriodType: xbrl.PeriodType(el.SelectAttrValue("xbrli:periodType", "")),
		Balance:    xbrl.Balance(el.SelectAttrValue("xbrli:balance", "")),
		Abstract:   el.SelectAttrValue("abstract", "") == "true"}
	_, local, _ := strings.Cut(el.SelectAttrValue("type", ""), ":")
	c.Type = itemTypes[local]
	switch sg := el.SelectAttrValue("substitutionGroup", ""); {
	case strings.HasSuffix(sg, "dimensionItem"):
		c.Type = xbrl.Axis
		if ref := el.SelectAttrValue("xbrldt:typedDomainRef", ""); ref != "" {
			_, id, _ := strings.Cut(ref, "#")
			c.TypedDomain = &xbrl.Concept{Name: id}
		}
	case strings.HasSuffix(sg, "hypercubeItem"):
		c.Type = xbrl.Hypercube
	}
	return c
}

// loadCalculations reads a linkbase: the schemas its locators, roleRefs
// and arcroleRefs point into, and the relationships of its extended links
// (readArcs), whatever their kind. Locators point at element
// declarations by their id, in the schema they name ("concepts.xsd#e0");
// the networks are made once every linkbase is read (calcNetworks,
// checkCycles).
func (tx *taxonomy) loadCalculations(href string, resolve Resolver, at source.Pos) source.Diagnostics {
	var ds source.Diagnostics
	if tx.linkbases[href] {
		return nil
	}
	tx.linkbases[href] = true
	data, err := resolve(href)
	if err != nil {
		ds.Add(source.Warning, "xport.validate:taxonomyNotFound", at,
			"the calculation linkbase %s cannot be read (%v); calculations are not checked", href, err)
		return ds
	}
	doc := etree.NewDocument()
	if err := doc.ReadFromBytes(data); err != nil || doc.Root() == nil {
		ds.Add(source.Error, "xport.validate:taxonomyInvalid", at, "the linkbase %s is not XML: %v", href, err)
		return ds
	}
	discover := append(doc.Root().FindElements(".//loc"), doc.Root().SelectElements("roleRef")...)
	discover = append(discover, doc.Root().SelectElements("arcroleRef")...)
	for _, loc := range discover {
		target, _, _ := strings.Cut(loc.SelectAttrValue("xlink:href", ""), "#")
		if strings.HasSuffix(strings.ToLower(target), ".xsd") && !strings.Contains(target, "://") {
			ds = append(ds, tx.loadSchema(path.Join(path.Dir(href), target), resolve, at)...)
		}
	}
	return append(ds, tx.readArcs(doc.Root(), href, at)...)
}

// nonExempt writes the attributes of an arc that decide its equivalence
// besides its order and weight: all but use, priority and those of the
// xlink and XML Schema instance namespaces (XBRL 2.1 §3.5.3.9.7.4), in
// order of name, numbers canonical.
func nonExempt(arc *etree.Element) string {
	var out []string
	for _, a := range arc.Attr {
		switch {
		case a.Space == "xmlns" || a.Space == "" && a.Key == "xmlns":
		case a.NamespaceURI() == nsXLink || a.NamespaceURI() == nsXSI:
		case a.Space == "" && (a.Key == "use" || a.Key == "priority" || a.Key == "order" || a.Key == "weight"):
		default:
			out = append(out, a.NamespaceURI()+" "+a.Key+"="+canonicalNumber(a.Value))
		}
	}
	slices.Sort(out)
	return strings.Join(out, " ")
}

// canonicalNumber writes an attribute's value so that equal values of
// the usual types are equal text: numbers ("1.0" and "1", "456e-2" and
// "4.56") and booleans ("1" and "true"). The attribute's declared type is
// not looked up.
func canonicalNumber(s string) string {
	t := strings.TrimSpace(s)
	switch t {
	case "true":
		return "1"
	case "false":
		return "0"
	}
	if d, err := parseFloatValue(t); err == nil && t != "" && !special[t] {
		return d.String()
	}
	return s
}

// calcNetworks makes one network per extended link role of the
// summation-item relationships read, each once (prevailing).
func (tx *taxonomy) calcNetworks() []*xbrl.Network {
	nets := map[string]*xbrl.Network{}
	var out []*xbrl.Network
	for _, a := range tx.prevailing() {
		if a.arcrole != summationItem {
			continue
		}
		n := nets[a.role]
		if n == nil {
			n = &xbrl.Network{RoleID: a.role}
			nets[a.role] = n
			out = append(out, n)
		}
		arc := xbrl.Arc{From: a.from, To: a.to, Weight: a.factor.Sign(), Source: a.pos}
		if !a.factor.Abs().Equal(decimal.FromInt(1)) {
			arc.Factor = a.factor
		}
		n.Calculation = append(n.Calculation, arc)
	}
	return out
}

// qnameConcept resolves a fact's or member's QName; unknown concepts get a
// placeholder of no type, reported once.
func (tx *taxonomy) qnameConcept(ns, prefix, local string, at source.Pos, ds *source.Diagnostics, reported map[string]bool) *xbrl.Concept {
	if c := tx.lookup(ns, local); c != nil {
		return c
	}
	key := ns + " " + local
	c := &xbrl.Concept{Prefix: prefix, Name: local, Namespace: ns}
	tx.add(c)
	if loc, ok := tx.remote[ns]; ok {
		// Its schema is published on the web, which xport does not
		// read: the concept cannot be checked, which is no fault of the
		// report. Said once per namespace.
		if !reported[ns] {
			reported[ns] = true
			ds.Add(source.Warning, "xport.validate:taxonomyNotRead", at,
				"the concepts of %s (%s, on the web, not read: xport reads local files only) are not checked", ns, loc)
		}
		return c
	}
	if !reported[key] {
		reported[key] = true
		ds.Add(source.Error, "oime:unknownConcept", at, "%s:%s is declared in no taxonomy the report references (%s)", prefix, local, nsNote(ns, tx))
	}
	return c
}

func nsNote(ns string, tx *taxonomy) string {
	if len(tx.missing) > 0 {
		return fmt.Sprintf("namespace %s; not found locally: %s", ns, strings.Join(tx.missing, ", "))
	}
	return "namespace " + ns
}
