package fix

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/noexit-lint/noexit/internal/names"
	"github.com/noexit-lint/noexit/internal/rewrite"
)

// passOn rewrites one call to a function that gained an error result so
// that the caller returns the error.
//
//	Have: p := port()          Want: p, err := port()
//	                                 if err != nil { return nil, err }
//	Have: start()              Want: if err := start(); err != nil { return nil, err }
//	Have: return port()        Want: return port()        (same results)
//	Have: use(port() + 1)      Want: v, err := port()
//	                                 if err != nil { return nil, err }
//	                                 use(v + 1)
func (ch *chain) passOn(cs *callSite) string {
	b := ch.b
	c := cs.ctx
	caller := c.fn.obj
	n := cs.callee.Signature().Results().Len()
	callerRes := ch.newResults(caller)
	fail := "the call to " + names.Func(cs.callee) + " in " + names.Func(caller) + " cannot pass on an error"
	if why := b.skipsCleanup(c); why != "" {
		return why
	}
	ind := b.indent(c.stmt.Pos())
	callText := b.text(cs.call)
	if callText == "" {
		return fail
	}
	ret := func(errName string) (string, bool) {
		if ch.sinks[caller] {
			return ch.sinkCheck(c, errName, callerRes, ind)
		}
		zs, ok := b.zeros(c.file, c.stmt.Pos(), callerRes[:len(callerRes)-1])
		if !ok {
			return "", false
		}
		return rewrite.IfErr(errName, "return "+strings.Join(append(zs, errName), ", "), ind), true
	}
	switch s := c.stmt.(type) {
	case *ast.ExprStmt:
		if ast.Unparen(s.X) != cs.call {
			break
		}
		// The if statement's own scope holds err: no clash is possible.
		check, ok := ret("err")
		if !ok {
			return fail
		}
		b.kept = append(b.kept, span{cs.call.Pos(), cs.call.End()})
		b.replace(s.Pos(), s.End(), rewrite.WithCall(n, "err", callText, check))
		return ""
	case *ast.AssignStmt:
		if len(s.Rhs) != 1 || ast.Unparen(s.Rhs[0]) != cs.call || len(s.Lhs) != n {
			break
		}
		var name, decl string
		switch s.Tok {
		case token.DEFINE:
			name = ch.errName(c)
		case token.ASSIGN:
			switch {
			case ch.reusableErr(c):
				name = "err"
			case n > 1 && ch.namedErr(c, "err"):
				// Have: lo, hi = window(s), in a function that gains the
				// named result err: assign it.
				name = "err"
			case n > 1:
				// Want: var err1 error; lo, hi, err1 = window(s)
				name = ch.errName(c)
				decl = "var " + name + " error\n" + ind
			}
		}
		if name == "" {
			break // one result: hoisted below
		}
		check, ok := ret(name)
		if !ok {
			return fail
		}
		if decl != "" {
			b.insert(s.Pos(), decl)
		}
		b.insert(s.Lhs[len(s.Lhs)-1].End(), ", "+name)
		b.insert(s.End(), "\n"+ind+check)
		return ""
	case *ast.ReturnStmt:
		if len(s.Results) == 1 && ast.Unparen(s.Results[0]) == cs.call && sameTypes(callerRes, ch.newResults(cs.callee)) {
			// Have: return g(); the results match once g returns the
			// error too. Restate the result unchanged: another fix that
			// leaves g alone adds ", nil" to this very range (returnNil),
			// and the two must conflict, not merge.
			ch.handled[s] = true
			if r := s.Results[0]; b.text(r) != "" {
				b.replace(r.Pos(), r.End(), b.text(r), r)
			}
			return ""
		}
	}
	if n != 1 || !ch.hoistable(c, cs.call) {
		return fail
	}
	// Have: stmt(... g() ...); Want: gResult, err := g(); if err != nil {...}; stmt(... gResult ...)
	scope := c.scope(b.pass.TypesInfo)
	v := b.fresh(scope, c.stmt.Pos(), lowerFirst(cs.callee.Name())+"Result")
	name := ch.errName(c)
	check, ok := ret(name)
	if !ok {
		return fail
	}
	b.kept = append(b.kept, span{cs.call.Pos(), cs.call.End()})
	b.insert(c.stmt.Pos(), v+", "+name+" := "+callText+"\n"+ind+check+"\n"+ind)
	b.replace(cs.call.Pos(), cs.call.End(), v)
	return ""
}

// errName returns the name of the error variable that a short variable
// declaration at c declares or reuses. It depends only on the original
// code, so that fixes for several exits, each declaring it, merge: "err"
// if that declares a new variable that shadows nothing, or reuses an err
// of the block whose value nothing reads any more; else err1, err2, ...
func (ch *chain) errName(c *stmtCtx) string {
	b := ch.b
	pos := c.stmt.Pos()
	inner := c.scope(b.pass.TypesInfo)
	if inner == nil {
		return "err"
	}
	if ch.reusableErr(c) {
		return "err"
	}
	for i := 0; ; i++ {
		name := "err"
		if i > 0 {
			name = fmt.Sprintf("err%d", i)
		}
		if _, obj := inner.LookupParent(name, pos); obj == nil && inner.Lookup(name) == nil && !ch.namedErr(c, name) {
			return name
		}
	}
}

