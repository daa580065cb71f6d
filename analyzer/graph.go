package analyzer

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/noexit-lint/noexit/fix"
	"github.com/noexit-lint/noexit/internal/names"
)

// A node is a function declaration of the package, or a package-level
// variable initialiser. Function literals belong to the node that defines
// them: whether called, deferred, launched with go or passed on, their
// exits are the enclosing function's.
type node struct {
	index   int
	fn      *types.Func // nil for a variable initialiser
	name    string      // display name: "pkg.F", "(*pkg.T).M", "var pkg.x"
	pos     token.Pos   // name of the declaration
	file    *ast.File
	decl    *ast.FuncDecl  // nil for a variable initialiser
	spec    *ast.ValueSpec // the variable initialiser
	allowed bool           // //noexit:allow on the declaration
	// terminates: declared with //noexit:terminates or -terminators; the
	// body defines exiting and is not analysed.
	terminates bool
	entry      string // why this is an entry point; "" if it is not
	edges      []*edge

	// fixed point
	dist int   // hops to a terminator; 0 means none found
	via  *edge // first hop of the shortest witness
	fact *mayExit

	// entry reachability
	reached bool
	parent  *edge // edge by which the entry search reached this node
}

type edgeKind int

const (
	localCall   edgeKind = iota // to a function declared in this package
	foreignCall                 // to another package's may-exit function
	termCall                    // to a terminator
)

// An edge is a call to, or a reference to, a function.
type edge struct {
	kind    edgeKind
	from    *node
	pos     token.Pos
	end     token.Pos     // end of the call, or of the reference
	call    *ast.CallExpr // nil when the function is only referenced
	callee  *node         // localCall
	foreign *mayExit      // foreignCall
	name    string        // display name of the callee
	term    string        // termCall: types.Func.FullName of the terminator
	cat     string        // termCall: category
	allowed bool          // //noexit:allow on the line or the line above
}

// graph is the static call graph of one package.
type graph struct {
	pass    *analysis.Pass
	set     *settings
	nodes   []*node
	byFunc  map[*types.Func]*node
	dirs    map[*ast.File]*directives
	names   map[*types.Func]string // FullName cache
	shown   map[*types.Func]string // display cache
	files   map[string]*token.File // by name, built on first use by posOf
	fixes   *fix.Cache
	pending []finding // reported by flush
	// facts of other packages' functions, nil where there is none
	foreign map[*types.Func]*mayExit
	module  string // moduleOf(pass)
}

func newGraph(pass *analysis.Pass, set *settings) *graph {
	return &graph{
		pass:    pass,
		set:     set,
		byFunc:  map[*types.Func]*node{},
		dirs:    map[*ast.File]*directives{},
		names:   map[*types.Func]string{},
		shown:   map[*types.Func]string{},
		fixes:   batchCache(),
		foreign: map[*types.Func]*mayExit{},
		module:  moduleOf(pass),
	}
}

// addNodes creates a node for every function declaration and package-level
// variable initialiser in the files that are not allowed wholesale
// (tests, generated files).
func (g *graph) addNodes(files []*ast.File) {
	pkgName := g.pass.Pkg.Name()
	for _, f := range files {
		d := g.dirs[f]
		for _, decl := range f.Decls {
			switch decl := decl.(type) {
			case *ast.FuncDecl:
				fn, _ := g.pass.TypesInfo.Defs[decl.Name].(*types.Func)
				if fn == nil {
					continue
				}
				n := g.add(&node{fn: fn, name: g.display(fn), pos: decl.Name.Pos(), file: f, decl: decl})
				if decl.Name.Name != "init" || decl.Recv != nil {
					g.byFunc[fn] = n
				}
				n.allowed = d.allowsDecl(decl) || g.set.trust.funcTrusted(fn)
				_, user := g.set.terminators[g.fullName(fn)]
				n.terminates = user || d.terminatesDecl(decl)
			case *ast.GenDecl:
				if decl.Tok != token.VAR {
					continue
				}
				for _, spec := range decl.Specs {
					vs := spec.(*ast.ValueSpec)
					if len(vs.Values) == 0 {
						continue
					}
					g.add(&node{name: "var " + pkgName + "." + vs.Names[0].Name, pos: vs.Names[0].Pos(), file: f, spec: vs})
				}
			}
		}
	}
}

// batchCache returns a fix cache whose fixes report checks all at once.
func batchCache() *fix.Cache {
	c := fix.NewCache()
	c.Batch = true
	return c
}

func (g *graph) add(n *node) *node {
	n.index = len(g.nodes)
	g.nodes = append(g.nodes, n)
	return n
}

// addEdges walks every node's body (or initialiser) and records the
// functions it calls or references.
func (g *graph) addEdges() {
	for _, n := range g.nodes {
		switch {
		case n.terminates:
		case n.decl != nil && n.decl.Body != nil:
			g.walk(n, n.decl.Body)
		case n.spec != nil:
			for _, v := range n.spec.Values {
				g.walk(n, v)
			}
		}
	}
}

