// Package schema is the single source of truth for what xport can say: the
// embedded concept catalogue (catalogue.txt), the rules that map row
// labels to concepts (rules.txt), and the generators of everything schema
// shaped that xport writes: the extension taxonomy (XML Schema plus label,
// presentation, calculation and definition linkbases) and the JSON Schema
// of every JSON document it writes (Documents: the xBRL-JSON report, the
// validation results, the concept list), reflected from the Go types that
// write them.
//
// Target taxonomies: US GAAP Financial Reporting Taxonomy 2025
// (http://fasb.org/us-gaap/2025) and SEC DEI 2025
// (http://xbrl.sec.gov/dei/2025). The us-gaap names were checked against
// the names the 2025 release's own linkbases locate (its statement,
// disclosure and reference linkbases) and against its deprecated-concept
// list; the release's concept schema itself was not available to check
// types and balances, which follow the FASB's published definitions.
//
// A catalogue line declares a concept:
//
//	us-gaap:Revenues | monetary | duration | credit | Revenues
//
// and a rule maps rows to it:
//
//	income | | (total )?(net )?(revenues?|sales)(, net)? | us-gaap:Revenues
//
// so the row "Total revenue" of a statement of operations reports
// us-gaap:Revenues. A rule naming a concept the catalogue lacks, or a
// catalogue line with an unknown type, fails LoadRules or LoadCatalogue,
// and the tests.
package schema
