package xport

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/xport/xport/edgar"
	"github.com/xport/xport/mapping"
	"github.com/xport/xport/minerals"
	"github.com/xport/xport/source"
	"github.com/xport/xport/xbrl"
)

// input is the text Convert reads and what is known of it besides: the
// kind of document, and for an EDGAR submission what its header says.
type input struct {
	text  []byte
	kind  string // edgar.KindRelease, edgar.KindMinerals, edgar.KindPeriodic, or "" to detect
	notes []xbrl.Note
	// cik and registrant are the submission header's CENTRAL INDEX KEY
	// (when no CIK was given) and COMPANY CONFORMED NAME, at the
	// positions they are printed.
	cik, registrant       string
	cikPos, registrantPos source.Pos
	// form is the type of the form converted (a submission's "10-K",
	// "10-Q", ...), empty when the input is not a submission; formPos is
	// where it is printed.
	form    string
	formPos source.Pos
	// submission is set when the input is an EDGAR submission: text is
	// its documents converted, every other line left empty.
	submission bool
	// schedules are the submission's EX-27 financial data schedules.
	schedules []*edgar.Schedule
	// parts are the documents text is made of, each at its first line:
	// the whole input, or the submission's documents converted.
	parts []part
}

// checkKind accepts the kinds Options.Kind may name.
func checkKind(kind string) error {
	switch kind {
	case "", edgar.KindRelease, edgar.KindMinerals, edgar.KindPeriodic:
		return nil
	}
	return fmt.Errorf("unknown kind %q: want %q, %q, %q or \"\" (detect)", kind, edgar.KindRelease, edgar.KindMinerals, edgar.KindPeriodic)
}

// describeKind names a kind of document with the EDGAR types it has.
func describeKind(kind string) string {
	switch kind {
	case edgar.KindMinerals:
		return "a conflict minerals report (SD, EX-1.01)"
	case edgar.KindPeriodic:
		return "an annual or quarterly report (10-K, 10-Q, 20-F, EX-13)"
	}
	return "an earnings release (EX-99)"
}

// forcedNote says the kind was given, not detected.
func forcedNote(file, kind string) xbrl.Note {
	return xbrl.Note{Pos: source.Pos{File: file},
		Text: "converted as " + describeKind(kind) + ": the kind is given (--kind " + kind + "), not detected"}
}

// unwrap finds, in an EDGAR submission file, the documents to convert:
// those of the kind opts ask for or, when they ask for none, of the kind
// of the first convertible document: every release exhibit (EX-99,
// EX-99.1, EX-99.2, ...), or the Form SD with its conflict minerals
// report (EX-1.01). Binary documents (graphics, PDFs) are skipped. It
// returns their text with every other line of the submission left empty,
// so every position still names a line of the submission. The header's
// CIK identifies the entity unless opts set one, and its company name
// stands for the registrant's when the text has none. Any other input is
// returned as it is.
func (res *Result) unwrap(file string, data []byte, opts Options) (*input, error) {
	in := &input{text: data, kind: opts.Kind, parts: []part{{data, 1}}}
	if opts.Kind != "" {
		in.notes = append(in.notes, forcedNote(file, opts.Kind))
	}
	if !edgar.IsSubmission(data) {
		return in, nil
	}
	sub, err := edgar.Parse(data)
	if sub == nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	damage := err
	chosen, err := res.choose(file, sub, opts.Kind)
	if err != nil {
		return nil, err
	}
	res.checkDamage(file, damage, chosen)
	in.kind = chosen[0].Kind()
	if in.kind == "" {
		in.kind = edgar.KindRelease // the form itself, read as a release
	}
	for _, d := range chosen {
		in.notes = append(in.notes, xbrl.Note{Pos: lineStart(file, d.Line), Text: "converted the submission's " + d.Type + " document"})
		if in.form == "" && edgar.IsPeriodicForm(d.Type) {
			in.form, in.formPos = strings.ToUpper(strings.TrimSpace(d.Type)), lineStart(file, d.Line)
			if d.TypeLine > 0 { // the type as printed: "<TYPE>10-K"
				in.formPos = headerPos(file, data, d.TypeLine, strings.TrimSpace(d.Type))
			}
		}
	}
	if in.kind == edgar.KindPeriodic {
		for _, d := range sub.Documents {
			if t := strings.ToUpper(strings.TrimSpace(d.Type)); (t == "EX-27" || strings.HasPrefix(t, "EX-27.")) && !d.Binary {
				s, err := edgar.ParseSchedule(d)
				if err != nil {
					at, why := lineStart(file, d.Line), err
					if e := (*edgar.ScheduleError)(nil); errors.As(err, &e) {
						at, why = lineStart(file, e.Line), e.Err
					}
					res.Diagnostics.Add(source.Warning, "edgar.schedule", at, "the %s financial data schedule is not read: %v", d.Type, why)
					continue
				}
				in.schedules = append(in.schedules, s)
			}
		}
	}
	in.text = assemble(chosen)
	in.submission = true
	in.parts = nil
	for _, d := range chosen {
		in.parts = append(in.parts, part{d.Text, d.FirstLine})
	}
	h := sub.Header
	if opts.CIK == "" && h.CIK != "" {
		in.cik, in.cikPos = h.CIK, headerPos(file, data, h.CIKLine, h.CIK)
		in.notes = append(in.notes, xbrl.Note{Pos: in.cikPos, Text: "the entity's CIK is read from the EDGAR submission header"})
	}
	if h.CompanyName != "" {
		in.registrant, in.registrantPos = h.CompanyName, headerPos(file, data, h.NameLine, h.CompanyName)
	}
	return in, nil
}

