package mapping

import (
	"strconv"
	"strings"
	"time"

	"github.com/xport/xport/decimal"
	"github.com/xport/xport/minerals"
	"github.com/xport/xport/source"
	"github.com/xport/xport/xbrl"
)

// MapMinerals turns a conflict minerals report into an XBRL report: the
// cover page in dei, the report's statements, counts and lists in xport's
// conflict minerals taxonomy (cmr). Each facility of the smelter list is
// a member of the typed dimension cmr:FacilityAxis, numbered in list
// order, with facts for its metal, name and mark; each country of origin
// a member of cmr:CountryOfOriginAxis. Every fact has the reporting
// period as its context. A registrant name r has from opts.Registrant
// (the submission header's) is noted in the provenance.
func MapMinerals(doc *source.Document, r *minerals.Report, opts Options) (*xbrl.Report, source.Diagnostics, error) {
	if err := opts.defaults(); err != nil {
		return nil, nil, err
	}
	m := &mapper{
		doc: doc, opts: opts, rep: &xbrl.Report{},
		used: map[string]*xbrl.Concept{}, byKey: map[string]*xbrl.Fact{},
		noted: map[string]bool{}, labels: map[string]string{}, balances: map[string]*xbrl.Concept{}, extOrigin: map[string]string{},
	}
	m.ent = findEntity(doc, nil)
	if m.ent.name == "" && r.Registrant.Found() {
		m.ent.name, m.ent.namePos = r.Registrant.Value, r.Registrant.Pos
	}
	if r.Registrant.Found() && r.Registrant.Value == opts.Registrant && r.Registrant.Pos == opts.RegistrantPos {
		// minerals.ReadWith fell back on the submission header's name
		m.rep.Provenance.Notes = append(m.rep.Provenance.Notes, xbrl.Note{Pos: opts.RegistrantPos,
			Text: "the registrant's name is read from the EDGAR submission header"})
	}
	if err := m.identify(); err != nil {
		return nil, nil, err
	}
	m.setNamespace(r.PeriodEnd)
	if r.PeriodStart.IsZero() || r.PeriodEnd.IsZero() || r.PeriodEnd.Before(r.PeriodStart) {
		m.diags.Add(source.Error, "map.noPeriod", source.Pos{File: doc.Name, Line: 1, Col: 1},
			"no reporting period found (\"for the reporting period January 1, 2014 to December 31, 2014\"); facts need one")
		m.finish()
		return m.rep, m.diags, nil
	}
	mm := &mineralsMapper{mapper: m, period: xbrl.Period{Start: r.PeriodStart, End: r.PeriodEnd}}
	mm.cover(r)
	mm.statements(r)
	mm.facilities(r)
	mm.countries(r)
	m.finish()
	return m.rep, m.diags, nil
}

type mineralsMapper struct {
	*mapper
	period xbrl.Period
}

func (mm *mineralsMapper) concept(q string) *xbrl.Concept {
	c := mm.opts.Catalogue.Lookup(q)
	if c == nil {
		panic("mapping: " + q + " is not in the catalogue") // the catalogue test guards this
	}
	return c
}

// text adds a non-numeric fact; an empty value adds nothing.
func (mm *mineralsMapper) text(q string, f minerals.Field, dims ...xbrl.Member) *xbrl.Concept {
	c := mm.concept(q)
	if !f.Found() {
		return nil
	}
	mm.use(c, "")
	fact := &xbrl.Fact{Concept: c, Period: mm.period, Dims: dims, Text: f.Value, Source: f.Pos}
	mm.rep.Facts = append(mm.rep.Facts, fact)
	if f.From != "" {
		mm.rep.Provenance.Notes = append(mm.rep.Provenance.Notes, xbrl.Note{Pos: f.Pos, Text: q + ": " + f.From})
	}
	return c
}

// count adds a count, exact.
func (mm *mineralsMapper) count(q string, n int, at source.Pos) *xbrl.Concept {
	c := mm.concept(q)
	mm.use(c, "")
	mm.rep.Facts = append(mm.rep.Facts, &xbrl.Fact{Concept: c, Period: mm.period, Unit: &xbrl.PureUnit,
		Value: decimal.FromInt(int64(n)), Decimals: xbrl.DecimalsINF, Source: at})
	return c
}

// network adds a statement with its presentation under root.
func (mm *mineralsMapper) network(id, title string, root *xbrl.Concept, children []*xbrl.Concept) *xbrl.Network {
	mm.use(root, "")
	n := &xbrl.Network{RoleID: id, Title: title, Root: root}
	var arcs []xbrl.Arc
	for _, c := range children {
		if c != nil {
			arcs = append(arcs, xbrl.Arc{From: root, To: c})
		}
	}
	n.Presentation = numbered(arcs)
	mm.rep.Networks = append(mm.rep.Networks, n)
	return n
}

