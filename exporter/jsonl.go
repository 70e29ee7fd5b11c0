package exporter

import (
	"bytes"
	"encoding/json"
	"time"

	"github.com/xport/xport/xbrl"
)

// FeedFact is one line of the fact feed (JSON Lines, NAME.jsonl): a fact
// with everything a consumer needs to place it and to read it, and no
// reference to anything else in the file. Values and units are written
// as in xBRL-JSON; periods, unlike xBRL-JSON's end-of-day instants, are
// the inclusive dates the document prints: a balance sheet "as of
// December 29, 2012" is "instant": "2012-12-29", where xBRL-JSON says
// "2012-12-30T00:00:00".
type FeedFact struct {
	ID        string `json:"id" jsonschema_description:"The fact's id, the same as in the instance and the xBRL-JSON: us-gaap_Revenues_D20120930_20121229."`
	Concept   string `json:"concept" jsonschema_description:"The concept's prefixed name: us-gaap:Revenues."`
	Label     string `json:"label" jsonschema_description:"The concept's standard label, as its taxonomy (us-gaap, dei, or the extension written beside the report) gives it: Revenues."`
	Namespace string `json:"namespace" jsonschema_description:"The concept's namespace URI."`
	Value     string `json:"value" jsonschema_description:"The value in canonical form: -16088000, 0.14, Gold. Numbers are exact, in units (a figure printed in thousands is multiplied out)."`
	Decimals  *int   `json:"decimals,omitempty" jsonschema_description:"The precision of a numeric value as printed: -3 is to the thousand. Absent when exact or not numeric."`
	Unit      string `json:"unit,omitempty" jsonschema_description:"The unit: iso4217:USD, iso4217:USD/xbrli:shares, xbrli:shares. Absent for pure numbers and text."`
	Instant   string `json:"instant,omitempty" jsonschema:"format=date,pattern=^\\d{4}-\\d{2}-\\d{2}$" jsonschema_description:"For a fact at a point in time (a balance), the date as printed, YYYY-MM-DD: the end of that day. Absent for a fact over a period."`
	Start     string `json:"periodStart,omitempty" jsonschema:"format=date,pattern=^\\d{4}-\\d{2}-\\d{2}$" jsonschema_description:"For a fact over a period (a quarter's revenue), its first day, YYYY-MM-DD, inclusive. Absent for an instant."`
	End       string `json:"periodEnd,omitempty" jsonschema:"format=date,pattern=^\\d{4}-\\d{2}-\\d{2}$" jsonschema_description:"For a fact over a period, its last day, YYYY-MM-DD, inclusive, as printed (the quarter ended December 29, 2012 is 2012-12-29). Absent for an instant."`
	// Entity is the entity identifier, EntityScheme its scheme.
	Entity       string            `json:"entity" jsonschema_description:"The entity's identifier: 0001138639 (a CIK), or a ticker or name where no CIK was given."`
	EntityScheme string            `json:"entityScheme" jsonschema_description:"The scheme of the entity's identifier: http://www.sec.gov/CIK, urn:xport:ticker or urn:xport:name."`
	Dimensions   map[string]string `json:"dimensions,omitempty" jsonschema_description:"Taxonomy-defined dimensions: axis to member, or to a typed member's value (us-gaap:StatementBusinessSegmentsAxis: infn:ProductMember; cmr:FacilityAxis: 12)."`
	RowLabel     string            `json:"rowLabel,omitempty" jsonschema_description:"The label of the row the figure was read from, as printed: Total revenue. Absent for facts read from prose or a cover page."`
	Statement    string            `json:"statement,omitempty" jsonschema_description:"The title of the statement (presentation network) the fact is shown in: GAAP Condensed Consolidated Statements of Operations."`
	Role         string            `json:"role,omitempty" jsonschema_description:"The role URI of that statement, as the extension taxonomy declares it."`
	Document     string            `json:"document" jsonschema_description:"The source document's file name."`
	Source       string            `json:"source" jsonschema_description:"Where the figure is printed in the source document, file:line:column, with the other places the same figure is printed after it, space-separated."`
}

// JSONL renders rep as a fact feed: one FeedFact per line, in the
// report's fact order.
func JSONL(rep *xbrl.Report) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	entity := oimEntity(rep.Entity)
	shown := statements(rep)
	for _, f := range rep.Facts {
		jf := jsonFact(f, entity)
		line := FeedFact{
			ID: f.ID, Concept: jf.Dimensions.Concept, Label: f.Concept.Label, Namespace: f.Concept.Namespace,
			Value: jf.Value, Decimals: jf.Decimals, Unit: jf.Dimensions.Unit,
			Entity: rep.Entity.ID, EntityScheme: rep.Entity.Scheme, Dimensions: jf.Dimensions.Taxonomy,
			RowLabel: f.Label, Document: rep.Provenance.Source, Source: jf.Source,
		}
		if f.Period.Instant {
			line.Instant = f.Period.End.Format(time.DateOnly)
		} else {
			line.Start, line.End = f.Period.Start.Format(time.DateOnly), f.Period.End.Format(time.DateOnly)
		}
		if n := shown[f.Concept]; n != nil {
			line.Statement, line.Role = n.Title, rep.Taxonomy.RoleBase+n.RoleID
		}
		if err := enc.Encode(line); err != nil {
			return nil, err
		}
	}
	return b.Bytes(), nil
}

// statements maps each concept to the first network whose presentation
// shows it.
func statements(rep *xbrl.Report) map[*xbrl.Concept]*xbrl.Network {
	out := map[*xbrl.Concept]*xbrl.Network{}
	for _, n := range rep.Networks {
		for _, a := range n.Presentation {
			for _, c := range []*xbrl.Concept{a.From, a.To} {
				if _, ok := out[c]; !ok {
					out[c] = n
				}
			}
		}
	}
	return out
}
