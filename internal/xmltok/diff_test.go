package xmltok

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// stricter lists the rules xmltok enforces that encoding/xml does not,
// with where the specifications state them: the only reasons xmltok may
// reject a document encoding/xml reads. "XML" is XML 1.0 (fifth
// edition), "Namespaces" Namespaces in XML 1.0 (third edition).
var stricter = []struct {
	rule error
	spec string
}{
	{errDocument, "XML §2.1 [1] document, §2.8 [22] prolog, [27] Misc: one root element, and outside it only comments, PIs and white space"},
	{errXMLDecl, "XML §2.8 [23] XMLDecl, [24]–[26] VersionInfo (\"1.0\", as encoding/xml requires), §4.3.3 [80] EncodingDecl (UTF-8, the only encoding read), §2.9 [32] SDDecl; the declaration only at the start"},
	{errDoctype, "XML §2.8 [28] doctypedecl: one, in the prolog, <!DOCTYPE S Name ...>; no other <! markup outside it"},
	{errPI, "XML §2.6 [16] PI (white space after the target), [17] PITarget (not xml in any case); Namespaces §7 (no colon in a target)"},
	{errChar, "XML §2.2 [2] Char in comments, PIs and the DOCTYPE; §4.1 WFC: Legal Character (no reference to a surrogate)"},
	{errAttrSpace, "XML §3.1 [40] STag, [44] EmptyElemTag: white space before each attribute"},
	{errUniqueAttr, "XML §3.1 WFC: Unique Att Spec; Namespaces §6.3 (no two attributes with one expanded name)"},
	{errPrefixDeclared, "Namespaces §5 NSC: Prefix Declared"},
	{errQName, "Namespaces §3 [7] QName, §7: a colon only between a prefix and a local name"},
	{errNSDecl, "Namespaces §3: xmlns not declared, xml bound only to its namespace, neither namespace bound to another prefix or as the default, no empty declaration of a prefix"},
}

// tok is a token as both tokenizers can give it.
type tok struct {
	Kind   Kind
	Offset int // of a StartElement
	Name   xml.Name
	Attr   []xml.Attr
	Text   string
}

func (t tok) String() string {
	return fmt.Sprintf("%v@%d %v %v %q", t.Kind, t.Offset, t.Name, t.Attr, t.Text)
}

// goTokens reads src with encoding/xml, as strict as it gets.
func goTokens(src []byte) ([]tok, error) {
	d := xml.NewDecoder(bytes.NewReader(src))
	d.Strict = true
	var out []tok
	for {
		off := int(d.InputOffset())
		t, err := d.Token()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		switch t := t.(type) {
		case xml.StartElement:
			out = append(out, tok{Kind: StartElement, Offset: off, Name: t.Name, Attr: t.Attr})
		case xml.EndElement:
			out = append(out, tok{Kind: EndElement, Name: t.Name})
		case xml.CharData:
			out = append(out, tok{Kind: CharData, Text: string(t)})
		case xml.Comment:
			out = append(out, tok{Kind: Comment, Text: string(t)})
		case xml.ProcInst:
			out = append(out, tok{Kind: ProcInst, Name: xml.Name{Local: t.Target}, Text: string(t.Inst)})
		case xml.Directive:
			out = append(out, tok{Kind: Directive, Text: string(t)})
		}
	}
}

// ourTokens reads src with a Tokenizer, checking what every token and
// error must meet: offsets that increase, inside the input.
func ourTokens(t *testing.T, src []byte) ([]tok, error) {
	tk := New(src)
	var out []tok
	last := -1
	for {
		tt, err := tk.Next()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.Offset < 0 || e.Offset > len(src) {
				t.Fatalf("error %v is not an *Error inside the input of %d bytes", err, len(src))
			}
			if again, _ := tk.Next(); again != nil {
				t.Fatalf("a token after the error %v: %v", err, again)
			}
			return out, err
		}
		if tt.Offset < last || tt.Offset >= len(src) {
			t.Fatalf("%v at offset %d, after one at %d, in %d bytes", tt.Kind, tt.Offset, last, len(src))
		}
		last = tt.Offset
		x := tok{Kind: tt.Kind, Name: tt.Name, Attr: slices.Clone(tt.Attr), Text: tt.Text}
		if tt.Kind == StartElement {
			x.Offset = tt.Offset
		}
		out = append(out, x)
	}
}

