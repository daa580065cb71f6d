package fix

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/noexit-lint/noexit/internal/names"
	"github.com/noexit-lint/noexit/internal/rewrite"
)

// chain is the set of functions that gain an error result for one fix, and
// the calls that pass the error on:
//
//	Have: func port() int { ...; klog.Fatal(err) }
//	      func setup() error { p := port(); ... }
//	Want: func port() (int, error) { ...; return 0, err }
//	      func setup() error { p, err := port(); if err != nil { return err }; ... }
type chain struct {
	b       *builder
	idx     *pkgIndex
	decls   map[*types.Func]*ast.FuncDecl // idx.decls
	uses    map[*types.Func][]*ast.Ident  // idx.uses
	changed map[*types.Func]bool
	order   []*types.Func
	calls   []*callSite
	handled map[*ast.ReturnStmt]bool // returns that pass a changed call's results on as they are
	// sinks are callers that cannot return the error and hand it to the
	// fail handler instead (handler.go).
	sinks map[*types.Func]bool
}

// callSite is a call to a function that gains an error result.
type callSite struct {
	call   *ast.CallExpr
	callee *types.Func
	ctx    *stmtCtx
}

func newChain(b *builder) *chain {
	idx := b.cache.index(b.pass)
	return &chain{
		b:       b,
		idx:     idx,
		decls:   idx.decls,
		uses:    idx.uses,
		changed: map[*types.Func]bool{},
		handled: map[*ast.ReturnStmt]bool{},
	}
}

// pkgIndex holds what every chain of one package looks up: the function
// declarations, each function's uses in source order, the method names of
// the package's interfaces, and the identifiers of in-package tests that
// the pass does not see. It is built once per Cache, not once per fix.
type pkgIndex struct {
	decls   map[*types.Func]*ast.FuncDecl
	uses    map[*types.Func][]*ast.Ident
	methods map[string]bool // nil until inInterface needs it
	tests   map[string]bool // nil until testsUse needs it
	// excluded maps each identifier of the package's files that the
	// build excludes (port_windows.go, //go:build darwin) to the first
	// such file; nil until excludedUse needs it.
	excluded map[string]string
}

func (c *Cache) index(pass *rewrite.Unit) *pkgIndex {
	if c.idx != nil {
		return c.idx
	}
	idx := &pkgIndex{
		decls: map[*types.Func]*ast.FuncDecl{},
		uses:  map[*types.Func][]*ast.Ident{},
	}
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok {
				if obj, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func); ok {
					idx.decls[obj] = fd
				}
			}
		}
	}
	for id, obj := range pass.TypesInfo.Uses {
		if fn, ok := obj.(*types.Func); ok {
			fn = fn.Origin()
			if idx.decls[fn] != nil {
				idx.uses[fn] = append(idx.uses[fn], id)
			}
		}
	}
	for _, ids := range idx.uses {
		slices.SortFunc(ids, func(x, y *ast.Ident) int { return int(x.Pos() - y.Pos()) })
	}
	c.idx = idx
	return idx
}

// grow adds start and, transitively, every caller that does not already
// return an error. It returns why the error cannot be passed on, or "".
func (ch *chain) grow(start *types.Func) string {
	queue := []*types.Func{start}
	ch.changed[start] = true
	for len(queue) > 0 {
		g := queue[0]
		queue = queue[1:]
		ch.order = append(ch.order, g)
		if why := ch.canChange(g); why != "" {
			return why
		}
		for _, id := range ch.uses[g] {
			// The test variant of a package sees its tests: say the same
			// as for the package alone, where testsUse finds them.
			if strings.HasSuffix(ch.b.pass.Fset.Position(id.Pos()).Filename, "_test.go") {
				return names.Func(g) + " is also called from tests"
			}
			if f := ch.b.fileAt(id.Pos()); f != nil && ast.IsGenerated(f) {
				// Drivers never edit generated files: the caller would
				// keep calling the old signature.
				return names.Func(g) + " is called from generated file " + filepath.Base(ch.b.pass.Fset.Position(id.Pos()).Filename)
			}
			cs, why := ch.callSiteOf(g, id)
			if why != "" {
				return why
			}
			if cs == nil {
				continue // the value of a cobra Run field, now RunE (cobra.go)
			}
			ch.calls = append(ch.calls, cs)
			caller := cs.ctx.fn.obj
			if !ch.changed[caller] && !returnsError(caller.Signature()) && ch.sinkCaller(cs.ctx.fn) {
				continue
			}
			if !ch.changed[caller] && !returnsError(caller.Signature()) {
				ch.changed[caller] = true
				queue = append(queue, caller)
			}
		}
	}
	slices.SortFunc(ch.calls, func(x, y *callSite) int { return int(x.call.Pos() - y.call.Pos()) })
	return ""
}

