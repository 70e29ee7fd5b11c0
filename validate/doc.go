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
// File validates a file as xport validate does: it reads the report
// back with package load, then applies the checks above and, for
// xBRL-JSON and xBRL-CSV, the JSON Schema of xport's output.
//
// A calculation that does not add up is reported at the total:
//
//	release.txt:67:27: error: us-gaap:Revenues for 2012-09-30..2012-12-29 is 128064000
//	    but its items add up to 128063000 [xbrl.5.2.5.2:calcInconsistency]
//
// Codes follow the specification's section numbers where one applies.
package validate
