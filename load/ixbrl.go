package load

import (
	"bytes"
	"fmt"
	"html"
	"slices"
	"strings"

	nethtml "golang.org/x/net/html"

	"github.com/xport/xport/htmltext"
	"github.com/xport/xport/inline"
	"github.com/xport/xport/source"
	"github.com/xport/xport/xbrl"
)

// loadInline reads an Inline XBRL document as the XBRL instance it
// stands for: its namespaces, the schemas and linkbases of its
// ix:references, the contexts and units of its ix:resources as written,
// and a fact per ix:nonFraction and ix:nonNumeric with its transformed
// value. The instance is then read and checked as any other, and every
// position put back into the HTML: a fact at its content, a problem of a
// context or unit at its place in ix:resources.
func (d *Document) loadInline(resolve Resolver) (*xbrl.Report, source.Diagnostics) {
	var ns []string // xmlns declarations, each once
	var refs []string
	resStart, resEnd := -1, -1
	htmltext.Walk(d.Data, func(t *htmltext.Token) {
		switch t.Type {
		case nethtml.StartTagToken, nethtml.SelfClosingTagToken:
			for k, v := range t.Attrs {
				if strings.HasPrefix(k, "xmlns:") && !slices.ContainsFunc(ns, func(s string) bool { return strings.HasPrefix(s, k+"=") }) {
					ns = append(ns, k+"="+v)
				}
			}
			switch t.Name {
			case "link:schemaref", "link:linkbaseref":
				refs = append(refs, string(t.Raw))
			case "ix:resources":
				resStart = t.End
			}
		case nethtml.EndTagToken:
			if t.Name == "ix:resources" {
				resEnd = t.Offset
			}
		}
	})
	ixdoc := inline.Read(d.Data)
	var b bytes.Buffer
	var places []int // by line of the instance: the offset in the HTML it comes from
	line := func(s string, off int) {
		b.WriteString(s)
		b.WriteByte('\n')
		places = append(places, off)
	}
	line(`<?xml version="1.0" encoding="UTF-8"?>`, 0)
	slices.Sort(ns)
	var root strings.Builder
	root.WriteString("<xbrli:xbrl")
	for _, n := range ns {
		k, v, _ := strings.Cut(n, "=")
		fmt.Fprintf(&root, ` %s="%s"`, k, html.EscapeString(v))
	}
	root.WriteString(">")
	line(root.String(), 0)
	for _, r := range refs {
		line(strings.TrimSuffix(strings.TrimSuffix(r, "/>"), ">")+"/>", 0)
	}
	var ds source.Diagnostics
	if resStart >= 0 && resEnd >= resStart {
		res := d.Data[resStart:resEnd]
		off := resStart
		for _, l := range bytes.SplitAfter(res, []byte("\n")) {
			line(string(bytes.TrimRight(l, "\r\n")), off)
			off += len(l)
		}
	} else {
		ds.Add(source.Error, "ix:resources", source.Pos{File: d.Name, Line: 1, Col: 1}, "the Inline XBRL document has no ix:resources: its contexts and units are missing")
	}
	factStart := len(places)
	for _, f := range ixdoc.Facts {
		if f.Problem == "" { // one whose value cannot be read is reported below
			line(factElement(f), f.Offset)
		}
	}
	line("</xbrli:xbrl>", 0)
	inst := &Document{Name: d.Name, Data: b.Bytes(), lines: source.NewLines(b.Bytes())}
	rep, more := inst.loadXML(resolve)
	ds = append(ds, more...)
	at := func(p source.Pos) source.Pos {
		if p.File != d.Name || p.Line < 1 || p.Line > len(places) {
			return p
		}
		off := places[p.Line-1]
		if p.Line-1 < factStart && off > 0 { // a line of ix:resources, as written
			off += p.Col - 1
		}
		return d.lines.Pos(d.Name, int64(off))
	}
	for i := range ds {
		ds[i].Pos = at(ds[i].Pos)
	}
	if rep != nil {
		for _, f := range rep.Facts {
			f.Source = at(f.Source)
		}
	}
	for _, f := range ixdoc.Facts {
		switch {
		case f.Unread: // xport's limit: the fact is not checked, and the document is not blamed
			ds.Add(source.Warning, "xport.validate:formatNotRead", d.lines.Pos(d.Name, int64(f.Offset)), "%s: %s", f.Name, f.Problem)
		case f.Problem != "":
			ds.Add(source.Error, "ixt:transformation", d.lines.Pos(d.Name, int64(f.Offset)), "%s: %s", f.Name, f.Problem)
		}
	}
	return rep, ds
}

// factElement writes an Inline XBRL fact as the element of an instance.
func factElement(f inline.Fact) string {
	var b strings.Builder
	b.WriteString("<" + f.Name)
	attr := func(k, v string) {
		if v != "" {
			fmt.Fprintf(&b, ` %s="%s"`, k, html.EscapeString(v))
		}
	}
	attr("contextRef", f.Context)
	attr("unitRef", f.Unit)
	attr("decimals", f.Decimals)
	if f.Nil {
		b.WriteString(` xsi:nil="true" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/>`)
		return b.String()
	}
	b.WriteString(">")
	v := f.Text
	if f.Numeric {
		v = f.Value.String()
	}
	b.WriteString(html.EscapeString(v))
	b.WriteString("</" + f.Name + ">")
	return b.String()
}
