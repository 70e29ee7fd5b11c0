package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestBatch converts a directory holding two valid documents (one in a
// subdirectory) and an invalid one: the valid ones are written, in
// directories mirroring the input's, the summary counts all three, and the
// exit code says one failed.
func TestBatch(t *testing.T) {
	in := t.TempDir()
	copyFile(t, filepath.Join("..", "..", "testdata", "infinera-q4-2012.txt"), filepath.Join(in, "infinera-q4-2012.txt"))
	copyFile(t, filepath.Join("..", "..", "testdata", "infinera-sd-2014.txt"), filepath.Join(in, "sd", "infinera-sd-2014.txt"))
	copyFile(t, filepath.Join("..", "..", "testdata", "invalid", "minerals-no-period.txt"), filepath.Join(in, "minerals-no-period.txt"))
	out := t.TempDir()
	var stdout, stderr bytes.Buffer
	code := run([]string{"xport", "convert", in, "-o", out}, strings.NewReader(""), &stdout, &stderr)
	if code != exitInvalid {
		t.Errorf("exit code %d, want %d", code, exitInvalid)
	}
	if !strings.HasPrefix(withoutSize(stdout.String()), "3 documents: 2 converted, 1 failed; 1349 facts,") {
		t.Errorf("summary %q", stdout.String())
	}
	if !strings.Contains(stderr.String(), "minerals-no-period.txt:1:1: error:") {
		t.Errorf("the failed document's error is not shown:\n%s", stderr.String())
	}
	for _, f := range []string{"infinera-q4-2012.xbrl", "infinera-q4-2012.jsonl", filepath.Join("sd", "infinera-sd-2014-csv.json")} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Errorf("%s not written: %v", f, err)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "minerals-no-period.xbrl")); err == nil {
		t.Error("the invalid document was written")
	}

	// Two shards convert every document once between them.
	total := 0
	for _, s := range []string{"0/2", "1/2"} {
		stdout.Reset()
		run([]string{"xport", "convert", in, "-o", t.TempDir(), "--shard", s}, strings.NewReader(""), &stdout, &stderr)
		var n int
		if _, err := fmt.Sscan(stdout.String(), &n); err != nil {
			t.Fatalf("summary %q: %v", stdout.String(), err)
		}
		total += n
	}
	if total != 3 {
		t.Errorf("the shards hold %d documents, want 3", total)
	}
	if code := run([]string{"xport", "convert", in, "--shard", "2/2"}, strings.NewReader(""), &stdout, &stderr); code != exitUsage {
		t.Errorf("--shard 2/2: exit %d", code)
	}
}

// TestBatchKind: --kind reaches every document of a batch; a submission
// without a document of that kind fails, and the others convert.
func TestBatchKind(t *testing.T) {
	in := t.TempDir()
	edgar := filepath.Join("..", "..", "testdata", "edgar")
	copyFile(t, filepath.Join(edgar, "release-8k.txt"), filepath.Join(in, "release-8k.txt"))
	copyFile(t, filepath.Join(edgar, "minerals-sd.txt"), filepath.Join(in, "minerals-sd.txt"))
	tests := []struct {
		kind, summary, stderr string
		code                  int
	}{
		{"auto", "2 documents: 2 converted, 0 failed; 27 facts,", "", exitOK},
		{"release", "2 documents: 1 converted, 1 failed; 9 facts,", "minerals-sd.txt:1:1: no document of the submission is of the kind given, an earnings release (EX-99); it holds SD, EX-1.01", exitUsage}, // as the document alone exits
		{"minerals", "2 documents: 1 converted, 1 failed; 18 facts,", "no document of the submission is of the kind given, a conflict minerals report (SD, EX-1.01); it holds 8-K, EX-99.1, GRAPHIC", exitUsage},
		{"8-K", "", `--kind "8-K": want release, minerals, periodic or auto`, exitUsage},
	}
	for _, tt := range tests {
		t.Run(tt.kind, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run([]string{"xport", "convert", in, "--kind", tt.kind, "-o", t.TempDir()}, strings.NewReader(""), &stdout, &stderr)
			if code != tt.code || !strings.HasPrefix(withoutSize(stdout.String()), tt.summary) || !strings.Contains(stderr.String(), tt.stderr) {
				t.Errorf("exit %d, summary %q; stderr:\n%s\nwant exit %d, %q and %q", code, stdout.String(), stderr.String(), tt.code, tt.summary, tt.stderr)
			}
		})
	}
}

// TestBatchExit: a batch exits as its worst document would alone: an
// empty document fails it with 1, and, beside it, one that cannot be
// read with 2; the others are written either way.
func TestBatchExit(t *testing.T) {
	in := t.TempDir()
	copyFile(t, filepath.Join("..", "..", "testdata", "edgar", "release-8k.txt"), filepath.Join(in, "release-8k.txt"))
	if err := os.WriteFile(filepath.Join(in, "empty.txt"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		args    []string
		code    int
		summary string
	}{
		{[]string{in}, exitInvalid, "2 documents: 1 converted, 1 failed;"},
		{[]string{in, filepath.Join(in, "missing.txt")}, exitUsage, "3 documents: 1 converted, 2 failed;"},
	} {
		var stdout, stderr bytes.Buffer
		out := t.TempDir()
		code := run(append(append([]string{"xport", "convert"}, tt.args...), "-o", out), strings.NewReader(""), &stdout, &stderr)
		if code != tt.code || !strings.HasPrefix(withoutSize(stdout.String()), tt.summary) {
			t.Errorf("%v: exit %d, %q; stderr:\n%s", tt.args, code, stdout.String(), stderr.String())
		}
		if _, err := os.Stat(filepath.Join(out, "release-8k.xbrl")); err != nil {
			t.Errorf("the good document was not written: %v", err)
		}
		if _, err := os.Stat(filepath.Join(out, "empty.xbrl")); err == nil {
			t.Error("the empty document was written")
		}
	}
}

// TestStdin converts a document read from standard input.
func TestStdin(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "infinera-q4-2012.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	code := run([]string{"xport", "convert", "-", "--format", "jsonl", "-o", "-"}, bytes.NewReader(data), &stdout, &stderr)
	if code != 0 || strings.Count(stdout.String(), "\n") != 499 || !strings.Contains(stdout.String(), `"document":"stdin.txt"`) {
		t.Errorf("exit %d, %d lines; stderr:\n%s", code, strings.Count(stdout.String(), "\n"), stderr.String())
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// withoutSize drops the input size from a batch summary, "3 documents
// (0.1 MB): ..." → "3 documents: ...", checking it is there.
func withoutSize(summary string) string {
	return regexp.MustCompile(`^(\d+ documents) \(\d+\.\d MB\):`).ReplaceAllString(summary, "$1:")
}
