package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/xport/xport"
	"github.com/xport/xport/edgar"
	"github.com/xport/xport/minerals"
	"github.com/xport/xport/source"
	"github.com/xport/xport/xbrl"
)

func convertCommand() *cli.Command {
	return &cli.Command{
		Name:      "convert",
		Usage:     "convert a text disclosure into an XBRL instance, its taxonomy and xBRL-JSON",
		ArgsUsage: "FILE | - | FILE|DIR|PATTERN...",
		Description: `Writes NAME.xbrl (XBRL 2.1 instance), NAME.xsd with NAME_lab.xml, NAME_pre.xml,
NAME_cal.xml and NAME_def.xml (the extension taxonomy it references),
NAME.json (xBRL-JSON) and NAME.jsonl (the fact feed: one JSON object per fact),
where NAME is FILE's name without extension; for a conflict minerals report also
xBRL-CSV: NAME-csv.json (metadata) and a NAME-*.csv table per list. --format
keeps some of them (the taxonomy goes with xbrl, json and csv); with
--format jsonl, -o - streams the feed to stdout. An EDGAR submission is
converted by its documents: every EX-99 exhibit, or the Form SD with its
EX-1.01; --kind release|minerals chooses which (auto: the kind of its first
such document), and reads plain text as that kind. Nothing is written when
validation finds an error. Diagnostics go to stderr as
file:line:col: severity: message [code].`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Value: ".", Usage: "directory to write the files to"},
			&cli.StringFlag{Name: "cik", Usage: "the entity's SEC CIK (entity identifier scheme http://www.sec.gov/CIK); without it the ticker or name is used, with a warning"},
			&cli.BoolFlag{Name: "verbose", Aliases: []string{"v"}, Usage: "also list every figure read but not mapped to a fact"},
			&cli.StringFlag{Name: "shard", Usage: "i/n: convert only shard i (0-based) of n of the documents, split by a hash of their paths"},
			maxSizeFlag(),
			&cli.StringFlag{Name: "kind", Value: "auto", Usage: "the kind of document: release (earnings release), periodic (annual or quarterly report: 10-K, 10-Q, 20-F), minerals (Form SD conflict minerals report) or auto (detected: a submission by its document types, plain text by its wording)"},
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: strings.Join(xport.Formats, ","), Usage: "formats to write, comma-separated: " + strings.Join(xport.Formats, ", ") + " (ixbrl: Inline XBRL over the document, NAME.html)"},
			&cli.Float64Flag{Name: "min-mapped", Usage: "fail (exit 1, nothing written) a document of which less than this percentage of the figures read became facts"},
			&cli.BoolFlag{Name: "allow-empty", Usage: "write the report of a document that yields no fact (an empty file, text without figures) instead of failing it"},
			&cli.IntFlag{Name: "memory-limit", Value: defaultMemoryLimit, Usage: "soft limit of the heap, in MiB: the garbage collector works harder as it nears it (0: none; GOMEMLIMIT, when set, stands unless this is given)"},
		},
		Action: convertAction,
	}
}

