package load

import "testing"

// TestAsUTF8 reads documents declared in US-ASCII and Latin-1 as UTF-8,
// the declaration's length kept; others are left to the tokenizer.
func TestAsUTF8(t *testing.T) {
	tests := []struct{ in, want string }{
		{`<?xml version="1.0" encoding="US-ASCII"?><a/>`, `<?xml version="1.0" encoding="UTF-8"   ?><a/>`},
		{"<?xml version='1.0' encoding='ISO-8859-1'?><a>caf\xe9</a>", "<?xml version='1.0' encoding='UTF-8'     ?><a>caf\u00e9</a>"},
		{"<?xml version=\"1.0\" encoding=\"US-ASCII\"?><a>caf\xe9</a>", "<?xml version=\"1.0\" encoding=\"US-ASCII\"?><a>caf\xe9</a>"}, // not ASCII: refused later
		{`<?xml version="1.0" encoding="UTF-16"?><a/>`, `<?xml version="1.0" encoding="UTF-16"?><a/>`},
		{`<a/>`, `<a/>`},
		{``, ``},
	}
	for _, tt := range tests {
		if got := string(asUTF8([]byte(tt.in))); got != tt.want {
			t.Errorf("asUTF8(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if len(tt.in) > 0 && len(asUTF8([]byte(tt.in))) < len(tt.in) {
			t.Errorf("asUTF8(%q) is shorter than its input", tt.in)
		}
	}
}