// namedErr reports whether the fix names the new error result of c's
// function name.
func (ch *chain) namedErr(c *stmtCtx, name string) bool {
	if c.fn.decl == nil {
		return false
	}
	return ch.b.declared[ch.b.pass.TypesInfo.Scopes[c.fn.decl.Type]][name]
}

// reusableErr reports whether c's block declares err, an error, before c,
// and nothing reads its value after c.
func (ch *chain) reusableErr(c *stmtCtx) bool {
	inner := c.scope(ch.b.pass.TypesInfo)
	if inner == nil {
		return false
	}
	v, ok := inner.Lookup("err").(*types.Var)
	return ok && v.Pos() < c.stmt.Pos() && types.Identical(v.Type(), errorType) && ch.deadAfter(c, v)
}

// deadAfter reports whether the value v holds after c.stmt is never read:
// the statements after it in its block assign v before any read, and no
// function literal captures v.
func (ch *chain) deadAfter(c *stmtCtx, v *types.Var) bool {
	info := ch.b.pass.TypesInfo
	captured := false
	ast.Inspect(c.fn.body, func(n ast.Node) bool {
		if lit, ok := n.(*ast.FuncLit); ok {
			ast.Inspect(lit.Body, func(n ast.Node) bool {
				if id, ok := n.(*ast.Ident); ok && info.Uses[id] == v {
					captured = true
				}
				return !captured
			})
			return false
		}
		return !captured
	})
	if ft := c.fn.decl.Type; ft.Pos() <= v.Pos() && v.Pos() < ft.End() {
		return false // a parameter or result: a bare return reads it
	}
	if captured || v.Parent() == nil || v.Parent() == ch.b.pass.Pkg.Scope() {
		return false
	}
	for _, s := range c.list[c.idx+1:] {
		as, assigns := s.(*ast.AssignStmt)
		reads := false
		ast.Inspect(s, func(n ast.Node) bool {
			id, ok := n.(*ast.Ident)
			if !ok || info.Uses[id] != v && info.Defs[id] != v {
				return true
			}
			if assigns && isLHS(as, id) {
				return true
			}
			reads = true
			return false
		})
		if reads {
			return false
		}
		if assigns && (as.Tok == token.DEFINE || as.Tok == token.ASSIGN) {
			for _, l := range as.Lhs {
				if id, ok := l.(*ast.Ident); ok && (info.Uses[id] == v || info.Defs[id] == v) {
					return true
				}
			}
		}
	}
	// v lives in the block of the statement; after the block, it is gone.
	return v.Parent() == c.scope(info)
}

func isLHS(as *ast.AssignStmt, id *ast.Ident) bool {
	for _, l := range as.Lhs {
		if l == id {
			return true
		}
	}
	return false
}

// hoistable reports whether the call can move out of its statement, into
// a statement of its own just before: the statement is simple, the call
// is evaluated unconditionally and first among the statement's calls and
// receives.
func (ch *chain) hoistable(c *stmtCtx, call *ast.CallExpr) bool {
	var evaluated ast.Node
	switch s := c.stmt.(type) {
	case *ast.ExprStmt, *ast.AssignStmt, *ast.ReturnStmt, *ast.IncDecStmt, *ast.SendStmt, *ast.DeclStmt:
		evaluated = s
	case *ast.IfStmt:
		if s.Init != nil {
			return false
		}
		evaluated = s.Cond
	case *ast.SwitchStmt:
		if s.Init != nil || s.Tag == nil {
			return false
		}
		evaluated = s.Tag
	default:
		return false
	}
	if call.Pos() < evaluated.Pos() || call.End() > evaluated.End() {
		return false
	}
	info := ch.b.pass.TypesInfo
	ok := true
	ast.Inspect(evaluated, func(n ast.Node) bool {
		if n == call || !ok {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			if n.Pos() <= call.Pos() && call.End() <= n.End() {
				ok = false
			}
			return false
		case *ast.BinaryExpr:
			if (n.Op == token.LAND || n.Op == token.LOR) && n.Y.Pos() <= call.Pos() && call.End() <= n.Y.End() {
				ok = false // evaluated only sometimes
			}
		case *ast.UnaryExpr:
			if n.Op == token.ARROW && n.End() <= call.Pos() {
				ok = false
			}
		case *ast.CallExpr:
			if n.Pos() <= call.Pos() && call.End() <= n.End() || n.Pos() >= call.End() {
				return true // evaluated after the call
			}
			if tv, isType := info.Types[n.Fun]; !isType || !tv.IsType() {
				if _, builtin := info.Uses[calleeIdent(n)].(*types.Builtin); !builtin {
					ok = false
				}
			}
		}
		return ok
	})
	return ok
}

func calleeIdent(call *ast.CallExpr) *ast.Ident {
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		return f
	case *ast.SelectorExpr:
		return f.Sel
	}
	return nil
}

func sameTypes(x, y []types.Type) bool {
	if len(x) != len(y) {
		return false
	}
	for i := range x {
		if !types.Identical(x[i], y[i]) {
			return false
		}
	}
	return true
}

// lowerFirst turns MustPort into mustPort, for a local variable's name.
func lowerFirst(s string) string {
	i := 0
	for i < len(s) && 'A' <= s[i] && s[i] <= 'Z' {
		i++
	}
	if i > 1 && i < len(s) {
		i-- // URLPath -> urlPath
	}
	return strings.ToLower(s[:i]) + s[i:]
}
