package fix

import (
	"go/ast"
	"go/build"
	goimporter "go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"strings"

	"github.com/noexit-lint/noexit/internal/rewrite"
)

// The -fail-handler fix, opt-in: where an exit sits in a function whose
// signature cannot change (a lifecycle method, another interface
// implementation, a function only started with go, a goroutine's body),
// the exit becomes a call of the user's handler and a return:
//
//	Have: func (m *mod) Start() { if err := m.sync(); err != nil { klog.Fatal(err) }; m.run() }
//	Want: func (m *mod) Start() { if err := m.sync(); err != nil { core.Fail(err); return }; m.run() }
//
// This changes behaviour: the process goes on after the call, and the
// handler decides what happens.

// hook is the -fail-handler function as one package sees it.
type hook struct {
	spec    string      // "example.com/core.Fail"
	fn      *types.Func // nil when why is set
	display string      // "core.Fail"
	why     string      // why the handler cannot be called from this package
	// interfaces of the package and its dependencies by method name,
	// built on first use by implemented.
	ifaces map[string][]namedIface
}

type namedIface struct {
	name string // "core.Module", or "an interface" for a literal
	it   *types.Interface
}

// callHandler rewrites the exit of c into a call of the fail handler and
// a return of zero values.
func (fx *fixer) callHandler(s Site, c *stmtCtx) (msg string, ok bool, why string) {
	b := fx.b
	h := b.failHook()
	if h.why != "" {
		return "", false, h.why
	}
	name, ok := b.hookName(c, h)
	if !ok {
		return "", false, "-fail-handler " + h.spec + " cannot be named in " + filepath.Base(b.pass.Fset.Position(c.stmt.Pos()).Filename)
	}
	results := append(resultTypes(c.fn.sig.Results()), errorType)
	sk := &sink{hand: func(err, _ string) string { return name + "(" + err + ")" }}
	b.sink = sk
	ok, why = b.rewriteExit(c, s.Call, results)
	b.sink = nil
	if !ok {
		return "", false, why
	}
	fx.done[c.stmt] = true
	if !fx.seen[c.fn.body] {
		fx.seen[c.fn.body] = true
		fx.bodies = append(fx.bodies, errBody{c.file, c.fn.body, results, sk})
	}
	return "Call " + h.display + " with the error and return instead", true, ""
}

// hookName returns how new code at c calls the handler, recording the
// import it needs.
func (b *builder) hookName(c *stmtCtx, h *hook) (string, bool) {
	pos := c.stmt.Pos()
	if h.fn.Pkg() == b.pass.Pkg {
		scope := b.scopeAt(pos)
		if scope == nil {
			return "", false
		}
		if _, obj := scope.LookupParent(h.fn.Name(), pos); obj != h.fn {
			return "", false // shadowed here
		}
		return h.fn.Name(), true
	}
	q, ok := b.importName(c.file, pos, h.fn.Pkg().Path(), h.fn.Pkg().Name())
	if !ok {
		return "", false
	}
	if q == "" {
		return h.fn.Name(), true // a dot import
	}
	return q + "." + h.fn.Name(), true
}

// failHook resolves the cache's FailHandler for the package, once: among
// the package's dependencies, else from source, as go build would find
// it from the package's directory (a hook the user has just added, which
// nothing imports yet).
func (b *builder) failHook() *hook {
	c := b.cache
	if c.hook != nil {
		return c.hook
	}
	h := &hook{spec: c.FailHandler}
	c.hook = h
	dot := strings.LastIndex(h.spec, ".")
	if dot <= 0 {
		h.why = "bad -fail-handler " + h.spec
		return h
	}
	path, name := h.spec[:dot], h.spec[dot+1:]
	pkg, why := b.hookPackage(path, name)
	if why != "" {
		h.why = "-fail-handler " + h.spec + ": " + why
		return h
	}
	obj := pkg.Scope().Lookup(name)
	fn, isFunc := obj.(*types.Func)
	switch {
	case obj == nil:
		h.why = "-fail-handler " + h.spec + ": package " + path + " has no " + name
	case !isFunc:
		h.why = "-fail-handler " + h.spec + " is not a function"
	case !fn.Exported() && pkg != b.pass.Pkg:
		h.why = "-fail-handler " + h.spec + " is not exported"
	case !errorSink(fn.Signature()):
		h.why = "-fail-handler " + h.spec + " is " + types.TypeString(fn.Signature(), types.RelativeTo(pkg)) + ", want func(error)"
	default:
		h.fn = fn
		h.display = pkg.Name() + "." + name
		if pkg != b.pass.Pkg {
			// The verifier resolves the new import to this package.
			if c.imports == nil {
				c.imports = importIndex(b.pass.Pkg)
			}
			c.imports[path] = pkg
		}
	}
	return h
}