// walk records the edges of the syntax below root as n's.
func (g *graph) walk(n *node, root ast.Node) {
	calls := map[ast.Expr]*ast.CallExpr{}
	var visit func(ast.Node) bool
	visit = func(x ast.Node) bool {
		switch x := x.(type) {
		case *ast.CallExpr:
			calls[calleeExpr(x.Fun)] = x
		case *ast.SelectorExpr:
			// Have: pkg.F, recv.M, T.M; the edge starts at the selector.
			g.ref(n, x.Sel, x, calls[x])
			ast.Inspect(x.X, visit)
			return false
		case *ast.Ident:
			g.ref(n, x, x, calls[x])
		}
		return true
	}
	ast.Inspect(root, visit)
}

// calleeExpr strips parentheses and explicit instantiation from a call's
// function expression: (F[int])(x) calls F.
func calleeExpr(e ast.Expr) ast.Expr {
	for {
		switch x := e.(type) {
		case *ast.ParenExpr:
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.IndexListExpr:
			e = x.X
		default:
			return e
		}
	}
}

// ref records a use of id (spanning expr) if it denotes a function that
// is a terminator, a function of this package, or another package's
// function that may exit. Every identifier of the package passes here:
// classify first, allocate only for the few that matter.
func (g *graph) ref(n *node, id *ast.Ident, expr ast.Expr, call *ast.CallExpr) {
	fn, ok := g.pass.TypesInfo.Uses[id].(*types.Func)
	if !ok {
		return
	}
	fn = fn.Origin()
	if recv := fn.Signature().Recv(); recv != nil && types.IsInterface(recv.Type()) {
		return // dynamic: interface calls are not followed
	}
	var (
		kind    edgeKind
		callee  *node
		foreign *mayExit
		term    string
		cat     string
	)
	if g.set.trust.funcTrusted(fn) {
		return // its exits are accepted
	}
	full := g.fullName(fn)
	local := g.byFunc[fn]
	switch {
	case g.set.terminators[full] != "":
		if cond := conditional[full]; cond != nil && !cond(g.pass.TypesInfo, call) {
			return
		}
		kind, term, cat = termCall, full, g.set.terminators[full]
	case local != nil && local.terminates:
		kind, term, cat = termCall, full, catUser
	case local != nil:
		kind, callee = localCall, local
	case fn.Pkg() == g.pass.Pkg:
		return // declared in a file this pass skips
	default:
		f := g.foreignFact(fn)
		if f == nil {
			return
		}
		if f.Len == 0 {
			kind, term, cat = termCall, full, catUser
		} else {
			kind, foreign = foreignCall, f
		}
	}
	pos := expr.Pos()
	if sel, ok := expr.(*ast.SelectorExpr); ok && chained(sel.X) {
		pos = sel.Sel.Pos() // x.A().B(): B's finding points at B
	}
	e := &edge{
		kind: kind, from: n, pos: pos, end: expr.End(), call: call,
		callee: callee, foreign: foreign, name: g.display(fn), term: term, cat: cat,
	}
	if call != nil {
		e.end = call.End()
	}
	e.allowed = g.dirs[n.file].allowsLine(g.pass.Fset, e.pos)
	n.edges = append(n.edges, e)
}

// declaredTerminator stands for another package's //noexit:terminates
// function in the foreign cache: a zero-length path.
var declaredTerminator = &mayExit{}

// foreignFact returns another package's function's may-exit fact, the
// declaredTerminator marker for a declared terminator, or nil; each
// function is looked up once per package.
func (g *graph) foreignFact(fn *types.Func) *mayExit {
	if f, ok := g.foreign[fn]; ok {
		return f
	}
	var f *mayExit
	if g.pass.ImportObjectFact(fn, new(terminates)) {
		f = declaredTerminator
	} else if m := new(mayExit); g.pass.ImportObjectFact(fn, m) {
		f = m
	}
	g.foreign[fn] = f
	return f
}

// chained reports whether x, the operand of a selector, contains a call
// on its spine: x.A() in x.A().B, x.A().c in x.A().c.D.
func chained(x ast.Expr) bool {
	for {
		switch y := x.(type) {
		case *ast.CallExpr:
			return true
		case *ast.SelectorExpr:
			x = y.X
		case *ast.IndexExpr:
			x = y.X
		case *ast.ParenExpr:
			x = y.X
		case *ast.StarExpr:
			x = y.X
		default:
			return false
		}
	}
}

func (g *graph) fullName(fn *types.Func) string {
	if s, ok := g.names[fn]; ok {
		return s
	}
	s := fn.FullName()
	if strings.Contains(s, "[") {
		s = stripTypeParams(s)
	}
	g.names[fn] = s
	return s
}

// display is names.Func, computed once per function and package.
func (g *graph) display(fn *types.Func) string {
	if s, ok := g.shown[fn]; ok {
		return s
	}
	s := names.Func(fn)
	g.shown[fn] = s
	return s
}

// stripTypeParams removes bracketed type parameter lists:
// "(*x.List[T]).Push" becomes "(*x.List).Push".
func stripTypeParams(s string) string {
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch {
		case r == '[':
			depth++
		case r == ']':
			depth--
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return b.String()
}
