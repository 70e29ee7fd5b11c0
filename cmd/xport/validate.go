package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/xport/xport/inline"
	"github.com/xport/xport/load"
	"github.com/xport/xport/source"
	"github.com/xport/xport/validate"
)

func validateCommand() *cli.Command {
	return &cli.Command{
		Name:      "validate",
		Usage:     "check XBRL 2.1 instances and xBRL-JSON and xBRL-CSV reports",
		ArgsUsage: "FILE|DIR|PATTERN...",
		Description: `Reads each FILE (an XBRL 2.1 instance, .xbrl or .xml; an xBRL-JSON report, .json;
or the metadata .json of an xBRL-CSV report, whose tables it reads) with the
taxonomy it references where that resolves locally, and checks the XBRL 2.1
rules (contexts, units, period types, decimals, duplicates), the Open
Information Model rules for xBRL-JSON and xBRL-CSV and the JSON Schema of
xport's output, calculations (--calc), and what statements say about each other
(the balance sheet balances, cash rolls forward, EPS agrees with net income
over shares).

Exit codes: 0 every file is valid; 1 a file has an error (or, with --strict, a
warning); 2 usage error or a file that cannot be read.`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "calc", Value: "off", Usage: "calculation checks: off, xbrl21 (XBRL 2.1 rounding) or calc11 (Calculation 1.1 intervals)"},
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "output: text, json, sarif (SARIF 2.1.0) or github (GitHub Actions annotations)"},
			&cli.BoolFlag{Name: "strict", Usage: "treat warnings as errors"},
			maxSizeFlag(),
		},
		Action: validateAction,
	}
}

// checked is one file's diagnostics.
type checked struct {
	doc   *load.Document
	diags source.Diagnostics
}

func validateAction(c *cli.Context) error {
	if c.NArg() == 0 {
		return usageError("validate: want at least one FILE")
	}
	mode, ok := map[string]validate.CalcMode{"off": validate.CalcOff, "xbrl21": validate.CalcXBRL21, "calc11": validate.Calc11}[c.String("calc")]
	if !ok {
		return usageError("validate: --calc %q: want off, xbrl21 or calc11", c.String("calc"))
	}
	render, ok := renderers[c.String("format")]
	if !ok {
		return usageError("validate: --format %q: want text, json, sarif or github", c.String("format"))
	}
	ins, err := expandInputs(c.Args().Slice(), "", "report (.xbrl, .json, or .xml instance)", isReportFile)
	if err != nil {
		return &exitError{exitUsage, err}
	}
	var results []checked
	unreadable := 0
	for _, in := range ins {
		path := in.path
		doc, diags, err := validate.File(path, validate.Options{Calc: mode, Cross: true}, maxSize(c))
		if err != nil {
			unreadable++
			fmt.Fprintf(c.App.ErrWriter, "xport: %v\n", err)
			continue
		}
		if doc.Report == nil {
			unreadable++ // not well-formed: its diagnostics say where
		}
		results = append(results, checked{doc, diags})
	}
	if err := render(c.App.Writer, results); err != nil {
		return err
	}
	return verdict(results, unreadable, c.Bool("strict"))
}

// isReportFile keeps, in a directory, the files validate reads: XBRL
// instances (.xbrl, and .xml whose root is xbrli:xbrl, not a linkbase or
// schema beside it), Inline XBRL (.html with ix: facts), and JSON
// reports and xBRL-CSV metadata (.json).
func isReportFile(path string) bool {
	switch {
	case hasExt(path, ".xbrl", ".json"):
		return true
	case hasExt(path, ".html", ".htm", ".xhtml"):
		data, err := os.ReadFile(path)
		return err != nil || inline.IsInline(data) // Inline XBRL, not a page without facts
	case !hasExt(path, ".xml"):
		return false
	}
	f, err := os.Open(path)
	if err != nil {
		return true // let validate say why it cannot be read
	}
	defer f.Close()
	head := make([]byte, 4096)
	n, _ := io.ReadFull(f, head)
	return bytes.Contains(head[:n], []byte("http://www.xbrl.org/2003/instance")) && instanceRoot.Match(head[:n])
}

// instanceRoot matches the start tag of an instance's root element.
var instanceRoot = regexp.MustCompile(`<(?:[A-Za-z_][\w.-]*:)?xbrl[\s>]`)

// verdict picks the exit code.
func verdict(results []checked, unreadable int, strict bool) error {
	errs, warns := 0, 0
	for _, r := range results {
		errs += r.diags.Count(source.Error)
		warns += r.diags.Count(source.Warning)
	}
	switch {
	case unreadable > 0:
		return &exitError{exitUsage, fmt.Errorf("%d file(s) could not be read as a report", unreadable)}
	case errs > 0 || strict && warns > 0:
		return &exitError{exitInvalid, fmt.Errorf("%d error(s), %d warning(s)", errs, warns)}
	}
	return nil
}

// relPath shortens a path for display.
func relPath(p string) string {
	if wd, err := os.Getwd(); err == nil {
		if r, ok := strings.CutPrefix(p, wd+string(os.PathSeparator)); ok {
			return r
		}
	}
	return p
}
