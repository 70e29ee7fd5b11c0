package xport

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/xport/xport/edgar"
	"github.com/xport/xport/exporter"
	"github.com/xport/xport/extract"
	"github.com/xport/xport/mapping"
	"github.com/xport/xport/minerals"
	"github.com/xport/xport/schema"
	"github.com/xport/xport/source"
	"github.com/xport/xport/validate"
	"github.com/xport/xport/xbrl"
)

// Generator names xport in the outputs' provenance.
const Generator = "xport"

// Options configure a conversion.
type Options struct {
	// CIK is the entity's SEC Central Index Key. Empty: the entity is
	// identified by ticker or company name, with a warning.
	CIK string
	// Name is the base name of the output files. Default: the input's
	// file name without extension.
	Name string
	// Kind is the kind of document to convert: edgar.KindRelease (an
	// earnings release), edgar.KindPeriodic (an annual or quarterly
	// report) or edgar.KindMinerals (a Form SD with its conflict minerals
	// report). Of an EDGAR submission, the documents of that kind
	// are converted; plain text is converted as that kind. Empty: detected,
	// from the type of a submission's first convertible document, or from
	// whether plain text reads as a conflict minerals report. A kind given
	// is noted in the provenance.
	Kind string
	// MaxSize bounds the input read, in bytes; larger input is refused
	// with ErrTooLarge after MaxSize bytes. Default: DefaultMaxSize.
	MaxSize int64
	// Formats are the formats to render, among Formats; the taxonomy
	// comes with xbrl, json and csv. Empty: all of them.
	Formats []string
	// MinMapped is the share of the figures read, in percent, that must
	// become facts: below it the result is invalid (an error, nothing is
	// written), for CI and batch runs that must not pass a document xport
	// does not understand. Zero: no minimum.
	MinMapped float64
	// AllowEmpty lets a document that yields no fact convert into an
	// empty report. Without it such a document (an empty file, a PDF read
	// as text, text without figures) is invalid: an error, nothing
	// written.
	AllowEmpty bool
}

// Result is a converted document: the report, every diagnostic from
// every stage, and the rendered files.
type Result struct {
	Document *source.Document
	// Minerals is what was read from a conflict minerals report; nil for
	// an earnings release.
	Minerals    *minerals.Report
	Report      *xbrl.Report
	Diagnostics source.Diagnostics
	Files       []schema.File // instance, xBRL-JSON, xBRL-CSV (lists only), taxonomy schema and linkbases

	// rendered is what NAME.html shows when it is not Document: for HTML
	// the text its tables render as (places maps its positions to the
	// file's), for a text submission the whole file.
	rendered *source.Document
	places   *places
}

// ErrInvalid is returned by Write when the result has errors.
var ErrInvalid = errors.New("the report is invalid; no output written")

// ErrTooLarge is returned by Convert for input over Options.MaxSize
// (source.ErrTooLarge, as validation returns it).
var ErrTooLarge = source.ErrTooLarge

// DefaultMaxSize is the default of Options.MaxSize, as of validation.
const DefaultMaxSize = source.DefaultMaxSize

// Convert reads a text disclosure and converts it. The error is for input
// that cannot be read at all (or an unknown Options.Kind); problems in
// what was read are diagnostics.
func Convert(name string, r io.Reader, opts Options) (*Result, error) {
	if err := checkKind(opts.Kind); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	limit := opts.MaxSize
	if limit <= 0 {
		limit = DefaultMaxSize
	}
	data, err := source.ReadAll(filepath.Base(name), io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%s: %w: more than %d bytes (--max-size)", name, ErrTooLarge, limit)
	}
	if opts.Name == "" {
		opts.Name = strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
	}
	sum := sha256.Sum256(data)
	res := &Result{}
	in, err := res.unwrap(filepath.Base(name), data, opts)
	if err != nil {
		return nil, err
	}
	// Positions name the file without its directory, so the outputs do not
	// depend on where the command ran. HTML is read as the text it
	// renders as, its positions put back into the file once mapped.
	rendered, pl := render(filepath.Base(name), in.parts)
	if pl != nil {
		in.text = rendered
	}
	doc, err := source.Parse(filepath.Base(name), in.text) // read
	if err != nil {
		return nil, err
	}
	in.text = nil // the document holds its own copy
	res.Document = doc
	if in.kind == edgar.KindMinerals || in.kind == "" && minerals.IsReport(doc) {
		report := res.extractMinerals(doc, in.mineralsOptions())                  // extract
		if err := res.mapMinerals(doc, report, in.mapOptions(opts)); err != nil { // map
			return nil, err
		}
	} else {
		tables := res.extract(doc)                                              // extract
		if err := res.mapTables(doc, tables, in.mapOptions(opts)); err != nil { // map
			return nil, err
		}
	}
	res.quietUnread()
	if pl != nil {
		res.remap(pl)
		res.rendered, res.places = doc, pl
		// Excerpts show the file's lines, where positions now point.
		if orig, err := source.Parse(filepath.Base(name), data); err == nil {
			res.Document = orig
		}
		res.readInline(filepath.Base(name), in.parts)
	} else if in.submission && includes(opts.Formats, FormatIXBRL) {
		// NAME.html shows the submission as it is, header and all: facts
		// read from its header are on its lines.
		if orig, err := source.Parse(filepath.Base(name), data); err == nil {
			res.rendered = orig
		}
	}
	res.Report.Provenance = provenance(name, sum, append(in.notes, res.Report.Provenance.Notes...))
	res.checkUnderstood(doc, opts.MinMapped)
	res.checkEmpty(doc, opts.AllowEmpty)
	res.validate()                    // validate
	res.emit(opts.Name, opts.Formats) // emit
	res.Diagnostics.Sort()
	return res, nil
}

