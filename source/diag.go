package source

import (
	"fmt"
	"sort"
)

// Severity ranks a diagnostic.
type Severity int

// Severities, least severe first.
const (
	Info Severity = iota
	Warning
	Error
)

func (s Severity) String() string {
	switch s {
	case Info:
		return "info"
	case Warning:
		return "warning"
	}
	return "error"
}

// MarshalText renders the severity as its name.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Diagnostic is one problem or remark about a document, at a position.
// Code is stable and machine-readable ("extract.unalignedCell",
// "xbrl.5.2.5.2:calcInconsistency"); Message is for people.
type Diagnostic struct {
	Severity Severity `json:"severity"`
	Code     string   `json:"code"`
	Message  string   `json:"message"`
	Pos      Pos      `json:"position"`
	// Origin is, for a problem found in a file xport wrote, the place in
	// the source document the fact was read from.
	Origin Pos `json:"origin,omitzero"`
}

func (d Diagnostic) String() string {
	if d.Origin.IsValid() {
		return fmt.Sprintf("%s: %s: %s (read from %s) [%s]", d.Pos, d.Severity, d.Message, d.Origin, d.Code)
	}
	return fmt.Sprintf("%s: %s: %s [%s]", d.Pos, d.Severity, d.Message, d.Code)
}

// Diagnostics collects diagnostics from every stage.
type Diagnostics []Diagnostic

// Add appends a diagnostic.
func (ds *Diagnostics) Add(sev Severity, code string, pos Pos, format string, args ...any) {
	*ds = append(*ds, Diagnostic{Severity: sev, Code: code, Pos: pos, Message: fmt.Sprintf(format, args...)})
}

// Sort orders diagnostics by position, then code, so output is stable.
func (ds Diagnostics) Sort() {
	sort.SliceStable(ds, func(i, j int) bool {
		a, b := ds[i], ds[j]
		if a.Pos != b.Pos {
			return a.Pos.Before(b.Pos)
		}
		if a.Code != b.Code {
			return a.Code < b.Code
		}
		return a.Message < b.Message
	})
}

// Count returns how many diagnostics have severity sev.
func (ds Diagnostics) Count(sev Severity) int {
	n := 0
	for _, d := range ds {
		if d.Severity == sev {
			n++
		}
	}
	return n
}

// HasErrors reports whether any diagnostic is an error.
func (ds Diagnostics) HasErrors() bool { return ds.Count(Error) > 0 }
