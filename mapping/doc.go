// Package mapping is the map stage: it turns the tables that extract read
// into an xbrl.Report. For each table it decides the statement kind from
// the title (or, for a table whose title names none, from the statement
// whose rules match at least half of its rows with figures; see
// untitled.go), the XBRL period of each column from its heading (deriving
// start dates from the other period ends the document names, and fiscal
// quarters from the fiscal year end), the scale of each row, and the
// concept (and, for breakdowns, the dimension member) of each row from the
// rules in schema. It then infers the calculation relationships the
// statement shows (rows above a rule add up to the total below it; a
// subtotal such as gross profit is the difference of the totals above it)
// and keeps only those the figures confirm. Last, it reads the figures
// printed inside balance sheet labels and checks the narrative highlights
// against the facts.
//
// From the statement of operations line
//
//	Product            $    109,051  $     93,025  ...
//
// under "Revenue:" in a table "(In thousands, ...)", it makes the fact
// infn:ProductRevenue = 109051000, decimals -3, USD, for 2012-09-30 to
// 2012-12-29, at release.txt:60:22. Every figure it does not turn into a
// fact is listed in Report.Unmapped with the reason.
//
// Options.Registrant and Options.CIKPos carry what an EDGAR submission's
// header says of the filer, for a document taken from one: its name
// stands for the registrant's when the text names no company.
package mapping
