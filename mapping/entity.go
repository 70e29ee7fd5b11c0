package mapping

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/xport/xport/extract"
	"github.com/xport/xport/source"
	"github.com/xport/xport/xbrl"
)

// entityInfo is what the document says about who reports.
type entityInfo struct {
	name      string
	namePos   source.Pos
	ticker    string
	tickerPos source.Pos
	cik       string // from an EDGAR submission header
	cikPos    source.Pos
}

var (
	headerCIK  = regexp.MustCompile(`^\s*CENTRAL INDEX KEY:\s*(\d{1,10})\s*$`)
	headerName = regexp.MustCompile(`^\s*COMPANY CONFORMED NAME:\s*(\S.*?)\s*$`)
)

var tickerRe = regexp.MustCompile(`\((?i:nasdaq|nyse|nyse american|nyse mkt|amex|otc[a-z]*)(?:\s*[a-z]*)?\s*:\s*([A-Z][A-Z.]{0,5})\)`)

// findEntity reads the ticker ("(NASDAQ: INFN)") from the text and the
// company name from the first title line the statements share.
func findEntity(doc *source.Document, tables []*extract.Table) entityInfo {
	var e entityInfo
	for _, l := range doc.Lines {
		if m := tickerRe.FindStringSubmatchIndex(l.Text); m != nil && e.ticker == "" {
			e.ticker = l.Text[m[2]:m[3]]
			e.tickerPos = l.Pos(doc.Name, len([]rune(l.Text[:m[2]])))
		}
		if m := headerCIK.FindStringSubmatchIndex(l.Text); m != nil && e.cik == "" {
			e.cik = l.Text[m[2]:m[3]]
			e.cikPos = l.Pos(doc.Name, len([]rune(l.Text[:m[2]])))
		}
		if m := headerName.FindStringSubmatch(l.Text); m != nil && e.name == "" {
			e.name, e.namePos = m[1], l.Pos(doc.Name, 0)
		}
	}
	nameFromHeader := e.name
	count := map[string]int{}
	first := map[string]source.Pos{}
	for _, t := range tables {
		if len(t.Title) == 0 {
			continue
		}
		name := t.Title[0].Text
		if looksLikeCompany(name) {
			count[name]++
			if _, ok := first[name]; !ok {
				first[name] = t.Title[0].Pos
			}
		}
	}
	names := make([]string, 0, len(count))
	for n := range count {
		names = append(names, n)
	}
	sort.Slice(names, func(i, j int) bool {
		if count[names[i]] != count[names[j]] {
			return count[names[i]] > count[names[j]]
		}
		return first[names[i]].Before(first[names[j]])
	})
	if len(names) > 0 && (nameFromHeader == "" || count[names[0]] > 1) {
		e.name, e.namePos = names[0], first[names[0]]
	}
	return e
}

// headerName names the registrant after the EDGAR submission header when
// the text names no company, and says so in the provenance.
func (m *mapper) headerName() {
	if m.ent.name != "" || m.opts.Registrant == "" {
		return
	}
	m.ent.name, m.ent.namePos = m.opts.Registrant, m.opts.RegistrantPos
	m.rep.Provenance.Notes = append(m.rep.Provenance.Notes, xbrl.Note{Pos: m.opts.RegistrantPos,
		Text: "the registrant's name is read from the EDGAR submission header"})
}

var companyRe = regexp.MustCompile(`(?i)\b(inc|incorporated|corp|corporation|company|co|ltd|limited|plc|llc|lp|n\.v|s\.a|ag|group|holdings)\.?$`)

func looksLikeCompany(s string) bool { return companyRe.MatchString(strings.TrimSpace(s)) }

var cikRe = regexp.MustCompile(`^\d{1,10}$`)

