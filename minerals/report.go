package minerals

import (
	"regexp"
	"strings"
	"time"

	"github.com/xport/xport/source"
)

// Field is one value of the report with where it was read. From says,
// when the value was not read where a reader would look first, where it
// came from instead.
type Field struct {
	Value string
	Pos   source.Pos
	From  string
}

// Found reports whether the field was read.
func (f Field) Found() bool { return f.Value != "" }

// Report is what a Form SD and its Conflict Minerals Report state.
type Report struct {
	// Cover page.
	Registrant, Incorporation, FileNumber, EmployerID, Address, ZipCode Field
	// AreaCode and Phone are the telephone number's area code and local
	// number ("216", "555-0142").
	AreaCode, Phone Field
	Rule            Field
	// PeriodStart and PeriodEnd are the reporting period, read from
	// Period ("January 1, 2014 to December 31, 2014").
	Period                        Field
	PeriodStart, PeriodEnd        time.Time
	Signer, SignerTitle, SignedOn Field // SignedOn in YYYY-MM-DD

	// The report's statements.
	Products      Field // the covered products as described
	Framework     Field // the due-diligence framework
	CFSIMember    Field // "true" or "false"
	Audit         Field // "true" when an independent private sector audit was performed
	Determination Field // "DRC conflict free", "DRC conflict undeterminable", "Not found to be DRC conflict free"

	// The smelter and refiner list.
	List       source.Pos // its first header
	Facilities []Facility
	Stats      ListStats
	Countries  []Country
}

// Determinations are the three conclusions Rule 13p-1 provides for.
var Determinations = []string{"DRC conflict free", "DRC conflict undeterminable", "Not found to be DRC conflict free"}

// IsReport reports whether doc reads as a conflict minerals report: it
// names Rule 13p-1 or Form SD and conflict minerals.
func IsReport(doc *source.Document) bool {
	var sd, cm bool
	for _, l := range doc.Lines {
		t := strings.ToLower(l.Text)
		sd = sd || strings.Contains(t, "13p-1") || strings.Contains(t, "form sd")
		cm = cm || strings.Contains(t, "conflict minerals")
		if sd && cm {
			return true
		}
	}
	return false
}

// Read reads a conflict minerals report. It always returns a report;
// what it could not read is in the diagnostics, located.
func Read(doc *source.Document) (*Report, source.Diagnostics) {
	return ReadWith(doc, Options{})
}

// Options tell ReadWith what is known of a report from outside its text.
type Options struct {
	// Registrant names the registrant when the text does not (no cover
	// page caption "(Exact name of registrant ...)"): for a report taken
	// from an EDGAR submission, the header's COMPANY CONFORMED NAME, at
	// the position it is printed. Zero: none.
	Registrant Field
}

// ReadWith reads a conflict minerals report as Read does, falling back on
// what opts know for what the text does not state.
func ReadWith(doc *source.Document, opts Options) (*Report, source.Diagnostics) {
	var ds source.Diagnostics
	r := &Report{}
	readCover(doc, r, &ds)
	if !r.Registrant.Found() {
		r.Registrant = opts.Registrant
	}
	readStatements(doc, r, &ds)
	furn := newFurniture(doc, r.Registrant.Value)
	for i := 0; i < len(doc.Lines); i++ {
		l := doc.Lines[i]
		if t, ok := parseHeader(l); ok {
			if !r.List.IsValid() {
				r.List = doc.Pos(i, 0)
			}
			fs, next, stats := readList(doc, i, t, furn, &ds)
			r.Facilities = append(r.Facilities, fs...)
			r.Stats.add(stats)
			i = next - 1
			continue
		}
		if m := countriesRe.FindStringIndex(l.Text); m != nil && r.Countries == nil {
			r.Countries = readCountries(doc, i, m[1], &ds)
		}
	}
	if !r.List.IsValid() {
		r.readHeaderless(doc, furn, &ds)
	}
	if !r.List.IsValid() {
		ds.Add(source.Warning, "minerals.noList", source.Pos{File: doc.Name, Line: 1, Col: 1},
			"no smelter or refiner list found (a header line \"Metal  Smelter or Refiner Facility Name\")")
	} else if len(r.Facilities) == 0 {
		ds.Add(source.Warning, "minerals.emptyList", r.List, "the smelter or refiner list has no entries")
	}
	for _, f := range []struct {
		field *Field
		what  string
	}{{&r.Registrant, "registrant name"}, {&r.Period, "reporting period"}, {&r.Determination, "determination"}} {
		if !f.field.Found() {
			ds.Add(source.Warning, "minerals.notFound", source.Pos{File: doc.Name, Line: 1, Col: 1}, "no %s found", f.what)
		}
	}
	ds.Sort()
	return r, ds
}

