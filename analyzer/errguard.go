package analyzer

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/cfg"

	"github.com/noexit-lint/noexit/internal/rewrite"
)

// Cleanup on error: a deferred literal that does its work only when an
// error variable of the function is not nil,
//
//	defer func() {
//		if err != nil {        // or: if err == nil { return }
//			os.RemoveAll(dir)
//		}
//	}()
//
// loses nothing when the process ends while that variable is nil: had it
// run then, it would have done nothing. Such exits are common where a
// constructor calls a helper that may exit before any error was set
// (etcd's StartEtcd and NewServer). errGuard finds the variable;
// nilAt says, by a may-be-non-nil analysis on the frame's control flow,
// at which calls it is nil for sure.

// errGuard returns the error variable whose non-nil value the deferred
// literal of d requires before it does anything, or nil.
func (g *graph) errGuard(d *ast.DeferStmt) *types.Var {
	lit, ok := ast.Unparen(d.Call.Fun).(*ast.FuncLit)
	if !ok || len(lit.Body.List) == 0 {
		return nil
	}
	s, ok := lit.Body.List[0].(*ast.IfStmt)
	if !ok || s.Init != nil {
		return nil
	}
	var v *types.Var
	switch {
	case len(lit.Body.List) == 1 && s.Else == nil:
		// if err != nil && ... { cleanup }
		v = g.guardVar(s.Cond, token.LAND, token.NEQ)
	case isBareReturn(s.Body) && s.Else == nil:
		// if err == nil || ... { return }; cleanup
		v = g.guardVar(s.Cond, token.LOR, token.EQL)
	}
	if v == nil || (lit.Pos() <= v.Pos() && v.Pos() < lit.End()) {
		return nil // declared in the literal: not the function's error
	}
	return v
}

func isBareReturn(b *ast.BlockStmt) bool {
	if len(b.List) != 1 {
		return false
	}
	r, ok := b.List[0].(*ast.ReturnStmt)
	return ok && len(r.Results) == 0
}

// guardVar returns v when cond is "v op nil", alone or as an operand of
// a chain of join ("&&" or "||"), and v is a variable of type error.
func (g *graph) guardVar(cond ast.Expr, join, op token.Token) *types.Var {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok {
		return nil
	}
	if b.Op == join {
		if v := g.guardVar(b.X, join, op); v != nil {
			return v
		}
		return g.guardVar(b.Y, join, op)
	}
	if b.Op != op || !rewrite.IsNil(g.pass.TypesInfo, b.Y) {
		return nil
	}
	id, ok := ast.Unparen(b.X).(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := g.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok || v.IsField() || !types.Identical(v.Type(), types.Universe.Lookup("error").Type()) {
		return nil
	}
	return v
}

// nilAt returns, for each call, whether v is nil for sure when it is
// made, on every path of fr's control flow graph cg. v starts nil when it
// is a named result of fr's function; an assignment other than "v = nil"
// may make it non-nil; the false branch of "v != nil" and the true
// branch of "v == nil" make it nil. A v declared outside fr's function,
// whose address is taken, or that a nested literal assigns, is never nil
// for sure.
func (g *graph) nilAt(fr *frame, cg *cfg.CFG, v *types.Var, calls []*edge) []bool {
	res := make([]bool, len(calls))
	// Only a variable of fr's own function: another function may set a
	// package variable or a captured one at any call.
	var ft ast.Node = fr.body
	if fr.lit != nil {
		ft = fr.lit.lit
	} else if fr.n.decl != nil {
		ft = fr.n.decl
	}
	if v.Pos() < ft.Pos() || v.Pos() >= ft.End() {
		return res
	}
	escapes := false
	ast.Inspect(fr.body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.UnaryExpr:
			if n.Op == token.AND && g.refersTo(n.X, v) {
				escapes = true
			}
		case *ast.FuncLit:
			ast.Inspect(n.Body, func(m ast.Node) bool {
				switch m := m.(type) {
				case *ast.AssignStmt:
					for _, l := range m.Lhs {
						escapes = escapes || g.refersTo(l, v)
					}
				case *ast.RangeStmt:
					escapes = escapes || g.refersTo(m.Key, v) || g.refersTo(m.Value, v)
				}
				return !escapes
			})
			return false
		}
		return !escapes
	})
	if escapes {
		return res
	}
	conds := g.branchConds(fr.body)
	startNil := g.isNamedResult(fr, v)
	// may[b]: v may be non-nil on entry to block b.
	may := make([]bool, len(cg.Blocks))
	seen := make([]bool, len(cg.Blocks))
	var work []*cfg.Block
	if len(cg.Blocks) > 0 {
		may[0], seen[0] = !startNil, true
		work = append(work, cg.Blocks[0])
	}
	flow := func(s *cfg.Block, m bool) {
		if !seen[s.Index] || (m && !may[s.Index]) {
			seen[s.Index] = true
			may[s.Index] = may[s.Index] || m
			work = append(work, s)
		}
	}
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		m := may[b.Index]
		for _, nd := range b.Nodes {
			m = g.assigns(nd, v, m)
		}
		for i, s := range b.Succs {
			flow(s, m && !g.nilOnEdge(conds, b, i, v))
		}
	}
	for _, b := range cg.Blocks {
		if !b.Live || !seen[b.Index] {
			continue
		}
		m := may[b.Index]
		for _, nd := range b.Nodes {
			if nd.Pos().IsValid() {
				for i, e := range calls {
					// A literal's exit may run after v changed.
					if e.lit == fr.lit && nd.Pos() <= e.pos && e.pos < nd.End() {
						res[i] = !m
					}
				}
			}
			m = g.assigns(nd, v, m)
		}
	}
	return res
}

