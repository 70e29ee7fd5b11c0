package source

import (
	"fmt"
	"strconv"
	"strings"
)

// Pos is a place in a source document. Line and Col are 1-based; Col counts
// bytes of the original line, as Go's own tools do. The zero Pos means
// "no position".
type Pos struct {
	File string `json:"file,omitempty"`
	Line int    `json:"line"`
	Col  int    `json:"column"`
}

// IsValid reports whether p names a line.
func (p Pos) IsValid() bool { return p.Line > 0 }

// String renders p as file:line:col, leaving out what is unknown.
func (p Pos) String() string {
	switch {
	case !p.IsValid() && p.File == "":
		return "-"
	case !p.IsValid():
		return p.File
	case p.File == "":
		return fmt.Sprintf("%d:%d", p.Line, p.Col)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Before orders positions by file, line and column.
func (p Pos) Before(q Pos) bool {
	if p.File != q.File {
		return p.File < q.File
	}
	if p.Line != q.Line {
		return p.Line < q.Line
	}
	return p.Col < q.Col
}

// ParseError is a problem that stops a source document from being read, at a position.
type ParseError struct {
	Pos Pos
	Err error
}

func (e *ParseError) Error() string { return e.Pos.String() + ": " + e.Err.Error() }

// Unwrap returns the underlying error.
func (e *ParseError) Unwrap() error { return e.Err }

// ParsePos reads "file:line:col" as String writes it.
func ParsePos(s string) (Pos, bool) {
	i := strings.LastIndexByte(s, ':')
	if i < 0 {
		return Pos{}, false
	}
	j := strings.LastIndexByte(s[:i], ':')
	if j < 0 {
		return Pos{}, false
	}
	line, err1 := strconv.Atoi(s[j+1 : i])
	col, err2 := strconv.Atoi(s[i+1:])
	if err1 != nil || err2 != nil || line < 1 || col < 1 {
		return Pos{}, false
	}
	return Pos{File: s[:j], Line: line, Col: col}, true
}
