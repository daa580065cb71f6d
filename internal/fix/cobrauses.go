package fix

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/types/typeutil"
)

// Which command a use of a Run-like field concerns. Turning Run into
// RunE in one command literal breaks only the code that sets or calls
// the Run of a command that literal builds. etcdctl's txn command sets
// the Run of the commands NewPutCommand, NewGetCommand and NewDelCommand
// return; the other commands of the package are not concerned:
//
//	put := NewPutCommand()
//	put.Run = func(cmd *cobra.Command, args []string) { ... }

// cobraUseConcerns reports whether the command whose field sel selects
// may be one the literal cl builds. It says no only when sel.X is a local
// variable of the function fd, each assignment of which is either another
// &cobra.Command{...} literal or a call to a function of the package,
// with no argument or receiver that may hold a command, that, with every
// function of the package it refers to, neither holds
// cl, nor refers to a package-level variable that may hold a command,
// nor calls through an interface or a func value something that returns
// one, nor asserts an interface to a command.
func (b *builder) cobraUseConcerns(sel *ast.SelectorExpr, fd *ast.FuncDecl, cl *ast.CompositeLit) bool {
	info := b.pass.TypesInfo
	id, ok := ast.Unparen(sel.X).(*ast.Ident)
	if !ok || fd == nil || fd.Body == nil {
		return true
	}
	v, ok := info.Uses[id].(*types.Var)
	if !ok || v.Pos() < fd.Body.Pos() || v.Pos() >= fd.Body.End() {
		return true // a parameter, a field or a package-level variable
	}
	sources, known := b.assignedTo(fd.Body, v)
	if !known {
		return true
	}
	var work []*types.Func
	for _, e := range sources {
		switch e := ast.Unparen(e).(type) {
		case *ast.UnaryExpr:
			lit, ok := ast.Unparen(e.X).(*ast.CompositeLit)
			if e.Op != token.AND || !ok || !isCobraCommand(info.TypeOf(lit)) {
				return true
			}
			if lit == cl {
				return true
			}
		case *ast.CallExpr:
			fn := typeutil.StaticCallee(info, e)
			if fn == nil || fn.Pkg() != b.pass.Pkg {
				return true
			}
			// identity(NewGetCommand()), holder{c: cmd}.get(): the
			// command may come in through an argument or the receiver.
			in := slices.Clone(e.Args)
			if sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr); ok && info.Selections[sel] != nil {
				in = append(in, sel.X)
			}
			for _, a := range in {
				if holdsCommand(info.TypeOf(a), map[types.Type]bool{}) {
					return true
				}
			}
			work = append(work, fn)
		default:
			return true
		}
	}
	return b.mayBuild(work, cl)
}

// assignedTo returns the expressions assigned to v in body, and false
// when v is assigned in a way that hides what (its address is taken, a
// multi-value assignment, a range).
func (b *builder) assignedTo(body *ast.BlockStmt, v *types.Var) ([]ast.Expr, bool) {
	info := b.pass.TypesInfo
	is := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && (info.Uses[id] == v || info.Defs[id] == v)
	}
	var out []ast.Expr
	known := true
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, l := range n.Lhs {
				if !is(l) {
					continue
				}
				if len(n.Lhs) != len(n.Rhs) || n.Tok != token.ASSIGN && n.Tok != token.DEFINE {
					known = false
				} else {
					out = append(out, n.Rhs[i])
				}
			}
		case *ast.ValueSpec:
			for i, name := range n.Names {
				if info.Defs[name] != v {
					continue
				}
				switch {
				case len(n.Values) == 0:
				case len(n.Values) != len(n.Names):
					known = false
				default:
					out = append(out, n.Values[i])
				}
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND && is(n.X) {
				known = false
			}
		case *ast.RangeStmt:
			if is(n.Key) || is(n.Value) {
				known = false
			}
		}
		return known
	})
	return out, known
}

// mayBuild reports whether the functions of work, or a function of the
// package they refer to, may build the command of cl.
func (b *builder) mayBuild(work []*types.Func, cl *ast.CompositeLit) bool {
	info := b.pass.TypesInfo
	decls := b.cache.index(b.pass).decls
	seen := map[*types.Func]bool{}
	for len(work) > 0 {
		fn := work[len(work)-1]
		work = work[:len(work)-1]
		if seen[fn] {
			continue
		}
		seen[fn] = true
		fd := decls[fn.Origin()]
		if fd == nil || fd.Body == nil {
			return true
		}
		if fd.Pos() <= cl.Pos() && cl.End() <= fd.End() {
			return true
		}
		hit := false
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.Ident:
				switch o := info.Uses[n].(type) {
				case *types.Var:
					if o.Parent() == b.pass.Pkg.Scope() && holdsCommand(o.Type(), map[types.Type]bool{}) {
						hit = true // a command kept in a package variable
					}
				case *types.Func:
					// An interface's method has no body: its calls are
					// the dynamic calls below.
					if recv := o.Signature().Recv(); o.Pkg() == b.pass.Pkg && (recv == nil || !types.IsInterface(recv.Type())) {
						work = append(work, o.Origin())
					}
				}
			case *ast.CallExpr:
				if typeutil.StaticCallee(info, n) == nil && !isConversion(info, n) && holdsCommand(info.TypeOf(n), map[types.Type]bool{}) {
					hit = true
				}
			case *ast.TypeAssertExpr:
				if holdsCommand(info.TypeOf(n), map[types.Type]bool{}) {
					hit = true // a command out of an interface
				}
			}
			return !hit
		})
		if hit {
			return true
		}
	}
	return false
}

func isConversion(info *types.Info, call *ast.CallExpr) bool {
	tv, ok := info.Types[call.Fun]
	return ok && tv.IsType()
}

// holdsCommand reports whether a value of type t may hold a
// cobra.Command: t is one, or points to, contains or returns one. An
// interface is not taken to hold one: getting the command out takes a
// type assertion, which mayBuild looks for.
func holdsCommand(t types.Type, seen map[types.Type]bool) bool {
	if t == nil || seen[t] {
		return false
	}
	seen[t] = true
	if isCobraCommand(t) {
		return true
	}
	switch t := types.Unalias(t).(type) {
	case *types.Named:
		return holdsCommand(t.Underlying(), seen)
	case *types.Pointer:
		return holdsCommand(t.Elem(), seen)
	case *types.Slice:
		return holdsCommand(t.Elem(), seen)
	case *types.Array:
		return holdsCommand(t.Elem(), seen)
	case *types.Map:
		return holdsCommand(t.Key(), seen) || holdsCommand(t.Elem(), seen)
	case *types.Chan:
		return holdsCommand(t.Elem(), seen)
	case *types.Struct:
		for f := range t.Fields() {
			if holdsCommand(f.Type(), seen) {
				return true
			}
		}
	case *types.Tuple:
		for v := range t.Variables() {
			if holdsCommand(v.Type(), seen) {
				return true
			}
		}
	case *types.Signature:
		return holdsCommand(t.Results(), seen)
	}
	return false
}
