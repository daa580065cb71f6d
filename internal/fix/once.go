package fix

import (
	"go/ast"
	"go/token"
	"go/types"
)

// onceErr declares the error that a sync.Once's function sets, next to
// the Once, so that it outlives the call: every later call of the
// function around Do returns the error of the first, as a second Do does
// not run the literal again. It returns the error as the literal and the
// code after Do spell it.
//
//	Have: var once sync.Once              Want: var once sync.Once
//	                                            var onceErr error
//	Have: type T struct { once sync.Once } Want: type T struct { once sync.Once; onceErr error }
//	      t.once.Do(...)                         t.once.Do(...); t.onceErr ...
func (b *builder) onceErr(c, outer *stmtCtx, call *ast.CallExpr) (string, string) {
	const where = "keep the error of the once's function in a variable next to the sync.Once and return it after Do"
	info := b.pass.TypesInfo
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return "", where
	}
	var obj *types.Var
	var prefix string // "t." for a field t.once
	switch x := ast.Unparen(sel.X).(type) {
	case *ast.Ident:
		obj, _ = info.Uses[x].(*types.Var)
		if obj == nil || obj.Parent() != b.pass.Pkg.Scope() {
			return "", where + " (the sync.Once is not a package-level variable or a struct field)"
		}
	case *ast.SelectorExpr:
		s := info.Selections[x]
		if s == nil || s.Kind() != types.FieldVal || !plainPath(x.X) {
			return "", where
		}
		obj, _ = s.Obj().(*types.Var)
		prefix = b.text(x.X) + "."
		if prefix == "." {
			return "", where
		}
		if root := rootIdent(x.X); root == nil || declares(b.pass.TypesInfo, c.fn.lit, root.Name) {
			// Have: s.once.Do(func() { s := ...; klog.Fatal(s) }):
			// s.onceErr in the literal would name the inner s.
			return "", where + " (the literal declares its own " + b.text(x.X) + ")"
		}
	default:
		return "", where
	}
	if obj == nil || !isSyncOnce(obj.Type()) || obj.Pkg() != b.pass.Pkg {
		return "", where + " (the sync.Once is not a value of this package)"
	}
	if obj.IsField() && obj.Exported() {
		// Other packages may write the struct as an unkeyed literal.
		return "", where + " (" + obj.Name() + " is an exported field)"
	}
	// Another Do on the same Once would see it done and go on as if the
	// failed function had succeeded.
	uses := 0
	for _, o := range info.Uses {
		if o == obj {
			uses++
		}
	}
	if uses != 1 {
		return "", where + " (" + obj.Name() + " is used elsewhere too)"
	}
	base := obj.Name() + "Err"
	if obj.IsField() {
		return b.onceField(c, outer, obj, prefix, base, where)
	}
	name := base
	for i := 1; b.pkgNameTaken(c, outer, name); i++ {
		if i > 9 {
			return "", where
		}
		name = base + string(rune('0'+i))
	}
	b.declare(b.pass.Pkg.Scope(), name)
	gd, spec := b.varDecl(obj)
	if gd == nil {
		return "", where + " (the declaration of " + obj.Name() + " is not in this build)"
	}
	end := gd.End()
	if spec.Comment != nil && spec.Comment.End() > end {
		end = spec.Comment.End()
	}
	b.insert(end, "\n"+b.indent(gd.Pos())+"var "+name+" error")
	return name, ""
}

// pkgNameTaken reports whether a package-level name would clash with a
// declaration of the package or be shadowed where the fix uses it.
func (b *builder) pkgNameTaken(c, outer *stmtCtx, name string) bool {
	if b.pass.Pkg.Scope().Lookup(name) != nil || b.declared[b.pass.Pkg.Scope()][name] {
		return true
	}
	for _, at := range []*stmtCtx{c, outer} {
		if s := at.scope(b.pass.TypesInfo); s == nil {
			return true
		} else if _, obj := s.LookupParent(name, at.stmt.Pos()); obj != nil {
			return true
		}
	}
	// The package's tests and the files of other builds may declare it.
	ch := &chain{b: b, idx: b.cache.index(b.pass)}
	if ch.testsUse(name) || ch.excludedUse(name) != "" {
		return true
	}
	return mentions(c.fn.lit, name)
}

