package fix_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"honnef.co/go/tools/analysis/lint"
	"honnef.co/go/tools/staticcheck"
	"honnef.co/go/tools/stylecheck"
)

// goldenPlatforms are the GOOS values every fixed case package must build
// and vet under: the constrained-file cases (fixconstrained) have files
// for each.
var goldenPlatforms = []string{"linux", "windows", "darwin"}

// TestGoldenVetStaticcheck checks the fixed output of every case in cases
// as a user's CI would: go vet (which type-checks, so a build failure
// fails it too) under linux, windows and darwin, then staticcheck's and
// stylecheck's analyzers (the checks staticcheck runs by default). A
// golden file they flag fails.
func TestGoldenVetStaticcheck(t *testing.T) {
	checkGolden(t, fixedTree(t), cases)
}

// checkGolden vets the packages of the GOPATH tree gopath (a fixedTree)
// under each of goldenPlatforms and runs staticcheck and stylecheck on
// them; every finding that the unfixed input (testdata) does not have
// too, such as the dot imports that a dot-import case starts from, is a
// test error. Cases of other rewrites go through it by being listed in
// cases.
func checkGolden(t *testing.T, gopath string, pkgs []string) {
	t.Helper()
	if testing.Short() {
		t.Skip("vets the golden outputs under three platforms")
	}
	for _, goos := range goldenPlatforms {
		cmd := exec.Command("go", append([]string{"vet"}, pkgs...)...)
		cmd.Dir = filepath.Join(gopath, "src")
		cmd.Env = append(os.Environ(), "GOPATH="+gopath, "GO111MODULE=off", "GOFLAGS=", "GOOS="+goos, "GOARCH=amd64", "CGO_ENABLED=0")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("GOOS=%s go vet on the golden outputs: %v\n%s", goos, err, out)
		}
	}
	before := map[string]bool{}
	for _, f := range staticcheckFindings(t, testdata(t), pkgs) {
		before[f.key()] = true
	}
	for _, f := range staticcheckFindings(t, gopath, pkgs) {
		if !before[f.key()] {
			t.Errorf("staticcheck on the golden outputs: %s:%d: %s (%s)", f.file, f.line, f.msg, f.check)
		}
	}
}

// finding is one staticcheck or stylecheck diagnostic.
type finding struct {
	file, msg, check string
	line             int
}

// key identifies a finding across the input and the fixed output, whose
// lines differ.
func (f finding) key() string { return f.file + "\x00" + f.msg + "\x00" + f.check }

// staticcheckFindings runs the default staticcheck and stylecheck checks on
// the packages of the GOPATH tree gopath and returns their findings.
func staticcheckFindings(t *testing.T, gopath string, pkgs []string) []finding {
	t.Helper()
	var analyzers []*analysis.Analyzer
	for _, set := range [][]*lint.Analyzer{staticcheck.Analyzers, stylecheck.Analyzers} {
		for _, a := range set {
			if !a.Doc.NonDefault {
				analyzers = append(analyzers, a.Analyzer)
			}
		}
	}
	loaded := loadFixed(t, gopath, pkgs...)
	for _, p := range loaded {
		for _, e := range p.Errors {
			t.Errorf("%s: %v", p.PkgPath, e)
		}
	}
	graph, err := checker.Analyze(analyzers, loaded, nil)
	if err != nil {
		t.Fatal(err)
	}
	var out []finding
	for _, root := range graph.Roots {
		for _, d := range root.Diagnostics {
			posn := root.Package.Fset.Position(d.Pos)
			rel, _ := filepath.Rel(filepath.Join(gopath, "src"), posn.Filename)
			out = append(out, finding{file: rel, line: posn.Line, msg: d.Message, check: root.Analyzer.Name})
		}
		if root.Err != nil && !strings.Contains(root.Err.Error(), "analysis skipped") {
			t.Errorf("%s on %s: %v", root.Analyzer.Name, root.Package.PkgPath, root.Err)
		}
	}
	return out
}
