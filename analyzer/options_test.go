package analyzer_test

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/noexit-lint/noexit/analyzer"
)

// TestDepsModes runs each -deps mode on a workspace of two modules:
// example.com/app (the callers, and inner, whose exit is in the same
// module) and example.com/dep (another module).
func TestDepsModes(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("..", "testdata", "depsmod"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		deps analyzer.DepsMode
		pkgs []string
	}{
		{"", []string{"example.com/app/modmode", "example.com/app/inner"}},
		{"module", []string{"example.com/app/modmode"}},
		{"all", []string{"example.com/app/allmode"}},
		{"true", []string{"example.com/app/allmode"}},
		{"none", []string{"example.com/app/nonemode"}},
		{"false", []string{"example.com/app/nonemode"}},
	} {
		t.Run(string(tc.deps), func(t *testing.T) {
			analysistest.Run(t, dir, analyzer.New(&analyzer.Config{Deps: tc.deps}), tc.pkgs...)
		})
	}
}

// TestTrust checks that trusted packages and functions neither report
// nor propagate, and that entries matching nothing loaded are named
// after the run.
func TestTrust(t *testing.T) {
	cfg := analyzer.Config{
		Trust:   []string{"trusted/dep", "trusted/fdep.(*T).M", "trusted/nothere/...", "trusted/fdep.Missing"},
		Modeled: []string{"trusted/fdep.G"}, // the deprecated name still trusts
	}
	a, session := analyzer.NewSession(&cfg)
	analysistest.Run(t, testdata(t), a, "trusted/...")
	got := session.UnmatchedTrust()
	want := []string{"trusted/nothere/...", "trusted/fdep.Missing"}
	if !slices.Equal(got, want) {
		t.Errorf("UnmatchedTrust() = %q, want %q", got, want)
	}
}

// TestDefaultAllow checks every default-allowed test-support element with
// -default-allow=false (reported) and that -allow adds to the defaults.
func TestDefaultAllow(t *testing.T) {
	t.Run("off", func(t *testing.T) {
		analysistest.Run(t, testdata(t), analyzer.New(&analyzer.Config{DefaultAllow: boolPtr(false)}), "defaultallow/off/...")
	})
	t.Run("added", func(t *testing.T) {
		analysistest.Run(t, testdata(t), analyzer.New(&analyzer.Config{Allow: []string{"defaultallow/added"}}),
			"defaultallow/added", "defaultallow/on/...")
	})
}

// TestChainedColumns checks that two findings on one chained call point
// at their own calls.
func TestChainedColumns(t *testing.T) {
	results := analysistest.Run(t, testdata(t), analyzer.New(&analyzer.Config{}), "chained")
	var got []string
	for _, r := range results {
		for _, d := range r.Diagnostics {
			p := r.Pass.Fset.Position(d.Pos)
			got = append(got, fmt.Sprintf("%d:%d %s", p.Line, p.Column, strings.SplitN(d.Message, " ", 2)[0]))
		}
	}
	want := []string{"8:2 chainhelp.New", "8:18 (*chainhelp.T).Die"}
	if !slices.Equal(got, want) {
		t.Errorf("positions = %q, want %q", got, want)
	}
}

// TestElidedRelated checks that an elided message keeps every hop in the
// related information.
func TestElidedRelated(t *testing.T) {
	results := analysistest.Run(t, testdata(t), analyzer.New(&analyzer.Config{}), "elide")
	for _, r := range results {
		for _, d := range r.Diagnostics {
			if strings.Contains(d.Message, "more …") && len(d.Related) != 6 {
				t.Errorf("%s: %d related hops, want 6 (the entry and five calls)", d.Message, len(d.Related))
			}
		}
	}
}
