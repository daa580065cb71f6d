package fix

import (
	"go/ast"
	"go/types"
)

// addErrorResult rewrites the declaration of g, which gains error as its
// last result: the signature, every return, and the end of a body that
// used to fall off without results.
//
//	Have: func port() int { if ok { return p }; klog.Fatal(err) }
//	Want: func port() (int, error) { if ok { return p, nil }; return 0, err }
func (ch *chain) addErrorResult(g *types.Func, done map[ast.Stmt]bool) string {
	b := ch.b
	decl := ch.decls[g]
	ft := decl.Type
	res := ft.Results
	named := res != nil && len(res.List) > 0 && len(res.List[0].Names) > 0
	switch {
	case res == nil || len(res.List) == 0:
		if res != nil {
			return "no automatic fix: empty result list"
		}
		b.insert(ft.Params.End(), " error")
	case named:
		name := "_"
		if !mentions(decl, "err") {
			name = "err"
			b.declare(b.pass.TypesInfo.Scopes[ft], "err")
		}
		b.insert(res.Closing, ", "+name+" error")
	case !res.Opening.IsValid():
		b.insert(res.Pos(), "(")
		b.insert(res.End(), ", error)")
	default:
		b.insert(res.Closing, ", error")
	}
	void := g.Signature().Results().Len() == 0
	var why string
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			if why == "" && !ch.handled[n] {
				why = ch.returnNil(g, n, void, named)
			}
		}
		return why == ""
	})
	if why != "" {
		return why
	}
	if void && !lastTerminating(b.pass.TypesInfo, decl.Body.List, done) {
		ch.endWithReturn(g, decl, done)
	}
	return ""
}

// returnNil adds a nil error to one of g's returns.
func (ch *chain) returnNil(g *types.Func, ret *ast.ReturnStmt, void, named bool) string {
	b := ch.b
	switch {
	case len(ret.Results) == 0 && void:
		b.insert(ret.End(), " nil")
	case len(ret.Results) == 0 && named:
		// A bare return leaves the new error result nil.
	case len(ret.Results) == 1 && g.Signature().Results().Len() > 1:
		return "no automatic fix: " + display(g) + " returns a multi-value call"
	default:
		b.insert(ret.Results[len(ret.Results)-1].End(), ", nil")
	}
	return ""
}

// endWithReturn makes a body that fell off its end return nil. A final
// exit statement is rewritten like the reported one, so that fixes for
// several exits of one function merge into the same text.
func (ch *chain) endWithReturn(g *types.Func, decl *ast.FuncDecl, done map[ast.Stmt]bool) {
	b := ch.b
	body := decl.Body
	if len(body.List) == 0 {
		b.insert(body.Lbrace+1, " return nil ")
		return
	}
	last := body.List[len(body.List)-1]
	if es, ok := last.(*ast.ExprStmt); ok && !done[last] {
		if call, ok := ast.Unparen(es.X).(*ast.CallExpr); ok && rewritable(b.pass.TypesInfo, call) {
			if c, ok := b.exprStmtOf(b.fileAt(call.Pos()), call); ok {
				saved := b.save()
				if ok, _ := b.rewriteExit(c, call, ch.newResults(g)); ok {
					done[last] = true
					return
				}
				b.restore(saved)
			}
		}
	}
	b.insert(last.End(), "\n"+b.indent(last.Pos())+"return nil")
}

// mentions reports whether an identifier named name appears in n.
func mentions(n ast.Node, name string) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && id.Name == name {
			found = true
		}
		return !found
	})
	return found
}
