package fix

import "testing"

func TestWords(t *testing.T) {
	for in, want := range map[string]string{
		"Check":         "check",
		"checkConfig":   "check config",
		"loadTLSConfig": "load tls config",
		"serveHTTP2":    "serve http2",
		"URLFor":        "url for",
		"must_parse":    "must parse",
		"init":          "init",
	} {
		if got := words(in); got != want {
			t.Errorf("words(%q) = %q, want %q", in, got, want)
		}
	}
}
