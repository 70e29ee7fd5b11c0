// Package xport converts financial disclosures written as plain text into
// XBRL: facts with concepts, periods, units and precision, written as an
// XBRL 2.1 instance with its generated taxonomy and as xBRL-JSON, each
// validated before it is written.
//
// Convert runs the stages one after another, each in its own package:
//
//	read      source.Read      bytes → numbered, normalised lines (HTML first rendered by htmltext)
//	extract   extract.Tables   lines → tables, columns, rows, cells with positions
//	map       mapping.Map      tables → xbrl.Report (concepts, periods, facts, calculations)
//	validate  validate.Report  XBRL 2.1 rules and calculations, located in the source
//	emit      exporter, schema instance XML, xBRL-JSON, taxonomy schema and linkbases
//
// and Result.Write puts the files on disk, only when nothing is invalid:
//
//	res, err := xport.Convert("release.txt", f, xport.Options{CIK: "1138639"})
//	if err != nil { ... }            // the input could not be read
//	for _, d := range res.Diagnostics { fmt.Println(d) }
//	err = res.Write("out")           // out/release.xbrl, release.json, release.xsd, ...
//
// An EDGAR submission file is unwrapped first: its documents of one kind
// (every EX-99 release exhibit, or the Form SD with its EX-1.01 report)
// are read as one text whose lines keep their submission line numbers,
// and its header's CIK and company name identify the entity and name the
// registrant where the text does not. Options.Kind chooses the kind
// instead of detecting it, for a submission or for plain text.
package xport
