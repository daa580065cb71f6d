package analyzer

import (
	"go/ast"
	"reflect"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
)

// Analyzer is noexit with its configuration bound to Analyzer.Flags, for
// the noexit command and other drivers that parse flags.
var Analyzer = New(&Config{})

// New returns a fresh analyzer that reads cfg, whose fields are also bound
// to the analyzer's Flags. cfg is validated on first use; a bad value
// fails every run with an error that names it. Analyzers from separate
// calls share no state.
func New(cfg *Config) *analysis.Analyzer {
	a := &analysis.Analyzer{
		Name:       "noexit",
		Doc:        doc,
		URL:        "https://pkg.go.dev/github.com/noexit-lint/noexit/analyzer",
		FactTypes:  []analysis.Fact{new(mayExit), new(terminates)},
		ResultType: reflect.TypeFor[struct{}](),
	}
	cfg.RegisterFlags(&a.Flags)
	var (
		once sync.Once
		set  *settings
		err  error
	)
	a.Run = func(pass *analysis.Pass) (any, error) {
		once.Do(func() { set, err = cfg.compile() })
		if err != nil {
			return nil, err
		}
		run(pass, set)
		return struct{}{}, nil
	}
	return a
}

// doc is the first paragraph of the package documentation in doc.go.
const doc = `report process exits reachable from a library's init paths

noexit reports calls that end the process (os.Exit, log.Fatal, klog.Fatal,
logrus and zap Fatal, flag.ExitOnError ...) in library code that an entry
point reaches: init functions, package variable initialisers, exported
functions and methods, methods of lifecycle-interface implementers and
functions matching -entry patterns. It follows static calls across
packages, shows the whole path in each diagnostic and, where it is safe,
suggests a fix that returns an error instead.`

func run(pass *analysis.Pass, set *settings) {
	path := pass.Pkg.Path()
	if pass.Pkg.Name() == "main" || matchAny(set.allow, path) || isModeled(pass, set) {
		return
	}
	g := newGraph(pass, set)
	var files []*ast.File
	for _, f := range pass.Files {
		name := pass.Fset.File(f.Pos()).Name()
		if strings.HasSuffix(name, "_test.go") || ast.IsGenerated(f) {
			continue // exiting there is the program's own decision
		}
		d := parseDirectives(pass.Fset, f)
		g.dirs[f] = d
		for _, diag := range d.bad {
			pass.Report(diag)
		}
		files = append(files, f)
	}
	g.addNodes(files)
	g.addEdges()
	g.solve()
	for _, n := range g.nodes {
		if n.fn != nil && n.fn.Exported() && n.dist > 0 {
			pass.ExportObjectFact(n.fn, g.factOf(n))
		}
		if n.fn != nil && n.terminates {
			pass.ExportObjectFact(n.fn, new(terminates))
		}
	}
	g.markEntries()
	g.reach()
	g.report()
}

// isModeled reports whether the package's exits are exactly the catalogue:
// the standard library, the catalogued logging modules and -modeled
// patterns. The standard library is told apart by its dotless path and
// the absence of a module; GOPATH-style test data (testdata/src) is never
// standard.
func isModeled(pass *analysis.Pass, set *settings) bool {
	path := pass.Pkg.Path()
	if matchAny(set.modeled, path) {
		return true
	}
	// Drivers leave Module nil or empty for the standard library.
	if !isStd(path) || pass.Module != nil && pass.Module.Path != "" && pass.Module.Path != "std" {
		return false
	}
	if len(pass.Files) > 0 {
		name := pass.Fset.File(pass.Files[0].Pos()).Name()
		if strings.Contains(name, "/testdata/src/") {
			return false
		}
	}
	return true
}
