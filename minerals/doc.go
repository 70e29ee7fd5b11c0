// Package minerals is the extract stage for the second kind of document
// xport reads: a Form SD with its Conflict Minerals Report (SEC Rule
// 13p-1), typically text extracted from a PDF. Read turns it into a
// Report: the cover page, the report's statements (covered products,
// due-diligence framework, CFSI membership, audit, determination), the
// smelter and refiner list, and the countries of origin, every value
// with the position it was read from.
//
// PDF extraction damages lists. A line such as
//
//	Tantalum Tantalum<TAB>H.C. Starck GmbH Laufenburg (*) H.C. Starck Hermsdorf GmbH (*)
//
// holds two facilities under two metal labels; "Tin<TAB>" is a metal label
// whose name slid to the next line; "<TAB>CV United Smelting (*)" is a name
// without its label. Read undoes what the layout allows with confidence
// (a name without a metal takes the metal of its neighbours when they
// agree; two names on one line are split after a "(*)" mark) and says so
// in an info diagnostic. Where it cannot be sure (a name that looks like
// a garbled copy of the entry beside it, a split without a mark, a line
// that is neither header nor entry) it keeps the entry and warns, at the
// line and column. Nothing is dropped without a diagnostic.
//
// The list is read through one table model whatever its layout: the
// header row names the columns (metal, name, number, country, status,
// in any order and wording), and every row is split as the header is,
// at pipes, tabs, semicolons, commas or aligned columns:
//
//	| Smelter ID | Mineral  | Standard Smelter Name          | Facility Location | RMAP Status |
//	| CID000801  | Gold     | Inner Mongolia Qiankun Gold    | China             | Active      |
//	|            |          | and Silver Refinery Co., Ltd.  |                   |             |
//
// is one facility, its name joined over the wrapped line (an info).
// Rows under a metal heading take its metal when the table has no metal
// column; page numbers, running headers and footers and repeated header
// rows are left out, each with an info.
package minerals
