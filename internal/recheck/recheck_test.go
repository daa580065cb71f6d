package recheck_test

import (
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"

	"github.com/noexit-lint/noexit/internal/recheck"
)

func load(t *testing.T) (string, []*packages.Package) {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("testdata", "m"))
	if err != nil {
		t.Fatal(err)
	}
	pkgs, err := packages.Load(&packages.Config{Mode: packages.LoadAllSyntax | packages.NeedModule, Dir: dir, Tests: true}, "./...")
	if err != nil {
		t.Fatal(err)
	}
	return dir, pkgs
}

func byPath(pkgs []*packages.Package) map[string]*packages.Package {
	out := map[string]*packages.Package{}
	packages.Visit(pkgs, nil, func(p *packages.Package) { out[p.ID] = p })
	return out
}

// TestOverlay: an edit of b checks b and its importer a again, shares c
// and the standard library, reports a type error the edit causes in a,
// and resolves an import the edit adds.
func TestOverlay(t *testing.T) {
	dir, pkgs := load(t)
	bFile := filepath.Join(dir, "b", "b.go")
	good := map[string][]byte{bFile: []byte("package b\n\nimport \"errors\"\n\n// N is a number.\nfunc N() int { _ = errors.New(\"x\"); return 2 }\n")}
	roots, changed := recheck.Overlay(pkgs, good, true)
	if errs := recheck.Errors(changed); len(errs) > 0 {
		t.Fatalf("unexpected errors: %v", errs)
	}
	old, now := byPath(pkgs), byPath(roots)
	for _, id := range []string{"example.com/m/a", "example.com/m/b"} {
		if old[id] == now[id] || changed[old[id]] != now[id] {
			t.Errorf("%s: want a new package", id)
		}
		if now[id].TypesInfo == nil || len(now[id].TypesInfo.Defs) == 0 {
			t.Errorf("%s: want TypesInfo", id)
		}
	}
	for _, id := range []string{"example.com/m/c", "fmt"} {
		if p := old[id]; p != nil && now[id] != p {
			t.Errorf("%s: want the package shared", id)
		}
	}
	if now["example.com/m/b"].Imports["errors"] == nil {
		t.Errorf("b: the added import of errors is not in Imports")
	}
	if now["example.com/m/a"].Imports["example.com/m/b"] != now["example.com/m/b"] {
		t.Errorf("a: does not import the new b")
	}

	bad := map[string][]byte{bFile: []byte("package b\n\n// N is a number.\nfunc N() string { return \"x\" }\n")}
	_, changed = recheck.Overlay(pkgs, bad, false)
	errs := recheck.Errors(changed)
	if len(errs) != 1 || !strings.Contains(errs[0], "a.go") || !strings.Contains(errs[0], "mismatched types") {
		t.Errorf("errors = %q, want one in a.go about mismatched types", errs)
	}
}

// TestLoadPlatform type-checks c from source under windows: its
// _windows.go file is checked (with syscall's windows API), and nothing
// is compiled.
func TestLoadPlatform(t *testing.T) {
	dir, _ := load(t)
	pkgs, err := recheck.Load(recheck.LoadOptions{
		Dir:      dir,
		Platform: recheck.Platform{GOOS: "windows", GOARCH: "amd64"},
		Full:     func(p *packages.Package) bool { return p.Module != nil && p.Module.Main },
	}, "./c")
	if err != nil {
		t.Fatal(err)
	}
	if len(pkgs) != 1 {
		t.Fatalf("got %d packages", len(pkgs))
	}
	c := pkgs[0]
	if len(c.Errors) > 0 || c.IllTyped {
		t.Fatalf("c under windows: %v", c.Errors)
	}
	var names []string
	for _, f := range c.GoFiles {
		names = append(names, filepath.Base(f))
	}
	if strings.Join(names, " ") != "c.go c_windows.go" {
		t.Errorf("files = %v, want c.go c_windows.go", names)
	}
	if c.TypesInfo == nil || c.Imports["syscall"] == nil || c.Imports["syscall"].TypesInfo != nil {
		t.Errorf("want c full, syscall checked for its declarations only")
	}
	// An edit that breaks only the windows file is caught there.
	win := filepath.Join(dir, "c", "c_windows.go")
	_, changed := recheck.Overlay(pkgs, map[string][]byte{win: []byte("package c\n\nfunc name() string { return 1 }\n")}, false)
	if errs := recheck.Errors(changed); len(errs) == 0 {
		t.Errorf("a broken windows file type-checks")
	}
}
