package load

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"io/fs"
	"strconv"
	"unicode/utf8"

	"github.com/xport/xport/source"
)

// csvFile is a table's CSV file as read.
type csvFile struct {
	name  string // as positions name it
	data  []byte
	lines source.Lines
}

// csvHeader is a table's header row: a column definition for each cell,
// nil where the header is empty, unknown or repeated.
type csvHeader struct {
	names []string
	defs  []*csvColumnDef
	dims  [][]csvDimDef  // of each fact column (columnDims)
	index map[string]int // column name → its (first) index
}

// checkReferences checks every parameter reference a table's facts may
// take a value through: a "$name" must name a column of the template
// that is not a comment column, a parameter of the table, or one of the
// report.
func (l *csvLoader) checkReferences(t *csvTableDef) {
	tmpl := t.template
	check := func(v, path string) {
		ref, _, isRef := parseRef(v)
		switch {
		case !isRef:
		case !csvIdentifier.MatchString(ref.name):
			l.ds.Add(source.Error, "xbrlce:invalidReference", l.at(path), "table %s: %q is not a reference to a column or parameter", t.name, v)
		case ref.spec != "" && ref.spec != "start" && ref.spec != "end":
			l.ds.Add(source.Error, "xbrlce:invalidPeriodSpecifier", l.at(path), "table %s: the period specifier of %q is not @start or @end", t.name, v)
		case tmpl.columns[ref.name] != nil && !tmpl.columns[ref.name].comment:
		case hasKey(t.params, ref.name) || hasKey(l.meta.params, ref.name):
		default:
			l.ds.Add(source.Error, "xbrlce:invalidReferenceTarget", l.at(path),
				"table %s: %s refers to %s, which is neither a column of template %s (other than a comment column) nor a parameter", t.name, v, ref.name, tmpl.name)
		}
	}
	checkAll := func(dims map[string]string, decimals, path string) {
		for _, k := range sortedKeys(dims) {
			check(dims[k], path+"/dimensions/"+k)
		}
		check(decimals, path+"/decimals")
	}
	checkAll(l.meta.dims, l.meta.decimals, "")
	checkAll(tmpl.dims, tmpl.decimals, tmpl.path)
	for _, name := range sortedKeys(tmpl.columns) {
		c := tmpl.columns[name]
		checkAll(c.dims, c.decimals, tmpl.path+"/columns/"+name)
	}
}

func hasKey(m map[string]string, k string) bool {
	_, ok := m[k]
	return ok
}

// readTable reads a table's CSV file through the resolver. A missing file
// is an error unless the table is optional; a file over the size limit
// leaves the report unread.
func (l *csvLoader) readTable(t *csvTableDef) *csvFile {
	if f, ok := l.files[t.url]; ok {
		return f
	}
	data, err := l.resolve(t.url)
	switch {
	case errors.Is(err, source.ErrTooLarge):
		l.tooLarge = true
		l.ds.Add(source.Error, "xport.validate:tooLarge", l.at(t.path+"/url"), "table %s: %v", t.name, err)
		return nil
	case err != nil && t.optional && errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		l.ds.Add(source.Error, "xbrlce:missingRequiredCSVFile", l.at(t.path+"/url"), "table %s: its file %s cannot be read: %v", t.name, t.url, err)
		return nil
	}
	data = loneCRToLF(data)
	f := &csvFile{name: l.tablePath(t.url), data: data, lines: source.NewLines(data)}
	l.files[t.url] = f
	l.d.tables = append(l.d.tables, f)
	return f
}

// loneCRToLF ends with LF the lines that end with a bare CR, which
// xBRL-CSV allows and encoding/csv does not read as a line end. Offsets
// stay as they are.
func loneCRToLF(data []byte) []byte {
	if bytes.Count(data, []byte("\r")) == bytes.Count(data, []byte("\r\n")) {
		return data
	}
	out := bytes.Clone(data)
	for i, b := range out {
		if b == '\r' && (i+1 == len(out) || out[i+1] != '\n') {
			out[i] = '\n'
		}
	}
	return out
}

// table reads a table's rows into facts.
func (l *csvLoader) table(t *csvTableDef) {
	f := l.readTable(t)
	if f == nil {
		return
	}
	if off := invalidUTF8(f.data); off >= 0 {
		l.ds.Add(source.Error, "xbrlce:invalidCSVFileFormat", f.lines.Pos(f.name, int64(off)), "table %s: the file is not UTF-8", t.name)
		return
	}
	data, bom := bytes.CutPrefix(f.data, []byte("\uFEFF"))
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	pos := func(line, col int) source.Pos {
		if bom && line == 1 {
			col += 3
		}
		return source.Pos{File: f.name, Line: line, Col: col}
	}
	rec, err := r.Read()
	if err != nil {
		l.csvError(t, f, err, pos)
		return
	}
	h := l.header(t, rec, cellPositions(r, len(rec), pos))
	rowIDs := map[string]bool{}
	for num := 1; ; num++ {
		rec, err := r.Read()
		if err == io.EOF {
			return
		}
		if err != nil {
			l.csvError(t, f, err, pos)
			return
		}
		row := &csvRow{t: t, h: h, cells: rec, at: cellPositions(r, len(rec), pos), num: num, used: make([]bool, len(rec))}
		l.row(row, rowIDs)
	}
}

// invalidUTF8 returns the offset of the first byte of data that is not
// UTF-8, or -1.
func invalidUTF8(data []byte) int {
	if utf8.Valid(data) {
		return -1
	}
	off := 0
	for off < len(data) {
		r, n := utf8.DecodeRune(data[off:])
		if r == utf8.RuneError && n <= 1 {
			return off
		}
		off += n
	}
	return off
}

