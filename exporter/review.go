package exporter

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/xport/xport/source"
	"github.com/xport/xport/xbrl"
)

// The review view of NAME.html: each tagged figure sits in a span of
// class xport-fact whose title says what the fact is, each figure read but
// not mapped in a span of class xport-unmapped whose title says why, and
// the diagnostics are listed above the document, linked to their lines
// (span id "L12"). A small stylesheet and script (no external requests)
// highlight the figures and show the title in a panel on hover or focus.
// XHTML 1.1 allows span, class, title, style and script, so the file
// stays valid Inline XBRL.

// factTitle says what a tagged fact is: concept and label, period,
// dimensions, unit and decimals, value, and the row it was read from.
func factTitle(f *xbrl.Fact) string {
	var b strings.Builder
	b.WriteString(f.Concept.QName())
	if f.Concept.Label != "" {
		b.WriteString(" (" + f.Concept.Label + ")")
	}
	if f.Period.Instant {
		b.WriteString("\ninstant " + f.Period.End.Format(time.DateOnly))
	} else {
		b.WriteString("\nperiod " + f.Period.Start.Format(time.DateOnly) + " to " + f.Period.End.Format(time.DateOnly))
	}
	for _, d := range f.Dims {
		if d.Member != nil {
			b.WriteString("\n" + d.Axis.QName() + " = " + d.Member.QName())
		} else {
			b.WriteString("\n" + d.Axis.QName() + " = " + d.Typed)
		}
	}
	if f.Numeric() {
		b.WriteString("\nunit " + f.Unit.String() + ", decimals " + decimalsAttr(f.Decimals))
		b.WriteString("\nvalue " + f.Value.String())
	} else {
		b.WriteString("\nvalue " + f.Text)
	}
	if f.Label != "" {
		b.WriteString("\nrow " + f.Label)
	}
	if f.Source.IsValid() {
		b.WriteString("\nread from " + f.Source.String())
	}
	return b.String()
}

// appendFactSpan opens a span for each fact of a tagged figure, the
// first outermost, whose title says what the fact is; a span is of class
// xport-again when the figure is not the fact's first place.
func appendFactSpan(b []byte, fig placed) []byte {
	for _, f := range fig.notes {
		b = appendHiddenSpan(b, f)
	}
	for _, g := range append([]placed{fig}, fig.inner...) {
		b = append(b, `<span class="xport-fact`...)
		if g.copy {
			b = append(b, ` xport-again`...)
		}
		b = append(b, `" title="`...)
		b = appendTitle(b, factTitle(g.fact))
		b = append(b, `">`...)
	}
	return b
}

// appendHiddenSpan opens the span of a fact in ix:hidden read from the
// text it encloses.
func appendHiddenSpan(b []byte, f *xbrl.Fact) []byte {
	b = append(b, `<span class="xport-fact xport-hidden" title="`...)
	b = appendTitle(b, factTitle(f)+"\n(read from this text; in ix:hidden, as the text is not its value)")
	return append(b, `">`...)
}

// spans is the number of spans appendFactSpan opens.
func (p placed) spans() int { return len(p.notes) + len(p.inner) + 1 }

// appendTitle writes text as an attribute's value, its line breaks as
// character references so that an XML parser keeps them too.
func appendTitle(b []byte, text string) []byte {
	for i, l := range strings.Split(text, "\n") {
		if i > 0 {
			b = append(b, "&#10;"...)
		}
		b = appendEscaped(b, l)
	}
	return b
}

// mark is a place marked in the review but not tagged: a figure read but
// not mapped (why says why), or the place facts hidden in ix:hidden were
// read from (facts), whose text there is not their value as Inline XBRL
// would read it ("December 29," for a period's end date).
type mark struct {
	from, to int
	why      string
	facts    []*xbrl.Fact
}

// unmappedAt matches the figure of a figure not mapped, from its place.
var unmappedAt = regexp.MustCompile(`^(?:[<>≤≥~]\s?)?[$€£(]*[0-9][0-9,]*(?:\.[0-9]+)?\)?%?`)

// hiddenAt matches the text a hidden fact was read from: up to a gap of
// two spaces, a tab or the line's end.
var hiddenAt = regexp.MustCompile(`^\S+(?: \S+)*`)

