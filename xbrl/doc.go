// Package xbrl is xport's model of an XBRL report: concepts, facts, the
// periods, entity and units that make their contexts, and the statement
// networks (presentation and calculation) that the taxonomy is generated
// from. Every fact keeps the source position it was read from.
//
// A Report is what the map stage produces and what validation and the
// exporters consume:
//
//	Fact{Concept: "us-gaap:Revenues", Value: 128064000, Decimals: -3,
//	     Unit: "USD", Period: 2012-09-30..2012-12-29, Source: release.txt:67:25}
//
// becomes <us-gaap:Revenues contextRef="D20120930_20121229" unitRef="USD"
// decimals="-3">128064000</us-gaap:Revenues> in XBRL 2.1 and a fact with
// "concept": "us-gaap:Revenues", "period": "2012-09-30T00:00:00/2012-12-30T00:00:00"
// in xBRL-JSON.
package xbrl