// normalise makes the two token streams comparable: adjacent char data
// joined, then each difference that is not a mismatch removed.
func normalise(ours, theirs []tok) ([]tok, []tok) {
	ours, theirs = joinText(ours), joinText(theirs)
	// encoding/xml reads a byte order mark as text; it is not part of
	// the document's characters (XML §4.3.3, Appendix F).
	if len(theirs) > 0 && theirs[0].Kind == CharData && strings.HasPrefix(theirs[0].Text, "\uFEFF") {
		theirs[0].Text = strings.TrimPrefix(theirs[0].Text, "\uFEFF")
		if theirs[0].Text == "" {
			theirs = theirs[1:]
		}
	}
	for i := range ours {
		switch t := &ours[i]; t.Kind {
		case Directive:
			// encoding/xml replaces each comment in a directive with a
			// space; xmltok gives the directive as written.
			t.Text = directiveText(t.Text)
		case StartElement, EndElement:
			// encoding/xml leaves an element named xmlns (unprefixed)
			// outside the default namespace (Decoder.translate); it is
			// in it (Namespaces §6.2).
			if i < len(theirs) && theirs[i].Name == (xml.Name{Local: "xmlns"}) && t.Name.Local == "xmlns" {
				t.Name.Space = ""
			}
		}
	}
	return ours, theirs
}

func joinText(ts []tok) []tok {
	var out []tok
	for _, t := range ts {
		if n := len(out); n > 0 && t.Kind == CharData && out[n-1].Kind == CharData {
			out[n-1].Text += t.Text
			continue
		}
		out = append(out, t)
	}
	return out
}

