// Package inline reads the facts an Inline XBRL document (iXBRL 1.1, as
// EDGAR has taken them since 2019) carries in its HTML: each
// ix:nonFraction and ix:nonNumeric with its context, unit and value,
// transformed as its format says (the Inline XBRL transformation
// registry: ixt:num-dot-decimal, ixt:fixed-zero, ixt:date-monthname-day-
// year-en, ...), scaled and signed, at the byte offset where its content
// starts. It reads in one pass, with the tokenizer the HTML reader uses.
//
//	<ix:nonFraction name="us-gaap:Revenues" contextRef="c1" unitRef="usd"
//	    decimals="-6" scale="6" format="ixt:num-dot-decimal">13,589</ix:nonFraction>
//
// is us-gaap:Revenues = 13589000000 in context c1.
package inline

import (
	"bytes"
	"errors"
	"strconv"
	"strings"

	"golang.org/x/net/html"

	"github.com/xport/xport/decimal"
	"github.com/xport/xport/htmltext"
)

// Fact is one fact of an Inline XBRL document.
type Fact struct {
	Name     string // the concept as written: "us-gaap:Revenues"
	Context  string
	Unit     string // "" for a nonNumeric fact
	Decimals string // "INF", "-6", or "" for a nonNumeric fact
	Numeric  bool
	Nil      bool
	Value    decimal.Decimal // a numeric fact's value, scaled and signed
	Text     string          // a nonNumeric fact's value; a numeric one's as shown
	Format   string
	Offset   int    // where its content starts in the document
	Problem  string // why the value could not be read ("" when it was)
	// Unread is set when the Problem is a format xport does not read,
	// rather than a value its format does not admit.
	Unread bool
}

// Context is an xbrli:context of the document's resources.
type Context struct {
	Identifier, Scheme  string
	Instant, Start, End string // dates as written
	Dims                int    // dimension members it has
}

// Document is what an Inline XBRL document states.
type Document struct {
	Facts    []Fact
	Contexts map[string]*Context
	Units    map[string]string // id → "iso4217:USD", "iso4217:USD/xbrli:shares"
}

// IsInline reports whether data carries Inline XBRL facts.
func IsInline(data []byte) bool {
	low := bytes.ToLower(data[:min(len(data), 1<<20)])
	return bytes.Contains(low, []byte("<ix:nonfraction")) || bytes.Contains(low, []byte("<ix:nonnumeric")) || bytes.Contains(low, []byte("<ix:header"))
}

// open is a fact being read.
type open struct {
	fact  *Fact
	text  []byte
	scale int
	sign  string
	// continuedAt names the ix:continuation a nonNumeric's text goes on
	// in; id and next are those of an ix:continuation being read.
	continuedAt, id, next string
}

// maxChain bounds the continuations followed from one fact.
const maxChain = 1000

// maxScale bounds a fact's scale: no report scales a figure beyond it,
// and a hostile scale must not make a number of a billion digits.
const maxScale = 30