// placeMarks finds, by line (index), the places read from but not tagged:
// those of the facts not shown, then the figures read but not mapped,
// each where nothing is tagged or marked already.
func placeMarks(rep *xbrl.Report, v View, tags map[int][]placed, shown map[*xbrl.Fact]bool) map[int][]mark {
	out := map[int][]mark{}
	lines := map[int]*lineText{}
	add := func(p source.Pos, re *regexp.Regexp, m mark) {
		p = v.place(p)
		lt, col, ok := runeAt(v.Doc, lines, p)
		if !ok {
			return
		}
		if m.facts != nil { // a fact read from a line's start: its text
			for col < len(lt.runes) && lt.runes[col] == ' ' {
				col++
			}
		}
		rest := string(lt.runes[col:min(col+40, len(lt.runes))])
		n := re.FindStringIndex(rest)
		if n == nil {
			return
		}
		m.from, m.to = col, col+len([]rune(rest[:n[1]]))
		line := p.Line - 1
		if m.facts != nil { // up to the next figure tagged
			for _, o := range tags[line] {
				if o.from > m.from && o.from < m.to {
					m.to = o.from
				}
			}
			for m.to > m.from+1 && lt.runes[m.to-1] == ' ' {
				m.to--
			}
		}
		if m.facts != nil { // read from the same text as a fact tagged or marked
			if k := slices.IndexFunc(tags[line], func(o placed) bool { return o.from == m.from }); k >= 0 {
				tags[line][k].notes = append(tags[line][k].notes, m.facts...)
				return
			}
			if k := slices.IndexFunc(out[line], func(o mark) bool { return o.from == m.from && o.facts != nil }); k >= 0 {
				out[line][k].facts = append(out[line][k].facts, m.facts...)
				return
			}
		}
		if slices.ContainsFunc(tags[line], func(o placed) bool { return m.from < o.to && o.from < m.to }) ||
			slices.ContainsFunc(out[line], func(o mark) bool { return m.from < o.to && o.from < m.to }) {
			return
		}
		out[line] = append(out[line], m)
	}
	for _, f := range rep.Facts {
		if !shown[f] {
			add(f.Source, hiddenAt, mark{facts: []*xbrl.Fact{f}})
		}
	}
	for _, u := range rep.Unmapped {
		add(u.Pos, unmappedAt, mark{why: u.Reason})
	}
	for _, ms := range out {
		sort.Slice(ms, func(a, b int) bool { return ms[a].from < ms[b].from })
	}
	return out
}

// appendMark writes a place marked: a fact's place, or a figure read but
// not mapped.
func appendMark(b []byte, m mark, text string) []byte {
	for _, f := range m.facts {
		b = appendHiddenSpan(b, f)
	}
	if m.facts == nil {
		b = append(b, `<span class="xport-unmapped" title="`...)
		b = appendTitle(b, "not mapped: "+m.why)
		b = append(b, `">`...)
	}
	b = appendEscaped(b, text)
	for range max(len(m.facts), 1) {
		b = append(b, "</span>"...)
	}
	return b
}

// maxListed bounds the diagnostics listed at the top of the review.
const maxListed = 1000

// writeDiagnostics lists the diagnostics of the conversion above the
// document, each linked to its line.
func writeDiagnostics(w *xmlWriter, ds source.Diagnostics, v View) {
	w.open("div", "class", "xport-diagnostics")
	w.leaf("p", itoa(len(ds))+" diagnostic(s). Figures tagged as facts are highlighted, figures read but not mapped are marked in red; hover or focus one (Tab) to see what it is.")
	if len(ds) > 0 {
		w.open("ol")
		for i, d := range ds {
			if i == maxListed {
				w.leaf("li", itoa(len(ds)-maxListed)+" more not listed")
				break
			}
			w.open("li", "class", "xport-"+d.Severity.String())
			if p := v.place(d.Pos); p.File == v.Doc.Name && p.Line > 0 && p.Line <= len(v.Doc.Lines) {
				w.leaf("a", d.Pos.String(), "href", "#L"+itoa(p.Line))
			} else {
				w.leaf("span", d.Pos.String())
			}
			w.leaf("span", " "+d.Severity.String()+": "+d.Message+" ["+d.Code+"]")
			w.close("li")
		}
		w.close("ol")
	}
	w.close("div")
}

