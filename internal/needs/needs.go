// Package needs lets a test skip when a tool or the shared documents it
// reads are absent, except where the run must not skip: with
// XPORT_REQUIRE_ALL=1 (set by .ci/run) a missing tool or directory fails
// the test, so that a CI run cannot pass with tests that did not run.
package needs

import (
	"os"
	"testing"
)

// Env is the variable that turns skips into failures.
const Env = "XPORT_REQUIRE_ALL"

// Skip skips the test, saying why, or fails it when Env is set to 1.
func Skip(tb testing.TB, format string, args ...any) {
	tb.Helper()
	if os.Getenv(Env) == "1" {
		tb.Fatalf("required ("+Env+"=1), but "+format, args...)
		return
	}
	tb.Skipf(format, args...)
}
