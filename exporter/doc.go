// Package exporter is the emit stage: it renders an xbrl.Report as XBRL 2.1
// instance XML (XML) and as xBRL-JSON (JSON), in memory and
// deterministically: the same report gives the same bytes.
//
// A fact read from "Total revenue  128,064" in a table in thousands is
// written as
//
//	<us-gaap:Revenues id="us-gaap_Revenues_D20120930_20121229"
//	    contextRef="D20120930_20121229" unitRef="USD" decimals="-3">128064000</us-gaap:Revenues>
//
// and, in xBRL-JSON, as
//
//	"us-gaap_Revenues_D20120930_20121229": {
//	  "value": "128064000", "decimals": -3,
//	  "dimensions": {"concept": "us-gaap:Revenues", "entity": "cik:0001138639",
//	    "period": "2012-09-30T00:00:00/2012-12-30T00:00:00", "unit": "iso4217:USD"},
//	  "xport:source": "release.txt:67:27"}
//
// xBRL-JSON periods use the Open Information Model's end-of-day
// semantics: the XBRL 2.1 end date December 29 is the instant
// 2012-12-30T00:00:00. The fact ids are the same in both outputs, and
// "xport:source", an extension property in the namespace
// urn:xport:provenance, gives the file, line and column each fact was
// read from. The XML names the source of every fact in a comment beside
// it.
package exporter
