package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v5"
	"github.com/urfave/cli/v2"

	"github.com/xport/xport/internal/needs"
	"github.com/xport/xport/schema"
)

// TestRun runs the command in process, as a user would from the project
// root, and checks exit code, output and the files written.
func TestRun(t *testing.T) {
	sample := filepath.Join("..", "..", "testdata", "infinera-q4-2012.txt")
	invalid := filepath.Join("..", "..", "testdata", "invalid", "minerals-no-period.txt")
	sd := filepath.Join("..", "..", "testdata", "infinera-sd-2014.txt")
	unread := filepath.Join("..", "..", "testdata", "loud", "unread-table.txt")
	conf := filepath.Join("..", "..", "testdata", "conformance") + string(filepath.Separator)
	emptyDir := t.TempDir()
	validDir := t.TempDir() // the valid cases of testdata/conformance with their taxonomy
	for _, name := range []string{"valid.xbrl", "valid.json", "conf.xsd", "conf_cal.xml"} {
		data, err := os.ReadFile(conf + name)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(validDir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	empty := filepath.Join(t.TempDir(), "empty.txt")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		args     []string // OUT is replaced by a fresh directory
		code     int
		stdout   string
		stderr   string
		files    []string
		absent   []string // files that must not be written
		noOutput bool
		// schema names the JSON document stdout must be, checked
		// against the JSON Schema xport generates for it.
		schema string
	}{
		{
			name:   "convert with flags after the file",
			args:   []string{"convert", sample, "-o", "OUT"},
			code:   0,
			stdout: "499 facts from 538 figures read (99.8% mapped); 1 not mapped",
			stderr: "infinera-q4-2012.txt:5:80: warning: no --cik given",
			files:  []string{"infinera-q4-2012.xbrl", "infinera-q4-2012.json", "infinera-q4-2012.xsd", "infinera-q4-2012_lab.xml", "infinera-q4-2012_pre.xml", "infinera-q4-2012_cal.xml"},
		},
		{
			name:   "convert a conflict minerals report",
			args:   []string{"convert", sd, "--cik", "1138639", "-o", "OUT"},
			code:   0,
			stdout: "248 smelters and refiners (gold 108, tantalum 39, tin 68, tungsten 33; 181 marked; 8 repaired, 4 doubtful), 42 countries of origin; 1 list line(s) not understood, 5 of page furniture left out",
			stderr: "infinera-sd-2014.txt:355:5: warning: Tin \"PT Timah (Persero), Tbk\" and \"PT Timeh (Parsers) This\"",
			files:  []string{"infinera-sd-2014.xbrl", "infinera-sd-2014.json", "infinera-sd-2014.xsd", "xport-cmr-2025.xsd", "infinera-sd-2014_def.xml"},
		},
		{
			name:   "the fact feed to stdout",
			args:   []string{"convert", sample, "--format", "jsonl", "-o", "-"},
			code:   0,
			stdout: `{"id":"us-gaap_Revenues_D20120930_20121229","concept":"us-gaap:Revenues"`,
			stderr: "499 facts from 538 figures read",
		},
		{
			name:   "only the instance and its taxonomy",
			args:   []string{"convert", sample, "--format", "xbrl", "-o", "OUT"},
			code:   0,
			files:  []string{"infinera-q4-2012.xbrl", "infinera-q4-2012.xsd", "infinera-q4-2012_cal.xml"},
			absent: []string{"infinera-q4-2012.json", "infinera-q4-2012.jsonl"},
			stdout: "wrote ",
		},
		{
			name:   "an unknown format",
			args:   []string{"convert", sample, "--format", "xml", "-o", "OUT"},
			code:   2,
			stderr: "want xbrl, json, csv, jsonl",
		},
		{
			name:   "a kind given",
			args:   []string{"convert", sd, "--kind", "release", "--allow-empty", "-o", "OUT"},
			code:   0,
			stdout: "0 facts from 2 figures read",
			files:  []string{"infinera-sd-2014.xbrl"},
			absent: []string{"infinera-sd-2014-csv.json"},
		},
		{
			name:   "a kind given, which the document is not",
			args:   []string{"convert", sample, "--kind", "minerals", "-o", "OUT"},
			code:   1,
			stderr: "no reporting period found",
		},
		{
			name:     "an unknown kind",
			args:     []string{"convert", sample, "--kind", "sd", "-o", "OUT"},
			code:     2,
			stderr:   `convert: --kind "sd": want release, minerals, periodic or auto`,
			noOutput: true,
		},
		{
			name:   "stdout takes the feed only",
			args:   []string{"convert", sample, "-o", "-"},
			code:   2,
			stderr: "-o - (stdout) takes --format jsonl only",
		},
		{
			name:   "convert with a CIK, flags first",
			args:   []string{"convert", "--cik", "1138639", "-o", "OUT", sample},
			code:   0,
			stdout: "wrote ",
			files:  []string{"infinera-q4-2012.xbrl", "infinera-q4-2012.json"},
		},
		{
			name:     "a document mapped below --min-mapped fails",
			args:     []string{"convert", unread, "--min-mapped", "90", "-o", "OUT"},
			code:     1,
			stderr:   "unread-table.txt:1:1: error: 50.0% of the 8 figures read became facts, below the minimum of 90% (--min-mapped)",
			noOutput: true,
		},
		{
			name:   "tables that gave no facts are named in the summary",
			args:   []string{"convert", unread, "--min-mapped", "50", "-o", "OUT"},
			code:   0,
			stdout: "4 not mapped (list them with -v); 2 warning(s); 1 of 2 tables with figures gave no facts: lines 15\n",
		},
		{
			name:   "verbose lists unmapped figures",
			args:   []string{"convert", sample, "-o", "OUT", "-v"},
			code:   0,
			stderr: "infinera-q4-2012.txt:475:32: not mapped: < 10% (\"Largest Customer %\")",
		},
		{
			name:     "invalid input writes nothing",
			args:     []string{"convert", invalid, "-o", "OUT"},
			code:     1,
			stderr:   "minerals-no-period.txt:1:1: error: no reporting period found",
			noOutput: true,
		},
		{
			name:     "missing file",
			args:     []string{"convert", "no-such-file.txt", "-o", "OUT"},
			code:     2,
			stderr:   "no-such-file.txt",
			noOutput: true,
		},
		{
			name:   "no file",
			args:   []string{"convert"},
			code:   2,
			stderr: "want one FILE",
		},
		{
			name:   "bad CIK",
			args:   []string{"convert", sample, "--cik", "12ab", "-o", "OUT"},
			code:   2,
			stderr: "a CIK is one to ten digits",
		},
		{
			name:   "validate a valid instance and report",
			args:   []string{"validate", "--calc", "xbrl21", conf + "valid.xbrl", conf + "valid.json"},
			code:   0,
			stdout: "valid.json: valid: 4 fact(s), 0 error(s), 0 warning(s)",
		},
		{
			name:   "validate finds a calculation inconsistency",
			args:   []string{"validate", conf + "calc-inconsistent.xbrl", "--calc", "xbrl21"},
			code:   1,
			stdout: "calc-inconsistent.xbrl:10:3: error: us-gaap:Revenues for 2020-01-01..2020-12-31 is 305000 but its items in http://www.xbrl.org/2003/role/link add up to 300000 [xbrl.5.2.5.2:calcInconsistency]",
		},
		{
			name:   "validate with warnings is valid unless strict",
			args:   []string{"validate", conf + "unbalanced.xbrl"},
			code:   0,
			stdout: "[xport.cross:balanceSheetUnbalanced]",
		},
		{
			name: "validate strict",
			args: []string{"validate", "--strict", conf + "unbalanced.xbrl"},
			code: 1,
		},
		{
			name:   "validate as SARIF",
			args:   []string{"validate", "--format", "sarif", conf + "pure-unit.json"},
			code:   1,
			stdout: `"ruleId": "oime:illegalPureUnit"`,
		},
		{
			name:   "validate as GitHub annotations",
			args:   []string{"validate", "--format", "github", conf + "missing-context.xbrl"},
			code:   1,
			stdout: "::error file=",
		},
		{
			name:   "validate as JSON",
			args:   []string{"validate", "--format", "json", conf + "valid.xbrl"},
			code:   0,
			stdout: `"valid": true`,
			schema: "validation",
		},
		{
			name:   "validate as JSON, with problems",
			args:   []string{"validate", "--format", "json", "--calc", "xbrl21", conf + "calc-inconsistent.xbrl", conf + "pure-unit.json"},
			code:   1,
			stdout: `"code": "xbrl.5.2.5.2:calcInconsistency"`,
			schema: "validation",
		},
		{
			name:   "concepts as JSON",
			args:   []string{"concepts", "--json", "--prefix", "dei"},
			code:   0,
			stdout: `"concept": "dei:EntityRegistrantName"`,
			schema: "concepts",
		},
		{
			name:   "concepts as a table",
			args:   []string{"concepts"},
			code:   0,
			stdout: "us-gaap:NetIncomeLoss",
		},
		{
			name:   "the schema of validation results",
			args:   []string{"schema", "json", "--document", "validation"},
			code:   0,
			stdout: `"$id": "urn:xport:schema:validation"`,
		},
		{
			name:   "the schema of an unknown document",
			args:   []string{"schema", "json", "--document", "nonesuch"},
			code:   2,
			stderr: "xbrl-json, validation, concepts",
		},
		{
			name:   "validate a malformed file",
			args:   []string{"validate", conf + "malformed.xbrl"},
			code:   2,
			stdout: "error: not well-formed XML",
		},
		{
			name:   "validate a missing file",
			args:   []string{"validate", "no-such.xbrl"},
			code:   2,
			stderr: "no-such.xbrl",
		},
		{
			name:   "github annotations say something when there is no finding",
			args:   []string{"validate", "-f", "github", conf + "valid.xbrl"},
			code:   0,
			stdout: "::notice title=xport validate::1 file(s), 9 fact(s): 0 error(s), 0 warning(s)\n",
		},
		{
			name:   "validate a directory: its instances and JSON reports, not its linkbases",
			args:   []string{"validate", "--calc", "xbrl21", validDir},
			code:   0,
			stdout: "valid.xbrl: valid",
		},
		{
			name:   "validate a pattern",
			args:   []string{"validate", filepath.Join(validDir, "*.json")},
			code:   0,
			stdout: "valid.json: valid",
		},
		{
			name:   "validate with a bad mode",
			args:   []string{"validate", "--calc", "sideways", conf + "valid.xbrl"},
			code:   2,
			stderr: "want off, xbrl21 or calc11",
		},
		{
			name:   "unknown command",
			args:   []string{"transmogrify"},
			code:   2,
			stderr: `unknown command "transmogrify"; the commands are convert, validate, concepts, schema, tables`,
		},
		{
			name:   "an unknown flag, in one line with two dashes",
			args:   []string{"convert", sample, "--bogus", "-o", "OUT"},
			code:   2,
			stderr: "xport: unknown flag --bogus (xport convert --help lists the flags)\n",
		},
		{
			name:     "a flag without its value, after the file",
			args:     []string{"convert", sample, "-o", "OUT", "--cik"},
			code:     2,
			stderr:   "xport: convert: --cik needs a value\n",
			noOutput: true,
		},
		{
			name:   "-o naming a file, refused before converting",
			args:   []string{"convert", sample, "-o", sample},
			code:   2,
			stderr: "-o " + sample + " is a file, not a directory",
		},
		{
			name:     "an empty document fails, nothing written",
			args:     []string{"convert", empty, "-o", "OUT"},
			code:     1,
			stderr:   "no figure was read: this does not read as an earnings release, a periodic report or a conflict minerals report (--allow-empty writes an empty report) [convert.noFacts]",
			noOutput: true,
		},
		{
			name:   "an empty document written when allowed",
			args:   []string{"convert", empty, "--allow-empty", "-o", "OUT"},
			code:   0,
			stdout: "0 facts",
			files:  []string{"empty.xbrl"},
		},
		{
			name:     "a directory without a document",
			args:     []string{"convert", emptyDir, "-o", "OUT"},
			code:     2,
			stderr:   emptyDir + ": no .txt file to read",
			noOutput: true,
		},
		{
			name:   "the version",
			args:   []string{"--version"},
			code:   0,
			stdout: "xport version ",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "out")
			args := []string{"xport"}
			for _, a := range tt.args {
				args = append(args, strings.ReplaceAll(a, "OUT", out))
			}
			var stdout, stderr bytes.Buffer
			code := run(args, strings.NewReader(""), &stdout, &stderr)
			if code != tt.code {
				t.Errorf("exit code %d, want %d; stderr:\n%s", code, tt.code, stderr.String())
			}
			if !strings.Contains(stdout.String(), tt.stdout) {
				t.Errorf("stdout %q does not contain %q", stdout.String(), tt.stdout)
			}
			if !strings.Contains(stderr.String(), tt.stderr) {
				t.Errorf("stderr does not contain %q:\n%s", tt.stderr, stderr.String())
			}
			if tt.schema != "" {
				matchesSchema(t, tt.schema, stdout.Bytes())
			}
			for _, f := range tt.absent {
				if _, err := os.Stat(filepath.Join(out, f)); err == nil {
					t.Errorf("%s written", f)
				}
			}
			for _, f := range tt.files {
				if st, err := os.Stat(filepath.Join(out, f)); err != nil || st.Size() == 0 {
					t.Errorf("%s not written: %v", f, err)
				}
			}
			if _, err := os.Stat(out); tt.noOutput && err == nil {
				t.Errorf("output directory created for a failed conversion")
			}
		})
	}
}