// onceField adds an error field after the sync.Once field obj of a
// struct of the package.
func (b *builder) onceField(c, outer *stmtCtx, obj *types.Var, prefix, base, where string) (string, string) {
	field := b.fieldDecl(obj)
	if field == nil {
		return "", where + " (the struct that holds " + obj.Name() + " is not in this build)"
	}
	st := b.structOf(obj)
	name := base
	for i := 1; st == nil || fieldTaken(st, name) || b.declared[nil][prefix+name]; i++ {
		if i > 9 || st == nil {
			return "", where
		}
		name = base + string(rune('0'+i))
	}
	b.declare(nil, prefix+name)
	end := field.End()
	if field.Comment != nil {
		end = field.Comment.End()
	}
	b.insert(end, "\n"+b.indent(field.Pos())+name+" error")
	return prefix + name, ""
}

// plainPath reports whether e is an identifier or a chain of field
// selections from one: evaluating it again has no effect.
func plainPath(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return true
	case *ast.SelectorExpr:
		return plainPath(e.X)
	case *ast.StarExpr:
		return plainPath(e.X)
	}
	return false
}

func isSyncOnce(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "sync" && n.Obj().Name() == "Once"
}

// varDecl finds the declaration of the package-level variable v.
func (b *builder) varDecl(v *types.Var) (*ast.GenDecl, *ast.ValueSpec) {
	for _, f := range b.pass.Files {
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.VAR {
				continue
			}
			for _, sp := range gd.Specs {
				vs := sp.(*ast.ValueSpec)
				for _, n := range vs.Names {
					if n.Pos() == v.Pos() {
						return gd, vs
					}
				}
			}
		}
	}
	return nil, nil
}

// fieldDecl finds the declaration of the struct field v in the package's
// files.
func (b *builder) fieldDecl(v *types.Var) *ast.Field {
	var found *ast.Field
	for _, f := range b.pass.Files {
		if f.Pos() > v.Pos() || v.Pos() > f.End() {
			continue
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if fl, ok := n.(*ast.Field); ok {
				for _, id := range fl.Names {
					if id.Pos() == v.Pos() {
						found = fl
					}
				}
			}
			return found == nil
		})
	}
	return found
}

// structOf returns the struct type that declares the field v.
func (b *builder) structOf(v *types.Var) *types.Struct {
	for _, tv := range b.pass.TypesInfo.Types {
		st, ok := tv.Type.(*types.Struct)
		if !ok {
			continue
		}
		for i := range st.NumFields() {
			if st.Field(i) == v {
				return st
			}
		}
	}
	for _, obj := range b.pass.TypesInfo.Defs {
		tn, ok := obj.(*types.TypeName)
		if !ok {
			continue
		}
		if st, ok := tn.Type().Underlying().(*types.Struct); ok {
			for i := range st.NumFields() {
				if st.Field(i) == v {
					return st
				}
			}
		}
	}
	return nil
}

// fieldTaken reports whether st has a field named name; a method of that
// name would clash too, but a struct with a sync.Once field rarely has
// one, and the fix's type check catches it.
func fieldTaken(st *types.Struct, name string) bool {
	for i := range st.NumFields() {
		if st.Field(i).Name() == name {
			return true
		}
	}
	return false
}

// rootIdent returns the identifier a plainPath starts from.
func rootIdent(e ast.Expr) *ast.Ident {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return e
	case *ast.SelectorExpr:
		return rootIdent(e.X)
	case *ast.StarExpr:
		return rootIdent(e.X)
	}
	return nil
}

// declares reports whether n declares something named name.
func declares(info *types.Info, n ast.Node, name string) bool {
	found := false
	ast.Inspect(n, func(m ast.Node) bool {
		if id, ok := m.(*ast.Ident); ok && id.Name == name && info.Defs[id] != nil {
			found = true
		}
		return !found
	})
	return found
}
