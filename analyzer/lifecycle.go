package analyzer

import (
	"fmt"
	"go/ast"
	"go/types"
	"maps"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// lifecycleSeen is a package fact: the configured lifecycle interfaces
// that the package or its dependencies can see, described by method names
// and signatures. Under go vet a package knows its dependencies from
// export data, which names a package it reaches only indirectly (through
// an API that takes any) nowhere; the fact carries the interface along
// each import edge, so that every front door finds the same implementers.
type lifecycleSeen struct {
	Ifaces []ifaceDesc
}

func (*lifecycleSeen) AFact() {}

func (f *lifecycleSeen) String() string {
	var names []string
	for _, d := range f.Ifaces {
		names = append(names, d.Path+"."+d.Name)
	}
	return "lifecycle(" + strings.Join(names, ", ") + ")"
}

// ifaceDesc describes an interface by its methods' names and signatures,
// types qualified by package path.
type ifaceDesc struct {
	Path, Pkg, Name string // import path, package name, type name
	Methods         []methodDesc
	Err             string // why the interface cannot be used, if it cannot
}

type methodDesc struct {
	Name, Sig string
}

// seeLifecycle describes the configured lifecycle interfaces that pass's
// package declares, imports directly, or learns of from its direct
// imports' facts, exports them as the package's fact and returns them by
// "path.Name".
func seeLifecycle(pass *analysis.Pass, set *settings) map[string]ifaceDesc {
	seen := map[string]ifaceDesc{}
	for _, imp := range pass.Pkg.Imports() {
		var f lifecycleSeen
		if pass.ImportPackageFact(imp, &f) {
			for _, d := range f.Ifaces {
				seen[d.Path+"."+d.Name] = d
			}
		}
	}
	for _, q := range set.lifecycle {
		p := pass.Pkg
		if p.Path() != q.pkg {
			if p = directImport(p, q.pkg); p == nil {
				continue
			}
		}
		seen[q.pkg+"."+q.name] = describe(p, q.name)
	}
	if len(seen) > 0 {
		f := &lifecycleSeen{}
		for _, k := range slices.Sorted(maps.Keys(seen)) {
			f.Ifaces = append(f.Ifaces, seen[k])
		}
		pass.ExportPackageFact(f)
	}
	return seen
}

func directImport(p *types.Package, path string) *types.Package {
	for _, imp := range p.Imports() {
		if imp.Path() == path {
			return imp
		}
	}
	return nil
}

// describe describes interface name of p, or says why it cannot.
func describe(p *types.Package, name string) ifaceDesc {
	d := ifaceDesc{Path: p.Path(), Pkg: p.Name(), Name: name}
	tn, ok := p.Scope().Lookup(name).(*types.TypeName)
	if !ok {
		d.Err = "no type " + name + " in " + p.Path()
		return d
	}
	it, ok := tn.Type().Underlying().(*types.Interface)
	named, _ := types.Unalias(tn.Type()).(*types.Named)
	switch {
	case !ok:
		d.Err = p.Path() + "." + name + " is not an interface"
	case named != nil && named.TypeParams().Len() > 0:
		d.Err = p.Path() + "." + name + " is generic"
	default:
		for m := range it.Methods() {
			d.Methods = append(d.Methods, methodDesc{m.Name(), sigString(m.Signature())})
		}
	}
	return d
}

// sigString renders a signature without names or receiver, types
// qualified by package path: "(int, ...string) (bool, error)".
func sigString(sig *types.Signature) string {
	q := func(p *types.Package) string { return p.Path() }
	var b strings.Builder
	tuple := func(t *types.Tuple, variadic bool) {
		b.WriteByte('(')
		for i := range t.Len() {
			if i > 0 {
				b.WriteString(", ")
			}
			typ := t.At(i).Type()
			if variadic && i == t.Len()-1 {
				b.WriteString("...")
				typ = typ.(*types.Slice).Elem()
			}
			b.WriteString(types.TypeString(typ, q))
		}
		b.WriteByte(')')
	}
	tuple(sig.Params(), sig.Variadic())
	b.WriteByte(' ')
	tuple(sig.Results(), false)
	return b.String()
}

// implementsDesc reports whether t has every method of d, with the same
// signature. Another package's unexported method cannot be implemented.
func implementsDesc(t types.Type, d ifaceDesc) bool {
	for _, m := range d.Methods {
		if !ast.IsExported(m.Name) {
			return false
		}
		obj, _, _ := types.LookupFieldOrMethod(t, false, nil, m.Name)
		fn, ok := obj.(*types.Func)
		if !ok || sigString(fn.Signature()) != m.Sig {
			return false
		}
	}
	return true
}

// lifecycleIface is a configured lifecycle interface as the package sees
// it: its type, where the package's imports show it, else its description.
type lifecycleIface struct {
	name  string // "core.Module"
	iface *types.Interface
	desc  ifaceDesc
}

func (li lifecycleIface) implementedBy(t types.Type) bool {
	if li.iface != nil {
		return types.Implements(t, li.iface)
	}
	return implementsDesc(t, li.desc)
}

// lifecycleInterfaces resolves the configured interfaces among the
// package's transitive imports, then among the descriptions its imports
// pass on; one the package cannot see cannot be implemented on purpose and
// is skipped. One that is seen but cannot be used is reported.
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
		if p := found[q.pkg]; p != nil {
			if tn, ok := p.Scope().Lookup(q.name).(*types.TypeName); ok {
				if it, ok := tn.Type().Underlying().(*types.Interface); ok {
					res = append(res, lifecycleIface{name: p.Name() + "." + q.name, iface: it})
					continue
				}
			}
		}
		d, ok := g.lifecycle[q.pkg+"."+q.name]
		switch {
		case !ok:
		case d.Err != "":
			g.pass.Report(analysis.Diagnostic{
				Pos:     g.pass.Files[0].Package,
				Message: fmt.Sprintf("lifecycle interface %s.%s cannot be resolved: %s; its implementers here are not entry points", q.pkg, q.name, d.Err),
			})
		default:
			res = append(res, lifecycleIface{name: d.Pkg + "." + d.Name, desc: d})
		}
	}
	return res
}
