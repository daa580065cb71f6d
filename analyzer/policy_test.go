package analyzer_test

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/noexit-lint/noexit/analyzer"
)

// quiet is an analysistest.Testing that keeps what it is told: the test
// reads the diagnostics, not analysistest's expectations.
type quiet struct{}

func (quiet) Errorf(string, ...any) {}

// TestPolicyMatchesAnalyzer: the module-wide fixer asks Policy.Allowed
// whether a package may exit; the answer must be the analyzer's own, for
// every kind of pattern: the defaults (.../cmd/..., test-support code),
// a user -allow added to them, -default-allow=false, and -trust. The
// analyzer's decision is observed by running it on a package at each
// path with an exported function that exits: it reports iff exiting is
// not allowed there.
func TestPolicyMatchesAnalyzer(t *testing.T) {
	paths := []string{
		"cmd/tool",
		"example.com/m/cmd/tool",
		"example.com/m/cmd",
		"example.com/m/cmdline",
		"example.com/m/lib",
		"example.com/m/test/fixtures",
		"example.com/m/internal/testutil",
		"example.com/m/e2e/framework",
		"example.com/m/gen/api",
		"example.com/trusted/x",
	}
	// Under testdata/src, a dotless path such as cmd/tool is not taken
	// for the standard library.
	dir := filepath.Join(t.TempDir(), "testdata")
	for _, p := range paths {
		src := fmt.Sprintf("package %s\n\nimport \"os\"\n\n// Stop exits.\nfunc Stop() { os.Exit(1) }\n", path.Base(p))
		file := filepath.Join(dir, "src", filepath.FromSlash(p), "x.go")
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	no := false
	for _, tc := range []struct {
		name string
		cfg  analyzer.Config
	}{
		{"defaults", analyzer.Config{}},
		{"user allow", analyzer.Config{Allow: []string{"example.com/m/gen/..."}}},
		{"no default allow", analyzer.Config{DefaultAllow: &no, Allow: []string{"example.com/m/lib"}}},
		{"trust", analyzer.Config{Trust: []string{"example.com/trusted/..."}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := tc.cfg.Clone()
			policy, err := cfg.Policy()
			if err != nil {
				t.Fatal(err)
			}
			results := analysistest.Run(quiet{}, dir, analyzer.New(&cfg), paths...)
			reported := map[string]bool{}
			for _, r := range results {
				if len(r.Diagnostics) > 0 {
					reported[r.Pass.Pkg.Path()] = true
				}
			}
			allowedSome := false
			for _, p := range paths {
				allowed := policy.Allowed(p, path.Base(p))
				allowedSome = allowedSome || allowed
				if allowed == reported[p] {
					t.Errorf("%s: Policy.Allowed = %v, but the analyzer reports there: %v", p, allowed, reported[p])
				}
			}
			if !allowedSome {
				t.Errorf("no path is allowed: the table tests nothing")
			}
		})
	}
}
