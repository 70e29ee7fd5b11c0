package xbrl

import (
	"fmt"
	"strings"
	"time"

	"github.com/xport/xport/decimal"
	"github.com/xport/xport/source"
)

// Period is a fact's period: an instant (End only) or a duration from
// Start to End, both inclusive calendar dates as XBRL 2.1 writes them.
type Period struct {
	Start, End time.Time
	Instant    bool
}

// ID returns a stable context id: "I20121229" or "D20120930_20121229".
func (p Period) ID() string {
	b := make([]byte, 0, len("D20060102_20060102"))
	if p.Instant {
		return string(appendDate(append(b, 'I'), p.End))
	}
	b = appendDate(append(b, 'D'), p.Start)
	return string(appendDate(append(b, '_'), p.End))
}

// appendDate appends t as YYYYMMDD, as t.AppendFormat(b, "20060102")
// does but without parsing a layout: fact keys and context ids, made for
// every fact and calculation item, spend most of their time here.
func appendDate(b []byte, t time.Time) []byte {
	y, m, d := t.Date()
	if y < 0 || y > 9999 {
		return t.AppendFormat(b, "20060102")
	}
	return append(b, byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10),
		byte('0'+int(m)/10), byte('0'+int(m)%10), byte('0'+d/10), byte('0'+d%10))
}

// String renders the period as dates: "2012-12-29" or
// "2012-09-30..2012-12-29".
func (p Period) String() string {
	if p.Instant {
		return p.End.Format(time.DateOnly)
	}
	return p.Start.Format(time.DateOnly) + ".." + p.End.Format(time.DateOnly)
}

// Entity identifies the reporting entity.
type Entity struct {
	Scheme string // "http://www.sec.gov/CIK"
	ID     string // "0001138639"
}

// SECScheme is the entity identifier scheme of SEC filers' CIKs.
const SECScheme = "http://www.sec.gov/CIK"

// Unit is a unit of measure: a numerator and optional denominator of
// prefixed measure names.
type Unit struct {
	ID          string
	Numerator   []string // "iso4217:USD"
	Denominator []string // "xbrli:shares" for per-share amounts
}

// String renders a unit as xBRL-JSON writes it: measures joined by "*",
// a "/" before the denominator: "iso4217:USD/xbrli:shares".
func (u *Unit) String() string {
	s := strings.Join(u.Numerator, "*")
	if len(u.Denominator) > 0 {
		s += "/" + strings.Join(u.Denominator, "*")
	}
	return s
}

// The units xport uses, by item type.
var (
	USD         = Unit{ID: "USD", Numerator: []string{"iso4217:USD"}}
	SharesUnit  = Unit{ID: "shares", Numerator: []string{"xbrli:shares"}}
	USDPerShare = Unit{ID: "USDPerShare", Numerator: []string{"iso4217:USD"}, Denominator: []string{"xbrli:shares"}}
	PureUnit    = Unit{ID: "pure", Numerator: []string{"xbrli:pure"}}
)

// Member places a fact on a dimension. On an explicit dimension Member is
// the domain member ("us-gaap:IncomeStatementLocationAxis" =
// "us-gaap:CostOfSalesMember"); on a typed dimension (Axis.TypedDomain
// set) Typed is the value that identifies the member ("cmr:FacilityAxis"
// = "17", the seventeenth facility of a list).
type Member struct {
	Axis, Member *Concept
	Typed        string
}

// DecimalsINF is the Decimals of a fact reported exactly (decimals="INF").
const DecimalsINF = 1 << 30

// DecimalsUnknown is the Decimals of a fact reported with precision="0":
// no digit of its value is known to be right, so it equals nothing.
const DecimalsUnknown = -(1 << 30)