func (res *Result) extract(doc *source.Document) []*extract.Table {
	tables, diags := extract.Tables(doc)
	res.Diagnostics = append(res.Diagnostics, diags...)
	return tables
}

func (res *Result) mapTables(doc *source.Document, tables []*extract.Table, opts mapping.Options) error {
	rep, diags, err := mapping.Map(doc, tables, opts)
	res.Report = rep
	res.Diagnostics = append(res.Diagnostics, diags...)
	return err
}

// extractMinerals reads a conflict minerals report (Form SD).
func (res *Result) extractMinerals(doc *source.Document, opts minerals.Options) *minerals.Report {
	report, diags := minerals.ReadWith(doc, opts)
	res.Minerals = report
	res.Diagnostics = append(res.Diagnostics, diags...)
	return report
}

func (res *Result) mapMinerals(doc *source.Document, report *minerals.Report, opts mapping.Options) error {
	rep, diags, err := mapping.MapMinerals(doc, report, opts)
	res.Report = rep
	res.Diagnostics = append(res.Diagnostics, diags...)
	return err
}

// checkUnderstood makes a document xport did not understand say so: an
// HTML document read as text is a warning, and a share of figures mapped
// below minMapped is an error.
func (res *Result) checkUnderstood(doc *source.Document, minMapped float64) {
	for i, l := range doc.Lines {
		if isHTML(l) {
			res.Diagnostics.Add(source.Warning, "convert.html", doc.Pos(i, 0),
				"the document is HTML, read here as plain text: the tables of HTML exhibits are not read yet")
			break
		}
	}
	if m := res.Minerals; minMapped > 0 && m != nil && len(m.Facilities) == 0 && namesSmelters(doc) {
		at := m.List
		if !at.IsValid() {
			at = doc.Pos(0, 0)
		}
		res.Diagnostics.Add(source.Error, "convert.noSmelters", at,
			"the report speaks of smelters and refiners, but no facility was read from a list (--min-mapped)")
	}
	if minMapped > 0 && res.Minerals == nil && res.Report.MappedShare() < minMapped {
		res.Diagnostics.Add(source.Error, "convert.minMapped", doc.Pos(0, 0),
			"%.1f%% of the %d figures read became facts, below the minimum of %g%% (--min-mapped)", res.Report.MappedShare(), res.Report.Figures, minMapped)
	}
}

// checkEmpty makes a document that yields no fact invalid, unless
// allowed: it is not a disclosure xport can read, and an empty report
// written for it would pass for a conversion.
func (res *Result) checkEmpty(doc *source.Document, allow bool) {
	if allow || len(res.Report.Facts) > 0 {
		return
	}
	res.Diagnostics = slices.DeleteFunc(res.Diagnostics, func(d source.Diagnostic) bool { return d.Code == "map.noFacts" })
	what := "no figure was read"
	if n := res.Report.Figures; n > 0 {
		what = fmt.Sprintf("none of the %d figures read became a fact", n)
	}
	res.Diagnostics.Add(source.Error, "convert.noFacts", doc.Pos(0, 0),
		"%s: this does not read as an earnings release, a periodic report or a conflict minerals report (--allow-empty writes an empty report)", what)
}

