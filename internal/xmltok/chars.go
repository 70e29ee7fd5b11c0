package xmltok

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Byte classes, for the loops that skip what needs no attention.
var (
	textPlain  [256]bool // in character data: not '<', '&', ']', '\r', a control character or the start of a multi-byte character
	attrPlain  [256]bool // in an attribute value: the same, with the quotes special and ']' plain
	nameByte   [256]bool // may be part of a name, as encoding/xml delimits one: [A-Za-z0-9_:.-] and every non-ASCII byte
	nameStart7 [256]bool // an ASCII byte a name may start with: [A-Za-z_:]
)

func init() {
	for c := 0x20; c < 0x80; c++ {
		textPlain[c] = c != '<' && c != '&' && c != ']'
		attrPlain[c] = c != '<' && c != '&' && c != '"' && c != '\''
	}
	textPlain['\t'], textPlain['\n'] = true, true
	attrPlain['\t'], attrPlain['\n'] = true, true
	for c := 0; c < 256; c++ {
		letter := 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
		nameStart7[c] = letter || c == '_' || c == ':'
		nameByte[c] = nameStart7[c] || '0' <= c && c <= '9' || c == '.' || c == '-' || c >= 0x80
	}
}

// IsChar reports whether r is a character XML allows (§2.2 [2]).
func IsChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		0x20 <= r && r <= 0xD7FF || 0xE000 <= r && r <= 0xFFFD || 0x10000 <= r && r <= 0x10FFFF
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// skipSpace returns the offset of the first byte at or after i that is
// not white space.
func skipSpace(s string, i int) int {
	for i < len(s) && isSpace(s[i]) {
		i++
	}
	return i
}

// badChar returns the offset in s of its first byte that does not start
// a character XML allows, and what is wrong there; -1 if there is none.
func badChar(s string) (int, string) {
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case textPlain[c] || c == '<' || c == '&' || c == ']' || c == '\r':
			i++
		case c < utf8.RuneSelf:
			return i, illegal(rune(c))
		default:
			r, n := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && n == 1 {
				return i, "invalid UTF-8"
			}
			if !IsChar(r) {
				return i, illegal(r)
			}
			i += n
		}
	}
	return -1, ""
}

func illegal(r rune) string { return fmt.Sprintf("illegal character %U", r) }

