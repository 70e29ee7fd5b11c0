package source

import (
	"bytes"
	"slices"
	"strings"
)

// Lines maps the byte offsets of a file to lines and columns: the
// offsets where its lines start.
type Lines []int

// NewLines indexes the lines of data.
func NewLines(data []byte) Lines {
	idx := make(Lines, 1, bytes.Count(data, []byte{'\n'})+1)
	for i := 0; ; {
		j := bytes.IndexByte(data[i:], '\n')
		if j < 0 {
			return idx
		}
		i += j + 1
		idx = append(idx, i)
	}
}

// Pos is the position of the byte at off in file, its column counted
// in bytes from 1.
func (l Lines) Pos(file string, off int64) Pos {
	i, _ := slices.BinarySearch(l, int(off)+1) // the first line starting after off
	i = max(i-1, 0)
	return Pos{File: file, Line: i + 1, Col: int(off) - l[i] + 1}
}

// Line returns line n (from 1) of data, without its line break; "" for
// a line data does not have.
func (l Lines) Line(data []byte, n int) string {
	if n < 1 || n > len(l) {
		return ""
	}
	end := len(data)
	if n < len(l) {
		end = l[n] - 1
	}
	return strings.TrimRight(string(data[l[n-1]:end]), "\r")
}
