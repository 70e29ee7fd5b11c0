package htmltext

import (
	"bytes"

	"golang.org/x/net/html"
)

// Token is a token of an HTML document at its byte offset: text, a start
// tag with its attributes (names in lower case), or an end tag.
type Token struct {
	Type        html.TokenType // TextToken, StartTagToken, SelfClosingTagToken or EndTagToken
	Name        string         // of a tag, in lower case: "td", "ix:nonfraction"
	Attrs       map[string]string
	Raw         []byte // the token as written; valid until the next token
	Offset, End int    // where it starts and ends in the document
}

// Walk reads the tokens of an HTML document in one pass, with the Go
// project's tokenizer, and hands each to visit. Comments and doctypes are
// skipped. It returns the length read.
func Walk(data []byte, visit func(t *Token)) int {
	z := html.NewTokenizer(bytes.NewReader(data))
	z.SetMaxBuf(0)
	off := 0
	var t Token
	for {
		tt := z.Next()
		raw := z.Raw()
		t = Token{Type: tt, Raw: raw, Offset: off, End: off + len(raw)}
		off = t.End
		switch tt {
		case html.ErrorToken:
			return off
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			t.Name, t.Attrs = string(name), map[string]string{}
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				t.Attrs[string(k)] = string(v)
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			t.Name = string(name)
		case html.TextToken:
		default:
			continue
		}
		visit(&t)
	}
}
