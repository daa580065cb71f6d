package analyzer

import (
	"fmt"
	"go/ast"
	"go/types"
	"strings"
)

// escape notes that the value src is converted to type dst. When dst is
// an interface with methods and src is a value (or pointer) of a concrete
// type declared here, whoever holds the interface can call those methods:
// they become entry points, even on an unexported type.
//
//	Have: flag.Var(&level{}, "v", "")   // level.Set calls log.Fatal
//	Say:  method of level, which escapes as flag.Value at flags.go:12
func (w *walker) escape(src ast.Expr, dst types.Type) {
	g := w.g
	if g.escapes == nil || dst == nil || !types.IsInterface(dst) {
		return
	}
	if _, ok := dst.(*types.TypeParam); ok {
		return
	}
	it, ok := dst.Underlying().(*types.Interface)
	if !ok || it.NumMethods() == 0 {
		return
	}
	t := g.pass.TypesInfo.TypeOf(src)
	if t == nil {
		return
	}
	base := t
	if p, ok := t.(*types.Pointer); ok {
		base = p.Elem()
	}
	named, ok := types.Unalias(base).(*types.Named)
	if !ok || named.Obj().Pkg() != g.pass.Pkg || types.IsInterface(named) {
		return
	}
	key := escapeKey{named, t != base, dst}
	if w.escaped[key] {
		return // one lookup per type and interface
	}
	if w.escaped == nil {
		w.escaped = map[escapeKey]bool{}
	}
	w.escaped[key] = true
	var label string
	for m := range it.Methods() {
		obj, _, _ := types.LookupFieldOrMethod(t, false, m.Pkg(), m.Name())
		fn, ok := obj.(*types.Func)
		if !ok || fn.Pkg() != g.pass.Pkg {
			continue
		}
		fn = fn.Origin()
		if _, dup := g.escapes[fn]; dup {
			continue
		}
		if label == "" {
			qual := func(p *types.Package) string { return p.Name() }
			name := types.TypeString(named.Origin(), qual)
			if i := strings.IndexByte(name, '['); i >= 0 {
				name = name[:i]
			}
			label = fmt.Sprintf("method of %s, which escapes as %s at %s",
				name, types.TypeString(dst, qual), shortPos(g.pass.Fset.Position(src.Pos())))
		}
		g.escapes[fn] = label
	}
}

// escapeKey is a named type (or a pointer to it) converted to an
// interface type. Named types are canonical; an interface literal type
// may repeat under another pointer, which costs one more lookup.
type escapeKey struct {
	named *types.Named
	ptr   bool
	dst   types.Type
}

// escapeCall checks a conversion T(x) and each argument passed to a
// parameter of interface type.
func (w *walker) escapeCall(call *ast.CallExpr) {
	if w.g.escapes == nil {
		return
	}
	tv, ok := w.g.pass.TypesInfo.Types[call.Fun]
	if !ok {
		return
	}
	if tv.IsType() {
		if len(call.Args) == 1 {
			w.escape(call.Args[0], tv.Type)
		}
		return
	}
	sig, ok := tv.Type.Underlying().(*types.Signature)
	if !ok {
		return
	}
	params := sig.Params()
	for i, a := range call.Args {
		var pt types.Type
		switch {
		case sig.Variadic() && i >= params.Len()-1:
			if call.Ellipsis.IsValid() {
				continue
			}
			pt = params.At(params.Len() - 1).Type().(*types.Slice).Elem()
		case i < params.Len():
			pt = params.At(i).Type()
		default:
			continue
		}
		w.escape(a, pt)
	}
}

// escapeComposite checks the elements of a composite literal against the
// field, element and key types they are stored as.
func (w *walker) escapeComposite(lit *ast.CompositeLit) {
	if w.g.escapes == nil {
		return
	}
	t := w.g.pass.TypesInfo.TypeOf(lit)
	if t == nil {
		return
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	switch u := t.Underlying().(type) {
	case *types.Struct:
		for i, elt := range lit.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				if id, ok := kv.Key.(*ast.Ident); ok {
					if f, ok := w.g.pass.TypesInfo.Uses[id].(*types.Var); ok {
						w.escape(kv.Value, f.Type())
					}
				}
			} else if i < u.NumFields() {
				w.escape(elt, u.Field(i).Type())
			}
		}
	case *types.Slice:
		w.escapeElems(lit, nil, u.Elem())
	case *types.Array:
		w.escapeElems(lit, nil, u.Elem())
	case *types.Map:
		w.escapeElems(lit, u.Key(), u.Elem())
	}
}

func (w *walker) escapeElems(lit *ast.CompositeLit, key, elem types.Type) {
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if key != nil {
				w.escape(kv.Key, key)
			}
			elt = kv.Value
		}
		w.escape(elt, elem)
	}
}
