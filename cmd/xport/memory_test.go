package main

import (
	"math"
	"testing"
)

func TestMemoryLimit(t *testing.T) {
	tests := []struct {
		name       string
		mib        int
		given, env bool
		limit      int64
		set        bool
	}{
		{"the default", defaultMemoryLimit, false, false, defaultMemoryLimit << 20, true},
		{"GOMEMLIMIT stands", defaultMemoryLimit, false, true, 0, false},
		{"the flag over GOMEMLIMIT", 200, true, true, 200 << 20, true},
		{"no limit", 0, true, false, math.MaxInt64, true},
	}
	for _, tt := range tests {
		limit, set := memoryLimit(tt.mib, tt.given, tt.env)
		if limit != tt.limit || set != tt.set {
			t.Errorf("%s: memoryLimit(%d, %v, %v) = %d, %v; want %d, %v", tt.name, tt.mib, tt.given, tt.env, limit, set, tt.limit, tt.set)
		}
	}
}
