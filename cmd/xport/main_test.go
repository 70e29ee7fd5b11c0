package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRun runs the command in process, as a user would from the project
// root, and checks exit code, output and the files written.
func TestRun(t *testing.T) {
	sample := filepath.Join("..", "..", "testdata", "infinera-q4-2012.txt")
	invalid := filepath.Join("..", "..", "testdata", "invalid", "conflicting-revenue.txt")
	tests := []struct {
		name     string
		args     []string // OUT is replaced by a fresh directory
		code     int
		stdout   string
		stderr   string
		files    []string
		noOutput bool
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
			name:   "convert with a CIK, flags first",
			args:   []string{"convert", "--cik", "1138639", "-o", "OUT", sample},
			code:   0,
			stdout: "wrote ",
			files:  []string{"infinera-q4-2012.xbrl", "infinera-q4-2012.json"},
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
			stderr:   "conflicting-revenue.txt:26:27: error: us-gaap:Revenues for 2020-01-01..2020-12-31 is 1100000 here but 1000000 at conflicting-revenue.txt:11:27",
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
			name: "unknown command",
			args: []string{"transmogrify"},
			code: 2,
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
