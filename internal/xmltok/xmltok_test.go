package xmltok

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// show renders a token for the tables below.
func show(t *Token) string {
	switch t.Kind {
	case StartElement:
		var attrs []string
		for _, a := range t.Attr {
			attrs = append(attrs, fmt.Sprintf("{%s}%s=%q", a.Name.Space, a.Name.Local, a.Value))
		}
		return fmt.Sprintf("start@%d {%s}%s %s", t.Offset, t.Name.Space, t.Name.Local, strings.Join(attrs, " "))
	case EndElement:
		return fmt.Sprintf("end@%d {%s}%s", t.Offset, t.Name.Space, t.Name.Local)
	case ProcInst:
		return fmt.Sprintf("pi@%d %s %q", t.Offset, t.Name.Local, t.Text)
	}
	return fmt.Sprintf("%v@%d %q", t.Kind, t.Offset, t.Text)
}

func tokens(src string) ([]string, error) {
	tk := New([]byte(src))
	var out []string
	for {
		t, err := tk.Next()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		out = append(out, show(t))
	}
}

func TestTokens(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{"empty element", `<a/>`, []string{"start@0 {}a ", "end@2 {}a"}},
		{"byte order mark", "\uFEFF<a></a>", []string{"start@3 {}a ", "end@6 {}a"}},
		{"declaration and misc", "<?xml version='1.0' encoding='UTF-8'?>\n<!-- c --><?pi  x ?><a/>",
			[]string{`pi@0 xml "version='1.0' encoding='UTF-8'"`, `char data@38 "\n"`, `comment@39 " c "`, `pi@49 pi "x "`, "start@59 {}a ", "end@61 {}a"}},
		{"doctype as written", `<!DOCTYPE a [<!-- > --><!ENTITY e "x">]><a/>`,
			[]string{`directive@0 "DOCTYPE a [<!-- > --><!ENTITY e \"x\">]"`, "start@40 {}a ", "end@42 {}a"}},
		{"namespaces", `<a xmlns="u" xmlns:p="v" p:b="1" c='2' xml:lang="en"><p:d xmlns:p="w"/><e xmlns=""/></a>`,
			[]string{`start@0 {u}a {}xmlns="u" {xmlns}p="v" {v}b="1" {}c="2" {http://www.w3.org/XML/1998/namespace}lang="en"`,
				`start@53 {w}d {xmlns}p="w"`, "end@69 {w}d", `start@71 {}e {}xmlns=""`, "end@82 {}e", "end@84 {u}a"}},
		{"references", `<a b="&lt;&#65;&#x42;&quot;">&amp;&apos;&gt;&#x10FFFF;</a>`,
			[]string{`start@0 {}a {}b="<AB\""`, `char data@29 "&'>\U0010ffff"`, "end@54 {}a"}},
		{"line ends", "<a b='x\r\ny\rz\tw'>1\r\n2\r</a>",
			[]string{`start@0 {}a {}b="x\ny\nz\tw"`, `char data@16 "1\n2\n"`, "end@21 {}a"}},
		{"cdata", "<a>x<![CDATA[<&]]>\r\n]]&gt;y</a>",
			[]string{"start@0 {}a ", `char data@3 "x"`, `char data@4 "<&"`, `char data@18 "\n]]>y"`, "end@27 {}a"}},
		{"white space around =", "<a b = \"1\"\n\tc\n=\n'2'/>", []string{`start@0 {}a {}b="1" {}c="2"`, "end@19 {}a"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tokens(tt.src)
			if err != nil {
				t.Fatalf("%q: %v", tt.src, err)
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("%q:\ngot  %q\nwant %q", tt.src, got, tt.want)
			}
		})
	}
}

