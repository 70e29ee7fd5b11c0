package edgar

import (
	"errors"
	"fmt"
)

// parser holds the state of one Parse call.
type parser struct {
	c    cursor
	sub  Submission
	errs []error

	structure  bool // a <SEC-DOCUMENT>, <SEC-HEADER> or <DOCUMENT> was seen
	firstText  int  // first non-blank line, where a non-submission is reported
	header     headerReader
	headerOpen int // line of an unclosed <SEC-HEADER>, or 0
	secDocOpen int // line of an unclosed <SEC-DOCUMENT>, or 0
	truncated  bool
}

// Parse splits an EDGAR submission into its header and documents.
//
// Input with no submission markup gives a nil Submission and an *Error
// wrapping ErrNotSubmission. Otherwise the Submission holds everything that
// could be read, and the error, if not nil, reports what is wrong with it:
// one *Error, or several joined with errors.Join, in line order. A document
// that ends early is kept with Truncated set. Parse does not copy data:
// each Document.Text is a subslice of it.
func Parse(data []byte) (*Submission, error) {
	p := &parser{c: cursor{data: data}}
	p.run()
	if !p.structure {
		return nil, &Error{Line: max(p.firstText, 1), Err: ErrNotSubmission,
			Msg: "not an edgar submission: no <SEC-DOCUMENT>, <SEC-HEADER> or <DOCUMENT> tag"}
	}
	p.finish()
	return &p.sub, errors.Join(p.errs...)
}

// run reads the file line by line, outside documents.
func (p *parser) run() {
	for {
		line, _, ok := p.c.next()
		if !ok {
			return
		}
		if p.firstText == 0 && !isBlank(line) {
			p.firstText = p.c.num
		}
		name, _, closing, isTag := tag(line)
		switch {
		case !isTag:
			if len(p.sub.Documents) == 0 {
				p.headerLine(line)
			}
		case is(name, "SEC-DOCUMENT"):
			p.structure = true
			p.secDocOpen = open(closing, p.c.num)
		case is(name, "SEC-HEADER"):
			p.structure = true
			p.headerOpen = open(closing, p.c.num)
		case is(name, "DOCUMENT") && !closing:
			p.structure = true
			p.headerOpen = 0 // a missing </SEC-HEADER> is harmless here
			p.document()
		}
	}
}

// open returns the line a block was opened at, or 0 once it is closed.
func open(closing bool, line int) int {
	if closing {
		return 0
	}
	return line
}

// finish reports blocks still open at the end of the input, and a
// document count short of the one the header announces.
func (p *parser) finish() {
	last := max(p.c.num, 1)
	switch {
	case p.headerOpen > 0:
		p.fail(p.headerOpen, ErrTruncated, "<SEC-HEADER> is not closed")
	case p.truncated:
		// the document already says so
	case p.secDocOpen > 0:
		p.fail(p.secDocOpen, ErrTruncated, "<SEC-DOCUMENT> is not closed")
	case len(p.sub.Documents) < p.sub.Header.DocumentCount:
		p.fail(last, ErrTruncated, fmt.Sprintf("header announces %d documents, file has %d",
			p.sub.Header.DocumentCount, len(p.sub.Documents)))
	}
	if len(p.sub.Documents) == 0 && !p.truncated && p.headerOpen == 0 {
		p.fail(last, ErrTruncated, "no <DOCUMENT> in submission")
	}
}

// fail records a problem at a line.
func (p *parser) fail(line int, kind error, msg string) {
	p.errs = append(p.errs, &Error{Line: line, Msg: msg, Err: kind})
}

// document reads one document, the <DOCUMENT> line having just been read,
// up to its </DOCUMENT> or to whatever shows it ended early.
func (p *parser) document() {
	d := Document{Line: p.c.num}
	defer func() { p.sub.Documents = append(p.sub.Documents, d) }()
	for {
		save := p.c
		line, start, ok := p.c.next()
		if !ok {
			p.truncate(&d, d.Line, "<DOCUMENT> has no </DOCUMENT>")
			return
		}
		name, value, closing, isTag := tag(line)
		if !isTag {
			continue
		}
		switch {
		case is(name, "DOCUMENT"):
			if !closing {
				p.c = save // the next document starts here
				p.truncate(&d, d.Line, "<DOCUMENT> has no </DOCUMENT>")
			}
			p.checkText(&d)
			return
		case closing:
		case is(name, "TYPE"):
			d.Type, d.TypeLine = string(value), p.c.num
		case is(name, "SEQUENCE"):
			d.Sequence = string(value)
		case is(name, "FILENAME"):
			d.Filename = string(value)
		case is(name, "DESCRIPTION"):
			d.Description = string(value)
		case is(name, "TEXT") && d.FirstLine == 0:
			if !p.text(&d, line, start) {
				return
			}
		}
	}
}

// checkText reports a document that ended without a <TEXT> block.
func (p *parser) checkText(d *Document) {
	if d.FirstLine == 0 {
		d.FirstLine = p.c.num
		p.fail(d.Line, ErrMalformed, "<DOCUMENT> has no <TEXT>")
	}
}

// truncate marks d as cut short and reports it at line.
func (p *parser) truncate(d *Document, line int, msg string) {
	if d.FirstLine == 0 {
		d.FirstLine = max(p.c.num, 1)
	}
	d.Truncated = true
	p.truncated = true
	p.fail(line, ErrTruncated, msg)
}