func convertAction(c *cli.Context) error {
	if c.NArg() == 0 {
		return usageError("convert: want one FILE, or files, directories and patterns (- reads stdin)")
	}
	path := c.Args().First()
	formats := strings.Split(c.String("format"), ",")
	for _, f := range formats {
		if !slices.Contains(xport.Formats, f) {
			return usageError("convert: --format %q: want %s", f, strings.Join(xport.Formats, ", "))
		}
	}
	opts, err := convertOptions(c)
	if err != nil {
		return err
	}
	opts.Formats = formats
	defer limitMemory(c)()
	dir := c.String("output")
	if dir == "-" && (len(formats) != 1 || formats[0] != xport.FormatJSONL) {
		return usageError("convert: -o - (stdout) takes --format jsonl only")
	}
	if dir != "-" {
		if err := checkOutputDir(dir); err != nil {
			return &exitError{exitUsage, err}
		}
	}
	if batch(c) {
		if dir == "-" {
			return usageError("convert: -o - takes one document")
		}
		ins, err := expandInputs(c.Args().Slice(), dir, ".txt file", func(p string) bool { return hasExt(p, ".txt") })
		if err != nil {
			return &exitError{exitUsage, err}
		}
		if ins, err = shard(ins, c.String("shard")); err != nil {
			return usageError("convert: %v", err)
		}
		return convertAll(&cliContext{stdout: c.App.Writer, stderr: c.App.ErrWriter, opts: opts, verbose: c.Bool("verbose")}, ins, formats)
	}
	var r io.Reader = c.App.Reader
	if path == "-" {
		path = "stdin.txt"
	} else {
		f, err := os.Open(path)
		if err != nil {
			return &exitError{exitUsage, err}
		}
		defer f.Close()
		r = f
	}
	res, err := xport.Convert(path, r, opts)
	if err != nil {
		return &exitError{exitUsage, err}
	}
	stderr := c.App.ErrWriter
	printDiagnostics(stderr, atPath(res.Diagnostics, path), res.Document)
	if c.Bool("verbose") {
		for _, u := range res.Report.Unmapped {
			fmt.Fprintf(stderr, "%s: not mapped: %s (%q): %s\n", u.Pos, u.Text, u.Label, u.Reason)
		}
	}
	if !res.Valid() {
		return &exitError{exitInvalid, fmt.Errorf("%s: %d error(s); no output written", path, res.Diagnostics.Count(source.Error))}
	}
	summary := c.App.Writer
	if dir == "-" {
		for _, f := range res.Select(formats...) {
			if _, err := c.App.Writer.Write(f.Data); err != nil {
				return err
			}
		}
		summary = stderr
	} else {
		if err := res.Write(dir, formats...); err != nil {
			return &exitError{exitUsage, err}
		}
		var names []string
		for _, f := range res.Select(formats...) {
			names = append(names, filepath.Join(dir, f.Name))
		}
		fmt.Fprintf(summary, "wrote %s\n", strings.Join(names, ", "))
	}
	rep := res.Report
	if m := res.Minerals; m != nil {
		counts, marked := m.Counts()
		st := m.Stats
		fmt.Fprintf(summary, "%d facts: %d smelters and refiners (gold %d, tantalum %d, tin %d, tungsten %d; %d marked; %d repaired, %d doubtful), %d countries of origin; %d list line(s) not understood, %d of page furniture left out; %d warning(s)\n",
			len(rep.Facts), len(m.Facilities), counts[minerals.Gold], counts[minerals.Tantalum], counts[minerals.Tin], counts[minerals.Tungsten],
			marked, st.Repaired, st.Doubtful, len(m.Countries), st.NotUnderstood, st.Furniture, res.Diagnostics.Count(source.Warning))
		return nil
	}
	fmt.Fprintf(summary, "%d facts from %d figures read (%.1f%% mapped); %d not mapped (list them with -v); %d warning(s)%s\n",
		len(rep.Facts), rep.Figures, rep.MappedShare(), len(rep.Unmapped), res.Diagnostics.Count(source.Warning), emptyTables(rep))
	return nil
}

// emptyTables says which tables with figures gave no facts, if any:
// "; 3 of 7 tables with figures gave no facts: lines 263, 288, 350".
//
// Tables left unread on purpose (the notes of an annual report) are
// counted apart: "; 94 tables of notes and discussion not read".
func emptyTables(rep *xbrl.Report) string {
	n, unread := 0, 0
	for _, t := range rep.Tables {
		switch {
		case t.NotRead != "":
			unread++
		case t.Figures > 0:
			n++
		}
	}
	out := ""
	if unread > 0 {
		out = fmt.Sprintf("; %d tables besides the primary statements not read (listed with -v)", unread)
	}
	empty := rep.EmptyTables()
	if len(empty) == 0 {
		return out
	}
	var lines []string
	for i, t := range empty {
		if i == 10 {
			lines = append(lines, "...")
			break
		}
		lines = append(lines, strconv.Itoa(t.Pos.Line))
	}
	return out + fmt.Sprintf("; %d of %d tables with figures gave no facts: lines %s", len(empty), n, strings.Join(lines, ", "))
}

// checkOutputDir makes sure the files can be written to dir before any
// document is converted: it is a directory one can create files in, or
// it does not exist yet and the nearest directory above it is one (it
// is made only when there is something to write).
func checkOutputDir(dir string) error {
	at := dir
	for {
		st, err := os.Stat(at)
		if err == nil {
			if !st.IsDir() {
				if at == dir {
					return fmt.Errorf("-o %s is a file, not a directory", dir)
				}
				return fmt.Errorf("-o %s cannot be made: %s is a file", dir, at)
			}
			break
		}
		parent := filepath.Dir(at)
		if parent == at {
			return fmt.Errorf("-o %s: %v", dir, cause(err))
		}
		at = parent
	}
	f, err := os.CreateTemp(at, ".xport-*")
	if err != nil {
		if at == dir {
			return fmt.Errorf("-o %s: files cannot be written there: %v", dir, cause(err))
		}
		return fmt.Errorf("-o %s cannot be made in %s: %v", dir, at, cause(err))
	}
	f.Close()
	return os.Remove(f.Name())
}

