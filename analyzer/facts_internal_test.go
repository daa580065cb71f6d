package analyzer

import (
	"fmt"
	"go/token"
	"strings"
	"testing"
)

// chain builds a fact for f0 -> f1 -> ... -> f(n-1) -> os.Exit.
func chain(n int) *mayExit {
	f := &mayExit{Func: "os.Exit", Cat: catExit}
	for i := n - 1; i >= 0; i-- {
		f = &mayExit{
			Func: fmt.Sprintf("p.f%d", i),
			Call: token.Position{Filename: "/src/p/p.go", Line: i + 1, Column: 2},
			Cat:  catExit, Len: f.Len + 1, Next: f,
		}
	}
	return f
}

func roundTrip(t *testing.T, f *mayExit) *mayExit {
	t.Helper()
	data, err := f.GobEncode()
	if err != nil {
		t.Fatal(err)
	}
	var g mayExit
	if err := g.GobDecode(data); err != nil {
		t.Fatal(err)
	}
	return &g
}

func TestFactRoundTrip(t *testing.T) {
	f := chain(3)
	for h := f; h != nil; h = h.Next {
		h.Mod = "example.com/dep@v1.2.3"
	}
	g := roundTrip(t, f)
	if g.path(true) != f.path(true) || g.Len != f.Len || g.Cat != f.Cat {
		t.Errorf("round trip: got %q len %d, want %q len %d", g.path(true), g.Len, f.path(true), f.Len)
	}
	// go vet hands facts between processes: the module of the exit site
	// must survive, for -deps=module.
	if g.Mod != f.Mod || g.exitSite().Func != "p.f2" || g.modulePath() != "example.com/dep" {
		t.Errorf("round trip: module %q, exit site %q, module path %q; want %q, p.f2, example.com/dep",
			g.Mod, g.exitSite().Func, g.modulePath(), f.Mod)
	}
}

// TestFactEncodingBounded checks that a serialised fact keeps a bounded
// number of hops, so that n chained facts cost O(n), not O(n²).
func TestFactEncodingBounded(t *testing.T) {
	small, _ := chain(40).GobEncode()
	large, _ := chain(4000).GobEncode()
	if len(large) > len(small)+64 {
		t.Errorf("encoded size grows with the path: %d bytes for 40 hops, %d for 4000", len(small), len(large))
	}
	g := roundTrip(t, chain(1000))
	if g.Len != 1000 {
		t.Errorf("Len = %d, want 1000", g.Len)
	}
	p := g.path(false)
	if !strings.HasPrefix(p, "p.f0 -> p.f1 -> ") || !strings.HasSuffix(p, " -> (970 more calls) -> os.Exit") {
		t.Errorf("elided path = %q", p)
	}
	n := 0
	for h := g; h != nil; h = h.Next {
		if h.Next == nil && h.Len != 0 {
			t.Errorf("terminator Len = %d", h.Len)
		}
		n++
	}
	if n != maxEncodedHops {
		t.Errorf("decoded %d hops, want %d", n, maxEncodedHops)
	}
}
