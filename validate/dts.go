package validate

import (
	"fmt"
	"path"
	"strconv"
	"strings"

	"github.com/beevik/etree"

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
func (tx *taxonomy) loadSchema(href string, resolve Resolver, at source.Pos) source.Diagnostics {
	var ds source.Diagnostics
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
	ns := s.SelectAttrValue("targetNamespace", "")
	prefix := "ext"
	for _, a := range s.Attr {
		if a.Space == "xmlns" && a.Value == ns {
			prefix = a.Key
		}
	}
	for _, im := range s.SelectElements("import") {
		if _, known := tx.byNS[im.SelectAttrValue("namespace", "")]; !known && !strings.Contains(im.SelectAttrValue("namespace", ""), "xbrl.org") {
			tx.missing = append(tx.missing, im.SelectAttrValue("schemaLocation", ""))
		}
	}
	bases := typeBases(s)
	for _, el := range s.SelectElements("element") {
		c := conceptOf(el, prefix, ns)
		if floatType(el.SelectAttrValue("type", ""), bases) {
			tx.floats[c] = true
		}
		tx.add(c)
	}
	base := path.Dir(href)
	for _, ref := range s.FindElements("./annotation/appinfo/linkbaseRef") {
		if strings.HasSuffix(ref.SelectAttrValue("xlink:role", ""), "calculationLinkbaseRef") {
			ds = append(ds, tx.loadCalculations(path.Join(base, ref.SelectAttrValue("xlink:href", "")), resolve, at)...)
		}
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

// floatType reports whether a schema type is xs:float or xs:double or
// derives from one (xbrli:floatItemType, xbrli:doubleItemType, or a type
// of the schema restricting them): its values may have an exponent
// ("1234E0"), or be INF or NaN.
func floatType(typ string, bases map[string]string) bool {
	_, local, ok := strings.Cut(typ, ":")
	if !ok {
		local = typ
	}
	for range 16 { // a chain of derivations, not a cycle
		switch local {
		case "float", "double", "floatItemType", "doubleItemType":
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

// loadCalculations reads the summation-item arcs of a calculation
// linkbase into one network per extended link role.
func (tx *taxonomy) loadCalculations(href string, resolve Resolver, at source.Pos) source.Diagnostics {
	var ds source.Diagnostics
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
	for _, link := range doc.Root().SelectElements("calculationLink") {
		net := &xbrl.Network{RoleID: link.SelectAttrValue("xlink:role", "")}
		locs := map[string]*xbrl.Concept{}
		for _, loc := range link.SelectElements("loc") {
			_, id, _ := strings.Cut(loc.SelectAttrValue("xlink:href", ""), "#")
			if c := tx.byID[id]; c != nil {
				locs[loc.SelectAttrValue("xlink:label", "")] = c
			}
		}
		for _, arc := range link.SelectElements("calculationArc") {
			from, to := locs[arc.SelectAttrValue("xlink:from", "")], locs[arc.SelectAttrValue("xlink:to", "")]
			w, err := strconv.ParseFloat(arc.SelectAttrValue("weight", ""), 64)
			if from == nil || to == nil || err != nil || (w != 1 && w != -1) {
				ds.Add(source.Warning, "xport.validate:calculationArc", at,
					"a calculation arc of %s cannot be read (weight %q); it is not checked", href, arc.SelectAttrValue("weight", ""))
				continue
			}
			net.Calculation = append(net.Calculation, xbrl.Arc{From: from, To: to, Weight: int(w)})
		}
		tx.networks = append(tx.networks, net)
	}
	return ds
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