// Fact is one reported value.
type Fact struct {
	ID       string
	Concept  *Concept
	Period   Period
	Dims     []Member        // explicit dimensions, sorted by axis; none for most facts
	Unit     *Unit           // nil for non-numeric facts
	Value    decimal.Decimal // numeric facts
	Text     string          // non-numeric facts
	Decimals int             // numeric facts: -3 is "to the thousand"
	Source   source.Pos      // where the figure is printed
	// Origin is set for a fact loaded from a file xport wrote: Source is
	// then the fact's place in that file, Origin where its figure is
	// printed in the document it was converted from.
	Origin source.Pos
	Label  string // the row label it was read from
	// Also lists the other places the same fact is printed (the net loss
	// in the cash flow statement, say).
	Also []source.Pos
	// Tuple names the tuple a fact read from an instance is in, as the
	// path of its enclosing tuples ("/120/245"); empty at the top. Facts
	// in two tuples are not duplicates.
	Tuple string
	// Nil is set for a fact reported nil (xsi:nil="true"): it has no
	// value, and takes no part in calculations.
	Nil bool
	// Scope is what else identifies a fact read from an instance, beyond
	// its concept, period, dimensions and unit: its entity, the other
	// content of its context's segment and scenario, and the tuple it is
	// in. Empty for the facts xport makes (one entity, no tuples).
	Scope string
}

// Numeric reports whether f carries a number.
func (f *Fact) Numeric() bool { return f.Concept.Type.Numeric() }

// Key identifies a fact's concept, context (period, dimensions, scope)
// and unit, by its measures: two facts with the same key are duplicates.
//
// It is written into one buffer: keys are made for every fact and
// calculation item of a report.
func (f *Fact) Key() string {
	n := len(f.Concept.Prefix) + len(f.Concept.Name) + 24 + len(f.Scope) + len(f.Tuple)
	for _, d := range f.Dims {
		n += 2 + len(d.Typed)
		if d.Member != nil {
			n += len(d.Member.Prefix) + len(d.Member.Name)
		} else {
			n += len(d.Axis.Name)
		}
	}
	if u := f.Unit; u != nil {
		for _, m := range u.Numerator {
			n += 1 + len(m)
		}
		for _, m := range u.Denominator {
			n += 1 + len(m)
		}
	}
	var b strings.Builder // sized once: the key is made without copies
	b.Grow(n)
	b.WriteString(f.Concept.Prefix)
	b.WriteByte(':')
	b.WriteString(f.Concept.Name)
	b.WriteByte('|')
	var date [8]byte
	if f.Period.Instant {
		b.WriteByte('I')
		b.Write(appendDate(date[:0], f.Period.End))
	} else {
		b.WriteByte('D')
		b.Write(appendDate(date[:0], f.Period.Start))
		b.WriteByte('_')
		b.Write(appendDate(date[:0], f.Period.End))
	}
	for _, d := range f.Dims {
		b.WriteByte('_')
		if d.Member == nil {
			b.WriteString(d.Axis.Name)
			b.WriteByte('_')
			b.WriteString(d.Typed)
			continue
		}
		b.WriteString(d.Member.Prefix)
		b.WriteByte('_')
		b.WriteString(d.Member.Name)
	}
	b.WriteByte('|')
	if u := f.Unit; u != nil {
		for i, m := range u.Numerator {
			if i > 0 {
				b.WriteByte('*')
			}
			b.WriteString(m)
		}
		if len(u.Denominator) > 0 {
			b.WriteByte('/')
			for i, m := range u.Denominator {
				if i > 0 {
					b.WriteByte('*')
				}
				b.WriteString(m)
			}
		}
	}
	if f.Scope != "" || f.Tuple != "" {
		b.WriteByte('|')
		b.WriteString(f.Scope)
		b.WriteByte('|')
		b.WriteString(f.Tuple)
	}
	return b.String()
}

// ContextID returns the id of the fact's context: the period's id, then
// each dimension member's prefixed name:
// "D20120930_20121229_us-gaap_CostOfSalesMember", or for a typed
// dimension the axis and value: "D20140101_20141231_FacilityAxis_17".
// Typed values must be NCName characters (xport's are sequence numbers).
func (f *Fact) ContextID() string {
	id := f.Period.ID()
	for _, d := range f.Dims {
		if d.Member == nil {
			id += "_" + d.Axis.Name + "_" + d.Typed
			continue
		}
		id += "_" + d.Member.Prefix + "_" + d.Member.Name
	}
	return id
}

// ValueString renders the fact's value as written in the outputs.
func (f *Fact) ValueString() string {
	if f.Numeric() {
		return f.Value.String()
	}
	return f.Text
}

