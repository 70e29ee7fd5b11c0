// Package validate checks reports before they are written and reports
// every problem it finds, located in the source document, instead of
// stopping at the first.
//
// Report checks an xbrl.Report against the XBRL 2.1 rules that xport's
// output must meet (contexts and units that resolve, period types that
// match their concepts, units that fit item types, decimals on numeric
// facts, no inconsistent duplicates, start dates not after end dates) and
// checks each calculation relationship the way XBRL 2.1 §5.2.5.2 does.
// JSON checks rendered xBRL-JSON against the JSON Schema generated from
// xport's Go types.
//
// File and Load read a report back: an XBRL 2.1 instance, an xBRL-JSON
// report, or an xBRL-CSV report (its metadata file, with the tables it
// lists), each fact located where it is written. For xBRL-CSV that is a
// cell: with metadata whose template "facts" has a parameter column
// concept and a fact column value ({"concept": "$concept"}), the row
//
//	us-gaap:Revenues,300000d-3
//
// of facts.csv is the fact facts.r_1.value, us-gaap:Revenues = 300000 to
// -3 decimals, at facts.csv:2:18.
//
// A calculation that does not add up is reported at the total:
//
//	release.txt:67:27: error: us-gaap:Revenues for 2012-09-30..2012-12-29 is 128064000
//	    but its items add up to 128063000 [xbrl.5.2.5.2:calcInconsistency]
//
// Codes follow the specification's section numbers where one applies.
package validate