// canChange reports why g's signature cannot gain an error result, or "".
func (ch *chain) canChange(g *types.Func) string {
	decl := ch.decls[g]
	name := names.Func(g)
	switch {
	case decl == nil || decl.Body == nil:
		return name + " has no body in this package"
	case decl.Recv == nil && decl.Name.Name == "init":
		return "the error would reach init, which cannot return it"
	case decl.Recv == nil && decl.Name.Name == "main":
		return "the error would reach main"
	case g.Exported() && ch.exportedOK(g):
		// The module-wide fixer updates the callers in other packages.
	case g.Exported() && isInternal(g.Pkg().Path()) && decl.Recv == nil:
		// Other packages under the internal directory's parent may call
		// it; this fixer sees and edits one package only.
		return "the error would change the signature of exported " + name + ", which other packages may call"
	case g.Exported():
		return "the error would change the signature of exported " + name
	}
	if decl.Recv != nil && ch.inInterface(g.Name()) {
		return name + " may implement an interface"
	}
	if g.Exported() && ch.exportedOK(g) {
		return "" // the module-wide fixer updates its callers, tests included
	}
	if ch.testsUse(g.Name()) {
		return name + " is also called from tests"
	}
	if file := ch.excludedUse(g.Name()); file != "" {
		return name + " is also used in " + file + ", which this build excludes"
	}
	return ""
}

// exportedOK reports whether the module-wide fixer takes care of g's
// callers outside the package.
func (ch *chain) exportedOK(g *types.Func) bool {
	return ch.b.cache != nil && ch.b.cache.Exported != nil && ch.b.cache.Exported(g)
}

// inInterface reports whether an interface of the package has a method
// with this name.
func (ch *chain) inInterface(method string) bool {
	if ch.idx.methods == nil {
		ch.idx.methods = map[string]bool{}
		for _, tv := range ch.b.pass.TypesInfo.Types {
			if it, ok := tv.Type.Underlying().(*types.Interface); ok {
				for i := range it.NumMethods() {
					ch.idx.methods[it.Method(i).Name()] = true
				}
			}
		}
	}
	return ch.idx.methods[method]
}

// testsUse reports whether the package's own _test.go files, when the pass
// does not include them, mention name.
func (ch *chain) testsUse(name string) bool {
	if ch.idx.tests == nil {
		ch.idx.tests = map[string]bool{}
		var dir string
		for _, f := range ch.b.pass.Files {
			file := ch.b.pass.Fset.File(f.Pos()).Name()
			if strings.HasSuffix(file, "_test.go") {
				return false // the pass sees the tests: the map stays empty
			}
			dir = filepath.Dir(file)
		}
		matches, _ := filepath.Glob(filepath.Join(dir, "*_test.go"))
		for _, m := range matches {
			data, err := os.ReadFile(m)
			if err != nil {
				continue
			}
			f, err := parser.ParseFile(token.NewFileSet(), m, data, parser.SkipObjectResolution)
			if err != nil || f.Name.Name != ch.b.pass.Pkg.Name() {
				continue
			}
			ast.Inspect(f, func(n ast.Node) bool {
				if id, ok := n.(*ast.Ident); ok {
					ch.idx.tests[id.Name] = true
				}
				return true
			})
		}
	}
	return ch.idx.tests[name]
}