func (mm *mineralsMapper) cover(r *minerals.Report) {
	docType := minerals.Field{Value: "SD", Pos: r.Rule.Pos}
	if !r.Rule.Found() {
		docType = minerals.Field{}
	}
	state := r.Incorporation
	if code, ok := usStates[strings.ToLower(state.Value)]; ok {
		state.Value = code
	} else if state.Found() {
		mm.diags.Add(source.Warning, "map.unknownState", state.Pos, "%q is not a US state xport knows a code for; the state of incorporation is not reported", state.Value)
		state = minerals.Field{}
	}
	children := []*xbrl.Concept{
		mm.text("dei:DocumentType", docType),
		mm.text("dei:EntityRegistrantName", r.Registrant),
		mm.text("dei:EntityIncorporationStateCountryCode", state),
		mm.text("dei:EntityFileNumber", r.FileNumber),
		mm.text("dei:EntityTaxIdentificationNumber", r.EmployerID),
		mm.text("dei:EntityAddressAddressLine1", r.Address),
		mm.text("dei:EntityAddressPostalZipCode", r.ZipCode),
		mm.text("dei:CityAreaCode", r.AreaCode),
		mm.text("dei:LocalPhoneNumber", r.Phone),
		mm.text("dei:DocumentPeriodEndDate", minerals.Field{Value: r.PeriodEnd.Format(time.DateOnly), Pos: r.Period.Pos}),
		mm.text("cmr:SignerName", r.Signer),
		mm.text("cmr:SignerTitle", r.SignerTitle),
		mm.text("cmr:SignatureDate", r.SignedOn),
	}
	mm.network("Cover", "Cover", mm.concept("dei:CoverAbstract"), children)
}

func (mm *mineralsMapper) statements(r *minerals.Report) {
	counts, marked := r.Counts()
	children := []*xbrl.Concept{
		mm.text("cmr:CoveredProducts", r.Products),
		mm.text("cmr:DueDiligenceFramework", r.Framework),
		mm.text("cmr:ConflictFreeSourcingInitiativeMember", r.CFSIMember),
		mm.text("cmr:IndependentPrivateSectorAuditPerformed", r.Audit),
		mm.text("cmr:ConflictMineralsDetermination", r.Determination),
	}
	var calc []xbrl.Arc
	if r.List.IsValid() {
		total := mm.count("cmr:SmelterCount", len(r.Facilities), r.List)
		children = append(children, total)
		for _, metal := range minerals.Metals {
			c := mm.count("cmr:"+string(metal)+"SmelterCount", counts[metal], r.List)
			children = append(children, c)
			calc = append(calc, xbrl.Arc{From: total, To: c, Weight: 1})
		}
		children = append(children, mm.count("cmr:MarkedSmelterCount", marked, r.List))
	}
	n := mm.network("ConflictMineralsReport", "Conflict Minerals Report", mm.concept("cmr:ConflictMineralsReportAbstract"), children)
	n.Calculation = numbered(calc)
}

func (mm *mineralsMapper) facilities(r *minerals.Report) {
	if len(r.Facilities) == 0 {
		return
	}
	axis := mm.concept("cmr:FacilityAxis")
	for i, f := range r.Facilities {
		dims := []xbrl.Member{{Axis: axis, Typed: strconv.Itoa(i + 1)}}
		at := func(p source.Pos) source.Pos { // the cell's place, else the name's
			if p.IsValid() {
				return p
			}
			return f.Pos
		}
		mm.text("cmr:SmelterMetal", minerals.Field{Value: string(f.Metal), Pos: at(f.MetalPos)}, dims...)
		mm.text("cmr:SmelterName", minerals.Field{Value: f.Name, Pos: f.Pos}, dims...)
		mm.text("cmr:SmelterConflictFreeMark", minerals.Field{Value: strconv.FormatBool(f.Marked), Pos: f.Pos}, dims...)
		mm.text("cmr:SmelterIdentificationNumber", minerals.Field{Value: f.ID, Pos: at(f.IDPos)}, dims...)
		mm.text("cmr:SmelterCountry", minerals.Field{Value: f.Country, Pos: at(f.CountryPos)}, dims...)
		mm.text("cmr:SmelterCountryCode", minerals.Field{Value: f.CountryCode, Pos: at(f.CountryPos)}, dims...)
		mm.text("cmr:SmelterStatus", minerals.Field{Value: f.Status, Pos: at(f.StatusPos)}, dims...)
		mm.text("cmr:SmelterStatusAsPrinted", minerals.Field{Value: f.StatusText, Pos: at(f.StatusPos)}, dims...)
		if f.MetalFrom != "" {
			mm.rep.Provenance.Notes = append(mm.rep.Provenance.Notes, xbrl.Note{Pos: f.Pos,
				Text: "facility " + strconv.Itoa(i+1) + " (" + f.Name + "): no metal printed beside it; " + string(f.Metal) + " from " + f.MetalFrom})
		}
	}
	mm.typedTable("SmeltersAndRefiners", "Smelters and Refiners", axis,
		"cmr:SmelterMetal", "cmr:SmelterName", "cmr:SmelterConflictFreeMark", "cmr:SmelterIdentificationNumber", "cmr:SmelterCountry",
		"cmr:SmelterCountryCode", "cmr:SmelterStatus", "cmr:SmelterStatusAsPrinted")
}

