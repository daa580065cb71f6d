package modfix

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"os"
	"regexp"
	"strings"

	"golang.org/x/tools/go/packages"

	"github.com/noexit-lint/noexit/internal/names"
	"github.com/noexit-lint/noexit/internal/rewrite"
)

// changedFunc is a function that gains an error result.
type changedFunc struct {
	full     string // types.Func FullName
	short    string // plain name
	name     string // display name
	results  int    // results before the change
	pkgPath  string
	byFixPkg bool // its callers in its own package's files were updated by package fix
}

// change is one module-wide fix under construction.
type change struct {
	m       *module
	family  family
	edits   Edits
	changed map[string]bool
	queue   []changedFunc
	imports map[string]map[string]string // file -> path -> name to add
	origin  *packages.Package
}

func (m *module) newChange(origin *packages.Package, fam family) *change {
	return &change{m: m, family: fam, edits: Edits{}, changed: map[string]bool{},
		imports: map[string]map[string]string{}, origin: origin}
}

func (c *change) edit(file string, start, end int, text string) {
	c.edits.add(Edits{file: {{start, end, text}}})
}

// propagate updates every caller of the queued functions, queueing
// callers that must gain an error result themselves.
func (c *change) propagate() string {
	for len(c.queue) > 0 {
		g := c.queue[0]
		c.queue = c.queue[1:]
		refs := c.m.references(g.full, g.short)
		if c.m.incomplete != "" {
			return "no module-wide fix: the main module does not load whole: " + c.m.incomplete
		}
		for _, r := range refs {
			posn := r.pkg.Fset.Position(r.id.Pos())
			if g.byFixPkg && r.pkg.PkgPath == g.pkgPath && !strings.HasSuffix(posn.Filename, "_test.go") && c.m.byFile[posn.Filename] != nil {
				continue // package fix updated it
			}
			if r.pkg.Module == nil || !r.pkg.Module.Main {
				return "no module-wide fix: " + g.name + " is called from outside the main module (" + r.pkg.PkgPath + ")"
			}
			if why := c.caller(g, r); why != "" {
				return why
			}
		}
	}
	return c.addImports()
}

// caller rewrites one reference to g.
//
//	Have: Register(x)             Want: if err := Register(x); err != nil { <handle> }
//	Have: v := New(x)             Want: v, err := New(x)
//	                                    if err != nil { <handle> }
//
// where <handle> is t.Fatal(err) in a test, return ..., err in a function
// that returns an error, the original exit in allowed code, and otherwise
// the caller gains an error result too.
func (c *change) caller(g changedFunc, r ref) string {
	p, f := r.pkg, r.file
	path := c.m.path(p, r.id.Pos(), r.id.End())
	if len(path) < 3 {
		return "no module-wide fix: " + g.name + " is referenced outside a function"
	}
	fnName := enclosingName(p, path)
	i := 1
	if sel, ok := path[i].(*ast.SelectorExpr); ok && sel.Sel == r.id {
		i++
	}
	for i < len(path) {
		if _, ok := path[i].(*ast.ParenExpr); !ok {
			break
		}
		i++
	}
	call, ok := path[i].(*ast.CallExpr)
	if !ok || ast.Unparen(call.Fun).End() != r.id.End() {
		return "no module-wide fix: " + g.name + " is used as a value in " + fnName
	}
	stmt, _ := path[i+1].(ast.Stmt)
	var encl ast.Node
	inGo := false
	for _, n := range path[i+1:] {
		if _, ok := n.(*ast.GoStmt); ok {
			inGo = true
		}
		if _, ok := n.(*ast.FuncLit); ok && encl == nil {
			encl = n
		}
		if d, ok := n.(*ast.FuncDecl); ok {
			if encl == nil {
				encl = d
			}
			break
		}
	}
	switch stmt.(type) {
	case *ast.GoStmt:
		return "no module-wide fix: " + g.name + " is started with go in " + fnName
	case *ast.DeferStmt:
		return "no module-wide fix: " + g.name + " is deferred in " + fnName
	}
	if inGo {
		return "no module-wide fix: " + g.name + " is called in a goroutine in " + fnName
	}
	if encl == nil {
		return "no module-wide fix: " + g.name + " is called outside a function (" + fnName + ")"
	}
	if i+2 < len(path) {
		switch path[i+2].(type) {
		case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause, *ast.LabeledStmt:
		default: // an if/switch/for header
			return "no module-wide fix: the call to " + g.name + " in " + fnName + " is not a statement of its own"
		}
	}
	// A new err declared by v, err := F() would shadow any visible err
	// for the rest of the block: take a name nothing else uses.
	errName := "err"
	if as, ok := stmt.(*ast.AssignStmt); ok && as.Tok == token.DEFINE && visible(p, call.Pos(), "err") {
		errName = strings.ToLower(g.short[:1]) + g.short[1:] + "Err"
		if visible(p, call.Pos(), errName) {
			return "no module-wide fix: no free name for the error of " + g.name + " in " + fnName
		}
	}
	file := p.Fset.Position(f.Package).Filename
	handle, why := c.handler(g, p, f, file, encl, call, fnName)
	if why != "" {
		return why
	}
	if errName != "err" {
		handle = regexp.MustCompile(`\berr\b`).ReplaceAllString(handle, errName)
	}
	return c.rewriteStmt(g, p, f, file, stmt, call, handle, errName, fnName)
}

