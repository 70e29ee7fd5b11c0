package load

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/xport/xport/source"
)

// TestParseXML reads documents into nodes: each at the '<' of its start
// tag, with its attributes but not its namespace declarations, the text
// of leaves, and the prefixes in scope; or a syntax error where it is.
func TestParseXML(t *testing.T) {
	tests := []struct {
		name, src string
		want      string // each node, depth first: line:col {namespace}local attributes "text" [namespace of p:x, first prefix of namespace u]
		err       string // file:line:col: message
		take      string // children of the root of this local name are taken as they end, and leave the tree
		taken     string // what was taken: line:col local attributes "text" each
	}{
		{
			name: "nodes",
			src:  "<?xml version=\"1.0\"?>\n<r xmlns=\"u\" xmlns:p=\"v\" a=\"1\">\n  <p:x p:b=\"2\">t&amp;u</p:x>\n  <y xmlns:p=\"w\" xmlns:q=\"u\"><z/></y>\n</r>",
			want: `2:1 {u}r [{{ a} 1}] "" [v ]
3:3 {v}x [{{v b} 2}] "t&u" [v ]
4:3 {u}y [] "" [w q]
4:30 {u}z [] "" [w q]`,
		},
		{
			name: "the first of several prefixes, the default namespace aside",
			src:  `<r xmlns="u" xmlns:b="u" xmlns:a="u"><a:x/></r>`,
			want: `1:1 {u}r [] "" [ a]
1:38 {u}x [] "" [ a]`,
		},
		{
			name: "children taken as they end make room for the next",
			src:  "<r>\n<f a=\"1\">one</f><k b=\"2\"><c/></k>\n<f a=\"3\" d=\"4\"><g e=\"5\">two</g></f><f>three</f>\n<k/></r>",
			take: "f",
			want: `1:1 {}r [] "" [ ]
2:17 {}k [{{ b} 2}] "" [ ]
2:26 {}c [] "" [ ]
4:1 {}k [] "" [ ]`,
			taken: `2:1 f [{{ a} 1}] "one"; 3:1 f [{{ a} 3} {{ d} 4}] "" g [{{ e} 5}] "two"; 3:36 f [] "three"`,
		},
		{name: "no root", src: "<!-- nothing -->\n", err: "doc.xbrl:2:1: no root element"},
		{name: "mismatched", src: "<r>\n  <a></b>\n</r>", err: "doc.xbrl:2:6: the element <a> is closed by </b>"},
		{name: "entity", src: "<!DOCTYPE r [<!ENTITY e \"x\">]>\n<r>&e;</r>", err: "doc.xbrl:2:4: entity reference &e; is not one of &lt; &gt; &amp; &apos; &quot; (entities a DTD declares are not expanded)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := &Document{Name: "doc.xbrl", Data: []byte(tt.src), lines: source.NewLines([]byte(tt.src))}
			l := &xmlLoader{d: d}
			var taken []string
			var take func(root, n *node) bool
			if tt.take != "" {
				take = func(_, n *node) bool {
					if n.name.Local != tt.take {
						return false
					}
					s := fmt.Sprintf("%s %s %v %q", l.pos(n), n.name.Local, n.attrs, n.text)
					for _, c := range n.children {
						s += fmt.Sprintf(" %s %v %q", c.name.Local, c.attrs, c.text)
					}
					taken = append(taken, strings.TrimPrefix(s, "doc.xbrl:"))
					return true
				}
			}
			root, err := d.parseXML(take)
			if tt.err != "" {
				var pe *source.ParseError
				if !errors.As(err, &pe) || err.Error() != tt.err {
					t.Errorf("got %v, want %s", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			var walk func(n *node)
			walk = func(n *node) {
				ns, _, _ := n.qname("p:x")
				got = append(got, fmt.Sprintf("%d:%d {%s}%s %v %q [%s %s]", l.pos(n).Line, l.pos(n).Col, n.name.Space, n.name.Local, n.attrs, n.text, ns, n.ns.prefix("u")))
				for _, c := range n.children {
					walk(c)
				}
			}
			walk(root)
			if g := strings.Join(got, "\n"); g != tt.want {
				t.Errorf("got\n%s\nwant\n%s", g, tt.want)
			}
			if g := strings.Join(taken, "; "); g != tt.taken {
				t.Errorf("taken\n%s\nwant\n%s", g, tt.taken)
			}
		})
	}
}

func TestParsePos(t *testing.T) {
	for _, tt := range []struct {
		text string
		want string // "" if none
	}{
		{"release.txt:12:7", "release.txt:12:7"},
		{"  release.txt:12:7 and more", "release.txt:12:7"},
		{"-", ""},
		{"", ""},
		{"\u00a0release.txt:1:2\u2003x", "release.txt:1:2"},
	} {
		p, ok := parsePos(tt.text)
		if got := p.String(); ok != (tt.want != "") || ok && got != tt.want {
			t.Errorf("parsePos(%q) = %s, %t; want %q", tt.text, got, ok, tt.want)
		}
	}
}
