package fix_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/lostcancel"
	"golang.org/x/tools/go/analysis/passes/printf"
	"golang.org/x/tools/go/analysis/passes/unreachable"
)

// vetAnalyzers are the go vet checks a fix can break: code left
// unreachable, a format that no longer matches, a cancel skipped.
var vetAnalyzers = []*analysis.Analyzer{unreachable.Analyzer, printf.Analyzer, lostcancel.Analyzer}

// vet runs vetAnalyzers, and what they require, on one checked file and
// returns their findings as text.
func vet(t *testing.T, fset *token.FileSet, pkg *types.Package, info *types.Info, file *ast.File) []string {
	t.Helper()
	results := map[*analysis.Analyzer]any{}
	var found []string
	var run func(a *analysis.Analyzer)
	run = func(a *analysis.Analyzer) {
		if _, done := results[a]; done {
			return
		}
		for _, r := range a.Requires {
			run(r)
		}
		pass := &analysis.Pass{
			Analyzer:   a,
			Fset:       fset,
			Files:      []*ast.File{file},
			Pkg:        pkg,
			TypesInfo:  info,
			TypesSizes: types.SizesFor("gc", "amd64"),
			ResultOf:   results,
			Report: func(d analysis.Diagnostic) {
				found = append(found, fset.Position(d.Pos).String()+": "+a.Name+": "+d.Message)
			},
			ImportObjectFact:  func(types.Object, analysis.Fact) bool { return false },
			ExportObjectFact:  func(types.Object, analysis.Fact) {},
			ImportPackageFact: func(*types.Package, analysis.Fact) bool { return false },
			ExportPackageFact: func(analysis.Fact) {},
			AllObjectFacts:    func() []analysis.ObjectFact { return nil },
			AllPackageFacts:   func() []analysis.PackageFact { return nil },
			ReadFile:          os.ReadFile,
		}
		res, err := a.Run(pass)
		if err != nil {
			t.Fatalf("%s: %v", a.Name, err)
		}
		results[a] = res
	}
	for _, a := range vetAnalyzers {
		run(a)
	}
	return found
}

// stubPkgs are the logger stand-ins of testdata/src (logrus, zap, klog),
// type-checked from source once, for the generated packages to import.
var stubPkgs = map[string]*types.Package{}

// importStub returns the package at path: a stand-in from testdata/src
// if there is one, else the standard library's. The caller holds stdMu.
func importStub(path string) (*types.Package, error) {
	if p, ok := stubPkgs[path]; ok {
		return p, nil
	}
	dir := filepath.Join("..", "testdata", "src", filepath.FromSlash(path))
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() || !strings.Contains(path, ".") {
		return stdImp.Import(path)
	}
	fset := token.NewFileSet()
	matches, _ := filepath.Glob(filepath.Join(dir, "*.go"))
	var files []*ast.File
	for _, m := range matches {
		if strings.HasSuffix(m, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, m, nil, parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	conf := types.Config{Importer: importerFunc(importStub)}
	p, err := conf.Check(path, fset, files, nil)
	if err != nil {
		return nil, err
	}
	stubPkgs[path] = p
	return p, nil
}

// converge applies noexit's fixes round after round, as reruns of
// noexit -fix would: every round must type-check (and vet, if the input
// did), and the rounds must come to an end: a fix that its own output
// offers again is not idempotent.
func converge(t *testing.T, src string, vetted bool) {
	cur := src
	for round := 0; round < 10; round++ {
		fset := token.NewFileSet()
		pkg, info, file, err := typeCheck(fset, cur, true)
		if err != nil {
			t.Fatalf("round %d does not type-check: %v\nbefore:\n%s\nafter:\n%s", round, err, src, cur)
		}
		if v := vet(t, fset, pkg, info, file); vetted && len(v) > 0 {
			t.Fatalf("round %d fails go vet: %v\nbefore:\n%s\nafter:\n%s", round, v, src, cur)
		}
		var merged []analysis.TextEdit
		for _, fx := range runNoexit(t, fset, pkg, info, file, cur) {
			if m, ok := mergeEdits(merged, fx.TextEdits); ok {
				merged = m
			}
		}
		if len(merged) == 0 {
			return
		}
		if cur, err = applyEdits(fset, cur, merged); err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
	}
	t.Fatalf("fixes still offered after 10 rounds\nbefore:\n%s\nafter:\n%s", src, cur)
}
