package fix_test

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"go/types"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/assign"
	"golang.org/x/tools/go/analysis/passes/bools"
	"golang.org/x/tools/go/analysis/passes/copylock"
	"golang.org/x/tools/go/analysis/passes/lostcancel"
	"golang.org/x/tools/go/analysis/passes/nilfunc"
	"golang.org/x/tools/go/analysis/passes/printf"
	"golang.org/x/tools/go/analysis/passes/shift"
	"golang.org/x/tools/go/analysis/passes/stringintconv"
	"golang.org/x/tools/go/analysis/passes/unreachable"
	"golang.org/x/tools/go/analysis/passes/unusedresult"
	"golang.org/x/tools/go/ast/astutil"
)

// dropUnused deletes the imports that src does not use, except dot
// imports, as the drivers do after merging fixes.
func dropUnused(src string) string {
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "/fz/a.go", src, parser.ParseComments)
	if err != nil {
		return src
	}
	var unused []string
	conf := types.Config{
		Importer: importerFunc(func(path string) (*types.Package, error) {
			stdMu.Lock()
			defer stdMu.Unlock()
			return stdImp.Import(path)
		}),
		Error: func(err error) {
			if te, ok := err.(types.Error); ok && strings.HasSuffix(te.Msg, "imported and not used") {
				if path, err := strconv.Unquote(strings.Fields(te.Msg)[0]); err == nil {
					unused = append(unused, path)
				}
			}
		},
	}
	_, _ = conf.Check("example.com/fz", fset, []*ast.File{file}, nil)
	var plain []string
	for _, path := range unused {
		for _, spec := range file.Imports {
			if p, _ := strconv.Unquote(spec.Path.Value); p == path && spec.Name == nil {
				plain = append(plain, path)
			}
		}
	}
	changed := false
	for _, path := range plain {
		changed = astutil.DeleteImport(fset, file, path) || changed
	}
	if !changed {
		return src
	}
	var buf bytes.Buffer
	if err := format.Node(&buf, fset, file); err != nil {
		return src
	}
	return buf.String()
}

// checkWindows type-checks the package as a windows build sees it: src
// and the windows-only file.
func checkWindows(src, windows string) error {
	fset := token.NewFileSet()
	var files []*ast.File
	for name, text := range map[string]string{"/fz/a.go": src, windowsFile: windows} {
		f, err := parser.ParseFile(fset, name, text, 0)
		if err != nil {
			return err
		}
		files = append(files, f)
	}
	conf := types.Config{Importer: importerFunc(func(path string) (*types.Package, error) {
		stdMu.Lock()
		defer stdMu.Unlock()
		return stdImp.Import(path)
	})}
	_, err := conf.Check("example.com/fz", fset, files, nil)
	return err
}

// vetAnalyzers are go vet's analyzers that need nothing from other
// packages' facts to judge one package.
var vetAnalyzers = []*analysis.Analyzer{
	assign.Analyzer, bools.Analyzer, copylock.Analyzer, lostcancel.Analyzer,
	nilfunc.Analyzer, printf.Analyzer, shift.Analyzer, stringintconv.Analyzer,
	unreachable.Analyzer, unusedresult.Analyzer,
}

// vet runs vetAnalyzers on one checked file and returns their findings.
// Facts of other packages are absent; facts within the package work.
func vet(t *testing.T, fset *token.FileSet, pkg *types.Package, info *types.Info, file *ast.File) []string {
	t.Helper()
	results := map[*analysis.Analyzer]any{}
	facts := map[types.Object]map[reflect.Type]analysis.Fact{}
	var found []string
	var run func(a *analysis.Analyzer, report bool) any
	run = func(a *analysis.Analyzer, report bool) any {
		if r, ok := results[a]; ok && !report {
			return r
		}
		resultOf := map[*analysis.Analyzer]any{}
		for _, req := range a.Requires {
			resultOf[req] = run(req, false)
		}
		pass := &analysis.Pass{
			Analyzer: a, Fset: fset, Files: []*ast.File{file}, Pkg: pkg, TypesInfo: info,
			TypesSizes: types.SizesFor("gc", "amd64"), ResultOf: resultOf,
			Report: func(d analysis.Diagnostic) {
				if report {
					found = append(found, fmt.Sprintf("%s: %s (%s)", fset.Position(d.Pos), d.Message, a.Name))
				}
			},
			ImportObjectFact: func(obj types.Object, f analysis.Fact) bool {
				got, ok := facts[obj][reflect.TypeOf(f)]
				if ok {
					reflect.ValueOf(f).Elem().Set(reflect.ValueOf(got).Elem())
				}
				return ok
			},
			ExportObjectFact: func(obj types.Object, f analysis.Fact) {
				if facts[obj] == nil {
					facts[obj] = map[reflect.Type]analysis.Fact{}
				}
				facts[obj][reflect.TypeOf(f)] = f
			},
			ImportPackageFact: func(*types.Package, analysis.Fact) bool { return false },
			ExportPackageFact: func(analysis.Fact) {},
			AllObjectFacts:    func() []analysis.ObjectFact { return nil },
			AllPackageFacts:   func() []analysis.PackageFact { return nil },
			ReadFile:          func(string) ([]byte, error) { return nil, fmt.Errorf("no files") },
		}
		r, err := a.Run(pass)
		if err != nil {
			t.Fatalf("vet analyzer %s: %v", a.Name, err)
		}
		results[a] = r
		return r
	}
	for _, a := range vetAnalyzers {
		run(a, true)
	}
	return found
}

// showEdits lists the fixes' edits by offset, for failure messages.
func showEdits(fset *token.FileSet, fixes []analysis.SuggestedFix) string {
	var b strings.Builder
	for i, fx := range fixes {
		fmt.Fprintf(&b, "fix %d %q:\n", i, fx.Message)
		for _, e := range fx.TextEdits {
			tf := fset.File(e.Pos)
			fmt.Fprintf(&b, "\t[%d,%d) %q\n", tf.Offset(e.Pos), tf.Offset(e.End), e.NewText)
		}
	}
	return b.String()
}