// namesSmelters reports whether a text speaks of smelters or refiners.
func namesSmelters(doc *source.Document) bool {
	for _, l := range doc.Lines {
		t := strings.ToLower(l.Text)
		if strings.Contains(t, "smelter") || strings.Contains(t, "refiner") {
			return true
		}
	}
	return false
}

// quietUnread drops the extraction's warnings about the figures of tables
// left unread on purpose (the notes of an annual report): each such table
// is one line of its own, not one per figure the reader could not align.
func (res *Result) quietUnread() {
	var spans [][2]int // 1-based lines, inclusive
	for _, t := range res.Report.Tables {
		if t.NotRead != "" {
			spans = append(spans, [2]int{min(t.Pos.Line, t.Lines[0]+1), t.Lines[1]})
		}
	}
	if len(spans) == 0 {
		return
	}
	res.Diagnostics = slices.DeleteFunc(res.Diagnostics, func(d source.Diagnostic) bool {
		if d.Severity != source.Warning || !strings.HasPrefix(d.Code, "extract.") {
			return false
		}
		for _, s := range spans {
			if d.Pos.Line >= s[0] && d.Pos.Line <= s[1] {
				return true
			}
		}
		return false
	})
}

// isHTML reports whether a line shows the document is HTML: an html or
// body element (which may stand alone on a line, as EDGAR's SGML tags
// do), or a table or cell within text. EDGAR's own <TABLE> lines, alone
// on their line, are not HTML.
func isHTML(l source.Line) bool {
	raw := strings.ToLower(l.Raw())
	if strings.Contains(raw, "<html") || strings.Contains(raw, "<body") {
		return true
	}
	t := strings.ToLower(l.Text)
	return strings.Contains(t, "<table") || strings.Contains(t, "<td")
}

func (res *Result) validate() {
	res.Diagnostics = append(res.Diagnostics, validate.Report(res.Report)...)
}

func provenance(name string, sum [sha256.Size]byte, notes []xbrl.Note) xbrl.Provenance {
	return xbrl.Provenance{Source: filepath.Base(name), SHA256: hex.EncodeToString(sum[:]), Generator: Generator, Notes: notes}
}

// emit renders the outputs of the chosen formats in memory (all when
// none is chosen): the instance, xBRL-JSON, checked against the
// generated JSON Schema, the fact feed, xBRL-CSV for a report with lists,
// and the taxonomy the first three reference. A format not chosen costs
// nothing.
func (res *Result) emit(name string, formats []string) {
	renderers := []struct {
		format, code, what string
		render             func(*xbrl.Report, string) ([]schema.File, error)
	}{
		{FormatXBRL, "xport.emit:xml", "rendering the instance", renderXML},
		{FormatJSON, "xport.emit:json", "rendering xBRL-JSON", res.renderJSON},
		{FormatJSONL, "xport.emit:jsonl", "rendering the fact feed", renderFeed},
		{FormatIXBRL, "xport.emit:ixbrl", "rendering Inline XBRL", res.renderInline},
		{FormatCSV, "xport.emit:csv", "rendering xBRL-CSV", renderCSV},
		{"taxonomy", "xport.emit:taxonomy", "generating the taxonomy", renderTaxonomy},
	}
	for _, r := range renderers {
		if !includes(formats, r.format) {
			continue
		}
		files, err := r.render(res.Report, name)
		if err != nil {
			res.fail(r.code, r.what, err)
			res.Files = nil
			return
		}
		res.Files = append(res.Files, files...)
	}
}

// fail reports an output that could not be rendered, at the fact that
// stopped it when there is one.
func (res *Result) fail(code, what string, err error) {
	at := source.Pos{File: res.Report.Provenance.Source}
	if fe := (*exporter.FactError)(nil); errors.As(err, &fe) {
		at, err = fe.Pos, fe.Err
	}
	res.Diagnostics.Add(source.Error, code, at, "%s: %v", what, err)
}

// renderInline renders Inline XBRL over the document converted: for
// HTML, over the text its tables render as, each position found there.
func (res *Result) renderInline(rep *xbrl.Report, name string) ([]schema.File, error) {
	view := exporter.View{Doc: res.Document}
	if res.rendered != nil && res.places == nil {
		view.Doc = res.rendered
	} else if res.rendered != nil {
		var want []source.Pos
		for _, f := range rep.Facts {
			want = append(append(want, f.Source), f.Also...)
		}
		for _, u := range rep.Unmapped {
			want = append(want, u.Pos)
		}
		for _, d := range res.Diagnostics {
			want = append(want, d.Pos)
		}
		back := res.places.inverse(res.rendered, want)
		view = exporter.View{Doc: res.rendered, Place: func(p source.Pos) source.Pos { return back[p] }}
	}
	html, err := exporter.InlineXBRLView(rep, view, res.Diagnostics)
	return []schema.File{{Name: name + ".html", Data: html}}, err
}

