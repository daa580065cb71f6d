package fix

import (
	"go/ast"
	"go/types"

	"github.com/noexit-lint/noexit/internal/rewrite"
)

// skipsCleanup returns why a return at c would leak: a statement after
// it on the way out of the function, not deferred, releases something
// that the exit never needed released but a return does. It returns ""
// when there is none.
//
//	Have: mu.Lock()                    A return in place of the exit
//	      if bad { klog.Fatal("bad") } would leave mu locked.
//	      mu.Unlock()
//
// Releases are close(ch), Unlock and RUnlock, (*sync.WaitGroup).Done, a
// context.CancelFunc, and Stop on a variable of the function.
func (b *builder) skipsCleanup(c *stmtCtx) string {
	if _, ok := c.stmt.(*ast.ReturnStmt); ok {
		return "" // the statement returns already
	}
	var body ast.Node = c.fn.body
	for i := 0; i+1 < len(c.path) && c.path[i] != body; i++ {
		s, ok := c.path[i].(ast.Stmt)
		if !ok {
			continue
		}
		list, ok := rewrite.StmtList(c.path[i+1])
		if !ok {
			continue
		}
		after := false
		for _, t := range list {
			if after {
				if r := b.release(c, t); r != "" {
					return "returning here would skip " + r + " below, which the exit did not need"
				}
			}
			after = after || t == s
		}
	}
	return ""
}

// release returns the source text of the first release call in s, or "".
func (b *builder) release(c *stmtCtx, s ast.Stmt) string {
	info := b.pass.TypesInfo
	found := ""
	ast.Inspect(s, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit, *ast.DeferStmt, *ast.GoStmt:
			return false
		case *ast.CallExpr:
			if b.releases(info, c, n) {
				found = b.text(n)
				if found == "" {
					found = "a release"
				}
			}
		}
		return found == ""
	})
	return found
}

// releases reports whether call releases something.
func (b *builder) releases(info *types.Info, c *stmtCtx, call *ast.CallExpr) bool {
	fun := ast.Unparen(call.Fun)
	if id, ok := fun.(*ast.Ident); ok {
		if bi, ok := info.Uses[id].(*types.Builtin); ok {
			return bi.Name() == "close"
		}
	}
	if isCancel(info.TypeOf(fun)) {
		return true
	}
	sel, ok := fun.(*ast.SelectorExpr)
	if !ok || len(call.Args) != 0 {
		return false
	}
	fn, ok := info.Uses[sel.Sel].(*types.Func)
	if !ok || fn.Signature().Recv() == nil {
		return false
	}
	switch fn.Name() {
	case "Unlock", "RUnlock":
		return true
	case "Done":
		return fn.Pkg() != nil && fn.Pkg().Path() == "sync"
	case "Stop":
		// Have: t := time.NewTicker(d); ...; t.Stop()
		id, ok := ast.Unparen(sel.X).(*ast.Ident)
		if !ok {
			return false
		}
		v, ok := info.Uses[id].(*types.Var)
		return ok && c.fn.body.Pos() <= v.Pos() && v.Pos() < c.stmt.Pos()
	}
	return false
}

// isCancel reports whether t is context.CancelFunc or CancelCauseFunc.
func isCancel(t types.Type) bool {
	n, ok := t.(*types.Named)
	if !ok || n.Obj().Pkg() == nil || n.Obj().Pkg().Path() != "context" {
		return false
	}
	return n.Obj().Name() == "CancelFunc" || n.Obj().Name() == "CancelCauseFunc"
}