// identify sets the entity identifier and the extension taxonomy's
// prefix and namespace. With a CIK the identifier is the SEC's; without,
// it falls back to the ticker (scheme urn:xport:ticker) or the company
// name (urn:xport:name), and says so in a warning.
func (m *mapper) identify() error {
	e := m.ent
	switch {
	case m.opts.CIK != "":
		if !cikRe.MatchString(m.opts.CIK) {
			return fmt.Errorf("--cik %q: a CIK is one to ten digits", m.opts.CIK)
		}
		m.rep.Entity = xbrl.Entity{Scheme: xbrl.SECScheme, ID: fmt.Sprintf("%010s", m.opts.CIK)}
	case e.cik != "":
		m.rep.Entity = xbrl.Entity{Scheme: xbrl.SECScheme, ID: fmt.Sprintf("%010s", e.cik)}
		m.rep.Provenance.Notes = append(m.rep.Provenance.Notes, xbrl.Note{Pos: e.cikPos,
			Text: "the entity's CIK is read from the EDGAR submission header"})
	case e.ticker != "":
		m.rep.Entity = xbrl.Entity{Scheme: "urn:xport:ticker", ID: e.ticker}
		m.diags.Add(source.Warning, "map.noCIK", e.tickerPos,
			"no --cik given: the entity is identified by its ticker %s under scheme urn:xport:ticker", e.ticker)
	case e.name != "":
		m.rep.Entity = xbrl.Entity{Scheme: "urn:xport:name", ID: camel(e.name)}
		m.diags.Add(source.Warning, "map.noCIK", e.namePos,
			"no --cik given and no ticker found: the entity is identified by its name under scheme urn:xport:name")
	default:
		m.rep.Entity = xbrl.Entity{Scheme: "urn:xport:name", ID: "Unknown"}
		m.diags.Add(source.Warning, "map.noEntity", source.Pos{File: m.doc.Name},
			"no --cik given and neither a ticker nor a company name found: the entity is identified as Unknown")
	}
	prefix := strings.ToLower(strings.ReplaceAll(e.ticker, ".", ""))
	if prefix == "" {
		prefix = strings.ToLower(firstWord(e.name))
	}
	if prefix == "" {
		prefix = "ext"
	}
	prefix = m.freePrefix(prefix)
	m.rep.Taxonomy = xbrl.Taxonomy{
		Prefix: prefix,
		Schema: m.opts.Name + ".xsd",
	}
	return nil
}

// setNamespace fixes the extension namespace once the report's period end
// is known: urn:xport:PREFIX:YYYY-MM-DD, with roles below it.
func (m *mapper) setNamespace(end time.Time) {
	ns := "urn:xport:" + m.rep.Taxonomy.Prefix
	if !end.IsZero() {
		ns += ":" + end.Format(time.DateOnly)
	}
	m.rep.Taxonomy.Namespace = ns
	m.rep.Taxonomy.RoleBase = ns + ":role:"
}

// reservedPrefixes are prefixes the outputs use for other namespaces.
var reservedPrefixes = map[string]bool{
	"xbrli": true, "link": true, "xlink": true, "xbrldi": true, "xbrldt": true, "xs": true,
	"xsi": true, "iso4217": true, "dtr-types": true, "xport": true, "cik": true, "scheme": true,
}

// freePrefix makes an extension prefix that clashes with no other prefix
// of the outputs ("(NYSE: DEI)" must not make the extension "dei").
func (m *mapper) freePrefix(p string) string {
	taken := func(p string) bool {
		if reservedPrefixes[p] || strings.HasPrefix(p, "xml") {
			return true
		}
		_, ok := m.opts.Catalogue.Namespace(p)
		return ok
	}
	if !taken(p) {
		return p
	}
	for n := 1; ; n++ {
		if q := fmt.Sprintf("%s%d", p, n); !taken(q) {
			return q
		}
	}
}

func firstWord(s string) string {
	for _, w := range strings.Fields(s) {
		w = strings.Map(func(r rune) rune {
			if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
				return r
			}
			return -1
		}, w)
		if w != "" {
			return w
		}
	}
	return ""
}
