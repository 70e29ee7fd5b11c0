package load

import (
	"bytes"
	"regexp"
	"strings"
	"unicode/utf8"
)

// declEncoding finds the encoding an XML declaration names.
var declEncoding = regexp.MustCompile(`^(?:\xef\xbb\xbf)?<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._-]+)["']`)

// asUTF8 returns an XML document declared in US-ASCII or ISO-8859-1
// (Latin-1) as UTF-8, with its declaration saying so, the bytes before
// the first non-ASCII character where they were: the declaration keeps
// its length, padded with spaces. A document in any other encoding is
// returned as it is (the tokenizer reads UTF-8 and refuses others), and
// so is a US-ASCII one with a byte that is not ASCII, for the tokenizer
// to refuse.
func asUTF8(data []byte) []byte {
	m := declEncoding.FindSubmatchIndex(data[:min(len(data), 256)])
	if m == nil {
		return data
	}
	enc := strings.ToUpper(string(data[m[2]:m[3]]))
	latin1 := enc == "ISO-8859-1" || enc == "LATIN1" || enc == "ISO_8859-1" || enc == "L1"
	if enc != "US-ASCII" && enc != "ASCII" && !latin1 {
		return data
	}
	ascii := true
	for _, c := range data {
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if !ascii && !latin1 {
		return data
	}
	var out bytes.Buffer
	out.Grow(len(data) + len(data)/8)
	out.Write(data[:m[2]])
	out.WriteString("UTF-8")
	out.WriteByte(data[m[3]]) // the closing quote
	out.WriteString(strings.Repeat(" ", m[3]-m[2]-len("UTF-8")))
	for _, c := range data[m[3]+1:] {
		out.WriteRune(rune(c)) // a Latin-1 byte is the code point of its character
	}
	return out.Bytes()
}