// cellPositions returns the positions of the cells of the record last
// read.
func cellPositions(r *csv.Reader, n int, pos func(line, col int) source.Pos) []source.Pos {
	at := make([]source.Pos, n)
	for i := range at {
		at[i] = pos(r.FieldPos(i))
	}
	return at
}

// csvError reports a table that is not CSV, or has no header row.
func (l *csvLoader) csvError(t *csvTableDef, f *csvFile, err error, pos func(line, col int) source.Pos) {
	var pe *csv.ParseError
	switch {
	case errors.As(err, &pe):
		line := min(max(pe.Line, 1), len(f.lines))
		col := min(max(pe.Column, 1), len(f.lines.Line(f.data, line))+1) // within the line, or just past its end
		l.ds.Add(source.Error, "xbrlce:invalidCSVFileFormat", pos(line, col), "table %s: %v", t.name, pe.Err)
	case err == io.EOF:
		l.ds.Add(source.Error, "xbrlce:invalidCSVFileFormat", pos(1, 1), "table %s: the file has no header row", t.name)
	default:
		l.ds.Add(source.Error, "xbrlce:invalidCSVFileFormat", pos(1, 1), "table %s: %v", t.name, err)
	}
}

// header reads the header row: each cell names a column of the template,
// once, or is empty.
func (l *csvLoader) header(t *csvTableDef, names []string, at []source.Pos) *csvHeader {
	h := &csvHeader{names: names, defs: make([]*csvColumnDef, len(names)), dims: make([][]csvDimDef, len(names)), index: map[string]int{}}
	for i, name := range names {
		_, seen := h.index[name]
		switch {
		case name == "":
		case !csvIdentifier.MatchString(name):
			l.ds.Add(source.Error, "xbrlce:invalidHeaderValue", at[i], "table %s: column header %q is not an identifier", t.name, name)
		case t.template.columns[name] == nil:
			l.ds.Add(source.Error, "xbrlce:unknownColumn", at[i], "table %s: template %s has no column %s", t.name, t.template.name, name)
		case seen:
			l.ds.Add(source.Error, "xbrlce:repeatedColumnIdentifier", at[i], "table %s: column %s is repeated", t.name, name)
		default:
			h.defs[i] = t.template.columns[name]
			h.index[name] = i
			if h.defs[i].fact {
				h.dims[i] = l.columnDims(t.template, h.defs[i])
			}
		}
	}
	return h
}

// csvRow is a row of a table being read.
type csvRow struct {
	t      *csvTableDef
	h      *csvHeader
	cells  []string
	at     []source.Pos
	num    int    // 1 for the first row after the header
	id     string // the row identifier: its rowIdColumn cell, or its number
	origin source.Pos
	used   []bool // parameter cells a fact took a value from
}

// cell returns cell i of the row; a short row's missing cells are empty.
func (r *csvRow) cell(i int) string {
	if i < len(r.cells) {
		return r.cells[i]
	}
	return ""
}

// row reads the facts of a row: one for each non-empty cell of a fact
// column. Every other non-empty cell must be a comment, the row's
// identifier, or a parameter some fact of the row took a value from.
func (l *csvLoader) row(r *csvRow, rowIDs map[string]bool) {
	l.rowID(r, rowIDs)
	if i, ok := r.h.index[csvSourceColumn]; ok && r.h.defs[i].comment {
		r.origin, _ = parsePos(r.cell(i))
	}
	for i, def := range r.h.defs {
		if def == nil || !def.fact || r.cell(i) == "" {
			continue
		}
		if f := l.fact(r, i); f != nil {
			l.rep.Facts = append(l.rep.Facts, f)
		}
	}
	rowIDCol, hasRowID := r.h.index[r.t.template.rowID]
	for i, c := range r.cells {
		if c == "" || c == "#none" {
			continue
		}
		switch {
		case i >= len(r.h.names) || r.h.names[i] == "":
			l.ds.Add(source.Error, "xbrlce:unmappedCellValue", r.at[i], "table %s: a cell outside the columns holds %q", r.t.name, c)
		case r.h.defs[i] == nil || r.h.defs[i].comment || r.h.defs[i].fact || r.used[i] || hasRowID && i == rowIDCol:
		default:
			l.ds.Add(source.Error, "xbrlce:unmappedCellValue", r.at[i], "table %s: parameter %s = %q gives no fact of the row a value", r.t.name, r.h.names[i], c)
		}
	}
}

// rowID sets the row's identifier from its rowIdColumn: present, a row
// identifier, and not that of an earlier row. Otherwise, the row number.
func (l *csvLoader) rowID(r *csvRow, rowIDs map[string]bool) {
	r.id = strconv.Itoa(r.num)
	i, ok := r.h.index[r.t.template.rowID]
	if r.t.template.rowID == "" || !ok {
		return
	}
	at := r.at[min(i, len(r.at)-1)]
	id, kind, err := csvSpecial(r.cell(i))
	switch {
	case err != nil || kind != csvText || id == "":
		l.ds.Add(source.Error, "xbrlce:missingRowIdentifier", at, "table %s: row %d has no identifier in column %s", r.t.name, r.num, r.t.template.rowID)
	case !csvRowID.MatchString(id):
		l.ds.Add(source.Error, "xbrlce:invalidRowIdentifier", at, "table %s: %q is not a row identifier", r.t.name, id)
	case rowIDs[id]:
		l.ds.Add(source.Error, "xbrlce:repeatedRowIdentifier", at, "table %s: row identifier %s is repeated", r.t.name, id)
	default:
		rowIDs[id] = true
		r.id = id
	}
}