// countriesRe matches the sentence that introduces the countries of
// origin; the list follows it.
var countriesRe = regexp.MustCompile(`(?i)countries of origin\b[^:]*:\s*`)

// runeCol converts a byte offset of s to a rune column.
func runeCol(s string, off int) int { return len([]rune(s[:min(off, len(s))])) }

// field makes a Field of text at byte offset off of line i.
func field(doc *source.Document, i, off int, value string) Field {
	return Field{Value: value, Pos: doc.Pos(i, runeCol(doc.Lines[i].Text, off))}
}

// cellField makes a Field of a cell of line i.
func cellField(doc *source.Document, i int, c source.Cell) Field {
	return Field{Value: c.Text, Pos: doc.Pos(i, c.Col)}
}

// find returns the first line index and submatch offsets of re in doc.
func find(doc *source.Document, re *regexp.Regexp) (int, []int) {
	for i, l := range doc.Lines {
		if m := re.FindStringSubmatchIndex(l.Text); m != nil {
			return i, m
		}
	}
	return -1, nil
}

// datePattern matches a date as reports print it: "May 28, 2015".
const datePattern = `(?:January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}`

var (
	registrantLabel = regexp.MustCompile(`\(Exact name of registrant`)
	stateLabel      = regexp.MustCompile(`\(State or other jurisdiction`)
	addressLabel    = regexp.MustCompile(`\(Address of principal`)
	zipRe           = regexp.MustCompile(`^\d{5}(-\d{4})?$`)
	fileNumberRe    = regexp.MustCompile(`\b\d{3}-\d{4,5}\b`)
	employerIDRe    = regexp.MustCompile(`\b\d{2}-\d{7}\b`)
	phoneRe         = regexp.MustCompile(`(\(\d{3}\)\s*|\b\d{3}[-. ])?\b\d{3}-\d{4}\b`)
	ruleRe          = regexp.MustCompile(`Rule 13p-1`)
	periodRe        = regexp.MustCompile(`reporting period (?:from )?(` + datePattern + `) to (` + datePattern + `)`)
	periodNoYearRe  = regexp.MustCompile(`reporting period (?:from )?((?:January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}) to (` + datePattern + `)`)
	calendarYearRe  = regexp.MustCompile(`(?i)(?:calendar year|year ended December 31,)\s*(\d{4})\b`)
	signatureRe     = regexp.MustCompile(`/s/\s*([^\s].*?)(?:\s{2,}|$)`)
	dateRe          = regexp.MustCompile(datePattern)
	companyRe       = regexp.MustCompile(`\b[A-Z][A-Za-z0-9&'-]*(?: [A-Z][A-Za-z0-9&'-]*)* (?:Corporation|Incorporated|Inc\.|Company|Corp\.|Limited|Ltd\.|LLC|plc)`)
)

