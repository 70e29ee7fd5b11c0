package htmltext

import (
	"bytes"
	"strings"
	"testing"
)

// TestRender renders the constructs of HTML exhibits' tables, one at a
// time.
func TestRender(t *testing.T) {
	tests := []struct {
		name, html, want string
	}{
		{
			name: "marks in cells of their own join the figure; spacer cells take no room",
			html: `<table><tr><td>Sales</td><td>$</td><td>11,885</td><td>&nbsp;</td><td>$</td><td>13,589</td></tr>` +
				`<tr><td>Loss</td><td>(</td><td>407</td><td>)</td><td></td><td>(12.5</td><td>)%</td></tr></table>`,
			want: "<TABLE>\nSales   $11,885   $13,589\nLoss      (407)   (12.5)%\n</TABLE>\n",
		},
		{
			name: "headings in th, with colspan and a line break, over the figures",
			html: `<table><tr><th></th><th colspan="2">Three Months<br>Ended</th></tr><tr><th></th><th>2022</th><th>2021</th></tr>` +
				`<tr><td>Revenue</td><td>1,000</td><td>900</td></tr></table>`,
			want: "<TABLE>\n          Three Months Ended\n                 2022   2021\nRevenue         1,000    900\n</TABLE>\n",
		},
		{
			name: "a heading that spans two rows keeps the cells beside it in their columns",
			html: `<table><tr><td rowspan="2">(in millions)</td><td colspan="2">Quarter</td></tr><tr><td>2022</td><td>2021</td></tr>` +
				`<tr><td>Revenue</td><td>1,000</td><td>900</td></tr></table>`,
			want: "<TABLE>\n(in millions)        Quarter\n                 2022   2021\nRevenue         1,000    900\n</TABLE>\n",
		},
		{
			name: "dashes for nil, as &mdash; and &#151;",
			html: `<table><tr><td>Other</td><td>&mdash;</td><td>&#151;</td></tr></table>`,
			want: "<TABLE>\nOther   -   -\n</TABLE>\n",
		},
		{
			name: "text wrappers, a title above, hidden elements, scripts and styles",
			html: `<html><head><title>x</title><style>td{}</style></head><body><p><b>CONSOLIDATED <font size=2>STATEMENTS</font></b></p>` +
				`<script>var a = "<td>9</td>";</script><div style="display: none">1,000</div>` +
				`<div>(in millions)</div><table><tr><td><font>Net income</font></td><td><b>42</b></td></tr></table></body></html>`,
			want: "CONSOLIDATED STATEMENTS\n(in millions)\n<TABLE>\nNet income   42\n</TABLE>\n",
		},
		{
			name: "a table that holds a table lays out the page: its text a line a row, the inner table a table",
			html: `<table><tr><td>Financial Highlights</td></tr><tr><td><table><tr><td>Revenue</td><td>5</td></tr></table></td></tr><tr><td>Notes</td></tr></table>`,
			want: "Financial Highlights\n<TABLE>\nRevenue   5\n</TABLE>\nNotes\n",
		},
		{
			name: "line breaks written as entities end lines of text",
			html: `<div>NEWS&#13;&#10;Ford earned $1.6 billion&#10;in the quarter</div>`,
			want: "NEWS\nFord earned $1.6 billion\nin the quarter\n",
		},
		{
			name: "a footnote mark in superscript is a mark in parentheses",
			html: `<table><tr><td>Profit<sup>1</sup></td><td>1,537</td></tr><tr><td>Diluted<font style="vertical-align: super"> 2 </font></td><td>2.86</td></tr></table>`,
			want: "<TABLE>\nProfit (1)    1,537\nDiluted (2)    2.86\n</TABLE>\n",
		},
		{
			name: "a head and a hidden paragraph whose end tags are left out end where the next content starts",
			html: `<html><head><title>T</title><body><p style="display:none">x<p>Sales 100</p>`,
			want: "Sales 100\n",
		},
		{
			name: "text after a table inside a cell is kept",
			html: `<table><tr><td><table><tr><td>Revenue</td><td>5</td></tr></table>Note: in thousands<p>More</td></tr></table>`,
			want: "<TABLE>\nRevenue   5\n</TABLE>\nNote: in thousands More\n",
		},
		{
			name: "an entity without its semicolon, a plain ampersand, and bytes of Windows-1252",
			html: "<p>$&nbsp1,000 R&D expenses; Net\xa0sales \x97 done</p>",
			want: "$ 1,000 R&D expenses; Net sales - done\n",
		},
		{
			name: "a cell spanning rows at the end of a row",
			html: `<table><tr><td>a</td><td>b</td><td rowspan="2">C</td></tr><tr><td>d</td></tr><tr><td>e</td><td>f</td><td>g</td></tr></table>`,
			want: "<TABLE>\na   b   C\nd\ne   f   g\n</TABLE>\n",
		},
		{
			name: "a table split at a page break, its headings printed again, is one table",
			html: `<table><tr><td></td><td>2022</td><td>2021</td></tr><tr><td>Sales</td><td>10</td><td>9</td></tr></table>` +
				`<p style="text-align:center">12</p><hr style="page-break-after:always">` +
				`<table><tr><td></td><td>2022</td><td>2021</td></tr><tr><td>Profit</td><td>3</td><td>2</td></tr></table>`,
			want: "<TABLE>\n         2022   2021\nSales      10      9\nProfit      3      2\n</TABLE>\n12\n",
		},
		{
			name: "two tables with text between them stay two",
			html: `<table><tr><td>Sales</td><td>10</td></tr></table><p>Balance sheet</p><table><tr><td>Cash</td><td>4</td></tr></table>`,
			want: "<TABLE>\nSales   10\n</TABLE>\nBalance sheet\n<TABLE>\nCash   4\n</TABLE>\n",
		},
		{
			name: "unclosed tags and an end tag never opened",
			html: `<table><tr><td>A<td>1</tr></td></p><tr><td>B<td>2</table>after`,
			want: "<TABLE>\nA   1\nB   2\n</TABLE>\nafter\n",
		},
		{
			name: "preformatted text keeps its columns: spaces, tabs to stops of eight, blank lines; the break after <pre> is not text",
			html: "<p>Widget Corp</p><PRE>\n             Three Months\n<B>Net sales</B>  $ 1,234\r\n\n\tTotal &amp; net\t   56\n</PRE><p>After</p>",
			want: "Widget Corp\n             Three Months\nNet sales  $ 1,234\n\n        Total & net        56\nAfter\n",
		},
		{
			name: "a caption is the table's title, above it; a <br> in it starts a line",
			html: `<p>Intro</p><table><caption>STATEMENTS OF INCOME<br>(In thousands)</caption><tr><td>Sales</td><td>10</td></tr></table>`,
			want: "Intro\nSTATEMENTS OF INCOME\n(In thousands)\n<TABLE>\nSales   10\n</TABLE>\n",
		},
		{
			name: "figures with a mark in superscript, a minus sign, spaces inside parentheses: right-aligned as figures",
			html: `<table><tr><td>Sales</td><td>$&nbsp;84,512<sup>(a)</sup></td><td>79,033</td></tr><tr><td>Other</td><td>&minus;1,204</td><td>(&nbsp;877&nbsp;)</td></tr></table>`,
			want: "<TABLE>\nSales   $ 84,512 (a)    79,033\nOther         −1,204   ( 877 )\n</TABLE>\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Render([]byte(tt.html))
			if got := string(r.Text); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", strings.ReplaceAll(got, " ", "·"), strings.ReplaceAll(tt.want, " ", "·"))
			}
			checkOffsets(t, []byte(tt.html), r)
		})
	}
}