// reviewStyle highlights the facts and marks what was not mapped.
const reviewStyle = `body { margin: 0 }
.xport-diagnostics { font: 13px/1.4 sans-serif; padding: 4px 12px; border-bottom: 1px solid #ccc; max-height: 30vh; overflow: auto; background: #fafafa }
.xport-diagnostics ol { margin: 0; padding-left: 2em }
.xport-error { color: #b00 } .xport-warning { color: #8a5a00 } .xport-info { color: #555 }
pre { font: 13px/1.35 monospace; padding: 0 12px }
pre > span:target { background: #dbeafe }
.xport-fact { background: #fff1a8; box-shadow: 0 0 0 1px #d9b200; cursor: help }
.xport-again { background: #fff8d6 }
.xport-hidden { background: #fff8d6; box-shadow: none; outline: 1px dashed #d9b200 }
.xport-unmapped { background: #ffd6d6; box-shadow: 0 0 0 1px #c00; cursor: help }
.xport-fact:focus, .xport-unmapped:focus, .xport-active { outline: 2px solid #1a56db }
#xport-tip { position: fixed; z-index: 10; max-width: 40em; padding: 6px 8px; background: #1f2937; color: #fff; font: 12px/1.45 sans-serif; white-space: pre-wrap; border-radius: 4px; box-shadow: 0 2px 8px rgba(0,0,0,.3) }
#xport-tip[hidden] { display: none }`

// reviewScript shows the title of a tagged or unmarked figure in a panel
// on hover or focus, makes each reachable by Tab, and counts them on the
// body (data-xport-facts: facts tagged; data-xport-places: places tagged;
// data-xport-unmapped). "#fact=ID" in the address shows that fact.
const reviewScript = `(function () {
  "use strict";
  var tip, active = null;
  function figureOf(e) {
    for (; e && e.nodeType === 1; e = e.parentNode) {
      if (e.hasAttribute("data-xport-review")) { return e; }
    }
    return null;
  }
  function show(e) {
    if (active) { active.classList.remove("xport-active"); }
    active = e;
    e.classList.add("xport-active");
    var text = [];
    for (var a = e; a; a = figureOf(a.parentNode)) { text.unshift(a.getAttribute("data-xport-review")); }
    tip.textContent = text.join("\n\n");
    tip.hidden = false;
    var r = e.getBoundingClientRect(), top = r.bottom + 6;
    if (top + tip.offsetHeight > window.innerHeight) { top = Math.max(0, r.top - tip.offsetHeight - 6); }
    tip.style.top = top + "px";
    tip.style.left = Math.max(0, Math.min(r.left, window.innerWidth - tip.offsetWidth - 4)) + "px";
  }
  function hide() {
    if (active) { active.classList.remove("xport-active"); }
    active = null;
    tip.hidden = true;
  }
  function ready() {
    tip = document.createElement("div");
    tip.id = "xport-tip";
    tip.setAttribute("role", "tooltip");
    tip.hidden = true;
    document.body.appendChild(tip);
    var spans = document.getElementsByTagName("span"), facts = 0, places = 0, unmapped = 0;
    for (var i = 0; i < spans.length; i++) {
      var s = spans[i], c = s.getAttribute("class") || "";
      if (c.indexOf("xport-") !== 0 || !s.hasAttribute("title")) { continue; }
      s.setAttribute("data-xport-review", s.getAttribute("title"));
      s.removeAttribute("title");
      s.setAttribute("tabindex", "0");
      if (c === "xport-unmapped") { unmapped++; continue; }
      places++;
      if (c.indexOf("xport-again") < 0) { facts++; }
    }
    document.body.setAttribute("data-xport-facts", String(facts));
    document.body.setAttribute("data-xport-places", String(places));
    document.body.setAttribute("data-xport-unmapped", String(unmapped));
    document.addEventListener("mouseover", function (ev) { var e = figureOf(ev.target); if (e) { show(e); } else if (active && document.activeElement !== active) { hide(); } });
    document.addEventListener("focusin", function (ev) { var e = figureOf(ev.target); if (e) { show(e); } });
    document.addEventListener("focusout", hide);
    document.addEventListener("keydown", function (ev) { if (ev.key === "Escape") { hide(); } });
    var m = /^#fact=(.+)$/.exec(window.location.hash);
    var f = m && document.getElementById(decodeURIComponent(m[1]));
    f = f && figureOf(f.parentNode);
    if (f) {
      var r = f.getBoundingClientRect();
      if (r.top < 0 || r.bottom > window.innerHeight) { f.scrollIntoView({block: "center"}); }
      f.focus({preventScroll: true});
      show(f);
    }
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", ready); } else { ready(); }
})();`
