package validate

import (
	"github.com/xport/xport/load"
	"github.com/xport/xport/source"
)

// File validates one file as `xport validate` does: it loads the report
// and its local taxonomy, applies the XBRL 2.1 rules, the calculations of
// opts.Calc and the checks across statements, and for xBRL-JSON and
// xBRL-CSV the Open Information Model rules and the JSON Schema of xport's
// output (of the xBRL-JSON document, or of the xBRL-CSV metadata). The error
// is for a file that cannot be read; a report that cannot be parsed comes
// back with a nil Report and its diagnostics.
func File(path string, opts Options, maxSize int64) (*load.Document, source.Diagnostics, error) {
	doc, ds, err := load.File(path, maxSize)
	if err != nil {
		return nil, nil, err
	}
	if doc.Report != nil {
		ds = append(ds, Check(doc.Report, opts)...)
		switch doc.Format {
		case "json":
			where := map[string]source.Pos{}
			for _, f := range doc.Report.Facts {
				where[f.ID] = f.Source
			}
			ds = append(ds, JSON(doc.Data, path, where)...)
		case "csv":
			ds = append(ds, csvMetadata(doc.Data, path)...)
		}
	}
	ds.Sort()
	return doc, ds, nil
}
