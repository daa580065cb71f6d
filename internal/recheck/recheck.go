// Package recheck type-checks Go packages from source without the go
// command compiling anything: the packages of an already loaded graph that
// an overlay of edited files changes (the rest of the graph is shared), and
// whole graphs under another GOOS/GOARCH from metadata alone. The noexit
// driver uses it to analyse fixed code again, and the module-wide fixer to
// verify its edits, at the cost of type-checking what changed instead of
// reloading and recompiling the build closure.
package recheck

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"sync"

	"golang.org/x/tools/go/packages"
)

// Overlay returns the graph of roots with overlay (file name -> new
// content) in place: every package that holds an overlay file, and every
// package that imports one of those, directly or not, is a new
// *packages.Package parsed and type-checked again (its TypesInfo filled
// when info is set); every other package is shared with the input. The
// new packages carry their parse and type errors in Errors, as
// packages.Load would. changed maps each original package that was
// checked again to its replacement.
func Overlay(roots []*packages.Package, overlay map[string][]byte, info bool) (newRoots []*packages.Package, changed map[*packages.Package]*packages.Package) {
	var order []*packages.Package // dependencies first
	packages.Visit(roots, nil, func(p *packages.Package) { order = append(order, p) })
	affected := map[*packages.Package]bool{}
	for _, p := range order {
		for _, f := range p.CompiledGoFiles {
			if _, ok := overlay[f]; ok {
				affected[p] = true
			}
		}
		for _, f := range p.GoFiles {
			if _, ok := overlay[f]; ok {
				affected[p] = true
			}
		}
		for _, q := range p.Imports {
			if affected[q] {
				affected[p] = true
			}
		}
	}
	changed = map[*packages.Package]*packages.Package{}
	var todo []*packages.Package
	for _, p := range order {
		if affected[p] {
			np := *p
			np.Imports = map[string]*packages.Package{}
			changed[p] = &np
			todo = append(todo, &np)
		}
	}
	for old, np := range changed {
		for path, q := range old.Imports {
			if nq := changed[q]; nq != nil {
				q = nq
			}
			np.Imports[path] = q
		}
	}
	extra := newImports(order)
	parallel(todo, func(np *packages.Package) {
		files, errs := reparse(np, overlay)
		extra.add(np, files)
		// A dependency checked for its declarations only (see Load)
		// has no bodies to check.
		check(np, files, errs, info || np.TypesInfo != nil, np.TypesInfo == nil)
	})
	for _, r := range roots {
		if nr := changed[r]; nr != nil {
			r = nr
		}
		newRoots = append(newRoots, r)
	}
	return newRoots, changed
}

// imports finds the packages that edited files newly import: a fix may
// add "fmt" or "errors" to a file. Most are already in the graph; the
// others are loaded from source.
type imports struct {
	mu     sync.Mutex
	byPath map[string]*packages.Package
}

func newImports(order []*packages.Package) *imports {
	im := &imports{byPath: map[string]*packages.Package{}}
	for _, p := range order {
		if q := im.byPath[p.PkgPath]; q == nil || q.ID != q.PkgPath && p.ID == p.PkgPath {
			im.byPath[p.PkgPath] = p
		}
	}
	return im
}

// add puts every import of files that p.Imports lacks into p.Imports.
func (im *imports) add(p *packages.Package, files []*ast.File) {
	for _, f := range files {
		for _, spec := range f.Imports {
			path, err := strconv.Unquote(spec.Path.Value)
			if err != nil || path == "unsafe" || path == "C" || p.Imports[path] != nil {
				continue
			}
			if q := im.find(p, path); q != nil {
				p.Imports[path] = q
			}
		}
	}
}

func (im *imports) find(p *packages.Package, path string) *packages.Package {
	im.mu.Lock()
	defer im.mu.Unlock()
	if q, ok := im.byPath[path]; ok {
		return q
	}
	dir := ""
	if len(p.GoFiles) > 0 {
		dir = filepath.Dir(p.GoFiles[0])
	}
	reuse := map[string]*packages.Package{}
	for _, q := range im.byPath {
		if q != nil {
			reuse[q.ID] = q
		}
	}
	var q *packages.Package
	if pkgs, err := Load(LoadOptions{Dir: dir, Reuse: reuse}, path); err == nil && len(pkgs) == 1 && pkgs[0].Types != nil {
		q = pkgs[0]
	}
	im.byPath[path] = q
	return q
}

// reparse returns p's syntax with the overlay files parsed again into
// p.Fset. A package processed by cgo, whose compiled files differ from
// its sources, cannot take an edit of a cgo source: that is an error.
func reparse(p *packages.Package, overlay map[string][]byte) ([]*ast.File, []packages.Error) {
	var files []*ast.File
	var errs []packages.Error
	compiled := map[string]bool{}
	for i, name := range p.CompiledGoFiles {
		compiled[name] = true
		src, edited := overlay[name]
		if !edited && i < len(p.Syntax) {
			files = append(files, p.Syntax[i])
			continue
		}
		f, err := parseFile(p.Fset, name, src)
		if err != nil {
			errs = append(errs, parseErrors(err)...)
		}
		if f != nil {
			files = append(files, f)
		}
	}
	for _, name := range p.GoFiles {
		if _, edited := overlay[name]; edited && !compiled[name] {
			errs = append(errs, packages.Error{Pos: name, Msg: "an edit of a file that cgo processes cannot be checked", Kind: packages.TypeError})
		}
	}
	return files, errs
}

