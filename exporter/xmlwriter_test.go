package exporter

import (
	"encoding/xml"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/beevik/etree"

	"github.com/xport/xport/internal/xmltok"
)

// viaEtree renders, with etree indented by two spaces, what writeSample
// renders with xmlWriter.
func viaEtree(text, attr, note string) string {
	doc := etree.NewDocument()
	doc.CreateProcInst("xml", `version="1.0" encoding="UTF-8"`)
	root := doc.CreateElement("r")
	root.CreateComment(note)
	ctx := root.CreateElement("a:context")
	ctx.CreateAttr("id", attr)
	ctx.CreateElement("a:fact").SetText(text)
	ctx.CreateElement("a:empty").CreateAttr("b:x", attr)
	doc.Indent(2)
	s, err := doc.WriteToString()
	if err != nil {
		panic(err)
	}
	return s
}

func writeSample(text, attr, note string) string {
	w := newXMLWriter(0)
	w.open("r")
	w.comment(note)
	w.open("a:context", "id", attr)
	w.leaf("a:fact", text)
	w.leaf("a:empty", "", "b:x", attr)
	w.close("a:context")
	w.close("r")
	return string(w.bytes())
}

// The instance writer writes what etree wrote for the same tree, escapes
// and all, so the instance did not change when it stopped building one;
// but for comments, where it does not write what XML cannot hold.
func TestXMLWriterWritesWhatEtreeWrites(t *testing.T) {
	for _, s := range []string{
		"plain",
		"Revenue & costs <net> \"quoted\" 'single'",
		"tab\tand\nnewline\r",
		"control \x01\x1f chars",
		"bad utf-8 \xff\xfe and \xe2\x82",
		"U+FFFD \uFFFD, U+FFFE \uFFFE, 𝄞",
		"comment -- ending -",
		"---",
	} {
		// etree writes a comment's characters as they are, even those
		// XML cannot hold; xmlWriter writes U+FFFD for them.
		note := s
		if strings.ContainsFunc(s, func(r rune) bool { return !xmltok.IsChar(r) || r == utf8.RuneError }) {
			note = "a note"
		}
		want := viaEtree(s, s, note)
		if got := writeSample(s, s, note); got != want {
			t.Errorf("%q:\n got %s\nwant %s", s, got, want)
		}
	}
}

// Whatever the text, the instance writer writes well-formed XML that
// reads back as what was written, but for the characters XML cannot hold.
func FuzzXMLWriter(f *testing.F) {
	for _, s := range []string{"a & b", "x\x00y", "--", "\xff", "]]>"} {
		f.Add(s, s)
	}
	f.Fuzz(func(t *testing.T, text, note string) {
		out := writeSample(text, text, note)
		var doc struct {
			Comment string `xml:",comment"`
			Context struct {
				ID   string `xml:"id,attr"`
				Fact string `xml:"fact"`
			} `xml:"context"`
		}
		if err := xml.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatalf("not well-formed: %v\n%s", err, out)
		}
		if want := readsAs(text); doc.Context.Fact != want || doc.Context.ID != want {
			t.Errorf("%q reads back as text %q, attribute %q", text, doc.Context.Fact, doc.Context.ID)
		}
	})
}

// readsAs is what an XML parser reads for text written by xmlWriter: what
// XML cannot hold as U+FFFD, line ends as newlines.
func readsAs(text string) string {
	var b strings.Builder
	for _, r := range text {
		if !xmltok.IsChar(r) {
			r = '\uFFFD'
		}
		b.WriteRune(r)
	}
	return strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(b.String())
}