// Read reads the facts, contexts and units of an Inline XBRL document.
func Read(data []byte) *Document {
	d := &Document{Contexts: map[string]*Context{}, Units: map[string]string{}}
	var stack []*open // open facts, innermost last
	var ctx *Context
	var unitID string
	var unit struct{ num, den []string }
	inDenominator := false
	exclude := 0
	var text []byte            // of the element being read in the resources
	var conts []*open          // ix:continuation elements open, innermost last
	done := map[string]*open{} // ix:continuation elements read, by id
	var waiting []*open        // nonNumeric facts whose text goes on in continuations
	htmltext.Walk(data, func(tok *htmltext.Token) {
		tt := tok.Type
		switch tt {
		case html.TextToken:
			if exclude > 0 {
				return
			}
			t := []byte(html.UnescapeString(string(tok.Raw)))
			for _, o := range stack {
				o.text = append(o.text, t...)
			}
			for _, o := range conts {
				o.text = append(o.text, t...)
			}
			text = append(text, t...)
		case html.StartTagToken, html.SelfClosingTagToken:
			attrs := tok.Attrs
			local := localName(tok.Name)
			text = text[:0]
			switch local {
			case "nonfraction", "nonnumeric":
				f := &Fact{Name: attrs["name"], Context: attrs["contextref"], Unit: attrs["unitref"], Decimals: attrs["decimals"],
					Numeric: local == "nonfraction", Format: attrs["format"], Offset: tok.End, Nil: attrs["xsi:nil"] == "true"}
				scale, _ := strconv.Atoi(strings.TrimSpace(attrs["scale"]))
				o := &open{fact: f, scale: scale, sign: attrs["sign"], continuedAt: attrs["continuedat"]}
				if tt == html.SelfClosingTagToken {
					d.finish(o)
				} else if len(stack) < 100 {
					stack = append(stack, o)
				}
			case "exclude":
				if tt == html.StartTagToken {
					exclude++
				}
			case "continuation":
				if tt == html.StartTagToken && len(conts) < 100 {
					conts = append(conts, &open{id: attrs["id"], next: attrs["continuedat"]})
				}
			case "context":
				ctx = &Context{}
				d.Contexts[attrs["id"]] = ctx
			case "identifier":
				if ctx != nil {
					ctx.Scheme = attrs["scheme"]
				}
			case "explicitmember", "typedmember":
				if ctx != nil {
					ctx.Dims++
				}
			case "unit":
				unitID, unit.num, unit.den, inDenominator = attrs["id"], nil, nil, false
			case "unitdenominator":
				inDenominator = true
			}
		case html.EndTagToken:
			local := localName(tok.Name)
			value := strings.TrimSpace(string(text))
			switch local {
			case "nonfraction", "nonnumeric":
				if n := len(stack); n > 0 {
					if o := stack[n-1]; o.continuedAt != "" && !o.fact.Numeric {
						waiting = append(waiting, o) // its text goes on
					} else {
						d.finish(o)
					}
					stack = stack[:n-1]
				}
			case "continuation":
				if n := len(conts); n > 0 {
					done[conts[n-1].id] = conts[n-1]
					conts = conts[:n-1]
				}
			case "exclude":
				exclude = max(exclude-1, 0)
			case "identifier":
				if ctx != nil {
					ctx.Identifier = value
				}
			case "instant":
				if ctx != nil {
					ctx.Instant = value
				}
			case "startdate":
				if ctx != nil {
					ctx.Start = value
				}
			case "enddate":
				if ctx != nil {
					ctx.End = value
				}
			case "context":
				ctx = nil
			case "measure":
				if inDenominator {
					unit.den = append(unit.den, value)
				} else {
					unit.num = append(unit.num, value)
				}
			case "unit":
				s := strings.Join(unit.num, "*")
				if len(unit.den) > 0 {
					s += "/" + strings.Join(unit.den, "*")
				}
				d.Units[unitID] = s
			}
			text = text[:0]
		}
	})
	for _, o := range waiting { // a nonNumeric's value is its text and that of its continuations, in chain order
		seen := map[string]bool{}
		for id := o.continuedAt; id != "" && !seen[id] && len(seen) < maxChain; {
			seen[id] = true
			c := done[id]
			if c == nil {
				o.fact.Problem = "continuedAt " + strconv.Quote(id) + " names no ix:continuation"
				break
			}
			o.text = append(o.text, c.text...)
			id = c.next
		}
		if o.fact.Problem != "" {
			o.fact.Text = strings.Join(strings.Fields(string(o.text)), " ")
			d.Facts = append(d.Facts, *o.fact)
			continue
		}
		d.finish(o)
	}
	return d
}

// localName is a tag's name without its prefix, in lower case.
func localName(tag string) string {
	if i := strings.LastIndexByte(tag, ':'); i >= 0 {
		return tag[i+1:]
	}
	return tag
}

// finish reads the value of a fact whose content is read.
func (d *Document) finish(o *open) {
	f := o.fact
	shown := strings.Join(strings.Fields(string(o.text)), " ")
	f.Text = shown
	if f.Nil {
		d.Facts = append(d.Facts, *f)
		return
	}
	v, err := transform(f.Format, shown)
	switch {
	case err != nil:
		f.Problem, f.Unread = err.Error(), errors.Is(err, ErrFormatNotRead)
	case f.Numeric:
		n, perr := decimal.Parse(v)
		if perr != nil {
			f.Problem = "the value " + strconv.Quote(shown) + " is no number under format " + strconv.Quote(f.Format)
			break
		}
		if o.scale < -maxScale || o.scale > maxScale {
			f.Problem = "the scale " + strconv.Itoa(o.scale) + " is out of range"
			break
		}
		n = n.Shift(o.scale)
		if o.sign == "-" {
			n = n.Neg()
		}
		f.Value = n
	default:
		f.Text = v
	}
	d.Facts = append(d.Facts, *f)
}
