package fix

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/noexit-lint/noexit/internal/rewrite"
	"golang.org/x/tools/go/ast/astutil"
)

// stmtCtx is a statement and where it sits: its statement list and the
// function that holds it.
type stmtCtx struct {
	file *ast.File
	path []ast.Node // from the statement out to the file
	stmt ast.Stmt
	list []ast.Stmt // the statement list that holds stmt
	idx  int        // stmt == list[idx]
	fn   funcOf
	// capture, when set, is the error an exit in an invoked literal sets
	// instead of returning it (invoked.go).
	capture *capture
}

// funcOf is the innermost function around a statement.
type funcOf struct {
	decl *ast.FuncDecl // nil for a function literal
	lit  *ast.FuncLit
	body *ast.BlockStmt
	sig  *types.Signature
	obj  *types.Func // nil for a function literal
	inGo bool        // the literal is launched with go
	// inDefer: the literal is deferred; an error it returned would be
	// dropped.
	inDefer bool
}

// name names the function for error messages in words, lower case as
// error strings should start: checkConfig -> "check config".
func (fn funcOf) name() string {
	if fn.obj != nil {
		return words(fn.obj.Name())
	}
	return "func"
}

// qualified names the function for diagnostics: "pkg.f".
func (fn funcOf) qualified() string {
	if fn.obj != nil && fn.obj.Pkg() != nil {
		return fn.obj.Pkg().Name() + "." + fn.obj.Name()
	}
	return "the function literal"
}

// stmtOf finds the innermost statement around node n and its
// surroundings. ok is false for statements that are not in a statement
// list (labelled statements, if and for headers, ...) and outside
// functions.
func (b *builder) stmtOf(f *ast.File, n ast.Node) (*stmtCtx, bool) {
	path, _ := astutil.PathEnclosingInterval(f, n.Pos(), n.End())
	i := 0
	for i < len(path) && path[i] != n {
		i++
	}
	for i < len(path) {
		if _, ok := path[i].(ast.Stmt); ok {
			break
		}
		if _, ok := path[i].(*ast.FuncLit); ok {
			return nil, false
		}
		i++
	}
	if i+1 >= len(path) {
		return nil, false
	}
	path = path[i:]
	c := &stmtCtx{file: f, path: path, stmt: path[0].(ast.Stmt)}
	var ok bool
	if c.list, ok = rewrite.StmtList(path[1]); !ok {
		return nil, false
	}
	c.idx = -1
	for j, s := range c.list {
		if s == c.stmt {
			c.idx = j
		}
	}
	if c.idx < 0 {
		return nil, false
	}
	c.fn, ok = b.enclosingFunc(path)
	return c, ok
}

// exprStmtOf is stmtOf for a call that must be a statement by itself.
func (b *builder) exprStmtOf(f *ast.File, call *ast.CallExpr) (*stmtCtx, bool) {
	c, ok := b.stmtOf(f, call)
	if !ok {
		return nil, false
	}
	es, ok := c.stmt.(*ast.ExprStmt)
	if !ok || ast.Unparen(es.X) != call {
		return nil, false
	}
	return c, true
}

// enclosingFunc returns the innermost function declaration or literal on
// path.
func (b *builder) enclosingFunc(path []ast.Node) (funcOf, bool) {
	info := b.pass.TypesInfo
	for i, n := range path {
		switch n := n.(type) {
		case *ast.FuncLit:
			sig, _ := info.TypeOf(n).(*types.Signature)
			fn := funcOf{lit: n, body: n.Body, sig: sig}
			if i+2 < len(path) {
				if call, ok := path[i+1].(*ast.CallExpr); ok && call.Fun == n {
					_, fn.inGo = path[i+2].(*ast.GoStmt)
					_, fn.inDefer = path[i+2].(*ast.DeferStmt)
				}
			}
			return fn, sig != nil
		case *ast.FuncDecl:
			obj, _ := info.Defs[n.Name].(*types.Func)
			if obj == nil || n.Body == nil {
				return funcOf{}, false
			}
			return funcOf{decl: n, body: n.Body, sig: obj.Signature(), obj: obj}, true
		}
	}
	return funcOf{}, false
}

// returnsError reports whether the last result of sig is error.
func returnsError(sig *types.Signature) bool {
	r := sig.Results()
	return r.Len() > 0 && types.Identical(r.At(r.Len()-1).Type(), errorType)
}

// resultTypes lists the types of a tuple.
func resultTypes(t *types.Tuple) []types.Type {
	var out []types.Type
	for i := range t.Len() {
		out = append(out, t.At(i).Type())
	}
	return out
}

// errCheck returns X when the statement list is the body of
// "if X != nil { ... }" and X is an error.
func (b *builder) errCheck(c *stmtCtx) ast.Expr {
	if len(c.path) < 3 {
		return nil
	}
	ifs, ok := c.path[2].(*ast.IfStmt)
	if !ok || ifs.Body != c.path[1] {
		return nil
	}
	cond, ok := ast.Unparen(ifs.Cond).(*ast.BinaryExpr)
	if !ok || cond.Op != token.NEQ || !rewrite.IsNil(b.pass.TypesInfo, cond.Y) {
		return nil
	}
	x := ast.Unparen(cond.X)
	if _, ok := x.(*ast.Ident); !ok || !types.AssignableTo(b.pass.TypesInfo.TypeOf(x), errorType) {
		return nil
	}
	return x
}

// pathTo returns the path from n out to the file.
func pathTo(f *ast.File, n ast.Node) ([]ast.Node, bool) {
	path, exact := astutil.PathEnclosingInterval(f, n.Pos(), n.End())
	if len(path) == 0 || path[0] != n {
		return nil, false
	}
	return path, exact
}

// scope returns the scope of the block that holds the statement.
func (c *stmtCtx) scope(info *types.Info) *types.Scope {
	if s := info.Scopes[c.path[1]]; s != nil {
		return s
	}
	if c.fn.body == c.path[1] {
		if c.fn.decl != nil {
			return info.Scopes[c.fn.decl.Type]
		}
		return info.Scopes[c.fn.lit.Type]
	}
	return nil
}