func renderXML(rep *xbrl.Report, name string) ([]schema.File, error) {
	inst, err := exporter.XML(rep)
	return []schema.File{{Name: name + ".xbrl", Data: inst}}, err
}

// renderJSON renders xBRL-JSON and checks it against the JSON Schema
// generated from xport's types, each violation at its fact's source.
func (res *Result) renderJSON(rep *xbrl.Report, name string) ([]schema.File, error) {
	js, err := exporter.JSON(rep)
	if err != nil {
		return nil, err
	}
	where := make(map[string]source.Pos, len(rep.Facts))
	for _, f := range rep.Facts {
		where[f.ID] = f.Source
	}
	res.Diagnostics = append(res.Diagnostics, validate.JSON(js, rep.Provenance.Source, where)...)
	return []schema.File{{Name: name + ".json", Data: js}}, nil
}

func renderFeed(rep *xbrl.Report, name string) ([]schema.File, error) {
	feed, err := exporter.JSONL(rep)
	return []schema.File{{Name: name + ".jsonl", Data: feed}}, err
}

func renderCSV(rep *xbrl.Report, name string) ([]schema.File, error) {
	tables, err := exporter.CSV(rep, name)
	files := make([]schema.File, len(tables))
	for i, t := range tables {
		files[i] = schema.File{Name: t.Name, Data: t.Data}
	}
	return files, err
}

func renderTaxonomy(rep *xbrl.Report, _ string) ([]schema.File, error) {
	cat, _, err := schema.Default()
	if err != nil {
		return nil, fmt.Errorf("loading the catalogue: %w", err)
	}
	return schema.Taxonomy(rep, cat)
}

// Valid reports whether the result has no errors.
func (res *Result) Valid() bool { return !res.Diagnostics.HasErrors() }

// The output formats; the taxonomy (schema and linkbases) goes with
// every format that references it: xbrl, json and csv.
const (
	FormatXBRL  = "xbrl"  // XBRL 2.1 instance, NAME.xbrl
	FormatJSON  = "json"  // xBRL-JSON, NAME.json
	FormatCSV   = "csv"   // xBRL-CSV, NAME-csv.json and NAME-*.csv (lists only)
	FormatJSONL = "jsonl" // the fact feed, NAME.jsonl: a JSON object per fact
	FormatIXBRL = "ixbrl" // Inline XBRL 1.1 over the source document, NAME.html
)

// Formats lists the output formats.
var Formats = []string{FormatXBRL, FormatJSON, FormatCSV, FormatJSONL, FormatIXBRL}

// FormatOf names the format an output file belongs to, or "taxonomy".
func FormatOf(name string) string {
	switch {
	case strings.HasSuffix(name, ".jsonl"):
		return FormatJSONL
	case strings.HasSuffix(name, "-csv.json") || strings.HasSuffix(name, ".csv"):
		return FormatCSV
	case strings.HasSuffix(name, ".json"):
		return FormatJSON
	case strings.HasSuffix(name, ".xbrl"):
		return FormatXBRL
	case strings.HasSuffix(name, ".html"):
		return FormatIXBRL
	}
	return "taxonomy"
}

// Select returns the files of the given formats (all when none is
// given), with the taxonomy when a chosen format references it.
func (res *Result) Select(formats ...string) []schema.File {
	var out []schema.File
	for _, f := range res.Files {
		if includes(formats, FormatOf(f.Name)) {
			out = append(out, f)
		}
	}
	return out
}

// includes reports whether the formats chosen (all when none is) include
// format, or for "taxonomy" whether one of them references it: every
// format but jsonl does.
func includes(formats []string, format string) bool {
	if len(formats) == 0 {
		return true
	}
	if format == "taxonomy" {
		return slices.ContainsFunc(formats, func(f string) bool { return f != FormatJSONL })
	}
	return slices.Contains(formats, format)
}

// Write writes the result's files of the given formats (all when none is
// given) into dir, creating it if needed. It writes nothing when the
// result has errors. Each file is written to a temporary name and
// renamed, so an interrupted run leaves no partial file.
func (res *Result) Write(dir string, formats ...string) error {
	if !res.Valid() {
		return ErrInvalid
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, f := range res.Select(formats...) {
		if err := writeAtomic(filepath.Join(dir, f.Name), f.Data); err != nil {
			return err
		}
	}
	return nil
}

func writeAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