// readCover reads the cover page: the lines above each of its printed
// captions hold the values.
func readCover(doc *source.Document, r *Report, ds *source.Diagnostics) {
	if i, m := find(doc, registrantLabel); i >= 0 {
		name := strings.TrimSpace(doc.Lines[i].Text[:m[0]])
		if name == "" && i > 0 {
			name = strings.TrimSpace(doc.Lines[i-1].Text)
			i--
		}
		lead := len(doc.Lines[i].Text) - len(strings.TrimLeft(doc.Lines[i].Text, " "))
		r.Registrant = field(doc, i, lead, name)
		if full, ok := recoverName(doc, name); ok {
			ds.Add(source.Info, "minerals.recovered", r.Registrant.Pos,
				"the cover page's registrant name %q is cut short; %q at %s is the full name", name, full.Value, full.Pos)
			full.From = "recovered from the report text; the cover page reads " + `"` + name + `"`
			r.Registrant = full
		}
	}
	if i, _ := find(doc, stateLabel); i > 0 {
		j := prevNonBlank(doc, i)
		for _, c := range doc.Lines[j].Cells() {
			switch {
			case employerIDRe.MatchString(c.Text) && !r.EmployerID.Found():
				r.EmployerID = cellField(doc, j, c)
				r.EmployerID.Value = employerIDRe.FindString(c.Text)
			case fileNumberRe.MatchString(c.Text) && !r.FileNumber.Found():
				r.FileNumber = cellField(doc, j, c)
				r.FileNumber.Value = fileNumberRe.FindString(c.Text)
			case !strings.ContainsAny(c.Text, "0123456789") && !r.Incorporation.Found():
				r.Incorporation = cellField(doc, j, c)
			}
		}
	}
	if i, _ := find(doc, addressLabel); i > 0 {
		j := prevNonBlank(doc, i)
		if cs := doc.Lines[j].Cells(); len(cs) > 0 {
			r.Address = cellField(doc, j, cs[0])
			if last := cs[len(cs)-1]; len(cs) > 1 && zipRe.MatchString(last.Text) {
				r.ZipCode = cellField(doc, j, last)
				cs = cs[:len(cs)-1]
			}
			if len(cs) > 1 {
				rest := strings.TrimSpace(string([]rune(doc.Lines[j].Text)[cs[1].Col:]))
				r.Address.From = "partly illegible: the rest of the line reads " + `"` + rest + `"`
				ds.Add(source.Warning, "minerals.illegible", r.Address.Pos,
					"the address is legible as far as %q; the rest of the line, %q, is not read", cs[0].Text, rest)
			}
		}
	}
	// the telephone number is near the top, beside its caption
	for i := 0; i < min(len(doc.Lines), 40) && !r.Phone.Found(); i++ {
		if m := phoneRe.FindStringSubmatchIndex(doc.Lines[i].Text); m != nil {
			text := doc.Lines[i].Text
			r.Phone = field(doc, i, m[0], text[m[0]:m[1]])
			if m[2] >= 0 { // an area code
				r.AreaCode = field(doc, i, m[2], strings.Map(keepDigits, text[m[2]:m[3]]))
				local := strings.TrimLeft(text[m[3]:m[1]], " -.")
				r.Phone = field(doc, i, m[1]-len(local), local)
			}
			if len(strings.Map(keepDigits, text[m[0]:m[1]])) < 10 {
				r.Phone.From = "area code illegible"
				ds.Add(source.Warning, "minerals.illegible", r.Phone.Pos, "the telephone number %q has no legible area code", r.Phone.Value)
			}
		}
	}
	if i, m := find(doc, ruleRe); i >= 0 {
		r.Rule = field(doc, i, m[0], "Rule 13p-1 under the Securities Exchange Act of 1934")
	}
	if i, m := find(doc, periodRe); i >= 0 {
		text := doc.Lines[i].Text
		r.Period = field(doc, i, m[2], text[m[2]:m[5]])
		r.PeriodStart, _ = time.Parse("January 2, 2006", text[m[2]:m[3]])
		r.PeriodEnd, _ = time.Parse("January 2, 2006", text[m[4]:m[5]])
	} else if i, m := find(doc, periodNoYearRe); i >= 0 {
		// "from January 1 to December 31, 2018", as the form itself words it:
		// the year printed once, at the end.
		text := doc.Lines[i].Text
		r.Period = field(doc, i, m[2], text[m[2]:m[5]])
		r.PeriodEnd, _ = time.Parse("January 2, 2006", text[m[4]:m[5]])
		r.PeriodStart, _ = time.Parse("January 2, 2006", text[m[2]:m[3]]+", "+r.PeriodEnd.Format("2006"))
	} else if i, m := find(doc, calendarYearRe); i >= 0 {
		// Rule 13p-1 reports cover a calendar year.
		year := doc.Lines[i].Text[m[2]:m[3]]
		r.Period = field(doc, i, m[0], "January 1, "+year+" to December 31, "+year)
		r.Period.From = "a Rule 13p-1 report covers a calendar year; the text names " + `"` + doc.Lines[i].Text[m[0]:m[1]] + `"`
		r.PeriodStart, _ = time.Parse("2006-01-02", year+"-01-01")
		r.PeriodEnd, _ = time.Parse("2006-01-02", year+"-12-31")
	}
	if i, m := find(doc, signatureRe); i >= 0 {
		readSignature(doc, i, m, r)
	}
}

