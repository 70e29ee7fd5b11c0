package edgar

import "bytes"

// text reads the <TEXT> block of d, whose opening tag is line, starting at
// offset start of the data. It reports whether d goes on after the block:
// false when the block ran into the end of d or of the input, which
// truncates d.
func (p *parser) text(d *Document, line []byte, start int) bool {
	tagLine := p.c.num
	data := p.c.data
	gt := bytes.IndexByte(line, '>') + 1
	from := p.c.off
	d.FirstLine = tagLine + 1
	if data[from-1] != '\n' { // "<TEXT>" ends the input
		d.FirstLine = tagLine
	}
	if rest := line[gt:]; !isBlank(rest) { // "<TEXT>content" on one line
		from, d.FirstLine = start+gt, tagLine
		if t := bytes.TrimRight(rest, " \t"); hasSuffixFold(t, "</TEXT>") {
			setText(d, data[from:start+gt+len(t)-len("</TEXT>")])
			return true
		}
	}
	for {
		save := p.c
		line, start, ok := p.c.next()
		if !ok {
			setText(d, data[from:])
			p.truncate(d, tagLine, "<TEXT> has no </TEXT>")
			return false
		}
		name, _, closing, isTag := tag(line)
		switch {
		case isTag && closing && is(name, "TEXT"):
			setText(d, data[from:start])
			return true
		case isTag && is(name, "DOCUMENT"):
			setText(d, data[from:start])
			p.truncate(d, tagLine, "<TEXT> has no </TEXT>")
			if !closing {
				p.c = save // the next document starts here
			}
			return false
		}
		if t := bytes.TrimRight(line, " \t"); hasSuffixFold(t, "</TEXT>") {
			setText(d, data[from:start+len(t)-len("</TEXT>")])
			return true
		}
	}
}

// setText sets the text of d and whether it is binary.
func setText(d *Document, text []byte) {
	d.Text = text
	d.Binary = isBinary(text)
}

// isBinary reports whether the first non-blank line of a document's text
// opens a <PDF> block or a uuencoded file ("begin 644 logo.jpg").
func isBinary(text []byte) bool {
	c := cursor{data: text}
	for {
		line, _, ok := c.next()
		if !ok {
			return false
		}
		if isBlank(line) {
			continue
		}
		if name, _, closing, ok := tag(line); ok && !closing && is(name, "PDF") {
			return true
		}
		return isUUBegin(bytes.TrimLeft(line, " \t"))
	}
}

// isUUBegin reports whether line is a uuencode header: "begin", a blank,
// an octal file mode, a blank and a file name.
func isUUBegin(line []byte) bool {
	rest, ok := bytes.CutPrefix(line, []byte("begin "))
	if !ok {
		return false
	}
	mode, name, ok := bytes.Cut(rest, []byte(" "))
	if !ok || len(mode) < 3 || len(mode) > 4 || isBlank(name) {
		return false
	}
	for _, c := range mode {
		if c < '0' || c > '7' {
			return false
		}
	}
	return true
}
