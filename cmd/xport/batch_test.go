package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
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
	copyFile(t, filepath.Join("..", "..", "testdata", "invalid", "conflicting-revenue.txt"), filepath.Join(in, "conflicting-revenue.txt"))
	out := t.TempDir()
	var stdout, stderr bytes.Buffer
	code := run([]string{"xport", "convert", in, "-o", out}, strings.NewReader(""), &stdout, &stderr)
	if code != exitInvalid {
		t.Errorf("exit code %d, want %d", code, exitInvalid)
	}
	if !strings.HasPrefix(stdout.String(), "3 documents: 2 converted, 1 failed; 1349 facts,") {
		t.Errorf("summary %q", stdout.String())
	}
	if !strings.Contains(stderr.String(), "conflicting-revenue.txt:26:27: error:") {
		t.Errorf("the failed document's error is not shown:\n%s", stderr.String())
	}
	for _, f := range []string{"infinera-q4-2012.xbrl", "infinera-q4-2012.jsonl", filepath.Join("sd", "infinera-sd-2014-csv.json")} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Errorf("%s not written: %v", f, err)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "conflicting-revenue.xbrl")); err == nil {
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
