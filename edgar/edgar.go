package edgar

import (
	"strings"
	"time"
)

// Submission is an EDGAR submission text file: its header and its
// documents, in file order.
type Submission struct {
	Header    Header
	Documents []Document
}

// Header holds the fields of the <SEC-HEADER> block that conversion needs.
// A field the header does not have is left zero.
type Header struct {
	Accession      string    // ACCESSION NUMBER
	FormType       string    // CONFORMED SUBMISSION TYPE, e.g. "8-K"
	DocumentCount  int       // PUBLIC DOCUMENT COUNT
	PeriodOfReport time.Time // CONFORMED PERIOD OF REPORT, UTC midnight
	FiledAsOf      time.Time // FILED AS OF DATE, UTC midnight

	// CIK and CompanyName come from the first company block of the header.
	// Role names the section that block is in ("FILER", "SUBJECT COMPANY",
	// "FILED BY", ...), and Companies counts the company blocks, so a
	// caller can tell when there were others.
	CIK         string // CENTRAL INDEX KEY, with its leading zeros
	CompanyName string // COMPANY CONFORMED NAME
	Role        string
	Companies   int
	CIKLine     int // 1-based line CIK was read from
	NameLine    int // 1-based line CompanyName was read from
}

// Document is one <DOCUMENT> block of a submission.
type Document struct {
	Type        string // <TYPE>, e.g. "EX-99.1"
	Sequence    string // <SEQUENCE>
	Filename    string // <FILENAME>
	Description string // <DESCRIPTION>

	// Text is the content between <TEXT> and </TEXT>, tags excluded, as a
	// subslice of the data given to Parse: line terminators are kept as
	// they were. FirstLine is the 1-based line of the submission where
	// Text starts, so line n of Text is line FirstLine+n-1 of the
	// submission.
	Text      []byte
	FirstLine int

	Line      int  // 1-based line of the <DOCUMENT> tag
	TypeLine  int  // 1-based line of the <TYPE> tag; 0 when there is none
	Binary    bool // Text is uuencoded, or wrapped in <PDF>
	Truncated bool // </TEXT> or </DOCUMENT> is missing: Text is what was read
}

// Document kinds that xport converts.
const (
	KindRelease  = "release"  // an earnings release: EX-99, EX-99.1, ...
	KindMinerals = "minerals" // Form SD and its conflict minerals report
	KindPeriodic = "periodic" // an annual or quarterly report: 10-K, 10-Q, 20-F, ... and EX-13
)

// periodicForms are the annual and quarterly report forms, each also as
// an amendment (with "/A").
var periodicForms = map[string]bool{
	"10-K": true, "10-K405": true, "10-KSB": true, "10-KSB40": true, "10-KT": true, "10-K405T": true,
	"10-Q": true, "10-QSB": true, "10-QT": true, "20-F": true, "40-F": true,
}

// IsPeriodicForm reports whether a form type (a submission's or a
// document's) is an annual or quarterly report or an amendment of one.
func IsPeriodicForm(form string) bool {
	t := strings.ToUpper(strings.TrimSpace(form))
	return periodicForms[strings.TrimSuffix(t, "/A")]
}

// Kind says which converter a document is for: KindRelease for any EX-99
// exhibit, KindMinerals for a Form SD (or SD/A) and its EX-1.01 or EX-1.02
// report, KindPeriodic for an annual or quarterly report form and for
// EX-13, the annual report to security holders that many 10-Ks of the
// 1990s print their statements in, and "" for any other type.
func (d Document) Kind() string {
	t := strings.ToUpper(strings.TrimSpace(d.Type))
	switch {
	case strings.HasPrefix(t, "EX-99"):
		return KindRelease
	case t == "SD", t == "SD/A", t == "EX-1.01", t == "EX-1.02":
		return KindMinerals
	case IsPeriodicForm(t), t == "EX-13", strings.HasPrefix(t, "EX-13."):
		return KindPeriodic
	}
	return ""
}

// Convertible returns the documents xport can convert: those that have a
// Kind and are text, not binary. A truncated document is included; Parse
// has reported it.
func (s *Submission) Convertible() []Document {
	var out []Document
	for _, d := range s.Documents {
		if !d.Binary && d.Kind() != "" {
			out = append(out, d)
		}
	}
	return out
}

// sniffLen is how much of the input IsSubmission looks at.
const sniffLen = 8 << 10

// IsSubmission reports whether data looks like an EDGAR submission: a line
// of its first 8 KB starts with <SEC-DOCUMENT>, <SEC-HEADER> or <DOCUMENT>.
// It is a cheap test for choosing a reader; Parse decides.
func IsSubmission(data []byte) bool {
	c := cursor{data: data[:min(len(data), sniffLen)]}
	for {
		line, _, ok := c.next()
		if !ok {
			return false
		}
		if name, _, closing, ok := tag(line); ok && !closing && isStructure(name) {
			return true
		}
	}
}

// isStructure reports whether a tag name opens a submission.
func isStructure(name []byte) bool {
	return is(name, "SEC-DOCUMENT") || is(name, "SEC-HEADER") || is(name, "DOCUMENT")
}