// callSiteOf returns the call that the use id of g makes.
func (ch *chain) callSiteOf(g *types.Func, id *ast.Ident) (*callSite, string) {
	b := ch.b
	f := b.fileAt(id.Pos())
	name := names.Func(g)
	if f == nil {
		return nil, name + " is used outside the package's files"
	}
	path, _ := pathTo(f, id)
	if ok, why := b.cobraValue(g, path); ok || why != "" {
		return nil, why
	}
	var expr ast.Node = id
	i := 1
	for ; i < len(path); i++ {
		switch p := path[i].(type) {
		case *ast.SelectorExpr:
			if p.Sel != expr {
				return nil, name + " is used as a value"
			}
		case *ast.IndexExpr, *ast.IndexListExpr, *ast.ParenExpr:
		case *ast.CallExpr:
			if p.Fun != expr {
				return nil, name + " is used as a value"
			}
			return ch.callSiteAt(g, f, p)
		default:
			return nil, name + " is used as a value"
		}
		expr = path[i]
	}
	return nil, name + " is used as a value"
}

func (ch *chain) callSiteAt(g *types.Func, f *ast.File, call *ast.CallExpr) (*callSite, string) {
	name := names.Func(g)
	c, ok := ch.b.stmtOf(f, call)
	if !ok {
		return nil, "the call to " + name + " cannot pass on an error where it is"
	}
	switch s := c.stmt.(type) {
	case *ast.GoStmt:
		if s.Call == call {
			return nil, name + " is started with go"
		}
	case *ast.DeferStmt:
		if s.Call == call {
			return nil, name + " is deferred"
		}
	}
	switch {
	case c.fn.lit != nil:
		return nil, name + " is called from a function literal"
	case c.fn.obj == nil:
		return nil, "the call to " + name + " is outside a function"
	}
	return &callSite{call: call, callee: g, ctx: c}, ""
}

// newResults returns fn's result types after the fix, error last.
func (ch *chain) newResults(fn *types.Func) []types.Type {
	rs := resultTypes(fn.Signature().Results())
	if ch.changed[fn] {
		rs = append(rs, errorType)
	}
	return rs
}

func isInternal(path string) bool {
	return slices.Contains(strings.Split(path, "/"), "internal")
}

// rewriteExits rewrites every other exit of g that can be, as its own fix
// would: fixes for several exits of one function then make the same
// edits, and merge.
func (ch *chain) rewriteExits(g *types.Func, done map[ast.Stmt]bool) {
	decl := ch.decls[g]
	ch.b.rewriteOthers(ch.b.fileAt(decl.Pos()), decl.Body, ch.newResults(g), done)
}

// rewriteOthers rewrites the exits of body not in done that can be, and
// adds them to done.
func (b *builder) rewriteOthers(f *ast.File, body *ast.BlockStmt, results []types.Type, done map[ast.Stmt]bool) {
	for _, es := range b.exitStmts(body) {
		if done[es] {
			continue
		}
		c, ok := b.exprStmtOf(f, ast.Unparen(es.X).(*ast.CallExpr))
		if !ok {
			continue
		}
		saved := b.save()
		if ok, _ := b.rewriteExit(c, ast.Unparen(es.X).(*ast.CallExpr), results); ok {
			done[c.stmt] = true
		} else {
			b.restore(saved)
		}
	}
}

// exitStmts lists the statements of body, outside function literals,
// that are exits this package rewrites.
func (b *builder) exitStmts(body *ast.BlockStmt) []*ast.ExprStmt {
	var out []*ast.ExprStmt
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ExprStmt:
			if call, ok := ast.Unparen(n.X).(*ast.CallExpr); ok && rewritable(b.pass.TypesInfo, call) {
				out = append(out, n)
			}
		}
		return true
	})
	return out
}
