package exporter

import (
	"encoding/json"

	"github.com/xport/xport/source"
)

// FileResult is the outcome of checking one file, as `xport validate
// --format json` writes it: a JSON array of these, one per file, in the
// order the files were named.
type FileResult struct {
	// File is the path of the checked file.
	File string `json:"file"`
	// Valid is false when any diagnostic is an error.
	Valid bool `json:"valid"`
	// Facts counts the facts the file holds.
	Facts int `json:"facts"`
	// Diagnostics lists every problem and remark, sorted by position;
	// never null.
	Diagnostics []source.Diagnostic `json:"diagnostics"`
}

// DiagnosticsJSON renders results as an indented JSON array, one entry
// per file.
func DiagnosticsJSON(results []FileResult) ([]byte, error) {
	out := make([]FileResult, len(results))
	for i, r := range results {
		if r.Diagnostics == nil {
			r.Diagnostics = []source.Diagnostic{}
		}
		out[i] = r
	}
	b, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}
