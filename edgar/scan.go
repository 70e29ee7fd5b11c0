package edgar

import "bytes"

// cursor walks data one line at a time without copying it. It is a value,
// so a copy saved before next can be restored to read a line again.
type cursor struct {
	data []byte
	off  int // offset of the next line
	num  int // number of the line last returned; 0 before the first
}

// next returns the next line without its "\n" or "\r\n" terminator, and
// the offset of its first byte in data. ok is false at the end of data.
func (c *cursor) next() (line []byte, start int, ok bool) {
	if c.off >= len(c.data) {
		return nil, c.off, false
	}
	start = c.off
	end := len(c.data)
	if i := bytes.IndexByte(c.data[start:], '\n'); i >= 0 {
		end = start + i
		c.off = end + 1
	} else {
		c.off = end
	}
	c.num++
	line = c.data[start:end]
	if n := len(line); n > 0 && line[n-1] == '\r' {
		line = line[:n-1]
	}
	return line, start, true
}

// maxTagName bounds the search for the ">" that closes a tag, so a
// 100 MB line that starts with "<" costs no more than a short one.
const maxTagName = 32

// tag reads an SGML tag at the start of line, after optional spaces and
// tabs: "<TYPE>EX-99.1" gives name "TYPE", value "EX-99.1"; "</TEXT>" gives
// name "TEXT" and closing true. name is a subslice of line, in the case it
// was written; compare it with is. value is trimmed of blanks.
func tag(line []byte) (name, value []byte, closing, ok bool) {
	t := bytes.TrimLeft(line, " \t")
	if len(t) < 3 || t[0] != '<' {
		return nil, nil, false, false
	}
	t = t[1:]
	if t[0] == '/' {
		closing = true
		t = t[1:]
	}
	limit := min(len(t), maxTagName+1)
	gt := bytes.IndexByte(t[:limit], '>')
	if gt < 1 || !isTagName(t[:gt]) {
		return nil, nil, false, false
	}
	return t[:gt], bytes.Trim(t[gt+1:], " \t"), closing, true
}

// isTagName reports whether b is made of letters, digits and hyphens and
// starts with a letter, as EDGAR tag names are.
func isTagName(b []byte) bool {
	for i, c := range b {
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z':
		case i > 0 && ('0' <= c && c <= '9' || c == '-'):
		default:
			return false
		}
	}
	return len(b) > 0
}

// is reports whether the tag name equals want, ignoring case.
func is(name []byte, want string) bool {
	return len(name) == len(want) && bytes.EqualFold(name, []byte(want))
}

// hasSuffixFold reports whether b ends with suffix, ignoring ASCII case.
func hasSuffixFold(b []byte, suffix string) bool {
	return len(b) >= len(suffix) && bytes.EqualFold(b[len(b)-len(suffix):], []byte(suffix))
}

// isBlank reports whether line holds only spaces and tabs.
func isBlank(line []byte) bool {
	return len(bytes.TrimLeft(line, " \t")) == 0
}