// readSignature reads the signature block: "/s/ NAME" and the date on the
// line at index i, then the name as typed below it and the title.
func readSignature(doc *source.Document, i int, m []int, r *Report) {
	text := doc.Lines[i].Text
	for _, c := range doc.Lines[i].Cells() {
		switch {
		case strings.HasPrefix(c.Text, "/s/"):
			name := strings.TrimSpace(strings.TrimPrefix(c.Text, "/s/"))
			r.Signer = Field{Value: name, Pos: doc.Pos(i, c.Col+len([]rune(c.Text))-len([]rune(name)))}
		case dateRe.MatchString(c.Text):
			if t, err := time.Parse("January 2, 2006", dateRe.FindString(c.Text)); err == nil {
				r.SignedOn = cellField(doc, i, c)
				r.SignedOn.Value = t.Format(time.DateOnly)
			}
		}
	}
	if !r.Signer.Found() {
		r.Signer = field(doc, i, m[2], text[m[2]:m[3]])
	}
	for j := i + 1; j < min(i+4, len(doc.Lines)); j++ {
		for _, c := range doc.Lines[j].Cells() {
			switch {
			case strings.EqualFold(c.Text, r.Signer.Value):
				r.Signer = cellField(doc, j, c)
			case !strings.HasPrefix(c.Text, "(") && !r.SignerTitle.Found() && r.Signer.Pos.Line != doc.Lines[i].Num:
				r.SignerTitle = cellField(doc, j, c)
			}
		}
	}
}

func keepDigits(r rune) rune {
	if r >= '0' && r <= '9' {
		return r
	}
	return -1
}

func prevNonBlank(doc *source.Document, i int) int {
	for j := i - 1; j >= 0; j-- {
		if strings.TrimSpace(doc.Lines[j].Text) != "" {
			return j
		}
	}
	return i
}

// recoverName finds, when the cover page's name is cut short, the full
// name the text states plainly: a company name whose letters begin with
// the cover's.
func recoverName(doc *source.Document, cover string) (Field, bool) {
	short := strings.ToUpper(strings.Map(keepLetters, cover))
	if len(short) < 4 {
		return Field{}, false
	}
	for i, l := range doc.Lines {
		for _, m := range companyRe.FindAllStringIndex(l.Text, -1) {
			name := l.Text[m[0]:m[1]]
			long := strings.ToUpper(strings.Map(keepLetters, name))
			if len(long) > len(short) && strings.HasPrefix(long, short) {
				return field(doc, i, m[0], name), true
			}
		}
	}
	return Field{}, false
}

func keepLetters(r rune) rune {
	if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
		return r
	}
	return -1
}

var (
	determinationRe = regexp.MustCompile(`(?i)determined that[^.]*?\b(?:are|is|were|was)\s+(?:considered to be\s+)?(?:to be\s+)?("?)(DRC conflict[- ]undeterminable|not (?:been )?found to be DRC conflict[- ]free|DRC conflict[- ]free)`)
	productsRe      = regexp.MustCompile(`(?i)\b(?:our|the company's) products include (?:the )?(.+?)\.(?:\s|$)`)
	frameworkRe     = regexp.MustCompile(`(?i)(OECD Due Diligence Guidance|OECD Guidance)`)
	fiveStepRe      = regexp.MustCompile(`(?i)five[- ]step framework`)
	cfsiMemberRe    = regexp.MustCompile(`(?i)\b(?:we are|the company is) (not )?a member of the (?:CFSI|Conflict[- ]Free Sourcing Initiative)`)
	auditRe         = regexp.MustCompile(`(?i)independent private[- ]sector audit (?:\w+ ){0,3}?(has|was|were|is) (not )?(?:been )?(conducted|performed|obtained|completed|required)`)
)

