package source

import "testing"

func TestLines(t *testing.T) {
	data := []byte("ab\r\ncd\n\nef")
	l := NewLines(data)
	for _, tt := range []struct {
		off  int64
		want string
	}{
		{0, "f:1:1"}, {2, "f:1:3"}, {3, "f:1:4"}, {4, "f:2:1"}, {6, "f:2:3"}, {7, "f:3:1"}, {8, "f:4:1"}, {9, "f:4:2"},
	} {
		if got := l.Pos("f", tt.off).String(); got != tt.want {
			t.Errorf("Pos(%d) = %s, want %s", tt.off, got, tt.want)
		}
	}
	for n, want := range map[int]string{0: "", 1: "ab", 2: "cd", 3: "", 4: "ef", 5: ""} {
		if got := l.Line(data, n); got != want {
			t.Errorf("Line(%d) = %q, want %q", n, got, want)
		}
	}
}
