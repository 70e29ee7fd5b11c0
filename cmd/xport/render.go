package main

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/xport/xport/exporter"
	"github.com/xport/xport/source"
)

// renderers write validation results in each --format.
var renderers = map[string]func(io.Writer, []checked) error{
	"text":   renderText,
	"json":   renderJSON,
	"sarif":  renderSARIF,
	"github": renderGitHub,
}

// renderText writes each diagnostic with the line of the file it points
// at and a caret under the column, then a summary per file.
func renderText(w io.Writer, results []checked) error {
	for _, r := range results {
		for _, d := range r.diags {
			fmt.Fprintln(w, d)
			if line := r.doc.LineIn(d.Pos.File, d.Pos.Line); line != "" {
				line = strings.ReplaceAll(line, "\t", " ")
				printExcerpt(w, line, utf8.RuneCountInString(line[:min(max(d.Pos.Col-1, 0), len(line))]))
			}
		}
		status := "valid"
		if r.diags.HasErrors() {
			status = "invalid"
		}
		fmt.Fprintf(w, "%s: %s: %d fact(s), %d error(s), %d warning(s)\n", r.doc.Name, status,
			len(factsOf(r)), r.diags.Count(source.Error), r.diags.Count(source.Warning))
	}
	return nil
}

func factsOf(r checked) []string {
	if r.doc.Report == nil {
		return nil
	}
	ids := make([]string, len(r.doc.Report.Facts))
	for i, f := range r.doc.Report.Facts {
		ids[i] = f.ID
	}
	return ids
}

func renderJSON(w io.Writer, results []checked) error {
	out := make([]exporter.FileResult, len(results))
	for i, r := range results {
		out[i] = exporter.FileResult{File: r.doc.Name, Valid: !r.diags.HasErrors(), Facts: len(factsOf(r)), Diagnostics: r.diags}
	}
	b, err := exporter.DiagnosticsJSON(out)
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}

// SARIF 2.1.0, the static analysis results format code-scanning dashboards
// read: one run, the diagnostic codes as rules.
type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool    sarifTool     `json:"tool"`
	Results []sarifResult `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID               string       `json:"id"`
	ShortDescription sarifMessage `json:"shortDescription"`
}

type sarifMessage struct {
	Text string `json:"text"`
}

type sarifResult struct {
	RuleID           string          `json:"ruleId"`
	Level            string          `json:"level"`
	Message          sarifMessage    `json:"message"`
	Locations        []sarifLocation `json:"locations"`
	RelatedLocations []sarifLocation `json:"relatedLocations,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
	Message          *sarifMessage `json:"message,omitempty"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           *sarifRegion  `json:"region,omitempty"`
}

type sarifArtifact struct {
	URI string `json:"uri"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
}

func sarifLoc(p source.Pos) sarifLocation {
	l := sarifLocation{PhysicalLocation: sarifPhysical{ArtifactLocation: sarifArtifact{URI: relPath(p.File)}}}
	if p.IsValid() {
		l.PhysicalLocation.Region = &sarifRegion{StartLine: p.Line, StartColumn: p.Col}
	}
	return l
}

func renderSARIF(w io.Writer, results []checked) error {
	run := sarifRun{Tool: sarifTool{Driver: sarifDriver{Name: "xport", InformationURI: "https://github.com/xport/xport", Rules: []sarifRule{}}}, Results: []sarifResult{}}
	rules := map[string]bool{}
	for _, r := range results {
		for _, d := range r.diags {
			if !rules[d.Code] {
				rules[d.Code] = true
				run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRule{ID: d.Code, ShortDescription: sarifMessage{Text: d.Code}})
			}
			res := sarifResult{RuleID: d.Code, Level: sarifLevel(d.Severity), Message: sarifMessage{Text: d.Message}, Locations: []sarifLocation{sarifLoc(d.Pos)}}
			if d.Origin.IsValid() {
				loc := sarifLoc(d.Origin)
				loc.Message = &sarifMessage{Text: "where the figure is printed in the source document"}
				res.RelatedLocations = []sarifLocation{loc}
			}
			run.Results = append(run.Results, res)
		}
	}
	sort.Slice(run.Tool.Driver.Rules, func(i, j int) bool { return run.Tool.Driver.Rules[i].ID < run.Tool.Driver.Rules[j].ID })
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(sarifLog{Schema: "https://json.schemastore.org/sarif-2.1.0.json", Version: "2.1.0", Runs: []sarifRun{run}})
}

func sarifLevel(s source.Severity) string {
	switch s {
	case source.Error:
		return "error"
	case source.Warning:
		return "warning"
	}
	return "note"
}

// renderGitHub writes GitHub Actions workflow commands, which annotate the
// lines in a pull request.
func renderGitHub(w io.Writer, results []checked) error {
	esc := strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	prop := strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
	files, facts, errs, warns := 0, 0, 0, 0
	for _, r := range results {
		files++
		facts += len(factsOf(r))
		errs += r.diags.Count(source.Error)
		warns += r.diags.Count(source.Warning)
		for _, d := range r.diags {
			kind := map[source.Severity]string{source.Error: "error", source.Warning: "warning", source.Info: "notice"}[d.Severity]
			msg := d.Message
			if d.Origin.IsValid() {
				msg += " (read from " + relPath(d.Origin.String()) + ")"
			}
			fmt.Fprintf(w, "::%s file=%s,line=%d,col=%d,title=%s::%s\n", kind, prop.Replace(relPath(d.Pos.File)), max(d.Pos.Line, 1), max(d.Pos.Col, 1), prop.Replace(d.Code), esc.Replace(msg))
		}
	}
	// A summary notice, so that a run without findings says what it did.
	fmt.Fprintf(w, "::notice title=xport validate::%d file(s), %d fact(s): %d error(s), %d warning(s)\n", files, facts, errs, warns)
	return nil
}