// checkDamage reports what Parse found wrong with a submission where it
// is. A document to convert that is cut short (the file ends inside its
// text) is an error, so nothing is written: its figures cannot be told
// from what is missing. Other damage, such as a missing closing tag after
// the documents converted, is a warning.
func (res *Result) checkDamage(file string, damage error, chosen []edgar.Document) {
	if damage == nil {
		return
	}
	at := lineStart(file, 1)
	if e := (*edgar.Error)(nil); errors.As(damage, &e) {
		at = lineStart(file, e.Line)
	}
	for _, d := range chosen {
		if d.Truncated {
			res.Diagnostics.Add(source.Error, "edgar.truncated", at,
				"the %s document (line %d) is cut short: %v; the file is incomplete, nothing is converted", d.Type, d.Line, damage)
			return
		}
	}
	res.Diagnostics.Add(source.Warning, "edgar.malformed", at, "the submission is damaged: %v", damage)
}

// choose picks the documents of a submission to convert, those of kind
// or, when kind is "", of the first convertible document's kind, and
// warns of the convertible documents it leaves out. A submission with
// nothing of the kind is an error naming the types it holds.
func (res *Result) choose(file string, sub *edgar.Submission, kind string) ([]edgar.Document, error) {
	docs := sub.Convertible()
	forced := kind != ""
	if len(docs) == 0 && (kind == "" || kind == edgar.KindRelease) {
		if forms := reportForms(sub); len(forms) > 0 {
			res.Diagnostics.Add(source.Info, "edgar.formRead", lineStart(file, forms[0].Line),
				"no exhibit holds a release (EX-99): the %s document itself is read for its tables", forms[0].Type)
			return forms, nil
		}
	}
	if !forced && len(docs) > 0 {
		kind = docs[0].Kind()
	}
	var chosen, others []edgar.Document
	for _, d := range docs {
		if d.Kind() == kind {
			chosen = append(chosen, d)
		} else {
			others = append(others, d)
		}
	}
	if len(chosen) == 0 {
		var types []string
		for _, d := range sub.Documents {
			types = append(types, d.Type)
		}
		what := "a release (EX-99), an annual or quarterly report (10-K, 10-Q, 20-F) or a conflict minerals report (SD, EX-1.01)"
		if forced {
			what = "of the kind given, " + describeKind(kind)
		}
		return nil, &source.ParseError{Pos: lineStart(file, 1),
			Err: fmt.Errorf("no document of the submission is %s; it holds %s", what, strings.Join(types, ", "))}
	}
	for _, d := range others {
		why := fmt.Sprintf("xport converts one kind of document per submission, here %s from the %s at line %d (--kind %s converts this one)",
			describeKind(kind), chosen[0].Type, chosen[0].Line, d.Kind())
		if forced {
			why = "the kind given (--kind " + kind + ") is " + describeKind(kind)
		}
		res.Diagnostics.Add(source.Warning, "edgar.notConverted", lineStart(file, d.Line), "%s is not converted: %s", d.Type, why)
	}
	return chosen, nil
}

// reportForms returns the text documents of an 8-K (8-K, 8-K/A, 8-K405)
// submission whose type is the form itself: before exhibits held them,
// and still in many filings of the 1990s, the figures (an acquired
// company's statements, a quarter's results) were printed in the form.
func reportForms(sub *edgar.Submission) []edgar.Document {
	var out []edgar.Document
	for _, d := range sub.Documents {
		t := strings.ToUpper(strings.TrimSpace(d.Type))
		if !d.Binary && (t == "8-K" || t == "8-K/A" || t == "8-K405" || t == "8-K405/A") {
			out = append(out, d)
		}
	}
	return out
}

// assemble joins the texts of documents, each on the lines it has in the
// submission, the lines between them left empty.
func assemble(docs []edgar.Document) []byte {
	var text []byte
	lines := 0
	for _, d := range docs {
		text = append(text, bytes.Repeat([]byte("\n"), max(d.FirstLine-1-lines, 0))...)
		text = append(text, d.Text...)
		if !bytes.HasSuffix(text, []byte("\n")) {
			text = append(text, '\n')
		}
		lines = bytes.Count(text, []byte("\n"))
	}
	return text
}

// lineStart is the position of the start of a line; 1 when unknown.
func lineStart(file string, line int) source.Pos {
	return source.Pos{File: file, Line: max(line, 1), Col: 1}
}

// headerPos is the position of value on line n of data: the start of the
// line if the value is not on it.
func headerPos(file string, data []byte, n int, value string) source.Pos {
	at := lineStart(file, n)
	for i := 1; i < n && len(data) > 0; i++ {
		j := bytes.IndexByte(data, '\n')
		if j < 0 {
			return at
		}
		data = data[j+1:]
	}
	if j := bytes.IndexByte(data, '\n'); j >= 0 {
		data = data[:j]
	}
	if c := bytes.Index(data, []byte(value)); c >= 0 {
		at.Col = c + 1
	}
	return at
}

// mapOptions are the map stage's options for the input.
func (in *input) mapOptions(opts Options) mapping.Options {
	mo := mapping.Options{CIK: opts.CIK, Name: opts.Name, Registrant: in.registrant, RegistrantPos: in.registrantPos,
		Form: in.form, FormPos: in.formPos, Schedules: in.schedules}
	if mo.CIK == "" {
		mo.CIK, mo.CIKPos = in.cik, in.cikPos
	}
	return mo
}

// mineralsOptions are the minerals reader's options for the input.
func (in *input) mineralsOptions() minerals.Options {
	return minerals.Options{Registrant: minerals.Field{Value: in.registrant, Pos: in.registrantPos}}
}