// directiveText replaces the comments of a directive as encoding/xml
// does: each <!--...--> outside quotes by a space.
func directiveText(s string) string {
	var b strings.Builder
	var quote byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '<' && strings.HasPrefix(s[i:], "<!--"):
			k := strings.Index(s[i+len("<!--"):], "-->")
			b.WriteByte(' ')
			i += len("<!--") + k + len("-->") - 1
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// compare feeds src to both tokenizers: both must fail, or both read
// the same tokens; or xmltok fails for a rule in stricter.
func compare(t *testing.T, src []byte) {
	ours, ourErr := ourTokens(t, src)
	theirs, theirErr := goTokens(src)
	switch {
	case ourErr != nil && theirErr != nil:
		return
	case ourErr != nil:
		for _, s := range stricter {
			if errors.Is(ourErr, s.rule) {
				return
			}
		}
		t.Fatalf("xmltok: %v\nencoding/xml reads %q", ourErr, src)
	case theirErr != nil:
		t.Fatalf("encoding/xml: %v\nxmltok reads %q", theirErr, src)
	}
	ours, theirs = normalise(ours, theirs)
	for i := range max(len(ours), len(theirs)) {
		if i >= len(ours) || i >= len(theirs) || !equal(ours[i], theirs[i]) {
			t.Fatalf("token %d differs in %q:\nxmltok:       %v\nencoding/xml: %v", i, src, at(ours, i), at(theirs, i))
		}
	}
}

func equal(a, b tok) bool {
	return a.Kind == b.Kind && a.Offset == b.Offset && a.Name == b.Name && a.Text == b.Text && slices.Equal(a.Attr, b.Attr)
}

func at(ts []tok, i int) string {
	if i < len(ts) {
		return ts[i].String()
	}
	return "(none)"
}

// seeds are documents that exercise the corners of XML, and those the
// fuzzer found the tokenizers to disagree on before they were fixed.
var seeds = []string{
	// well-formed
	`<a/>`,
	"\uFEFF<?xml version='1.0' encoding='utf-8' standalone='yes'?>\r\n<a>\r\n</a>\r",
	`<?xml version="1.0"?><!DOCTYPE a SYSTEM "a.dtd" [<!ENTITY e "<!-- not a comment -->"><!-- a comment > --><!ELEMENT a ANY>]><a/>`,
	`<a xmlns="u" xmlns:p="v" p:x="1" x='2' xml:lang="en"><p:b xmlns:p="w" p:x="3"/><p:b/><c xmlns=""/></a>`,
	`<a b = "1	2&#10;3&#x9;&lt;&gt;&amp;&apos;&quot;" c="'" d='"'>x&#65;&#x10FFFF;y<![CDATA[<&]]]]><![CDATA[>]]>z</a>`,
	"<a>\r\n\r]]&gt;\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80</a>",
	`<?pi some instruction ?><!-- comment --><a><?pi?><!----></a><!-- after -->`,
	`<été xmlns:é="u"><é:b/></été>`,
	`<xmlns xmlns="u"/>`,
	`<a b="]]>"/>`,
	// not well-formed for both
	``, ` `, `<`, `<a>`, `<a></b>`, `</a>`, `<a><b></a></b>`, `<a b></a>`, `<a b=c></a>`, `<a b="<"/>`,
	`<a>&unknown;</a>`, `<a>&#0;</a>`, `<a>&#xFFFE;</a>`, `<a>&#x110000;</a>`, `<a>&#12</a>`, `<a>& </a>`,
	`<a>]]></a>`, "<a>\x01</a>", "<a>\xff</a>", "<a b='\xed\xa0\x80'/>", `<a><!-- -- --></a>`, `<a><!--- --->`,
	`<?xml version="1.1"?><a/>`, `<?xml version="1.0" encoding="latin1"?><a/>`, `<a:b:c/>`, `<1a/>`, `<a><![CDATA[x</a>`,
	`<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>`, `<a b="1"/ >`, `<a></a `, `<a><![CDAT[x]]></a>`,
	// not well-formed, for xmltok only
	`<!">`, // encoding/xml does not look at the byte after <! for a quote
	`<a/><b/>`, `text<a/>`, `<a/>text`, `<a/>&amp;`, `<![CDATA[x]]><a/>`, ` <?xml version="1.0"?><a/>`, `<a><?xml version="1.0"?></a>`,
	`<?XML version="1.0"?><a/>`, `<?xml version = "1.1"?><a/>`, `<?xml encoding="UTF-8"?><a/>`, `<?xml?><a/>`,
	`<?xml version="1.0" standalone="maybe"?><a/>`, `<?xml version="1.0"encoding="UTF-8"?><a/>`,
	`<?p:q x?><a/>`, `<?a?b?><a/>`, "<?a \x01?><a/>", "<a><!-- \xff --></a>", `<a>&#xD800;</a>`,
	`<!ELEMENT a ANY><a/>`, `<a/><!DOCTYPE a>`, `<!DOCTYPE a><!DOCTYPE a><a/>`, `<!DOCTYPE><a/>`, `<a><!DOCTYPE a></a>`,
	`<a b="1"c="2"/>`, `<a b="1" b="2"/>`, `<a xmlns:p="u" xmlns:q="u" p:b="1" q:b="2"/>`,
	`<p:a/>`, `<a p:b="1"/>`, `<:a/>`, `<a:/>`, `<a b:="1"/>`, `<a:1b xmlns:a="u"/>`,
	`<a xmlns:xmlns="u"/>`, `<a xmlns:xml="u"/>`, `<a xmlns:p="http://www.w3.org/XML/1998/namespace"/>`,
	`<a xmlns="http://www.w3.org/2000/xmlns/"/>`, `<a xmlns:p=""/>`, `<xmlns:a/>`,
}

func TestSeedsAgree(t *testing.T) {
	for _, s := range seeds {
		t.Run("", func(t *testing.T) { compare(t, []byte(s)) })
	}
	for _, path := range instances(t) {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		t.Run(filepath.Base(path), func(t *testing.T) { compare(t, data) })
	}
}

// instances returns the XBRL instances of xport's test data.
func instances(tb testing.TB) []string {
	var paths []string
	for _, dir := range []string{"../../testdata", "../../validate/testdata"} {
		err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() && filepath.Ext(path) == ".xbrl" {
				paths = append(paths, path)
			}
			if errors.Is(err, os.ErrNotExist) {
				return filepath.SkipDir
			}
			return err
		})
		if err != nil {
			tb.Fatal(err)
		}
	}
	if len(paths) == 0 {
		tb.Fatal("no .xbrl files in the test data")
	}
	return paths
}

// FuzzTokens requires xmltok and encoding/xml to agree on every input:
// both fail, or both read the same tokens, or xmltok fails for one of
// the rules in stricter.
func FuzzTokens(f *testing.F) {
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	for _, path := range instances(f) {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		// Mutating and minimising a large instance stalls the fuzzer;
		// TestSeedsAgree compares those whole.
		if len(data) <= 64<<10 {
			f.Add(data)
		}
	}
	f.Fuzz(compare)
}
