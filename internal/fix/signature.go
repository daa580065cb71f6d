package fix

import (
	"go/ast"
	"go/types"

	"github.com/noexit-lint/noexit/internal/names"
	"github.com/noexit-lint/noexit/internal/rewrite"
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
	res := decl.Type.Results
	named := res != nil && len(res.List) > 0 && len(res.List[0].Names) > 0
	name := ""
	if named {
		name = ch.resultName(g)
	}
	ins, ok := rewrite.ErrorResult(decl.Type, name)
	if !ok {
		return "empty result list"
	}
	for _, in := range ins {
		b.insert(in.Pos, in.Text)
	}
	void := g.Signature().Results().Len() == 0
	var why string
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			if why == "" && !ch.handled[n] && !b.dropped[n] {
				why = ch.returnNil(g, n, void, named)
			}
		}
		return why == ""
	})
	if why != "" {
		return why
	}
	if void && !rewrite.LastTerminating(b.pass.TypesInfo, decl.Body.List, done) {
		ch.endWithReturn(decl)
	}
	return ""
}

// resultName names the error result that g gains when its results are
// named: err if g mentions no err at all, else the blank identifier.
func (ch *chain) resultName(g *types.Func) string {
	decl := ch.decls[g]
	res := decl.Type.Results
	if res == nil || len(res.List) == 0 || len(res.List[0].Names) == 0 {
		return ""
	}
	if mentions(decl, "err") {
		return "_"
	}
	ch.b.declare(ch.b.pass.TypesInfo.Scopes[decl.Type], "err")
	return "err"
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
		return names.Func(g) + " returns a multi-value call"
	default:
		// Have: return h(x), with h a function of this package. Another
		// fix may give h an error result too and restate h(x) unchanged
		// (see passOn): replace the result rather than insert after it,
		// so that drivers see the two fixes conflict instead of merging
		// them into code that does not compile.
		last := ret.Results[len(ret.Results)-1]
		if t := b.text(last); t != "" && ch.callsLocal(last) {
			b.replace(last.Pos(), last.End(), t+", nil", last)
		} else {
			b.insert(last.End(), ", nil")
		}
	}
	return ""
}

// callsLocal reports whether x is a call of a function declared in this
// package.
func (ch *chain) callsLocal(x ast.Expr) bool {
	call, ok := ast.Unparen(x).(*ast.CallExpr)
	if !ok {
		return false
	}
	fn := callee(ch.b.pass.TypesInfo, call)
	return fn != nil && ch.decls[fn.Origin()] != nil
}

// endWithReturn makes a body that fell off its end return nil.
func (ch *chain) endWithReturn(decl *ast.FuncDecl) {
	b := ch.b
	body := decl.Body
	if len(body.List) == 0 {
		b.insert(body.Lbrace+1, " return nil ")
		return
	}
	last := body.List[len(body.List)-1]
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