// errorSink reports whether sig is func(error).
func errorSink(sig *types.Signature) bool {
	return sig.Recv() == nil && sig.TypeParams().Len() == 0 && !sig.Variadic() &&
		sig.Params().Len() == 1 && types.Identical(sig.Params().At(0).Type(), errorType) &&
		sig.Results().Len() == 0
}

// hookPackage finds the package path that holds the handler name: the
// package itself, one of its dependencies (no cycle can arise), or the
// package the go command finds from the package's directory, which must
// not import this one.
func (b *builder) hookPackage(path, name string) (*types.Package, string) {
	self := b.pass.Pkg
	if path == self.Path() {
		return self, ""
	}
	if !rewrite.CanImportInternal(self.Path(), path) {
		return nil, "package " + path + " is internal, and " + self.Path() + " may not import it"
	}
	deps := dependencies(self)
	if p := deps[path]; p != nil && p.Scope().Lookup(name) != nil {
		return p, ""
	}
	p, why := b.importSource(path, deps)
	if why != "" {
		return nil, why
	}
	if dependencies(p)[self.Path()] != nil {
		return nil, "package " + path + " imports " + self.Path() + ": calling it would make an import cycle"
	}
	return p, ""
}

// dependencies maps the path of every package p imports, directly or not,
// to the package.
func dependencies(p *types.Package) map[string]*types.Package {
	seen := map[string]*types.Package{}
	var visit func(*types.Package)
	visit = func(p *types.Package) {
		for _, q := range p.Imports() {
			if seen[q.Path()] == nil {
				seen[q.Path()] = q
				visit(q)
			}
		}
	}
	visit(p)
	return seen
}

// importSource type-checks package path from source, as found from the
// directory of the pass's files; its imports resolve to deps where they
// can, else from source too.
func (b *builder) importSource(path string, deps map[string]*types.Package) (*types.Package, string) {
	if len(b.pass.Files) == 0 {
		return nil, "the package has no files"
	}
	dir := filepath.Dir(b.pass.Fset.File(b.pass.Files[0].Pos()).Name())
	ctxt := build.Default
	if gp := os.Getenv("GOPATH"); gp != "" {
		ctxt.GOPATH = gp
	}
	bp, err := ctxt.Import(path, dir, 0)
	if err != nil {
		return nil, "cannot find package " + path + " from " + b.pass.Pkg.Path()
	}
	if bp.Name == "main" {
		return nil, path + " is a command, which cannot be imported"
	}
	if len(bp.CgoFiles) > 0 {
		return nil, "package " + path + " uses cgo"
	}
	fset := token.NewFileSet()
	var files []*ast.File
	for _, name := range bp.GoFiles {
		f, err := parser.ParseFile(fset, filepath.Join(bp.Dir, name), nil, parser.SkipObjectResolution)
		if err != nil {
			return nil, "package " + path + " does not parse"
		}
		files = append(files, f)
	}
	src := goimporter.ForCompiler(fset, "source", nil).(types.ImporterFrom)
	conf := types.Config{
		Importer: importerFunc(func(p, from string, mode types.ImportMode) (*types.Package, error) {
			if q := deps[p]; q != nil {
				return q, nil
			}
			return src.ImportFrom(p, from, mode)
		}),
		Error: func(error) {},
	}
	pkg, err := conf.Check(bp.ImportPath, fset, files, nil)
	if err != nil || pkg == nil {
		return nil, "package " + path + " does not type-check"
	}
	return pkg, ""
}

// importerFunc is a types.ImporterFrom from a function.
type importerFunc func(path, dir string, mode types.ImportMode) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path, ".", 0) }

func (f importerFunc) ImportFrom(path, dir string, mode types.ImportMode) (*types.Package, error) {
	return f(path, dir, mode)
}

// fixedSignature says why the signature of fn, a function declaration,
// cannot gain an error result where a fail handler can stand in: it
// implements an interface, or it is only ever started with go. "" if
// neither.
func (b *builder) fixedSignature(fn funcOf) string {
	if fn.decl == nil || fn.obj == nil {
		return ""
	}
	if fn.decl.Recv != nil {
		if terminatorName(fn.obj.Name()) {
			// Have: func (l *zapRaftLogger) Fatalf(...) { l.sugar.Fatalf(...) }
			// The interface's callers rely on it not returning.
			return ""
		}
		if iface := b.implemented(fn.obj); iface != "" {
			return "implements " + iface
		}
		return ""
	}
	if fn.obj.Exported() || fn.decl.Name.Name == "init" || fn.decl.Name.Name == "main" {
		return ""
	}
	if b.onlyStarted(fn.obj) {
		return "is only started with go"
	}
	return ""
}