func TestErrors(t *testing.T) {
	bomb := "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n <!ENTITY lol2 \"&lol;&lol;\">\n]>\n<a>&lol2;</a>"
	tests := []struct {
		src    string
		offset int
		msg    string
		rule   error // the rule broken, if encoding/xml does not look for it; nil if it rejects the document too
	}{
		{``, 0, "no root element", errDocument},
		{"<!-- only a comment -->\n", 24, "no root element", errDocument},
		{`<a>`, 3, "unexpected end of input: element <a> is not closed", nil},
		{`<a><b></a>`, 6, "the element <b> is closed by </a>", nil},
		{`</a>`, 0, "the end tag </a> has no start tag", nil},
		{`<a/><b/>`, 4, "a second root element", errDocument},
		{`<a/>x`, 4, "text after the root element", errDocument},
		{`<a b="1" b="2"/>`, 9, "the attribute b is repeated", errUniqueAttr},
		{`<a xmlns:p="u" xmlns:q="u" p:b="" q:b=""/>`, 34, "the attributes p:b and q:b are both {u}b", errUniqueAttr},
		{`<a b="1"c="2"/>`, 8, "no white space before the attribute c of <a>", errAttrSpace},
		{`<p:a/>`, 1, "the prefix p of the element p:a is not declared", errPrefixDeclared},
		{`<a p:b="1"/>`, 3, "the prefix p of the attribute p:b is not declared", errPrefixDeclared},
		{`<a:/>`, 1, "a: is not a qualified name (prefix:local)", errQName},
		{`<a xmlns:p=""/>`, 3, "xmlns:p must not be empty", errNSDecl},
		{`<a b="<"/>`, 6, "'<' in an attribute value (write &lt;)", nil},
		{`<a b=1/>`, 5, "the value of the attribute b is not quoted", nil},
		{"<a>\xff</a>", 3, "invalid UTF-8", nil},
		{"<a>\x01</a>", 3, "illegal character U+0001", nil},
		{"<a><!-- \x01 --></a>", 8, "illegal character U+0001 in a comment", errChar},
		{`<a>&#0;</a>`, 3, "character reference &#0; stands for an illegal character U+0000", nil},
		{`<a>&#xD800;</a>`, 3, "character reference &#xD800; stands for a surrogate, not a character", errChar},
		{`<a>&#12</a>`, 3, `character reference "&#12" has no ';'`, nil},
		{`<a>AT&T</a>`, 5, "'&' that starts no reference (write &amp;)", nil},
		{bomb, 95, "entity reference &lol2; is not one of &lt; &gt; &amp; &apos; &quot; (entities a DTD declares are not expanded)", nil},
		{`<a>]]></a>`, 3, `"]]>" in character data (write ]]&gt;)`, nil},
		{`<a><!-- a -- b --></a>`, 10, `"--" in a comment`, nil},
		{`<1a/>`, 1, `"1a" is not a valid XML name`, nil},
		{`<a:b:c/>`, 1, "the name a:b:c has more than one colon", nil},
		{` <?xml version="1.0"?><a/>`, 1, "the XML declaration is not at the start of the document", errXMLDecl},
		{`<?xml version="1.1"?><a/>`, 6, `XML version "1.1" is not supported: only 1.0`, errXMLDecl},
		{`<?xml version = "1.1"?><a/>`, 6, `XML version "1.1" is not supported: only 1.0`, errXMLDecl}, // encoding/xml does not see this one
		{`<?xml version="1.0" encoding="ISO-8859-1"?><a/>`, 20, `encoding "ISO-8859-1" is not supported: only UTF-8`, errXMLDecl},
		{`<!ELEMENT a ANY><a/>`, 0, "<!ELEMENT is not a document type declaration, comment or CDATA section", errDoctype},
		{`<a><!DOCTYPE a></a>`, 3, "a document type declaration after the root element's start", errDoctype},
		{`<?a:b?><a/>`, 2, "the target a:b holds a colon", errPI},
	}
	for _, tt := range tests {
		_, err := tokens(tt.src)
		var e *Error
		if !errors.As(err, &e) {
			t.Errorf("%q: got %v, want an *Error", tt.src, err)
			continue
		}
		if e.Offset != tt.offset || e.Err.Error() != tt.msg {
			t.Errorf("%q:\ngot  %d: %v\nwant %d: %s", tt.src, e.Offset, e.Err, tt.offset, tt.msg)
		}
		if tt.rule != nil && !errors.Is(err, tt.rule) {
			t.Errorf("%q: %v is not an error of the rule %q", tt.src, err, tt.rule)
		}
		if _, goErr := goTokens([]byte(tt.src)); goErr == nil && tt.rule == nil {
			t.Errorf("%q: encoding/xml reads it, so the error must break a rule of stricter", tt.src)
		}
	}
}

// TestStickyError: after an error, Next returns it again.
func TestStickyError(t *testing.T) {
	tk := New([]byte(`<a><b></a>`))
	var first error
	for first == nil {
		_, first = tk.Next()
	}
	if tok, err := tk.Next(); tok != nil || err != first {
		t.Errorf("after %v: got %v, %v", first, tok, err)
	}
}

// TestNameTables checks the generated tables against encoding/xml for
// every character of the Basic Multilingual Plane beyond ASCII (there
// are none beyond it in encoding/xml's tables).
func TestNameTables(t *testing.T) {
	accepts := func(doc string) bool {
		_, err := xml.NewDecoder(strings.NewReader(doc)).Token()
		return err == nil
	}
	for r := rune(0x80); r <= 0xFFFF; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		c := string(r)
		if got, want := isName(c), accepts("<"+c+"/>"); got != want {
			t.Errorf("%U starts a name: got %t, want %t", r, got, want)
		}
		if got, want := isName("a"+c), accepts("<a"+c+"/>"); got != want {
			t.Errorf("%U in a name: got %t, want %t", r, got, want)
		}
	}
}

// TestSkipPlain8 compares the 8-byte scan with a byte at a time.
func TestSkipPlain8(t *testing.T) {
	const alphabet = "ab:/#_\t\n\x00\x1f \x7f\x80\xff<&\"'"
	rng := rand.New(rand.NewPCG(1, 2))
	for range 10000 {
		b := make([]byte, rng.IntN(40))
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
			if rng.IntN(4) > 0 {
				b[i] = 'x' // mostly plain
			}
		}
		s, from := string(b), rng.IntN(len(b)+1)
		want := from
		for ; want+8 <= len(s); want += 8 {
			if strings.ContainsFunc(s[want:want+8], func(r rune) bool { return r < 0x20 || r > 0x7f || strings.ContainsRune("<&\"'", r) }) ||
				!utf8.ValidString(s[want:want+8]) {
				break
			}
		}
		if got := skipPlain8(s, from); got != want {
			t.Fatalf("skipPlain8(%q, %d) = %d, want %d", s, from, got, want)
		}
	}
}

// TestStrings: text without references is the input's, not a copy.
func TestStrings(t *testing.T) {
	tk := New([]byte(`<a b="value">text</a>`))
	var texts []string
	for {
		tok, err := tk.Next()
		if err != nil {
			break
		}
		texts = append(texts, tok.Text)
		for _, a := range tok.Attr {
			texts = append(texts, a.Value)
		}
	}
	for _, s := range texts {
		if s != "" && !strings.Contains(tk.src, s) {
			t.Errorf("%q is not in the input", s)
		}
	}
	if n := testing.AllocsPerRun(10, func() {
		tk := New([]byte("<a b='1'>x</a>"))
		for {
			if _, err := tk.Next(); err != nil {
				break
			}
		}
	}); n > 6 {
		t.Errorf("reading a small document takes %v allocations", n)
	}
}