func (mm *mineralsMapper) countries(r *minerals.Report) {
	if len(r.Countries) == 0 {
		return
	}
	axis := mm.concept("cmr:CountryOfOriginAxis")
	for i, c := range r.Countries {
		dims := []xbrl.Member{{Axis: axis, Typed: strconv.Itoa(i + 1)}}
		mm.text("cmr:CountryOfOriginName", minerals.Field{Value: c.Name, Pos: c.Pos}, dims...)
		mm.text("cmr:CountryOfOriginCode", minerals.Field{Value: c.Code, Pos: c.Pos}, dims...)
	}
	mm.typedTable("CountriesOfOrigin", "Countries of Origin", axis, "cmr:CountryOfOriginName", "cmr:CountryOfOriginCode")
}

// typedTable adds the network of a list on a typed dimension: the table
// (hypercube) on the axis, and the line items the list's facts report,
// in the definition linkbase (a closed hypercube, so dimensional
// validation checks every fact of the list has its member) and in the
// presentation.
func (mm *mineralsMapper) typedTable(id, title string, axis *xbrl.Concept, items ...string) {
	dim := mm.opts.Catalogue.Dimensions[axis.QName()]
	for _, c := range []*xbrl.Concept{dim.Table, axis, dim.LineItems} {
		mm.use(c, "")
	}
	n := &xbrl.Network{RoleID: id, Title: title, Root: dim.Table}
	def := []xbrl.Arc{
		{From: dim.LineItems, To: dim.Table, Arcrole: "all"},
		{From: dim.Table, To: axis, Arcrole: "hypercube-dimension"},
	}
	pre := []xbrl.Arc{{From: dim.Table, To: axis}, {From: dim.Table, To: dim.LineItems}}
	for _, q := range items {
		c := mm.concept(q)
		if mm.used[q] == nil {
			continue
		}
		def = append(def, xbrl.Arc{From: dim.LineItems, To: c, Arcrole: "domain-member"})
		pre = append(pre, xbrl.Arc{From: dim.LineItems, To: c})
	}
	n.Definition = numbered(def)
	n.Presentation = numbered(pre)
	mm.rep.Networks = append(mm.rep.Networks, n)
}

// usStates maps US state names to the two-letter codes of dei's
// edgarStateCountryItemType.
var usStates = map[string]string{
	"alabama": "AL", "alaska": "AK", "arizona": "AZ", "arkansas": "AR", "california": "CA",
	"colorado": "CO", "connecticut": "CT", "delaware": "DE", "district of columbia": "DC",
	"florida": "FL", "georgia": "GA", "hawaii": "HI", "idaho": "ID", "illinois": "IL",
	"indiana": "IN", "iowa": "IA", "kansas": "KS", "kentucky": "KY", "louisiana": "LA",
	"maine": "ME", "maryland": "MD", "massachusetts": "MA", "michigan": "MI", "minnesota": "MN",
	"mississippi": "MS", "missouri": "MO", "montana": "MT", "nebraska": "NE", "nevada": "NV",
	"new hampshire": "NH", "new jersey": "NJ", "new mexico": "NM", "new york": "NY",
	"north carolina": "NC", "north dakota": "ND", "ohio": "OH", "oklahoma": "OK", "oregon": "OR",
	"pennsylvania": "PA", "rhode island": "RI", "south carolina": "SC", "south dakota": "SD",
	"tennessee": "TN", "texas": "TX", "utah": "UT", "vermont": "VT", "virginia": "VA",
	"washington": "WA", "west virginia": "WV", "wisconsin": "WI", "wyoming": "WY",
}