// readStatements reads what the report concludes and how.
func readStatements(doc *source.Document, r *Report, ds *source.Diagnostics) {
	if i, m := find(doc, determinationRe); i >= 0 {
		text := strings.ToLower(doc.Lines[i].Text[m[4]:m[5]])
		value := "DRC conflict free"
		switch {
		case strings.Contains(text, "undeterminable"):
			value = "DRC conflict undeterminable"
		case strings.HasPrefix(text, "not"):
			value = "Not found to be DRC conflict free"
		}
		r.Determination = field(doc, i, m[4], value)
	}
	if i, m := find(doc, productsRe); i >= 0 {
		r.Products = field(doc, i, m[2], doc.Lines[i].Text[m[2]:m[3]])
	}
	if i, m := find(doc, frameworkRe); i >= 0 {
		r.Framework = field(doc, i, m[2], "OECD Due Diligence Guidance")
		if j, _ := find(doc, fiveStepRe); j >= 0 {
			r.Framework.Value += ", five-step framework"
		}
	}
	if i, m := find(doc, cfsiMemberRe); i >= 0 {
		r.CFSIMember = field(doc, i, m[0], boolText(m[2] < 0))
	}
	if i, m := find(doc, auditRe); i >= 0 {
		text := doc.Lines[i].Text
		performed := m[4] < 0 && !strings.EqualFold(text[m[6]:m[7]], "required")
		r.Audit = field(doc, i, m[0], boolText(performed))
	}
}

func boolText(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

// Counts returns how many facilities the list holds per metal, and how
// many carry the mark.
func (r *Report) Counts() (perMetal map[Metal]int, marked int) {
	perMetal = map[Metal]int{}
	for _, f := range r.Facilities {
		perMetal[f.Metal]++
		if f.Marked {
			marked++
		}
	}
	return perMetal, marked
}

// readHeaderless reads the lists of a report that prints its smelters
// under metal headings without a header row ("Gold", then a name a
// line): their columns are read from the first row, by what its cells
// hold (a name first, then a smelter number, a country, a status).
func (r *Report) readHeaderless(doc *source.Document, furn furniture, ds *source.Diagnostics) {
	spoken := false // a list comes after the text speaks of smelters
	for i := 0; i < len(doc.Lines); i++ {
		t := strings.ToLower(doc.Lines[i].Text)
		spoken = spoken || strings.Contains(t, "smelter") || strings.Contains(t, "refiner")
		if !spoken {
			continue
		}
		tb, ok := headerless(doc, i)
		if !ok {
			continue
		}
		if !r.List.IsValid() {
			r.List = doc.Pos(i, 0)
		}
		ds.Add(source.Info, "minerals.headerless", doc.Pos(i, 0), "a list without a header row: its columns are read from its first row (%s)", tb.key)
		fs, next, stats := readList(doc, i-1, tb, furn, ds)
		r.Facilities = append(r.Facilities, fs...)
		r.Stats.add(stats)
		i = next - 1
	}
}

// headerless reads line i as the metal heading of a list without a
// header row: followed by two rows that read as names, the first of
// which gives the columns.
func headerless(doc *source.Document, i int) (*table, bool) {
	if _, ok := groupHeading(strings.TrimSpace(doc.Lines[i].Text)); !ok {
		return nil, false
	}
	var rows []int
	for j := i + 1; j < len(doc.Lines) && len(rows) < 2; j++ {
		text := strings.TrimSpace(doc.Lines[j].Text)
		switch {
		case text == "":
			continue
		case nameRow(doc.Lines[j]):
			rows = append(rows, j)
			continue
		}
		break
	}
	if len(rows) < 2 {
		return nil, false
	}
	t := &table{bands: 1}
	var kinds []string
	for k, c := range doc.Lines[rows[0]].Cells() {
		kind := colOther
		switch _, status := statusOf(c.Text); {
		case k == 0:
			kind = colName
		case cidRe.MatchString(c.Text):
			kind = colID
		case countryCode(c.Text) != "":
			kind = colCountry
		case status:
			kind = colStatus
		}
		t.cols = append(t.cols, column{kind: kind, title: c.Text, col: c.Col})
		kinds = append(kinds, [...]string{"other", "metal", "name", "number", "country", "status"}[kind])
	}
	t.all, t.key = t.cols, strings.Join(kinds, ", ")
	return t, true
}

// nameRow reports whether a line reads as a row of a list without a
// header: it starts with a name, not a sentence, and is no heading.
func nameRow(l source.Line) bool {
	cells := l.Cells()
	text := strings.TrimSpace(l.Text)
	if len(cells) == 0 || isProse(text) || len(strings.Fields(cells[0].Text)) > 10 || !startsName(cells[0].Text) {
		return false
	}
	_, heading := groupHeading(text)
	return !heading && !strings.HasSuffix(text, ":")
}