// implemented returns the name of an interface, of the package or one of
// its dependencies, that the receiver type of method fn (or a pointer to
// it) implements and that has fn's name among its methods; "" if none.
func (b *builder) implemented(fn *types.Func) string {
	recv := fn.Signature().Recv().Type()
	if p, ok := recv.(*types.Pointer); ok {
		recv = p.Elem()
	}
	ptr := types.NewPointer(recv)
	for _, ni := range b.interfaces()[fn.Name()] {
		if types.Implements(recv, ni.it) || types.Implements(ptr, ni.it) {
			return ni.name
		}
	}
	return ""
}

// interfaces indexes the non-empty interfaces that the package declares
// or writes, and those its dependencies declare, by method name.
func (b *builder) interfaces() map[string][]namedIface {
	h := b.failHook()
	if h.ifaces != nil {
		return h.ifaces
	}
	h.ifaces = map[string][]namedIface{}
	seen := map[*types.Interface]bool{}
	add := func(name string, it *types.Interface) {
		if seen[it] || it.NumMethods() == 0 {
			return
		}
		seen[it] = true
		for m := range it.Methods() {
			h.ifaces[m.Name()] = append(h.ifaces[m.Name()], namedIface{name, it})
		}
	}
	scopes := []*types.Package{b.pass.Pkg}
	for _, p := range dependencies(b.pass.Pkg) {
		scopes = append(scopes, p)
	}
	for _, p := range scopes {
		for _, n := range p.Scope().Names() {
			tn, ok := p.Scope().Lookup(n).(*types.TypeName)
			if !ok {
				continue
			}
			if named, ok := types.Unalias(tn.Type()).(*types.Named); ok && named.TypeParams().Len() > 0 {
				continue
			}
			if it, ok := tn.Type().Underlying().(*types.Interface); ok {
				add(p.Name()+"."+n, it)
			}
		}
	}
	for _, tv := range b.pass.TypesInfo.Types {
		if it, ok := tv.Type.(*types.Interface); ok {
			add("an interface", it)
		}
	}
	return h.ifaces
}

// onlyStarted reports whether every use of fn, an unexported function of
// the package, is a go statement that calls it, tests and files the
// build excludes included: returning from it then ends a goroutine, as
// the exit ended the process, and no caller goes on.
func (b *builder) onlyStarted(fn *types.Func) bool {
	ch := newChain(b)
	uses := ch.uses[fn]
	if len(uses) == 0 || ch.testsUse(fn.Name()) || ch.excludedUse(fn.Name()) != "" {
		return false
	}
	for _, id := range uses {
		f := b.fileAt(id.Pos())
		if f == nil {
			return false
		}
		path, _ := pathTo(f, id)
		if len(path) < 3 {
			return false
		}
		call, ok := path[1].(*ast.CallExpr)
		if !ok || call.Fun != id {
			return false
		}
		if g, ok := path[2].(*ast.GoStmt); !ok || g.Call != call {
			return false
		}
	}
	return true
}

// sinkCaller reports whether fn, a caller of a function that gains an
// error result, cannot return the error but can hand it to the fail
// handler, and records it as a sink of the chain:
//
//	Have: func (b *backend) Defrag() { b.defrag() }   // implements Backend
//	Want: func (b *backend) Defrag() { if err := b.defrag(); err != nil { core.Fail(err); return } }
func (ch *chain) sinkCaller(fn funcOf) bool {
	b := ch.b
	if b.cache.FailHandler == "" || fn.obj == nil || b.fixedSignature(fn) == "" || b.failHook().why != "" {
		return false
	}
	if ch.sinks == nil {
		ch.sinks = map[*types.Func]bool{}
	}
	ch.sinks[fn.obj] = true
	return true
}

// sinkCheck is the check after a call in a sink caller, whose results
// are results: the error goes to the fail handler, and the caller
// returns zero values.
func (ch *chain) sinkCheck(c *stmtCtx, errName string, results []types.Type, ind string) (string, bool) {
	b := ch.b
	name, ok := b.hookName(c, b.failHook())
	if !ok {
		return "", false
	}
	zs, ok := b.zeros(c.file, c.stmt.Pos(), results)
	if !ok {
		return "", false
	}
	ret := "return"
	if len(zs) > 0 {
		ret += " " + strings.Join(zs, ", ")
	}
	return "if " + errName + " != nil {\n" + ind + "\t" + name + "(" + errName + ")\n" + ind + "\t" + ret + "\n" + ind + "}", true
}

// terminatorName reports whether a method of this name is, by the
// convention of loggers, one that does not return: Fatal*, Panic*,
// Exit*.
func terminatorName(name string) bool {
	for _, p := range []string{"Fatal", "Panic", "Exit"} {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}