// cause is what an error of the file system says without its path.
func cause(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// kinds are the values of --kind and the Options.Kind each stands for.
var kinds = map[string]string{"auto": "", edgar.KindRelease: edgar.KindRelease, edgar.KindMinerals: edgar.KindMinerals, edgar.KindPeriodic: edgar.KindPeriodic}

// convertOptions reads the conversion options from the flags.
func convertOptions(c *cli.Context) (xport.Options, error) {
	kind, ok := kinds[c.String("kind")]
	if !ok {
		return xport.Options{}, usageError("convert: --kind %q: want %s, %s, %s or auto", c.String("kind"), edgar.KindRelease, edgar.KindMinerals, edgar.KindPeriodic)
	}
	min := c.Float64("min-mapped")
	if min < 0 || min > 100 {
		return xport.Options{}, usageError("convert: --min-mapped %g: want a percentage from 0 to 100", min)
	}
	return xport.Options{CIK: c.String("cik"), Kind: kind, MaxSize: maxSize(c), MinMapped: min, AllowEmpty: c.Bool("allow-empty")}, nil
}

// atPath names the input by the path the user gave rather than its base
// name, so editors and terminals can open the position.
func atPath(ds source.Diagnostics, path string) source.Diagnostics {
	out := make(source.Diagnostics, len(ds))
	for i, d := range ds {
		if d.Pos.File == filepath.Base(path) {
			d.Pos.File = path
		}
		out[i] = d
	}
	return out
}

// printDiagnostics writes each diagnostic with the source line it points
// at and a caret under the column.
func printDiagnostics(w io.Writer, ds source.Diagnostics, doc *source.Document) {
	for _, d := range ds {
		fmt.Fprintln(w, d)
		if doc == nil || filepath.Base(d.Pos.File) != doc.Name || d.Pos.Line < 1 || d.Pos.Line > len(doc.Lines) {
			continue
		}
		line := doc.Lines[d.Pos.Line-1]
		printExcerpt(w, strings.TrimRight(line.Text, " "), caretColumn(line, d.Pos.Col))
	}
}

// excerptWidth bounds the part of a line shown under a diagnostic.
const excerptWidth = 160

// printExcerpt writes a line and a caret under column caret (in runes);
// of a line wider than excerptWidth only the part around the caret is
// shown, between ellipses.
func printExcerpt(w io.Writer, text string, caret int) {
	runes := []rune(text)
	if len(runes) > excerptWidth {
		start := min(max(caret-excerptWidth/2, 0), len(runes)-excerptWidth)
		prefix, suffix := "", ""
		if start > 0 {
			prefix = "…"
			caret = caret - start + 1
		}
		if start+excerptWidth < len(runes) {
			suffix = "…"
		}
		text = prefix + string(runes[start:start+excerptWidth]) + suffix
	}
	fmt.Fprintf(w, "    %s\n    %s^\n", text, strings.Repeat(" ", max(caret, 0)))
}

// batch reports whether the arguments name more than one document: more
// than one argument, a directory, a pattern, or a shard.
func batch(c *cli.Context) bool {
	if c.NArg() > 1 || c.String("shard") != "" {
		return true
	}
	arg := c.Args().First()
	if arg == "-" {
		return false
	}
	if strings.ContainsAny(arg, "*?[") {
		return true
	}
	st, err := os.Stat(arg)
	return err == nil && st.IsDir()
}

// caretColumn converts a 1-based byte column of the original line to a
// column of the normalised text.
func caretColumn(l source.Line, col int) int {
	for c, byteCol := range l.Columns() {
		if byteCol >= col {
			return c
		}
	}
	return 0
}

// defaultMemoryLimit is the default of convert --memory-limit, in MiB. A
// 10 MB document (the largest the README's figures cover) keeps about
// 56 MiB live at its peak; under this limit the process stays near 90 MB
// resident, for about a fifth more time on that document and nothing on
// ordinary ones, whose heap stays far below it.
const defaultMemoryLimit = 70

// gcPercent is the garbage collector's target (GOGC) convert runs with
// unless GOGC is set: the heap may grow to five times what is live before
// a collection, which the memory limit bounds. Converting an archive of
// ordinary documents then spends a quarter less time collecting garbage.
const gcPercent = 400

// limitMemory sets the heap's soft limit (runtime/debug.SetMemoryLimit)
// that --memory-limit asks for and, with it, the collector's target
// gcPercent; it returns the function that restores both.
func limitMemory(c *cli.Context) (restore func()) {
	_, env := os.LookupEnv("GOMEMLIMIT")
	limit, ok := memoryLimit(c.Int("memory-limit"), c.IsSet("memory-limit"), env)
	if !ok {
		return func() {}
	}
	prevLimit := debug.SetMemoryLimit(limit)
	if _, env := os.LookupEnv("GOGC"); env || limit == math.MaxInt64 {
		return func() { debug.SetMemoryLimit(prevLimit) }
	}
	prevGC := debug.SetGCPercent(gcPercent)
	return func() {
		debug.SetMemoryLimit(prevLimit)
		debug.SetGCPercent(prevGC)
	}
}

// memoryLimit returns the heap limit in bytes for --memory-limit mib
// (given or the default) and whether to set it: GOMEMLIMIT stands unless
// the flag is given; 0 is no limit.
func memoryLimit(mib int, given, env bool) (int64, bool) {
	switch {
	case env && !given:
		return 0, false
	case mib <= 0:
		return math.MaxInt64, true
	}
	return int64(mib) << 20, true
}