// visible reports whether name is declared in a scope around pos (the
// universe aside).
func visible(p *packages.Package, pos token.Pos, name string) bool {
	s := p.Types.Scope().Innermost(pos)
	if s == nil {
		return true
	}
	found, obj := s.LookupParent(name, pos)
	return obj != nil && found != types.Universe
}

// handler returns the statements that handle err at call, or why there
// are none; it queues the enclosing function when it must gain an error
// result.
func (c *change) handler(g changedFunc, p *packages.Package, f *ast.File, file string, encl ast.Node, call *ast.CallExpr, fnName string) (string, string) {
	if strings.HasSuffix(file, "_test.go") {
		if t := testingVar(p, call.Pos()); t != "" {
			return t + ".Fatal(err)", ""
		}
	}
	var sig *types.Signature
	switch e := encl.(type) {
	case *ast.FuncLit:
		sig, _ = p.TypesInfo.TypeOf(e).(*types.Signature)
	case *ast.FuncDecl:
		if obj, ok := p.TypesInfo.Defs[e.Name].(*types.Func); ok {
			sig = obj.Signature()
		}
	}
	if sig == nil {
		return "", "no module-wide fix: no type information for " + fnName
	}
	if res := sig.Results(); res.Len() > 0 && types.Identical(res.At(res.Len()-1).Type(), types.Universe.Lookup("error").Type()) {
		zs, ok := zeros(p, f, call.Pos(), res, res.Len()-1)
		if !ok {
			return "", "no module-wide fix: cannot spell the zero results of " + fnName
		}
		return "return " + strings.Join(append(zs, "err"), ", "), ""
	}
	if _, ok := encl.(*ast.FuncLit); ok {
		return "", "no module-wide fix: " + g.name + " is called from a function literal in " + fnName
	}
	decl := encl.(*ast.FuncDecl)
	if c.m.allowed(p) || strings.HasSuffix(file, "_test.go") {
		// main, cmd/, -allow and tests: exiting is the program's decision.
		return c.exitHere(p, f, file), ""
	}
	obj := p.TypesInfo.Defs[decl.Name].(*types.Func)
	if why := c.canChange(p, decl, obj); why != "" {
		return "", why
	}
	full := obj.Origin().FullName()
	if !c.changed[full] {
		c.changed[full] = true
		if why := c.changeSignature(p, decl, obj); why != "" {
			return "", why
		}
		c.queue = append(c.queue, changedFunc{full, obj.Name(), names.Func(obj), sig.Results().Len(), p.PkgPath, false})
	}
	zs, ok := zeros(p, f, call.Pos(), sig.Results(), sig.Results().Len())
	if !ok {
		return "", "no module-wide fix: cannot spell the zero results of " + fnName
	}
	return "return " + strings.Join(append(zs, "err"), ", "), ""
}

// rewriteStmt turns the call statement into one that checks the error.
func (c *change) rewriteStmt(g changedFunc, p *packages.Package, f *ast.File, file string, stmt ast.Stmt, call *ast.CallExpr, handle, errName, fnName string) string {
	src, err := os.ReadFile(file)
	if err != nil {
		return "no module-wide fix: " + err.Error()
	}
	off := func(pos token.Pos) int { return p.Fset.Position(pos).Offset }
	callText := string(src[off(call.Pos()):off(call.End())])
	ind := rewrite.IndentAt(src, off(stmt.Pos()))
	fail := "no module-wide fix: the call to " + g.name + " in " + fnName + " is not a statement of its own"
	switch s := stmt.(type) {
	case *ast.ExprStmt:
		if ast.Unparen(s.X) != call {
			return fail
		}
		c.edit(file, off(s.Pos()), off(s.End()), rewrite.CheckedCall(g.results, errName, callText, handle, ind))
		return ""
	case *ast.AssignStmt:
		if len(s.Rhs) != 1 || ast.Unparen(s.Rhs[0]) != call || len(s.Lhs) != g.results {
			return fail
		}
		if s.Tok != token.DEFINE {
			// x, err = F() would overwrite an err that later code may read.
			return "no module-wide fix: the call to " + g.name + " in " + fnName + " assigns to existing variables"
		}
		c.edit(file, off(s.Lhs[len(s.Lhs)-1].End()), off(s.Lhs[len(s.Lhs)-1].End()), ", "+errName)
		c.edit(file, off(s.End()), off(s.End()), "\n"+ind+rewrite.IfErr(errName, handle, ind))
		return ""
	}
	return fail
}

