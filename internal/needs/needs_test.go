package needs

import (
	"testing"
)

// fake records what Skip did.
type fake struct {
	testing.TB
	skipped, failed bool
}

func (f *fake) Helper()                        {}
func (f *fake) Skipf(string, ...any)           { f.skipped = true }
func (f *fake) Fatalf(string, ...any)          { f.failed = true }
func (f *fake) Logf(format string, a ...any)   {}
func (f *fake) Errorf(format string, a ...any) {}

func TestSkip(t *testing.T) {
	for _, tt := range []struct {
		env          string
		skip, failed bool
	}{{"", true, false}, {"0", true, false}, {"1", false, true}} {
		t.Setenv(Env, tt.env)
		f := &fake{}
		Skip(f, "xmllint is absent")
		if f.skipped != tt.skip || f.failed != tt.failed {
			t.Errorf("%s=%q: skipped %t, failed %t", Env, tt.env, f.skipped, f.failed)
		}
	}
}
