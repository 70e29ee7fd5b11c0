package edgar

import (
	"bytes"
	"strconv"
	"strings"
	"time"
)

// headerReader is what reading the header remembers between lines.
type headerReader struct {
	section string // the last unindented "NAME:" line, e.g. "FILER"
}

// maxHeaderKey bounds the key of a header line; longer text before a
// colon is not a header field.
const maxHeaderKey = 64

// headerKeys are the header fields Header holds.
var headerKeys = map[string]bool{
	"ACCESSION NUMBER": true, "CONFORMED SUBMISSION TYPE": true,
	"PUBLIC DOCUMENT COUNT": true, "CONFORMED PERIOD OF REPORT": true,
	"FILED AS OF DATE": true, "COMPANY CONFORMED NAME": true,
	"CENTRAL INDEX KEY": true,
}

// headerLine reads one "KEY:<TAB>value" line of the header.
func (p *parser) headerLine(line []byte) {
	colon := bytes.IndexByte(line, ':')
	if colon < 1 || colon > maxHeaderKey {
		return
	}
	key := strings.ToUpper(string(bytes.TrimSpace(line[:colon])))
	v := bytes.TrimSpace(line[colon+1:])
	indented := line[0] == ' ' || line[0] == '\t'
	if !indented && len(v) == 0 {
		p.header.section = key
		return
	}
	if !headerKeys[key] {
		return
	}
	value := string(v)
	h := &p.sub.Header
	switch key {
	case "ACCESSION NUMBER":
		h.Accession = value
	case "CONFORMED SUBMISSION TYPE":
		h.FormType = value
	case "PUBLIC DOCUMENT COUNT":
		if n, err := strconv.Atoi(value); err == nil && n >= 0 {
			h.DocumentCount = n
		}
	case "CONFORMED PERIOD OF REPORT":
		h.PeriodOfReport = p.date(key, value)
	case "FILED AS OF DATE":
		h.FiledAsOf = p.date(key, value)
	case "COMPANY CONFORMED NAME":
		h.Companies++
		if h.NameLine == 0 {
			h.CompanyName, h.NameLine, h.Role = value, p.c.num, p.header.section
		}
	case "CENTRAL INDEX KEY":
		if h.CIKLine == 0 {
			h.CIK, h.CIKLine = value, p.c.num
		}
	}
}

// date reads a YYYYMMDD header date; one that does not parse is reported
// and read as the zero time.
func (p *parser) date(key, value string) time.Time {
	t, err := time.Parse("20060102", value)
	if err != nil {
		if len(value) > 20 {
			value = value[:20] + "..."
		}
		p.fail(p.c.num, ErrMalformed, strings.ToLower(key)+" is not a YYYYMMDD date: "+strconv.Quote(value))
		return time.Time{}
	}
	return t
}