// checkOffsets: every line has an offset per byte, inside the input, and
// every letter or digit comes from the same character of the input.
func checkOffsets(t *testing.T, in []byte, r *Rendering) {
	t.Helper()
	lines := bytes.Split(bytes.TrimSuffix(r.Text, []byte("\n")), []byte("\n"))
	if len(lines) != len(r.Offsets) {
		t.Fatalf("%d lines, %d offset lists", len(lines), len(r.Offsets))
	}
	for i, l := range lines {
		if string(l) == "<TABLE>" || string(l) == "</TABLE>" {
			continue // a table's bounds, placed at its first text
		}
		if len(l) != len(r.Offsets[i]) {
			t.Fatalf("line %d: %d bytes, %d offsets", i, len(l), len(r.Offsets[i]))
		}
		for j, c := range l {
			off := r.Offsets[i][j]
			if off < 0 || int(off) >= len(in) {
				t.Fatalf("line %d byte %d: offset %d outside the input", i, j, off)
			}
			if (c >= '0' && c <= '9' || c >= 'A' && c <= 'Z') && in[off] != c {
				t.Errorf("line %d byte %d: %q read from %q", i, j, c, in[off])
			}
		}
	}
}

// TestOffsets: a figure's first digit is located at its place in the
// file.
func TestOffsets(t *testing.T) {
	html := "<table>\n<tr><td>Sales</td><td>$</td>\n<td>11,885</td></tr></table>"
	r := Render([]byte(html))
	lines := strings.Split(string(r.Text), "\n")
	i := strings.Index(lines[1], "11,885")
	if i < 0 {
		t.Fatalf("no figure in %q", r.Text)
	}
	if off := int(r.Offsets[1][i]); off != strings.Index(html, "11,885") {
		t.Errorf("offset %d, want %d", off, strings.Index(html, "11,885"))
	}
}

