package analyzer

import (
	"go/ast"
	"go/types"
)

// markEntries sets node.entry, the reason a node is an entry point ("init
// path"): where a long-running program enters the library.
func (g *graph) markEntries() {
	lifecycle := g.lifecycleMethods()
	var promoted map[*types.Func]string
	if g.set.defaults {
		promoted = g.promotedMethods()
	}
	for _, n := range g.nodes {
		if n.lit != nil {
			continue // a callback: reached only through the function storing it
		}
		if n.fn == nil {
			if g.set.defaults {
				n.entry = "package variable initialiser"
			}
			continue
		}
		recv := recvName(n.decl)
		switch {
		case g.set.defaults && n.decl.Recv == nil && n.decl.Name.Name == "init":
			n.entry = "init function"
		case g.set.defaults && recv == "" && n.fn.Exported():
			n.entry = "exported function"
		case g.set.defaults && recv != "" && n.fn.Exported() && g.exportedRecv(n.fn):
			n.entry = "exported method"
		case promoted[n.fn] != "":
			n.entry = "exported method promoted to " + promoted[n.fn]
		case lifecycle[n.fn] != "":
			n.entry = lifecycle[n.fn]
		case g.set.defaults && g.escapes[n.fn] != "":
			n.entry = g.escapes[n.fn]
		default:
			for _, p := range g.set.entries {
				if p.match(recv, n.fn.Name()) {
					n.entry = "matches entry pattern " + p.String()
					break
				}
			}
		}
	}
}

// exportedRecv reports whether the receiver type of method fn is exported
// API: the type is exported, or an exported alias names it
// (type Server = server).
func (g *graph) exportedRecv(fn *types.Func) bool {
	t := fn.Signature().Recv().Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	named, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return false
	}
	obj := named.Origin().Obj()
	if obj.Exported() {
		return true
	}
	if g.aliases == nil {
		g.aliases = map[*types.TypeName]bool{}
		scope := g.pass.Pkg.Scope()
		for _, name := range scope.Names() {
			tn, ok := scope.Lookup(name).(*types.TypeName)
			if !ok || !tn.IsAlias() || !tn.Exported() {
				continue
			}
			if n, ok := types.Unalias(tn.Type()).(*types.Named); ok {
				g.aliases[n.Origin().Obj()] = true
			}
		}
	}
	return g.aliases[obj]
}

// recvName returns the base type name of a method's receiver, "" for a
// function.
func recvName(decl *ast.FuncDecl) string {
	if decl.Recv == nil || len(decl.Recv.List) == 0 {
		return ""
	}
	t := decl.Recv.List[0].Type
	for {
		switch x := t.(type) {
		case *ast.StarExpr:
			t = x.X
		case *ast.ParenExpr:
			t = x.X
		case *ast.IndexExpr:
			t = x.X
		case *ast.IndexListExpr:
			t = x.X
		case *ast.Ident:
			return x.Name
		default:
			return ""
		}
	}
}

// promotedMethods maps the exported methods of this package's unexported
// types that embedding promotes into an exported type's method set to that
// type's name: T{inner}.Stop() is public API although inner is not.
func (g *graph) promotedMethods() map[*types.Func]string {
	var res map[*types.Func]string
	scope := g.pass.Pkg.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || !tn.Exported() || tn.IsAlias() {
			continue
		}
		st, ok := tn.Type().Underlying().(*types.Struct)
		if !ok || !hasEmbedded(st) {
			continue
		}
		mset := types.NewMethodSet(types.NewPointer(tn.Type()))
		for sel := range mset.Methods() {
			fn, ok := sel.Obj().(*types.Func)
			if !ok || len(sel.Index()) < 2 || !fn.Exported() || fn.Pkg() != g.pass.Pkg {
				continue
			}
			fn = fn.Origin()
			if res == nil {
				res = map[*types.Func]string{}
			}
			if _, dup := res[fn]; !dup {
				res[fn] = g.pass.Pkg.Name() + "." + tn.Name()
			}
		}
	}
	return res
}

func hasEmbedded(st *types.Struct) bool {
	for f := range st.Fields() {
		if f.Embedded() {
			return true
		}
	}
	return false
}

// lifecycleMethods maps every method of every package type that implements
// a configured lifecycle interface (as T or *T), promoted ones included, to
// its kind of entry. The framework calls these methods, exported or not.
func (g *graph) lifecycleMethods() map[*types.Func]string {
	if !g.hasMethods() {
		return nil // nothing can implement an interface on purpose
	}
	ifaces := g.lifecycleInterfaces()
	if len(ifaces) == 0 {
		return nil
	}
	res := map[*types.Func]string{}
	scope := g.pass.Pkg.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() {
			continue
		}
		named, ok := tn.Type().(*types.Named)
		if !ok || named.TypeParams().Len() > 0 || types.IsInterface(named) {
			continue
		}
		if st, ok := named.Underlying().(*types.Struct); named.NumMethods() == 0 && (!ok || !hasEmbedded(st)) {
			continue
		}
		for _, li := range ifaces {
			ptr := types.NewPointer(named)
			if !li.implementedBy(named) && !li.implementedBy(ptr) {
				continue
			}
			// Declared and promoted methods, from embedded types of this
			// package at any depth, generic ones included.
			for sel := range types.NewMethodSet(ptr).Methods() {
				m, ok := sel.Obj().(*types.Func)
				if !ok || m.Pkg() != g.pass.Pkg {
					continue
				}
				m = m.Origin()
				if _, dup := res[m]; dup {
					continue
				}
				res[m] = "method of a " + li.name + " implementer"
				if len(sel.Index()) > 1 {
					res[m] += ", promoted as (*" + g.pass.Pkg.Name() + "." + tn.Name() + ")." + m.Name()
				}
			}
			break
		}
	}
	return res
}

// hasMethods reports whether the package declares a method.
func (g *graph) hasMethods() bool {
	for _, n := range g.nodes {
		if n.decl != nil && n.decl.Recv != nil {
			return true
		}
	}
	return false
}

func (p entryPattern) String() string {
	if p.method {
		return "(" + p.recv + ")." + p.name
	}
	return p.name
}