// matchesSchema checks doc against the JSON Schema xport generates for the
// named document.
func matchesSchema(t *testing.T, name string, doc []byte) {
	t.Helper()
	b, err := schema.DocumentSchema(name)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource(name, bytes.NewReader(b)); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(name)
	if err != nil {
		t.Fatal(err)
	}
	var v any
	if err := json.Unmarshal(doc, &v); err != nil {
		t.Fatalf("stdout is not JSON: %v", err)
	}
	if err := s.Validate(v); err != nil {
		t.Errorf("stdout does not match the %s schema: %v", name, err)
	}
}

// TestHelpExitCodes: every command's help states its exit codes.
func TestHelpExitCodes(t *testing.T) {
	for _, cmd := range []string{"convert", "validate", "concepts", "schema", "tables"} {
		var stdout, stderr bytes.Buffer
		if code := run([]string{"xport", cmd, "--help"}, strings.NewReader(""), &stdout, &stderr); code != 0 || !strings.Contains(stdout.String(), "Exit codes: 0 ") {
			t.Errorf("%s --help: exit %d, no exit codes in\n%s", cmd, code, stdout.String())
		}
	}
}

// TestSARIFMatchesSchema checks the SARIF xport validate writes, with
// findings and without, against the SARIF 2.1.0 JSON Schema (OASIS, as
// the @microsoft/jest-sarif package ships it; .ci/run fetches it and
// names it in XPORT_SARIF_SCHEMA).
func TestSARIFMatchesSchema(t *testing.T) {
	path := os.Getenv("XPORT_SARIF_SCHEMA")
	if path == "" {
		needs.Skip(t, "XPORT_SARIF_SCHEMA names no SARIF 2.1.0 JSON Schema (.ci/run fetches one)")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		needs.Skip(t, "the SARIF schema cannot be read: %v", err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("sarif.json", bytes.NewReader(data)); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("sarif.json")
	if err != nil {
		t.Fatal(err)
	}
	conf := filepath.Join("..", "..", "testdata", "conformance")
	for _, files := range [][]string{{"valid.xbrl"}, {"calc-inconsistent.xbrl", "missing-context.xbrl", "malformed.json"}} {
		args := []string{"xport", "validate", "--calc", "xbrl21", "-f", "sarif"}
		for _, f := range files {
			args = append(args, filepath.Join(conf, f))
		}
		var stdout, stderr bytes.Buffer
		run(args, strings.NewReader(""), &stdout, &stderr)
		var doc any
		if err := json.Unmarshal(stdout.Bytes(), &doc); err != nil {
			t.Fatalf("%v: not JSON: %v\n%s", files, err, stdout.String())
		}
		if err := sch.Validate(doc); err != nil {
			t.Errorf("%v: %v", files, err)
		}
		if len(files) > 1 && !strings.Contains(stdout.String(), `"ruleId": "xbrl.5.2.5.2:calcInconsistency"`) {
			t.Errorf("%v: no finding in\n%s", files, stdout.String())
		}
	}
}

// TestFormatsGiveTheSource: for an instance xport wrote, every output
// format of validate gives where a figure is printed in the document it
// was converted from, beside its place in the instance.
func TestFormatsGiveTheSource(t *testing.T) {
	dir := t.TempDir()
	sample := filepath.Join("..", "..", "testdata", "infinera-q4-2012.txt")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"xport", "convert", sample, "--cik", "1138639", "-f", "xbrl", "-o", dir}, strings.NewReader(""), &stdout, &stderr); code != 0 {
		t.Fatalf("convert: %d %s", code, stderr.String())
	}
	path := filepath.Join(dir, "infinera-q4-2012.xbrl")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// Total revenue, line 67 of the release, made one thousand more.
	bad := bytes.Replace(data, []byte(">128064000<"), []byte(">128065000<"), 1)
	if err := os.WriteFile(path, bad, 0o644); err != nil {
		t.Fatal(err)
	}
	for format, want := range map[string]string{
		"text":   "(read from infinera-q4-2012.txt:67:27)",
		"github": "(read from infinera-q4-2012.txt:67:27)",
		"json":   `"origin": {`,
		"sarif":  `"startLine": 67,`,
	} {
		stdout.Reset()
		code := run([]string{"xport", "validate", "--calc", "xbrl21", "-f", format, path}, strings.NewReader(""), &stdout, &stderr)
		if code != 1 || !strings.Contains(stdout.String(), want) {
			t.Errorf("%s: exit %d, no %q in\n%s", format, code, want, stdout.String())
		}
	}
}

// TestSameFlags: the flags that read files are the same in every command
// that has them.
func TestSameFlags(t *testing.T) {
	flags := map[string]map[string]cli.Flag{}
	for _, cmd := range []*cli.Command{convertCommand(), validateCommand()} {
		flags[cmd.Name] = map[string]cli.Flag{}
		for _, f := range cmd.Flags {
			flags[cmd.Name][f.Names()[0]] = f
		}
	}
	for _, name := range []string{"max-size", "format"} {
		c, v := flags["convert"][name], flags["validate"][name]
		if c == nil || v == nil || !slices.Equal(c.Names(), v.Names()) {
			t.Errorf("--%s: convert %v, validate %v", name, c, v)
		}
	}
	if c, v := flags["convert"]["max-size"].String(), flags["validate"]["max-size"].String(); c != v || !strings.Contains(c, "MiB") {
		t.Errorf("--max-size differs: %q, %q", c, v)
	}
}
