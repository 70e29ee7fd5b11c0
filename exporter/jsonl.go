package exporter

import (
	"bytes"
	"encoding/json"

	"github.com/xport/xport/xbrl"
)

// FeedFact is one line of the fact feed (JSON Lines, NAME.jsonl): a fact
// with everything a consumer needs to place it, and no reference to
// anything else in the file. Values, periods and units are written as in
// xBRL-JSON.
type FeedFact struct {
	// ID is the fact's id, the same as in the instance and the xBRL-JSON.
	ID string `json:"id"`
	// Concept is the concept's prefixed name, "us-gaap:Revenues".
	Concept string `json:"concept"`
	// Namespace is the concept's namespace URI.
	Namespace string `json:"namespace"`
	// Value is the value in canonical form: "-16088000", "0.14", "Gold".
	Value string `json:"value"`
	// Decimals is the precision of a numeric value, absent when exact or
	// not numeric.
	Decimals *int `json:"decimals,omitempty"`
	// Unit is "iso4217:USD", "iso4217:USD/xbrli:shares", ..., absent for
	// pure numbers and text.
	Unit string `json:"unit,omitempty"`
	// Period is an instant or start/end, with the Open Information
	// Model's end-of-day semantics ("2012-09-30T00:00:00/2012-12-30T00:00:00").
	Period string `json:"period" jsonschema:"pattern=^\\d{4}-\\d{2}-\\d{2}T00:00:00(/\\d{4}-\\d{2}-\\d{2}T00:00:00)?$"`
	// Entity is the entity identifier, EntityScheme its scheme:
	// "0001138639" under "http://www.sec.gov/CIK".
	Entity       string `json:"entity"`
	EntityScheme string `json:"entityScheme"`
	// Dimensions holds taxonomy-defined dimensions: axis to member (or to
	// the typed member's value).
	Dimensions map[string]string `json:"dimensions,omitempty"`
	// Document is the source document's file name and Source where the
	// fact is printed in it: "release.txt:67:27" (with the other places
	// the same figure is printed after it, space-separated).
	Document string `json:"document"`
	Source   string `json:"source"`
}

// JSONL renders rep as a fact feed: one FeedFact per line, in the
// report's fact order.
func JSONL(rep *xbrl.Report) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	entity := oimEntity(rep.Entity)
	for _, f := range rep.Facts {
		jf := jsonFact(f, entity)
		line := FeedFact{
			ID: f.ID, Concept: jf.Dimensions.Concept, Namespace: f.Concept.Namespace,
			Value: jf.Value, Decimals: jf.Decimals, Unit: jf.Dimensions.Unit, Period: jf.Dimensions.Period,
			Entity: rep.Entity.ID, EntityScheme: rep.Entity.Scheme, Dimensions: jf.Dimensions.Taxonomy,
			Document: rep.Provenance.Source, Source: jf.Source,
		}
		if err := enc.Encode(line); err != nil {
			return nil, err
		}
	}
	return b.Bytes(), nil
}
