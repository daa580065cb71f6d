package analyzer

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/noexit-lint/noexit/internal/fix"
	"github.com/noexit-lint/noexit/internal/names"
	"github.com/noexit-lint/noexit/internal/rewrite"
)

// A node is a function declaration of the package, a package-level
// variable initialiser, or a stored function literal (a callback). A
// literal that its enclosing function runs (calls, defers, starts with go,
// passes to a parameter the callee invokes) belongs to that function's
// node; one that is only stored gets a node of its own, reached through a
// stored edge.
type node struct {
	index   int
	fn      *types.Func // nil for a variable initialiser
	name    string      // display name: "pkg.F", "(*pkg.T).M", "var pkg.x"
	pos     token.Pos   // name of the declaration
	file    *ast.File
	decl    *ast.FuncDecl  // nil for a variable initialiser or a literal
	spec    *ast.ValueSpec // the variable initialiser
	lit     *ast.FuncLit   // a stored function literal
	allowed bool           // //noexit:allow on the declaration
	// generated: declared in a generated file; an entry and a node like
	// any other, but its own exits are neither reported nor propagated.
	generated bool
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
	// stored: the stored edge by which a reached node handed this
	// callback out; set on the callback where its search starts.
	stored *edge

	// walk results, resolved by resolveEdges
	psites []paramSite
	lits   int // literals numbered so far, for their display names

	frame *frame // the declaration's body, if it has defers (defer-skip)
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
	// stored: the function is handed out, not run here (a callback); the
	// edge does not make its node may-exit.
	stored bool

	// walk results, resolved by resolveEdges
	lit  *litInfo // innermost enclosing function literal, nil if none
	cond cond     // when a referenced function value is run here
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
	unit    *rewrite.Unit // the package as the fixer sees it
	pending []finding     // reported by flush
	// facts of other packages' functions, nil where there is none
	foreign map[*types.Func]*mayExit
	module  string // moduleOf(pass)
	// invoked parameters (bit i: parameter i) of this package's functions,
	// and of other packages' functions (facts and the catalogue)
	invokes    map[*types.Func]uint64
	foreignInv map[*types.Func]uint64
	// the same for the parameters run before returning, not in a goroutine
	syncInv, foreignSyn map[*types.Func]uint64
	// local variables that the package calls: v() or range v
	calledVars map[*types.Var]bool
	// methods whose receiver's values escape as an interface
	escapes map[*types.Func]string
	w       *walker
	// configured lifecycle interfaces the package's imports describe
	lifecycle map[string]ifaceDesc
	aliases   map[*types.TypeName]bool // named types with an exported alias
	// defer-skip: the function bodies with defers, nil when the check is
	// off; the main -> run fix once computed
	frames    []*frame
	mainRun   *mainRunFix
	deferSkip bool
	skips     map[*ast.DeferStmt]skip // what skipping each defer costs, by skipOf
}

func newGraph(pass *analysis.Pass, set *settings) *graph {
	g := &graph{
		pass:    pass,
		set:     set,
		byFunc:  map[*types.Func]*node{},
		dirs:    map[*ast.File]*directives{},
		names:   map[*types.Func]string{},
		shown:   map[*types.Func]string{},
		fixes:   batchCache(set),
		unit:    rewrite.FromPass(pass),
		foreign: map[*types.Func]*mayExit{},
		module:  moduleOf(pass),

		invokes:    map[*types.Func]uint64{},
		foreignInv: map[*types.Func]uint64{},
		calledVars: map[*types.Var]bool{},
		deferSkip:  set.categories[catDeferSkip],
		syncInv:    map[*types.Func]uint64{},
		foreignSyn: map[*types.Func]uint64{},
	}
	g.fixes.Invoked = g.runsBefore
	return g
}

// addNodes creates a node for every function declaration and package-level
// variable initialiser in files (test files excluded); gen marks the
// generated ones.
func (g *graph) addNodes(files []*ast.File, gen map[*ast.File]bool) {
	pkgName := g.pass.Pkg.Name()
	for _, f := range files {
		d := g.dirs[f]
		first := len(g.nodes)
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
		if gen[f] {
			for _, n := range g.nodes[first:] {
				n.generated = true
			}
		}
	}
}

// batchCache returns a fix cache whose fixes report checks all at once.
func batchCache(set *settings) *fix.Cache {
	c := fix.NewCache()
	c.Batch = true
	c.SingleFile = set.singleFileFixes
	c.FailHandler = set.failHandler
	return c
}

func (g *graph) add(n *node) *node {
	n.index = len(g.nodes)
	g.nodes = append(g.nodes, n)
	return n
}

// addEdges walks every node's body (or initialiser) and records the
// functions it calls or references, then decides which literals and
// function values are run and which are stored (resolveEdges).
func (g *graph) addEdges() {
	if g.hasMethods() {
		g.escapes = map[*types.Func]string{} // see escape
	}
	for _, n := range g.nodes {
		switch {
		case n.terminates:
		case n.decl != nil && n.decl.Body != nil:
			g.walk(n, n.decl.Body)
		case n.spec != nil:
			g.walk(n, n.spec)
		}
	}
	g.inferInvokes()
	g.inferSync()
	g.resolveEdges()
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

// ref records a use of fn (spanning expr) if it is a terminator, a
// function of this package, or another package's function that may exit.
// Every function the package mentions passes here: classify first,
// allocate only for the few that matter.
func (g *graph) ref(w *walker, fn *types.Func, expr ast.Expr, call *ast.CallExpr) {
	n := w.n
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
		e.cond = cond{kind: condRun}
	} else {
		e.cond = w.valueCond(expr)
	}
	e.lit = w.lit
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