// canChange reports why decl cannot gain an error result, or "".
func (c *change) canChange(p *packages.Package, decl *ast.FuncDecl, obj *types.Func) string {
	name := names.Func(obj)
	switch {
	case decl.Body == nil:
		return "no module-wide fix: " + name + " has no body"
	case decl.Recv == nil && decl.Name.Name == "init":
		return "no module-wide fix: the error would reach init in " + p.PkgPath + ", which cannot return it"
	case decl.Type.Results != nil && len(decl.Type.Results.List) > 0 && len(decl.Type.Results.List[0].Names) > 0:
		return "no module-wide fix: " + name + " has named results"
	}
	if decl.Recv != nil {
		return implementsWhy(name, c.m.implements(obj))
	}
	return ""
}

// implementsWhy is the refusal for method name, which implements iface
// (none if iface is "").
func implementsWhy(name, iface string) string {
	switch {
	case iface == "":
		return ""
	case strings.HasSuffix(name, ".Start") || strings.HasSuffix(iface, "core.Module"):
		return "no module-wide fix: " + name + " is a lifecycle method of " + iface +
			", which cannot return an error; report the failure to the framework, degrade or retry instead of exiting"
	}
	return "no module-wide fix: " + name + " implements " + iface + ", whose signature cannot change"
}

// implements returns the name of an interface of a loaded package that
// the method's receiver type satisfies through this method, or "".
func (m *module) implements(method *types.Func) string {
	recv := method.Signature().Recv().Type()
	if p, ok := recv.(*types.Pointer); ok {
		recv = p.Elem()
	}
	ptr := types.NewPointer(recv)
	for _, p := range m.all {
		if p.Types == nil {
			continue
		}
		scope := p.Types.Scope()
		for _, n := range scope.Names() {
			tn, ok := scope.Lookup(n).(*types.TypeName)
			if !ok {
				continue
			}
			it, ok := tn.Type().Underlying().(*types.Interface)
			if !ok || it.NumMethods() == 0 {
				continue
			}
			has := false
			for i := range it.NumMethods() {
				has = has || it.Method(i).Name() == method.Name()
			}
			if has && (types.Implements(recv, it) || types.Implements(ptr, it)) {
				return tn.Pkg().Name() + "." + tn.Name()
			}
		}
	}
	return ""
}

// changeSignature adds error to decl's results and nil to its returns.
func (c *change) changeSignature(p *packages.Package, decl *ast.FuncDecl, obj *types.Func) string {
	file := p.Fset.Position(decl.Pos()).Filename
	src, err := os.ReadFile(file)
	if err != nil {
		return "no module-wide fix: " + err.Error()
	}
	off := func(pos token.Pos) int { return p.Fset.Position(pos).Offset }
	n := obj.Signature().Results().Len()
	ins, ok := rewrite.ErrorResult(decl.Type, "")
	if !ok {
		return "no module-wide fix: " + names.Func(obj) + " has an empty result list"
	}
	for _, in := range ins {
		c.edit(file, off(in.Pos), off(in.Pos), in.Text)
	}
	why := ""
	ast.Inspect(decl.Body, func(nd ast.Node) bool {
		switch s := nd.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			switch {
			case n == 0:
				c.edit(file, off(s.Pos()), off(s.End()), "return nil")
			case len(s.Results) == n:
				c.edit(file, off(s.End()), off(s.End()), ", nil")
			default:
				why = "no module-wide fix: a return statement of " + names.Func(obj) + " returns a call's results"
			}
		}
		return true
	})
	if n == 0 && !rewrite.LastTerminating(p.TypesInfo, decl.Body.List, nil) {
		c.edit(file, off(decl.Body.Rbrace), off(decl.Body.Rbrace), "\treturn nil\n"+rewrite.IndentAt(src, off(decl.Pos())))
	}
	return why
}

// testingVar returns the name of a *testing.T, *testing.B or testing.TB
// variable in scope at pos, or "".
func testingVar(p *packages.Package, pos token.Pos) string {
	for s := p.Types.Scope().Innermost(pos); s != nil && s != p.Types.Scope(); s = s.Parent() {
		for _, n := range s.Names() {
			v, ok := s.Lookup(n).(*types.Var)
			if !ok || v.Pos() > pos {
				continue
			}
			switch v.Type().String() {
			case "*testing.T", "*testing.B", "testing.TB":
				return n
			}
		}
	}
	return ""
}

// enclosingName names the function around path[0] for messages.
func enclosingName(p *packages.Package, path []ast.Node) string {
	for _, n := range path {
		if d, ok := n.(*ast.FuncDecl); ok {
			if obj, ok := p.TypesInfo.Defs[d.Name].(*types.Func); ok {
				return names.Func(obj) + fmt.Sprintf(" (%s)", shortPos(p.Fset.Position(d.Name.Pos())))
			}
		}
	}
	return "a package-level declaration of " + p.PkgPath
}

func shortPos(posn token.Position) string {
	i := strings.LastIndexByte(posn.Filename, '/')
	return fmt.Sprintf("%s:%d", posn.Filename[i+1:], posn.Line)
}
