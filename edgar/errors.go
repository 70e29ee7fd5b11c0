package edgar

import (
	"errors"
	"fmt"
)

// Sentinel errors, for errors.Is on what Parse returns.
var (
	// ErrNotSubmission: the input has no EDGAR submission markup at all.
	ErrNotSubmission = errors.New("not an edgar submission")
	// ErrTruncated: a block is opened and never closed, or the header
	// announces more documents than the file holds.
	ErrTruncated = errors.New("truncated submission")
	// ErrMalformed: a block is complete but a part of it is wrong, such as
	// a document without <TEXT> or a date that is not YYYYMMDD.
	ErrMalformed = errors.New("malformed submission")
)

// Error is a problem in a submission, at a 1-based line of it.
type Error struct {
	Line int
	Msg  string
	Err  error // one of the sentinel errors above
}

func (e *Error) Error() string { return fmt.Sprintf("line %d: %s", e.Line, e.Msg) }

// Unwrap returns the sentinel error that classifies e.
func (e *Error) Unwrap() error { return e.Err }