// parseFile parses one file as go/packages does; src nil reads the file.
func parseFile(fset *token.FileSet, name string, src []byte) (*ast.File, error) {
	var s any
	if src != nil {
		s = src
	}
	return parser.ParseFile(fset, name, s, parser.AllErrors|parser.ParseComments)
}

func parseErrors(err error) []packages.Error {
	var out []packages.Error
	if list, ok := err.(interface{ Unwrap() []error }); ok {
		for _, e := range list.Unwrap() {
			out = append(out, packages.Error{Msg: e.Error(), Kind: packages.ParseError})
		}
		return out
	}
	return []packages.Error{{Msg: err.Error(), Kind: packages.ParseError}}
}

// check type-checks files as package p, importing p.Imports' types, and
// sets p's Syntax, Types, TypesInfo (when info), Errors and IllTyped.
// Errors of the go command that p had (list errors) are kept; its old
// parse and type errors are replaced.
func check(p *packages.Package, files []*ast.File, errs []packages.Error, info, ignoreBodies bool) {
	var kept []packages.Error
	for _, e := range p.Errors {
		if e.Kind != packages.ParseError && e.Kind != packages.TypeError {
			kept = append(kept, e)
		}
	}
	kept = append(kept, errs...)
	p.Errors = kept
	p.Syntax = files
	p.Types = types.NewPackage(p.PkgPath, p.Name)
	p.TypesInfo = nil
	if info {
		p.TypesInfo = &types.Info{
			Types:        map[ast.Expr]types.TypeAndValue{},
			Defs:         map[*ast.Ident]types.Object{},
			Uses:         map[*ast.Ident]types.Object{},
			Implicits:    map[ast.Node]types.Object{},
			Instances:    map[*ast.Ident]types.Instance{},
			Scopes:       map[ast.Node]*types.Scope{},
			Selections:   map[*ast.SelectorExpr]*types.Selection{},
			FileVersions: map[*ast.File]string{},
		}
	}
	tc := &types.Config{
		Importer: importerFunc(func(path string) (*types.Package, error) {
			if path == "unsafe" {
				return types.Unsafe, nil
			}
			q := p.Imports[path]
			switch {
			case q == nil:
				return nil, fmt.Errorf("no metadata for %s", path)
			case q.Types == nil || !q.Types.Complete():
				return nil, fmt.Errorf("no types for %s", path)
			}
			return q.Types, nil
		}),
		IgnoreFuncBodies: ignoreBodies,
		// Sources that cgo has not processed (loaded without -compiled)
		// refer to C: check the rest.
		FakeImportC: importsC(files),
		Sizes:       p.TypesSizes,
		Error: func(err error) {
			te, _ := err.(types.Error)
			pos := ""
			if te.Fset != nil {
				pos = te.Fset.Position(te.Pos).String()
			}
			msg := err.Error()
			if te.Msg != "" {
				msg = te.Msg
			}
			p.Errors = append(p.Errors, packages.Error{Pos: pos, Msg: msg, Kind: packages.TypeError})
		},
	}
	if p.Module != nil && p.Module.GoVersion != "" {
		tc.GoVersion = "go" + p.Module.GoVersion
	}
	_ = types.NewChecker(tc, p.Fset, p.Types, p.TypesInfo).Files(files)
	p.IllTyped = len(p.Errors) > 0
	for _, q := range p.Imports {
		p.IllTyped = p.IllTyped || q.IllTyped
	}
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// parallel runs do on every package of list (dependencies first, as
// packages.Visit orders them), each after the packages of list it
// imports, at most GOMAXPROCS at a time.
func parallel(list []*packages.Package, do func(*packages.Package)) {
	done := map[*packages.Package]chan struct{}{}
	for _, p := range list {
		done[p] = make(chan struct{})
	}
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for _, p := range list {
		wg.Go(func() {
			defer close(done[p])
			for _, q := range p.Imports {
				if c := done[q]; c != nil {
					<-c
				}
			}
			sem <- struct{}{}
			defer func() { <-sem }()
			do(p)
		})
	}
	wg.Wait()
}

// Errors lists the errors of the packages in changed (replacements, as
// Overlay returns them) that belong to the main module and did not fail
// before the change, sorted.
func Errors(changed map[*packages.Package]*packages.Package) []string {
	var out []string
	for old, np := range changed {
		if np.Module == nil || !np.Module.Main || len(old.Errors) > 0 || old.IllTyped {
			continue
		}
		for _, e := range np.Errors {
			out = append(out, e.Error())
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func importsC(files []*ast.File) bool {
	for _, f := range files {
		for _, imp := range f.Imports {
			if imp.Path.Value == `"C"` {
				return true
			}
		}
	}
	return false
}