func (f *Fact) String() string {
	return fmt.Sprintf("%s %s %s", f.Concept.QName(), f.Period, f.ValueString())
}

// Arc is a relationship between two concepts in a statement network.
type Arc struct {
	From, To *Concept
	Order    int
	Weight   int // calculation arcs: +1 or -1
	// Factor is a calculation weight that is not +1 or -1, as a
	// linkbase may give one ("0.5"); zero when Weight says it.
	Factor decimal.Decimal
	// Arcrole names a definition arc's XBRL Dimensions arcrole: "all",
	// "hypercube-dimension", "dimension-domain", "dimension-default" or
	// "domain-member".
	Arcrole string
	// Negated marks a presentation arc whose statement prints the
	// concept's value with the opposite sign: it prefers the negated
	// label.
	Negated bool
	Source  source.Pos
}

// Network is one statement: a role with its presentation tree and
// calculation relationships.
type Network struct {
	RoleID string // "StatementsOfOperations"
	Title  string // "GAAP Condensed Consolidated Statements of Operations"
	// Root is the abstract concept the presentation tree hangs from.
	Root         *Concept
	Presentation []Arc
	Calculation  []Arc
	Definition   []Arc // dimensional relationships (XBRL Dimensions 1.0)
}

// Taxonomy names the extension taxonomy generated for a report.
type Taxonomy struct {
	Prefix    string // "infn"
	Namespace string
	Schema    string // file name of the schema the instance references: "release.xsd"
	RoleBase  string // URI that role ids are appended to
}

// Provenance says where a report came from and how xport read it.
type Provenance struct {
	Source    string // input file name
	SHA256    string // of the input bytes
	Generator string // "xport"
	Notes     []Note // how dates, scales and entities were decided
}

// Note is one remark on how a value was decided, at the place in the
// source it concerns.
type Note struct {
	Pos  source.Pos
	Text string
}

// Report is a converted document.
type Report struct {
	Entity     Entity
	Taxonomy   Taxonomy
	Concepts   []*Concept // every concept facts or networks use, sorted by QName
	Units      []*Unit
	Facts      []*Fact // in statement order
	Networks   []*Network
	Provenance Provenance
	// Labels are the labels the document prints for concepts, by QName;
	// the generated label linkbase uses them.
	Labels map[string]string
	// Figures counts the figures read from tables; each became a fact (or
	// the same fact as another figure) or is listed in Unmapped.
	Figures int
	// Unmapped lists figures read from tables that became no fact.
	Unmapped []Unmapped
	// Tables says, for each table of figures read, where it is and how
	// many of its figures became facts, in document order.
	Tables []TableOutcome
}

// TableOutcome is what became of one table's figures.
type TableOutcome struct {
	Pos     source.Pos // the table's first heading line
	Figures int        // figures printed in it
	Facts   int        // figures that became facts
	// Lines are the indexes of the document lines the table covers, and
	// NotRead says why the table was left unread on purpose (a note's
	// table in an annual report); "" for a table that was read.
	Lines   [2]int
	NotRead string
}

// EmptyTables returns the tables with figures none of which became a
// fact: what a reader of the summary must know the tool did not
// understand.
func (r *Report) EmptyTables() []TableOutcome {
	var out []TableOutcome
	for _, t := range r.Tables {
		if t.Figures > 0 && t.Facts == 0 && t.NotRead == "" {
			out = append(out, t)
		}
	}
	return out
}

// MappedShare returns the share of figures read that became facts, in
// percent.
func (r *Report) MappedShare() float64 {
	if r.Figures == 0 {
		return 100
	}
	return 100 * float64(r.Figures-len(r.Unmapped)) / float64(r.Figures)
}

// Unmapped is a figure that was read but not turned into a fact, and why.
type Unmapped struct {
	Pos    source.Pos
	Text   string
	Label  string
	Reason string
}

// Namespaces returns the prefixes the report's concepts and units use.
func (r *Report) Namespaces() map[string]string {
	ns := map[string]string{
		"xbrli":   "http://www.xbrl.org/2003/instance",
		"iso4217": "http://www.xbrl.org/2003/iso4217",
	}
	for _, c := range r.Concepts {
		ns[c.Prefix] = c.Namespace
	}
	return ns
}
