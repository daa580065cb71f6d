package analyzer

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
)

// A cond says when a function value or literal that a function mentions is
// run by that function rather than handed out (stored).
type cond struct {
	kind   condKind
	callee *types.Func // condArg: the callee, its origin
	idx    int         // condArg: the parameter index
	v      *types.Var  // condVar: the local variable
}

type condKind uint8

const (
	condStored condKind = iota // field, map, slice, variable, channel, returned
	condRun                    // called, deferred, started with go, ranged over
	condArg                    // passed to parameter idx of callee
	condVar                    // assigned to a local variable, run if it is called
)

// litInfo is a function literal met by the walk, with the literal that
// encloses it.
type litInfo struct {
	lit    *ast.FuncLit
	parent *litInfo
	cond   cond
	node   *node  // its own node, once resolveEdges finds it stored
	frame  *frame // its body, if it has defers (defer-skip)
}

// A paramSite is a use of a func-typed parameter: parameter idx is invoked
// by its function if cond holds inside lit's chain of literals.
type paramSite struct {
	idx  int
	lit  *litInfo
	cond cond
	inGo bool // inside a go statement: run, but perhaps after the function returns
}

type argSite struct {
	call *ast.CallExpr
	idx  int
}

// walker keeps the syntactic context of the expressions it meets: keys are
// expressions with their parentheses stripped, filled in when the parent
// is visited, before the expression itself. One walker serves a package.
type walker struct {
	g        *graph
	n        *node
	lit      *litInfo
	calls    map[ast.Expr]*ast.CallExpr // callee expression -> call
	ranged   map[ast.Expr]bool          // range over a function
	args     map[ast.Expr]argSite
	assigned map[ast.Expr]*types.Var // value -> local variable it is assigned to
	params   map[*types.Var]int      // func-typed parameters of n
	stack    []ast.Node
	sigs     []*types.Signature // enclosing function's signature, for returns
	escaped  map[escapeKey]bool // conversions escape has seen
}

func (g *graph) walker() *walker {
	if g.w == nil {
		g.w = &walker{
			g:        g,
			calls:    map[ast.Expr]*ast.CallExpr{},
			ranged:   map[ast.Expr]bool{},
			args:     map[ast.Expr]argSite{},
			assigned: map[ast.Expr]*types.Var{},
		}
	}
	return g.w
}

// walk records the edges of the syntax below root as n's.
func (g *graph) walk(n *node, root ast.Node) {
	w := g.walker()
	w.n, w.lit, w.stack, w.sigs, w.params = n, nil, w.stack[:0], w.sigs[:0], nil
	if n.fn != nil {
		w.sigs = append(w.sigs, n.fn.Signature())
		w.funcParams(n.fn.Signature())
	}
	ast.Inspect(root, w.visit)
}

// funcParams indexes the func-typed parameters of sig.
func (w *walker) funcParams(sig *types.Signature) {
	for i := range sig.Params().Len() {
		p := sig.Params().At(i)
		if _, ok := p.Type().Underlying().(*types.Signature); ok && i < 64 {
			if w.params == nil {
				w.params = map[*types.Var]int{}
			}
			w.params[p] = i
		}
	}
}