// assigns returns whether v may be non-nil after node nd, given m before
// it.
func (g *graph) assigns(nd ast.Node, v *types.Var, m bool) bool {
	switch nd := nd.(type) {
	case *ast.AssignStmt:
		for i, l := range nd.Lhs {
			if !g.refersTo(l, v) {
				continue
			}
			m = len(nd.Lhs) != len(nd.Rhs) || !rewrite.IsNil(g.pass.TypesInfo, nd.Rhs[i])
		}
	case *ast.ValueSpec:
		for i, id := range nd.Names {
			if g.pass.TypesInfo.Defs[id] == v {
				m = len(nd.Values) > 0 && (len(nd.Values) != len(nd.Names) || !rewrite.IsNil(g.pass.TypesInfo, nd.Values[i]))
			}
		}
	case *ast.DeclStmt:
		if gd, ok := nd.Decl.(*ast.GenDecl); ok {
			for _, sp := range gd.Specs {
				if vs, ok := sp.(*ast.ValueSpec); ok {
					m = g.assigns(vs, v, m)
				}
			}
		}
	case *ast.Ident:
		// go/cfg puts a range statement's key and value, assigned each
		// iteration, as bare identifiers before the loop (and a switch
		// tag, which does not assign, the same way: counted too).
		m = m || g.refersTo(nd, v)
	}
	return m
}

// branchConds returns the conditions of the if and for statements in
// body and their operands under && and ||: the expressions whose true
// and false edges go/cfg makes a block's two successors. A case of a
// switch with a tag also ends a block with two successors, but its
// edges say whether the tag equals it.
func (g *graph) branchConds(body *ast.BlockStmt) map[ast.Expr]bool {
	conds := map[ast.Expr]bool{}
	var add func(e ast.Expr)
	add = func(e ast.Expr) {
		if e == nil {
			return
		}
		conds[e] = true
		switch e := e.(type) {
		case *ast.ParenExpr:
			add(e.X)
		case *ast.BinaryExpr:
			if e.Op == token.LAND || e.Op == token.LOR {
				add(e.X)
				add(e.Y)
			}
		}
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.IfStmt:
			add(n.Cond)
		case *ast.ForStmt:
			add(n.Cond)
		}
		return true
	})
	return conds
}

// nilOnEdge reports whether v is nil on the i'th successor edge of b:
// b ends in the condition of an if or for (conds) "v != nil" (false
// edge) or "v == nil" (true edge).
func (g *graph) nilOnEdge(conds map[ast.Expr]bool, b *cfg.Block, i int, v *types.Var) bool {
	if len(b.Succs) != 2 || len(b.Nodes) == 0 {
		return false
	}
	c, ok := b.Nodes[len(b.Nodes)-1].(*ast.BinaryExpr)
	if !ok || !conds[c] || !rewrite.IsNil(g.pass.TypesInfo, c.Y) || !g.refersTo(c.X, v) {
		return false
	}
	return (c.Op == token.NEQ && i == 1) || (c.Op == token.EQL && i == 0)
}

// refersTo reports whether e is an identifier for v.
func (g *graph) refersTo(e ast.Expr, v *types.Var) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	info := g.pass.TypesInfo
	return info.Uses[id] == v || info.Defs[id] == v
}

// isNamedResult reports whether v is a named result of fr's function.
func (g *graph) isNamedResult(fr *frame, v *types.Var) bool {
	var ft *ast.FuncType
	switch {
	case fr.lit != nil:
		ft = fr.lit.lit.Type
	case fr.n.decl != nil:
		ft = fr.n.decl.Type
	}
	if ft == nil || ft.Results == nil {
		return false
	}
	for _, f := range ft.Results.List {
		for _, id := range f.Names {
			if g.pass.TypesInfo.Defs[id] == v {
				return true
			}
		}
	}
	return false
}
