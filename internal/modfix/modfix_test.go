package modfix_test

import (
	"go/format"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/noexit-lint/noexit/analyzer"
	"github.com/noexit-lint/noexit/internal/modfix"
	"github.com/noexit-lint/noexit/internal/recheck"
)

// loadModule copies testdata/<name> to a temporary directory and loads
// every package of it, tests included, as the driver does.
func loadModule(t *testing.T, name string) (string, []*packages.Package) {
	t.Helper()
	dir, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.CopyFS(dir, os.DirFS(filepath.Join("testdata", name))); err != nil {
		t.Fatal(err)
	}
	pkgs, err := packages.Load(&packages.Config{Mode: packages.LoadAllSyntax | packages.NeedModule, Tests: true, Dir: dir, Env: append(os.Environ(), "GOFLAGS=-mod=mod")}, "./...")
	if err != nil {
		t.Fatal(err)
	}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			t.Fatalf("%s: %v", p.ID, e)
		}
	})
	return dir, pkgs
}

// unfixed runs the analyzer and returns its root findings that have no
// per-package fix, each position once.
func unfixed(t *testing.T, cfg *analyzer.Config, pkgs []*packages.Package) []modfix.Finding {
	t.Helper()
	g, err := checker.Analyze([]*analysis.Analyzer{analyzer.New(cfg)}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	var out []modfix.Finding
	seen := map[string]bool{}
	for act := range g.All() {
		if !act.IsRoot {
			continue
		}
		for _, d := range act.Diagnostics {
			key := act.Package.Fset.Position(d.Pos).String()
			if len(d.SuggestedFixes) == 0 && !seen[key] {
				seen[key] = true
				out = append(out, modfix.Finding{Fset: act.Package.Fset, Diag: d})
			}
		}
	}
	slices.SortFunc(out, func(a, b modfix.Finding) int {
		return strings.Compare(a.Fset.Position(a.Diag.Pos).String(), b.Fset.Position(b.Diag.Pos).String())
	})
	return out
}

// tree applies edits in memory, as the driver does, gofmt included.
type tree struct {
	accepted modfix.Edits
}

func (tr *tree) trial(e modfix.Edits) (map[string][]byte, string) {
	all := modfix.Edits{}
	for name, es := range tr.accepted {
		all[name] = slices.Clone(es)
	}
	for name, es := range e {
		all[name] = append(all[name], es...)
	}
	out := map[string][]byte{}
	for name, es := range all {
		src, err := os.ReadFile(name)
		if err != nil {
			return nil, err.Error()
		}
		es = slices.Clone(es)
		slices.SortStableFunc(es, func(a, b modfix.Edit) int { return b.Start - a.Start })
		es = slices.Compact(es)
		for _, x := range es {
			src = slices.Concat(src[:x.Start], []byte(x.New), src[x.End:])
		}
		if f, err := format.Source(src); err == nil {
			src = f
		}
		out[name] = src
	}
	return out, ""
}

func (tr *tree) accept(e modfix.Edits) {
	for name, es := range e {
		tr.accepted[name] = append(tr.accepted[name], es...)
	}
}

// TestPlanChain: an exported function gains an error result and every
// caller in the module is updated by what it is: a function that returns
// an error passes it on, one that does not gains an error result, a test
// calls t.Fatal, and allowed code (main, and test-support code by the
// analyzer's default allow list) ends the process there, in the
// original's family. A use as a value is refused with the reason.
func TestPlanChain(t *testing.T) {
	dir, pkgs := loadModule(t, "chain")
	cfg := &analyzer.Config{}
	findings := unfixed(t, cfg, pkgs)
	policy, err := cfg.Policy()
	if err != nil {
		t.Fatal(err)
	}
	tr := &tree{accepted: modfix.Edits{}}
	res := modfix.Plan(pkgs, findings, modfix.Options{Policy: policy, Trial: tr.trial, Accept: tr.accept})
	var fixed, refused []string
	for i, f := range findings {
		at := filepath.Base(f.Fset.Position(f.Diag.Pos).Filename)
		if msg, ok := res.Fixed[i]; ok {
			fixed = append(fixed, at+": "+msg)
		}
		if why, ok := res.Refused[i]; ok {
			refused = append(refused, at+": "+why)
		}
	}
	wantFixed := []string{"lib.go: Return an error from lib.Port and update its callers in the module"}
	if !slices.Equal(fixed, wantFixed) {
		t.Errorf("fixed:\n%s\nwant:\n%s", strings.Join(fixed, "\n"), strings.Join(wantFixed, "\n"))
	}
	if len(refused) != 1 || !strings.Contains(refused[0], "no module-wide fix: lib.Limit is used as a value") {
		t.Errorf("refused: %q, want lib.Limit used as a value", refused)
	}
	news, why := tr.trial(modfix.Edits{})
	if why != "" {
		t.Fatal(why)
	}
	for file, want := range map[string]string{
		"lib/lib.go":           "func Port(s string) (int, error) {\n\tp, err := strconv.Atoi(s)\n\tif err != nil {\n\t\treturn 0, fmt.Errorf(\"bad port %q: %w\", s, err)\n\t}\n\treturn p, nil\n}",
		"svc/svc.go":           "\tp, err := lib.Port(addr)\n\tif err != nil {\n\t\treturn err\n\t}",
		"svc/svc.go#2":         "func Listen(addr string) error {\n\tif _, err := lib.Port(addr); err != nil {\n\t\treturn err\n\t}\n\treturn nil\n}",
		"lib/lib_test.go":      "\tp, err := lib.Port(\"80\")\n\tif err != nil {\n\t\tt.Fatal(err)\n\t}",
		"testutil/testutil.go": "\tif err := svc.Listen(\":80\"); err != nil {\n\t\tlog.Fatal(err)\n\t}",
		"cmd/tool/main.go":     "\tif err := svc.Listen(os.Args[1]); err != nil {\n\t\tlog.Fatal(err)\n\t}",
	} {
		file, _, _ = strings.Cut(file, "#")
		got := string(news[filepath.Join(dir, file)])
		if !strings.Contains(got, want) {
			t.Errorf("%s: want\n%s\nin\n%s", file, want, got)
		}
	}
	// The whole change type-checks, tests included.
	_, changed := recheck.Overlay(pkgs, news, false)
	if errs := recheck.Errors(changed); len(errs) > 0 {
		t.Errorf("the fixed module does not type-check: %s", strings.Join(errs, "; "))
	}
}

// TestPlanBrokenFix: a fix whose result would not type-check is refused
// with the compiler's error, and nothing is accepted.
func TestPlanBrokenFix(t *testing.T) {
	_, pkgs := loadModule(t, "chain")
	cfg := &analyzer.Config{}
	findings := unfixed(t, cfg, pkgs)
	policy, _ := cfg.Policy()
	accepted := 0
	res := modfix.Plan(pkgs, findings, modfix.Options{
		Policy: policy,
		Trial: func(e modfix.Edits) (map[string][]byte, string) {
			out := map[string][]byte{}
			for name := range e {
				out[name] = []byte("package broken\n\nfunc f() int { return \"x\" }\n")
			}
			return out, ""
		},
		Accept: func(modfix.Edits) { accepted++ },
	})
	if len(res.Fixed) != 0 || accepted != 0 {
		t.Errorf("fixed %v (accepted %d), want none", res.Fixed, accepted)
	}
	found := false
	for _, why := range res.Refused {
		found = found || strings.Contains(why, "does not type-check for")
	}
	if !found {
		t.Errorf("refusals %v: want one that says the change does not type-check", res.Refused)
	}
}
