package fix_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/noexit-lint/noexit/analyzer"
)

// fixedTree copies testdata/src to a temporary GOPATH whose case files are
// replaced by their golden outputs, and returns the GOPATH.
func fixedTree(t *testing.T) string {
	t.Helper()
	root := filepath.Join(t.TempDir(), "testdata")
	src := filepath.Join(testdata(t), "src")
	err := filepath.WalkDir(src, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		dst := filepath.Join(root, "src", rel)
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		if strings.HasSuffix(path, ".golden") {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if golden, err := os.ReadFile(path + ".golden"); err == nil {
			data = golden
		}
		return os.WriteFile(dst, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// loadFixed loads pkgs (default: every case) of a fixed tree with types,
// in GOPATH mode.
func loadFixed(t *testing.T, gopath string, pkgs ...string) []*packages.Package {
	t.Helper()
	cfg := &packages.Config{
		Mode: packages.LoadAllSyntax,
		Dir:  filepath.Join(gopath, "src"),
		Env:  append(os.Environ(), "GOPATH="+gopath, "GO111MODULE=off", "GOFLAGS="),
	}
	if len(pkgs) == 0 {
		pkgs = cases
	}
	loaded, err := packages.Load(cfg, pkgs...)
	if err != nil {
		t.Fatal(err)
	}
	return loaded
}

// TestGoldenTypeChecks type-checks every fixed case package: a fix whose
// output does not compile (an unused import included) fails here.
func TestGoldenTypeChecks(t *testing.T) {
	pkgs := loadFixed(t, fixedTree(t))
	if len(pkgs) != len(cases) {
		t.Fatalf("loaded %d packages, want %d", len(pkgs), len(cases))
	}
	for _, p := range pkgs {
		for _, e := range p.Errors {
			t.Errorf("%s: %v", p.PkgPath, e)
		}
	}
}

// TestGoldenIdempotent runs noexit on the fixed packages: what is left is
// reported without a fix.
func TestGoldenIdempotent(t *testing.T) {
	pkgs := loadFixed(t, fixedTree(t))
	a := analyzer.New(&analyzer.Config{})
	graph, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	left := 0
	for act := range graph.All() {
		if act.Analyzer != a {
			continue
		}
		for _, d := range act.Diagnostics {
			left++
			if len(d.SuggestedFixes) > 0 {
				t.Errorf("%s: fix offered again after fixing: %s", act.Package.Fset.Position(d.Pos), d.Message)
			}
		}
	}
	if left == 0 {
		t.Error("no diagnostics left: the refusals in fixrefuse should still be reported")
	}
}
