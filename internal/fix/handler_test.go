package fix_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/checker"

	"github.com/noexit-lint/noexit/analyzer"
)

// handlerCases are the test packages fixed with
// -fail-handler=failhook.Fail; none imports failhook before the fix.
var handlerCases = []string{"fixhandler"}

const failHook = "failhook.Fail"

// sourceGOPATH lets the fixer find the fail handler's package from
// source, as go build would, in the testdata GOPATH.
func sourceGOPATH(t *testing.T, gopath string) {
	t.Setenv("GOPATH", gopath)
	t.Setenv("GO111MODULE", "off")
	t.Setenv("GOFLAGS", "")
}

func TestHandlerFixes(t *testing.T) {
	sourceGOPATH(t, testdata(t))
	a := analyzer.New(&analyzer.Config{FailHandler: failHook})
	analysistest.RunWithSuggestedFixes(t, testdata(t), a, handlerCases...)
}

// TestHandlerRefused: a handler that is not a func(error) gives no fix,
// and the message names it.
func TestHandlerRefused(t *testing.T) {
	sourceGOPATH(t, testdata(t))
	a := analyzer.New(&analyzer.Config{FailHandler: "failhook.Bad"})
	analysistest.Run(t, testdata(t), a, "fixhandlerbad")
}

// TestHandlerGolden type-checks, vets (three platforms) and staticchecks
// the fixed handler cases, and runs noexit with the handler on them
// again: nothing is fixed twice.
func TestHandlerGolden(t *testing.T) {
	root := fixedTree(t)
	sourceGOPATH(t, root)
	pkgs := loadFixed(t, root, handlerCases...)
	for _, p := range pkgs {
		for _, e := range p.Errors {
			t.Errorf("%s: %v", p.PkgPath, e)
		}
	}
	a := analyzer.New(&analyzer.Config{FailHandler: failHook})
	graph, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	for act := range graph.All() {
		if act.Analyzer != a {
			continue
		}
		for _, d := range act.Diagnostics {
			if len(d.SuggestedFixes) > 0 {
				t.Errorf("%s: fix offered again after fixing: %s", act.Package.Fset.Position(d.Pos), d.Message)
			}
		}
	}
	checkGolden(t, root, handlerCases)
}

// semantic16 are the fixed packages whose rewritten goroutines and
// handler calls testdata/semantic runs, with goleak.
var semantic16 = []string{"fixgoroutine", "fixhandler"}

// TestGoroutineHandlerSemantics builds the golden outputs of the goroutine
// and handler cases and runs testdata/semantic/<case>_test.go against
// them: the waiting function returns the first goroutine's error and
// leaves no goroutine behind; the handler is called once, with the cause
// wrapped.
func TestGoroutineHandlerSemantics(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go test on the fixed packages")
	}
	root := fixedTree(t)
	copyGoleak(t, root)
	for _, c := range semantic16 {
		data, err := os.ReadFile(filepath.Join("testdata", "semantic", c+"_test.go"))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(root, "src", c, "semantic_test.go"), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command("go", append([]string{"test", "-count=1", "-race=false"}, semantic16...)...)
	cmd.Dir = filepath.Join(root, "src")
	cmd.Env = append(os.Environ(), "GOPATH="+root, "GO111MODULE=off", "GOFLAGS=", "GOTOOLCHAIN=local")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go test %s: %v\n%s", strings.Join(semantic16, " "), err, out)
	}
	t.Logf("%s", out)
}

// copyGoleak copies go.uber.org/goleak, a dependency of this module
// (its non-test files import only the standard library and its own
// internal/stack), into the GOPATH tree root.
func copyGoleak(t *testing.T, root string) {
	t.Helper()
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "go.uber.org/goleak").Output()
	if err != nil {
		t.Fatalf("go list -m go.uber.org/goleak: %v", err)
	}
	src := strings.TrimSpace(string(out))
	for _, dir := range []string{"", filepath.Join("internal", "stack")} {
		dst := filepath.Join(root, "src", "go.uber.org", "goleak", dir)
		if err := os.MkdirAll(dst, 0o755); err != nil {
			t.Fatal(err)
		}
		files, _ := filepath.Glob(filepath.Join(src, dir, "*.go"))
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dst, filepath.Base(f)), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}
