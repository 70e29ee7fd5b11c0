// Package load reads reports back from files, for validation and for
// tests that a written report says what was converted.
//
// File and Bytes read a report back: an XBRL 2.1 instance with its
// taxonomy, an xBRL-JSON report, or an xBRL-CSV report (its metadata
// file, with the tables it lists), each fact located where it is
// written. For xBRL-CSV that is a
// cell: with metadata whose template "facts" has a parameter column
// concept and a fact column value ({"concept": "$concept"}), the row
//
//	us-gaap:Revenues,300000d-3
//
// of facts.csv is the fact facts.r_1.value, us-gaap:Revenues = 300000 to
// -3 decimals, at facts.csv:2:18.
//
// An XBRL 2.1 instance is read with the schemas and linkbases it
// references, where they resolve locally (validation runs offline): the
// concepts, item types and tuples they declare, and the calculation
// relationships that prevail. What breaks the syntax of the format is
// reported as it is read, each at its place: a context whose period
// starts after it ends, a footnote locator that points at no fact, a
// cycle in a network that forbids one, an undeclared role.
//
// Facts of an instance are read as each ends, once its context and unit
// are known, and their elements are not kept: an instance of a million
// facts costs the facts, not a million elements as well.
package load
