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
		case g.set.defaults && recv != "" && n.fn.Exported() && ast.IsExported(recv):
			n.entry = "exported method"
		case promoted[n.fn] != "":
			n.entry = "exported method promoted to " + promoted[n.fn]
		case lifecycle[n.fn] != "":
			n.entry = "method of a " + lifecycle[n.fn] + " implementer"
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
// a configured lifecycle interface (as T or *T) to the interface's short
// name. The framework calls these methods, exported or not.
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
		if !ok || named.NumMethods() == 0 || named.TypeParams().Len() > 0 || types.IsInterface(named) {
			continue
		}
		for _, li := range ifaces {
			if types.Implements(named, li.iface) || types.Implements(types.NewPointer(named), li.iface) {
				for m := range named.Methods() {
					res[m] = li.name
				}
				break
			}
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

type lifecycleIface struct {
	name  string // "core.Module"
	iface *types.Interface
}

// lifecycleInterfaces resolves the configured interfaces among the
// package's transitive imports; one the package cannot see cannot be
// implemented on purpose and is skipped.
func (g *graph) lifecycleInterfaces() []lifecycleIface {
	want := map[string]bool{}
	for _, q := range g.set.lifecycle {
		want[q.pkg] = true
	}
	found := map[string]*types.Package{}
	seen := map[*types.Package]bool{}
	var visit func(p *types.Package)
	visit = func(p *types.Package) {
		if seen[p] || len(found) == len(want) {
			return
		}
		seen[p] = true
		if want[p.Path()] {
			found[p.Path()] = p
		}
		for _, imp := range p.Imports() {
			visit(imp)
		}
	}
	visit(g.pass.Pkg)
	var res []lifecycleIface
	for _, q := range g.set.lifecycle {
		p := found[q.pkg]
		if p == nil {
			continue
		}
		tn, ok := p.Scope().Lookup(q.name).(*types.TypeName)
		if !ok {
			continue
		}
		if it, ok := tn.Type().Underlying().(*types.Interface); ok {
			res = append(res, lifecycleIface{p.Name() + "." + q.name, it})
		}
	}
	return res
}

func (p entryPattern) String() string {
	if p.method {
		return "(" + p.recv + ")." + p.name
	}
	return p.name
}
