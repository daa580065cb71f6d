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

// New returns a fresh analyzer on a copy of cfg, whose fields are bound to
// the analyzer's Flags (cfg itself is never written). The copy is
// validated on first use; a bad value fails every run with an error that
// names it. Analyzers from separate calls share no state.
func New(cfg *Config, opts ...Option) *analysis.Analyzer {
	a, _ := NewSession(cfg, opts...)
	return a
}

// A Session is what one analyzer learns across all the packages of a run,
// for the driver to say after the run.
type Session struct {
	settings func() (*settings, error)
}

// NewSession is New, with the analyzer's Session.
func NewSession(cfg *Config, opts ...Option) (*analysis.Analyzer, *Session) {
	var o options
	for _, opt := range opts {
		opt(&o)
	}
	a := &analysis.Analyzer{
		Name:       "noexit",
		Doc:        doc,
		URL:        "https://pkg.go.dev/github.com/noexit-lint/noexit/analyzer",
		FactTypes:  []analysis.Fact{new(mayExit), new(terminates), new(invokes), new(lifecycleSeen)},
		ResultType: reflect.TypeFor[struct{}](),
	}
	own := cfg.Clone()
	cfg = &own
	cfg.RegisterFlags(&a.Flags)
	var (
		once sync.Once
		set  *settings
		err  error
	)
	compiled := func() (*settings, error) {
		once.Do(func() {
			set, err = cfg.compile()
			if set != nil {
				set.singleFileFixes = o.singleFileFixes
				set.allowedCobra = o.allowedCobra
			}
		})
		return set, err
	}
	a.Run = func(pass *analysis.Pass) (any, error) {
		set, err := compiled()
		if err != nil {
			return nil, err
		}
		return struct{}{}, run(pass, set)
	}
	return a, &Session{settings: compiled}
}

// UnmatchedTrust returns the -trust entries that matched no package or
// function among those the analyzer has seen so far (the analysed
// packages and everything they import): after a run, the entries that
// match nothing loaded, most likely typos.
func (s *Session) UnmatchedTrust() []string {
	set, err := s.settings()
	if err != nil {
		return nil
	}
	return set.trust.unmatched()
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

func run(pass *analysis.Pass, set *settings) error {
	path := pass.Pkg.Path()
	set.trust.see(pass.Pkg)
	if isModeled(pass, set) {
		return nil
	}
	// Every other package passes the lifecycle interfaces on, even one
	// that is not analysed itself.
	lifecycle := seeLifecycle(pass, set)
	if set.trust.pkgTrusted(path) {
		return nil
	}
	// Exiting in main and allowed packages is the program's decision;
	// skipping deferred cleanup by exiting is still a bug there, and
	// under -fix a cobra Run there still becomes RunE.
	library := !allowed(set, path, pass.Pkg.Name())
	if !library && set.allowedCobra {
		if err := reportAllowedCobra(pass, set); err != nil {
			return err
		}
	}
	if !library && !set.categories[catDeferSkip] {
		return nil
	}
	g := newGraph(pass, set)
	g.lifecycle = lifecycle
	var files []*ast.File
	gen := map[*ast.File]bool{}
	for _, f := range pass.Files {
		// The position, not the token.File: cgo output names its source
		// with a //line directive.
		name := pass.Fset.Position(f.Package).Filename
		if strings.HasSuffix(name, "_test.go") {
			continue // exiting there is the program's own decision
		}
		// Generated code is not reported, but its functions are nodes
		// and entries: the hand-written code they call is reached.
		gen[f] = generated(f)
		d := parseDirectives(pass.Fset, f)
		g.dirs[f] = d
		if !gen[f] {
			for _, diag := range d.bad {
				pass.Report(diag)
			}
		}
		files = append(files, f)
	}
	g.addNodes(files, gen)
	g.addEdges()
	g.solve()
	if !library {
		g.deferSkips()
		return g.flush()
	}
	for _, n := range g.nodes {
		if n.fn != nil && n.terminates {
			pass.ExportObjectFact(n.fn, new(terminates))
		}
		if n.fn == nil || !n.fn.Exported() {
			continue
		}
		if n.dist > 0 {
			pass.ExportObjectFact(n.fn, g.factOf(n))
		}
		if inv := g.invokes[n.fn]; inv != 0 {
			pass.ExportObjectFact(n.fn, &invokes{Params: inv, Sync: g.syncInv[n.fn]})
		}
	}
	g.markEntries()
	g.reach()
	g.report()
	g.deferSkips()
	return g.flush()
}

// isModeled reports whether the package's exits are exactly the catalogue:
// the standard library and the catalogued logging modules. The standard library is told apart by its dotless path and
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
	for _, f := range pass.Files {
		if strings.Contains(pass.Fset.Position(f.Package).Filename, "/testdata/src/") {
			return false
		}
	}
	return true
}

// generated reports whether f is a generated file. cmd/cgo marks the files
// it rewrites from the user's own code as generated; those are not.
func generated(f *ast.File) bool {
	if !ast.IsGenerated(f) {
		return false
	}
	for _, cg := range f.Comments {
		if cg.Pos() > f.Package {
			break
		}
		if strings.Contains(cg.Text(), "Code generated by cmd/cgo") {
			return false
		}
	}
	return true
}
