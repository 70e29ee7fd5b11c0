// Package exporter is the emit stage: it renders an xbrl.Report as XBRL 2.1
// instance XML (XML), as xBRL-JSON (JSON) and, for a report with lists,
// as xBRL-CSV (CSV), in memory and deterministically: the same report
// gives the same bytes.
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
// read from. The XML gives the same in a footnote of role SourceRole
// linked to each fact.
//
// The instance is written straight into a buffer, element by element, as
// etree would write the same tree indented (tested against it): it is the
// output that grows with the document, and building its tree first cost
// more than the rest of rendering it. The taxonomy, small and nested, is
// built with etree (package schema).
//
// A list, the facts on a typed dimension such as the smelters of a
// conflict minerals report on cmr:FacilityAxis, is a table in xBRL-CSV:
// NAME-facility.csv has a row per member, in numeric order, a column per
// concept and a last column giving the source of the row:
//
//	FacilityAxis,SmelterMetal,SmelterName,SmelterConflictFreeMark,source
//	17,Gold,Cendres + Métaux SA,true,infinera-sd-2014.txt:157:6
//
// The facts in no list (cover page, counts) are in NAME-facts.csv, a row
// each (concept, value, source). NAME-csv.json, the metadata and the
// file Arelle and other processors open, says what the columns mean:
//
//	"documentInfo": {"documentType": "https://xbrl.org/2021/xbrl-csv",
//	  "namespaces": {...}, "taxonomy": ["infinera-sd-2014.xsd"], "xport:provenance": {...}},
//	"dimensions": {"entity": "cik:0001138639"},
//	"tableTemplates": {"facility": {
//	  "rowIdColumn": "FacilityAxis",
//	  "dimensions": {"cmr:FacilityAxis": "$FacilityAxis", "period": "2014-01-01T00:00:00/2015-01-01T00:00:00"},
//	  "columns": {"FacilityAxis": {}, "SmelterName": {"dimensions": {"concept": "cmr:SmelterName"}}, ...,
//	    "source": {"comment": true}}}, ...},
//	"tables": {"facility": {"template": "facility", "url": "infinera-sd-2014-facility.csv"}, ...}
//
// The member column is a parameter column that the typed dimension
// refers to ("$FacilityAxis"); the source column is a comment column,
// which processors skip, so it adds no fact. A report without lists, such
// as an earnings release, has no xBRL-CSV form. The tables are RFC 4180
// (UTF-8, CRLF, quoted where needed); a value that is empty or starts
// with "#" is written "#empty" or with the "#" doubled, and a number
// carries its decimals as a suffix ("128064000d-3"; none when exact).
package exporter