// FuzzRender: no input panics, every offset is inside the input, and
// hostile markup (deep nesting, huge colspan, unclosed tags) renders in
// time and room linear in its size.
func FuzzRender(f *testing.F) {
	f.Add([]byte(`<table><tr><td colspan="99999999">x</td><td>1</td></tr></table>`))
	f.Add([]byte(strings.Repeat("<table><tr><td>", 3000) + "1"))
	f.Add([]byte(strings.Repeat("<div><b>", 5000) + "&#10;&#1;&nbsp&amp&#xA;"))
	f.Add([]byte(`<td>$</td><td>(</td><td>)</td><script>`))
	f.Add([]byte("<pre>\r\n\tA\t&nbsp;1\r<pre><table><tr><td>2</pre>\n" + strings.Repeat("\t", 1000) + "</xmp>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r := Render(data)
		// linear: a tab of preformatted text is at most eight spaces
		if len(r.Text) > 8*len(data)+100*len(r.Offsets)+100 {
			t.Errorf("%d bytes rendered from %d", len(r.Text), len(data))
		}
		for _, offs := range r.Offsets {
			for _, o := range offs {
				if o < 0 || int(o) > len(data) {
					t.Fatalf("offset %d outside %d bytes", o, len(data))
				}
			}
		}
	})
}

// TestLongCellRunsOn: one long cell does not pad every row of its table.
func TestLongCellRunsOn(t *testing.T) {
	html := "<table><tr><td>" + strings.Repeat("x", 100000) + "</td><td>1</td></tr>" + strings.Repeat("<tr><td></td><td>1</td></tr>", 5000) + "</table>"
	if r := Render([]byte(html)); len(r.Text) > 4*len(html) { // once 500 MB: every row padded to the long cell
		t.Errorf("%d bytes rendered from %d", len(r.Text), len(html))
	}
}

// BenchmarkRender renders hostile markup: time must stay linear in its
// size (many entity line breaks, deep nesting, wide rows).
func BenchmarkRender(b *testing.B) {
	doc := []byte(strings.Repeat("x&#xA;", 100000) + strings.Repeat("<table><tr><td>", 2000) +
		"<table><tr>" + strings.Repeat(`<td colspan="50">1</td>`, 2000) + "</tr></table>")
	b.SetBytes(int64(len(doc)))
	for b.Loop() {
		Render(doc)
	}
}