func (w *walker) visit(x ast.Node) bool {
	if x == nil {
		top := w.stack[len(w.stack)-1]
		w.stack = w.stack[:len(w.stack)-1]
		if _, ok := top.(*ast.FuncLit); ok {
			w.lit = w.lit.parent
			w.sigs = w.sigs[:len(w.sigs)-1]
		}
		return false
	}
	info := w.g.pass.TypesInfo
	switch x := x.(type) {
	case *ast.CallExpr:
		w.calls[calleeExpr(x.Fun)] = x
		for i, a := range x.Args {
			w.args[ast.Unparen(a)] = argSite{x, i}
		}
		w.escapeCall(x)
	case *ast.RangeStmt:
		if t := info.TypeOf(x.X); t != nil {
			if _, ok := t.Underlying().(*types.Signature); ok {
				w.ranged[ast.Unparen(x.X)] = true
			}
		}
	case *ast.AssignStmt:
		if len(x.Lhs) == len(x.Rhs) {
			for i, l := range x.Lhs {
				w.assign(l, x.Rhs[i])
				if x.Tok == token.ASSIGN {
					w.escape(x.Rhs[i], info.TypeOf(l))
				}
			}
		}
	case *ast.ValueSpec:
		for i, v := range x.Values {
			if len(x.Names) == len(x.Values) {
				w.assign(x.Names[i], v)
			}
			if x.Type != nil {
				w.escape(v, info.TypeOf(x.Type))
			}
		}
	case *ast.ReturnStmt:
		if len(w.sigs) > 0 {
			res := w.sigs[len(w.sigs)-1].Results()
			if res.Len() == len(x.Results) {
				for i, r := range x.Results {
					w.escape(r, res.At(i).Type())
				}
			}
		}
	case *ast.CompositeLit:
		w.escapeComposite(x)
	case *ast.DeferStmt:
		if w.g.deferSkip {
			w.addDefer(x)
		}
	case *ast.SendStmt:
		if t := info.TypeOf(x.Chan); t != nil {
			if ch, ok := t.Underlying().(*types.Chan); ok {
				w.escape(x.Value, ch.Elem())
			}
		}
	case *ast.IndexExpr:
		w.instance(x, x.X)
	case *ast.IndexListExpr:
		w.instance(x, x.X)
	case *ast.FuncLit:
		w.lit = &litInfo{lit: x, parent: w.lit, cond: w.valueCond(x)}
		sig, _ := info.TypeOf(x).(*types.Signature)
		w.sigs = append(w.sigs, sig)
	case *ast.SelectorExpr:
		// Have: pkg.F, recv.M, T.M; the edge starts at the selector.
		if fn, ok := info.Uses[x.Sel].(*types.Func); ok {
			w.g.ref(w, fn, x, w.calls[x])
		}
		ast.Inspect(x.X, w.visit)
		return false
	case *ast.Ident:
		switch obj := info.Uses[x].(type) {
		case *types.Func:
			w.g.ref(w, obj, x, w.calls[x])
		case *types.Var:
			w.useVar(x, obj)
		}
	}
	w.stack = append(w.stack, x)
	return true
}

// instance passes the context of an explicit instantiation F[int] on to
// F: run(F[int]) passes F.
func (w *walker) instance(x, fun ast.Expr) {
	fun = ast.Unparen(fun)
	if a, ok := w.args[x]; ok {
		w.args[fun] = a
	}
	if v := w.assigned[x]; v != nil {
		w.assigned[fun] = v
	}
}

// useVar notes calls of local variables and uses of func-typed
// parameters.
func (w *walker) useVar(id *ast.Ident, v *types.Var) {
	run := w.calls[id] != nil || w.ranged[id]
	if run {
		w.g.calledVars[v] = true
	}
	if idx, ok := w.params[v]; ok {
		c := cond{kind: condRun}
		if !run {
			c = w.valueCond(id)
		}
		w.n.psites = append(w.n.psites, paramSite{idx, w.lit, c, w.inGo()})
	}
}

// assign records that value is assigned to lhs, if lhs is a local
// variable.
func (w *walker) assign(lhs, value ast.Expr) {
	id, ok := lhs.(*ast.Ident)
	if !ok {
		return
	}
	obj := w.g.pass.TypesInfo.ObjectOf(id)
	v, ok := obj.(*types.Var)
	if !ok || v.Parent() == nil || v.Parent() == w.g.pass.Pkg.Scope() {
		return
	}
	w.assigned[ast.Unparen(value)] = v
}

// valueCond says when the function value or literal e is run by the
// function being walked.
func (w *walker) valueCond(e ast.Expr) cond {
	if w.calls[e] != nil || w.ranged[e] {
		return cond{kind: condRun}
	}
	if a, ok := w.args[e]; ok {
		return w.argCond(a)
	}
	if v := w.assigned[e]; v != nil {
		return cond{kind: condVar, v: v}
	}
	return cond{}
}

// argCond is the condition of a value passed as argument a.idx.
func (w *walker) argCond(a argSite) cond {
	info := w.g.pass.TypesInfo
	callee := typeutil.StaticCallee(info, a.call)
	if callee == nil {
		return cond{} // dynamic: an interface method or a func value
	}
	callee = callee.Origin()
	idx := a.idx
	if sel, ok := ast.Unparen(a.call.Fun).(*ast.SelectorExpr); ok {
		if s := info.Selections[sel]; s != nil && s.Kind() == types.MethodExpr {
			idx-- // (*sync.Once).Do(&once, f): the receiver comes first
		}
	}
	sig := callee.Signature()
	if sig.Variadic() && idx >= sig.Params().Len()-1 {
		idx = sig.Params().Len() - 1
	}
	if idx < 0 || idx >= 64 {
		return cond{}
	}
	if onceFuncs[w.g.fullName(callee)] {
		// sync.OnceFunc(f) runs f when its result is called.
		return w.valueCond(a.call)
	}
	return cond{kind: condArg, callee: callee, idx: idx}
}