// newlines returns s with each \r\n and each other \r made \n.
func newlines(s string) string {
	if strings.IndexByte(s, '\r') < 0 {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

// text reads characters from i: character data up to the next '<' when
// quote is 0, else an attribute value up to the closing quote. It
// returns them with references replaced and line ends normalised, and
// the offset of the '<' or quote that ends them.
func (t *Tokenizer) text(i int, quote byte) (string, int, error) {
	s := t.src
	plain := &textPlain
	if quote != 0 {
		plain = &attrPlain
	}
	start, copied := i, i // s[start:copied] is decoded in t.buf
	t.buf = t.buf[:0]
	for {
		if quote != 0 {
			i = skipPlain8(s, i)
		}
		for i < len(s) && plain[s[i]] {
			i++
		}
		if i == len(s) {
			break
		}
		switch c := s[i]; {
		case c == '<':
			if quote == 0 {
				return t.textOf(start, copied, i), i, nil
			}
			return "", i, fail(i, "'<' in an attribute value (write &lt;)")
		case c == quote && quote != 0:
			return t.textOf(start, copied, i), i, nil
		case c == '"' || c == '\'':
			i++
		case c == ']':
			if quote == 0 && strings.HasPrefix(s[i:], "]]>") {
				return "", i, fail(i, "\"]]>\" in character data (write ]]&gt;)")
			}
			i++
		case c == '&':
			r, n, err := t.reference(i)
			if err != nil {
				return "", i, err
			}
			t.buf = utf8.AppendRune(append(t.buf, s[copied:i]...), r)
			i += n
			copied = i
		case c == '\r':
			t.buf = append(append(t.buf, s[copied:i]...), '\n')
			i++
			if i < len(s) && s[i] == '\n' {
				i++
			}
			copied = i
		case c < utf8.RuneSelf:
			return "", i, fail(i, "%s", illegal(rune(c)))
		default:
			r, n := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && n == 1 {
				return "", i, fail(i, "invalid UTF-8")
			}
			if !IsChar(r) {
				return "", i, fail(i, "%s", illegal(r))
			}
			i += n
		}
	}
	if quote != 0 {
		return "", i, fail(i, "unexpected end of input in an attribute value")
	}
	return t.textOf(start, copied, i), i, nil
}

// Attribute values are long enough to be worth reading 8 bytes at a time.
const (
	ones = 0x0101010101010101
	high = 0x8080808080808080
)

// skipPlain8 returns the offset, from i on, of the first 8 bytes of s
// of which one may need attention in an attribute value: is not in
// 0x20–0x7F, or is <, &, " or '. (There may be fewer than 8 bytes left
// from there.)
func skipPlain8(s string, i int) int {
	for ; i+8 <= len(s); i += 8 {
		b := s[i : i+8]
		w := uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
			uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
		// Each term sets the high bit of some byte if one of the bytes is
		// below 0x20, above 0x7F, or the byte compared.
		if ((w-0x20*ones)&^w|w|zero(w^'<'*ones)|zero(w^'&'*ones)|zero(w^'"'*ones)|zero(w^'\''*ones))&high != 0 {
			return i
		}
	}
	return i
}

// zero sets the high bit of some byte of the result if, and only if, a
// byte of x is 0.
func zero(x uint64) uint64 { return (x - ones) &^ x }

// textOf returns the text from start to end, whose part up to copied is
// decoded in t.buf: a substring of the input if nothing was decoded.
func (t *Tokenizer) textOf(start, copied, end int) string {
	if copied == start {
		return t.src[start:end]
	}
	return string(append(t.buf, t.src[copied:end]...))
}

// predefined are the entities XML predefines (§4.6), with their
// characters.
var predefined = [...]struct {
	name string // as referenced, after the '&'
	r    rune
}{{"lt;", '<'}, {"gt;", '>'}, {"amp;", '&'}, {"apos;", '\''}, {"quot;", '"'}}

// reference reads the reference at i, which holds '&': the character it
// stands for and the reference's length.
func (t *Tokenizer) reference(i int) (rune, int, error) {
	s := t.src[i:]
	if strings.HasPrefix(s, "&#") {
		return charRef(s, i)
	}
	for _, e := range predefined {
		if strings.HasPrefix(s[1:], e.name) {
			return e.r, 1 + len(e.name), nil
		}
	}
	n := 1
	for n < len(s) && n < 64 && nameByte[s[n]] {
		n++
	}
	if n < len(s) && s[n] == ';' && isName(s[1:n]) {
		return 0, 0, fail(i, "entity reference %s is not one of &lt; &gt; &amp; &apos; &quot; (entities a DTD declares are not expanded)", s[:n+1])
	}
	return 0, 0, fail(i, "'&' that starts no reference (write &amp;)")
}

// charRef reads the character reference s starts with (&#N; or &#xH;),
// which is at offset off.
func charRef(s string, off int) (rune, int, error) {
	i, base := 2, rune(10)
	if i < len(s) && s[i] == 'x' {
		i, base = 3, 16
	}
	digits := i
	var r rune
	for ; i < len(s); i++ {
		d := digit(s[i], base)
		if d < 0 {
			break
		}
		if r <= unicode.MaxRune {
			r = r*base + d
		}
	}
	if i == len(s) || s[i] != ';' {
		return 0, 0, fail(off, "character reference %q has no ';'", s[:i])
	}
	if i == digits {
		return 0, 0, fail(off, "character reference %s has no digits", s[:i+1])
	}
	ref := s[:i+1]
	switch {
	case 0xD800 <= r && r <= 0xDFFF:
		return 0, 0, breaks(off, errChar, "character reference %s stands for a surrogate, not a character", ref)
	case !IsChar(r):
		return 0, 0, fail(off, "character reference %s stands for an %s", ref, illegal(r))
	}
	return r, i + 1, nil
}

// digit returns the value of the digit c in base 10 or 16, or -1.
func digit(c byte, base rune) rune {
	switch {
	case '0' <= c && c <= '9':
		return rune(c - '0')
	case base == 16 && 'a' <= c && c <= 'f':
		return rune(c-'a') + 10
	case base == 16 && 'A' <= c && c <= 'F':
		return rune(c-'A') + 10
	}
	return -1
}

// name reads the name at i, delimited as encoding/xml delimits one: up
// to the first ASCII byte that cannot be part of a name. what says what
// is expected there, for the error if there is no name.
func (t *Tokenizer) name(i int, what string) (string, int, error) {
	s := t.src
	j := i
	var or byte // of the name's bytes, to tell an ASCII name
	for j < len(s) && nameByte[s[j]] {
		or |= s[j]
		j++
	}
	switch {
	case j == len(s):
		return "", j, fail(j, "unexpected end of input in %s", what)
	case j == i:
		return "", i, fail(i, "expected %s", what)
	case or < utf8.RuneSelf && !nameStart7[s[i]], or >= utf8.RuneSelf && !isName(s[i:j]):
		return "", i, fail(i, "%q is not a valid XML name", s[i:j])
	}
	return s[i:j], j, nil
}

//go:generate go run gen_names.go

// isName reports whether s, which holds only bytes that may be part of
// a name, is one: a character a name may start with, then characters a
// name may hold (XML 1.0 fourth edition, Appendix B, as encoding/xml has
// them).
func isName(s string) bool {
	if !startsName(s) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return nonASCIINameChars(s[i:])
		}
	}
	return true
}

// startsName reports whether s starts with a character a name may
// start with.
func startsName(s string) bool {
	switch {
	case s == "":
		return false
	case s[0] < utf8.RuneSelf:
		return nameStart7[s[0]]
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.Is(nameStart, r) // RuneError is not in the table
}

// nonASCIINameChars reports whether each non-ASCII character of s may
// be part of a name; its ASCII bytes are name bytes.
func nonASCIINameChars(s string) bool {
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || !unicode.Is(nameChar, r) {
			return false
		}
		i += n
	}
	return true
}
