package main

import (
	"fmt"
	"hash/fnv"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/xport/xport"
	"github.com/xport/xport/source"
)

// input is one document to convert: its path, and the directory its
// outputs go to, below -o (an input found in a directory keeps its place
// relative to that directory).
type input struct {
	path, outDir string
}

// expandInputs turns the arguments into documents: a file is itself, a
// directory is every file below it that keep keeps, a pattern is the
// files it matches. The list is sorted and without
// repeats; none at all is an error.
func expandInputs(args []string, out string, what string, keep func(path string) bool) ([]input, error) {
	seen := map[string]bool{}
	var ins []input
	add := func(path, dir string) {
		if !seen[path] {
			seen[path] = true
			ins = append(ins, input{path, dir})
		}
	}
	for _, arg := range args {
		if strings.ContainsAny(arg, "*?[") {
			matches, err := filepath.Glob(arg)
			if err != nil || len(matches) == 0 {
				return nil, fmt.Errorf("%s: no file matches", arg)
			}
			for _, m := range matches {
				add(m, out)
			}
			continue
		}
		st, err := os.Stat(arg)
		if err != nil || !st.IsDir() {
			add(arg, out) // a file, or one that cannot be read: reading it says why
			continue
		}
		err = filepath.WalkDir(arg, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.Type().IsRegular() && keep(path) {
				rel, _ := filepath.Rel(arg, filepath.Dir(path))
				add(path, filepath.Join(out, rel))
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	sort.Slice(ins, func(i, j int) bool { return ins[i].path < ins[j].path })
	if len(ins) == 0 {
		return nil, fmt.Errorf("%s: no %s to read", strings.Join(args, ", "), what)
	}
	return ins, nil
}

// hasExt reports whether path ends with one of exts, in any case.
func hasExt(path string, exts ...string) bool {
	return slices.ContainsFunc(exts, func(e string) bool { return strings.EqualFold(filepath.Ext(path), e) })
}

// shard keeps the inputs of shard i of n: those whose path hashes to i,
// so the split does not change when documents are added elsewhere.
func shard(ins []input, spec string) ([]input, error) {
	if spec == "" {
		return ins, nil
	}
	a, b, ok := strings.Cut(spec, "/")
	i, err1 := strconv.Atoi(a)
	n, err2 := strconv.Atoi(b)
	if !ok || err1 != nil || err2 != nil || n < 1 || i < 0 || i >= n {
		return nil, fmt.Errorf("--shard %q: want i/n with 0 <= i < n", spec)
	}
	var out []input
	for _, in := range ins {
		h := fnv.New32a()
		h.Write([]byte(filepath.ToSlash(in.path)))
		if int(h.Sum32()%uint32(n)) == i {
			out = append(out, in)
		}
	}
	return out, nil
}

// outcome is what converting one document came to: its counts and its
// diagnostics already rendered, so a batch keeps no document, report or
// output in memory once it is written.
type outcome struct {
	path                              string
	size                              int64 // bytes read
	facts, warnings, errors, unmapped int
	diagnostics                       string // rendered, with excerpts: errors, or all with -v
	err                               error  // unreadable, or invalid (nothing written)
	code                              int    // its exit code alone: exitUsage unreadable or unwritable, exitInvalid invalid
}

// convertAll converts the inputs on a pool of workers, one per core,
// showing a progress bar on stderr when it is a terminal, and prints each
// document's errors (every diagnostic with -v) and a summary. A document
// that fails does not stop the others.
func convertAll(c *cliContext, ins []input, formats []string) error {
	start := time.Now()
	jobs := make(chan input)
	results := make(chan outcome)
	workers := min(runtime.GOMAXPROCS(0), len(ins))
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for in := range jobs {
				results <- convertOne(in, c.opts, formats, c.verbose)
			}
		}()
	}
	go func() {
		for _, in := range ins {
			jobs <- in
		}
		close(jobs)
		wg.Wait()
		close(results)
	}()
	bar := newBar(c.stderr, len(ins))
	var done []outcome
	for o := range results {
		done = append(done, o)
		if bar != nil {
			bar.Add(1)
		}
	}
	if bar != nil {
		bar.Finish()
		fmt.Fprintln(c.stderr)
	}
	return summarise(c, done, time.Since(start))
}

// summarise prints the documents' diagnostics in path order and the
// totals, and fails when a document failed.
func summarise(c *cliContext, done []outcome, elapsed time.Duration) error {
	sort.Slice(done, func(i, j int) bool { return done[i].path < done[j].path })
	var total outcome
	failed, code := 0, exitOK
	for _, o := range done {
		code = max(code, o.code)
		io.WriteString(c.stderr, o.diagnostics)
		total.size += o.size
		total.facts += o.facts
		total.warnings += o.warnings
		total.errors += o.errors
		total.unmapped += o.unmapped
		if o.err != nil {
			failed++
			fmt.Fprintf(c.stderr, "%s: %v\n", o.path, o.err)
		}
	}
	mb := float64(total.size) / 1e6
	fmt.Fprintf(c.stdout, "%d documents (%.1f MB): %d converted, %d failed; %d facts, %d warning(s), %d error(s), %d figure(s) not mapped; %s, %.2f MB/s\n",
		len(done), mb, len(done)-failed, failed, total.facts, total.warnings, total.errors, total.unmapped,
		elapsed.Round(time.Millisecond), mb/max(elapsed.Seconds(), 1e-9))
	if failed > 0 {
		// The exit code is the worst of the documents': what one alone
		// would have exited with.
		return &exitError{code, fmt.Errorf("%d of %d documents failed; the others were written", failed, len(done))}
	}
	return nil
}

// convertOne converts and writes one document.
func convertOne(in input, opts xport.Options, formats []string, verbose bool) outcome {
	o := outcome{path: in.path}
	f, err := os.Open(in.path)
	if err != nil {
		o.err, o.errors, o.code = err, 1, exitUsage
		return o
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil {
		o.size = st.Size()
	}
	res, err := xport.Convert(in.path, f, opts)
	if err != nil {
		o.err, o.errors, o.code = err, 1, exitUsage
		return o
	}
	switch {
	case !res.Valid():
		o.err, o.code = fmt.Errorf("%d error(s); no output written", res.Diagnostics.Count(source.Error)), exitInvalid
	default:
		if o.err = res.Write(in.outDir, formats...); o.err != nil {
			o.code = exitUsage
		}
		o.facts = len(res.Report.Facts)
	}
	o.warnings, o.errors = res.Diagnostics.Count(source.Warning), res.Diagnostics.Count(source.Error)
	o.unmapped = len(res.Report.Unmapped)
	ds := atPath(res.Diagnostics, in.path)
	if !verbose {
		ds = errorsOf(ds)
	}
	var b strings.Builder
	printDiagnostics(&b, ds, res.Document)
	o.diagnostics = b.String()
	return o
}

func errorsOf(ds source.Diagnostics) source.Diagnostics {
	var out source.Diagnostics
	for _, d := range ds {
		if d.Severity == source.Error {
			out = append(out, d)
		}
	}
	return out
}

// newBar returns a progress bar on w when w is a terminal, else nil.
func newBar(w io.Writer, total int) *progressbar.ProgressBar {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return nil
	}
	return progressbar.NewOptions(total, progressbar.OptionSetWriter(w), progressbar.OptionSetDescription("converting"),
		progressbar.OptionShowCount(), progressbar.OptionSetPredictTime(true), progressbar.OptionThrottle(100*time.Millisecond))
}

// cliContext is what the batch needs from the command line.
type cliContext struct {
	stdout, stderr io.Writer
	opts           xport.Options // CIK and kind; the name is each input's
	verbose        bool
}
