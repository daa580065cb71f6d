package fix

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// zeros returns the zero value of each type in results, as new code at
// pos in f would spell it, or ok=false if one of them cannot be spelled
// there.
//
//	*T, map, slice, chan, func, interface  nil
//	int, named int                          0
//	string, bool                            "", false
//	struct T, pkg.T, [N]T                   T{}, pkg.T{}, [N]T{}
//	type parameter T                        *new(T)
func (b *builder) zeros(f *ast.File, pos token.Pos, results []types.Type) ([]string, bool) {
	var out []string
	for _, t := range results {
		z, ok := b.zero(f, pos, t)
		if !ok {
			return nil, false
		}
		out = append(out, z)
	}
	return out, true
}

func (b *builder) zero(f *ast.File, pos token.Pos, t types.Type) (string, bool) {
	if _, ok := t.(*types.TypeParam); ok {
		s, ok := b.typeString(f, pos, t)
		return "*new(" + s + ")", ok
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		switch {
		case u.Info()&types.IsBoolean != 0:
			return "false", true
		case u.Info()&types.IsString != 0:
			return `""`, true
		case u.Info()&types.IsNumeric != 0:
			return "0", true
		case u.Kind() == types.UnsafePointer:
			return "nil", true
		}
		return "", false
	case *types.Pointer, *types.Map, *types.Slice, *types.Chan, *types.Signature:
		return "nil", true
	case *types.Interface:
		if !u.IsMethodSet() {
			return "", false // a constraint, not a value type
		}
		return "nil", true
	case *types.Struct, *types.Array:
		s, ok := b.typeString(f, pos, t)
		if !ok {
			return "", false
		}
		if _, named := types.Unalias(t).(*types.Named); !named && strings.HasPrefix(s, "struct") && strings.Contains(s, "\"") {
			return "", false // field tags: keep the literal simple or refuse
		}
		return s + "{}", true
	}
	return "", false
}

// typeString spells t for new code at pos in f, qualifying each package
// by the name the file imports it under (adding imports as needed).
func (b *builder) typeString(f *ast.File, pos token.Pos, t types.Type) (string, bool) {
	ok := true
	qual := func(p *types.Package) string {
		if p == b.pass.Pkg {
			return ""
		}
		name, good := b.importName(f, pos, p.Path(), p.Name())
		if !good || strings.Contains(p.Path(), "internal") && !canImportInternal(b.pass.Pkg.Path(), p.Path()) {
			ok = false
		}
		return name
	}
	s := types.TypeString(t, qual)
	if !ok {
		return "", false
	}
	// Unexported names of other packages cannot be spelled.
	bad := false
	local := func(obj types.Object) {
		// A type of this package must not be shadowed at pos.
		if obj.Pkg() == b.pass.Pkg && obj.Parent() == b.pass.Pkg.Scope() {
			if s := b.scopeAt(pos); s != nil {
				if _, o := s.LookupParent(obj.Name(), pos); o != obj {
					bad = true
				}
			}
		}
	}
	var check func(types.Type)
	check = func(t types.Type) {
		switch t := t.(type) {
		case *types.Named:
			local(t.Obj())
			if obj := t.Obj(); obj.Pkg() != nil && obj.Pkg() != b.pass.Pkg && !obj.Exported() {
				bad = true
			}
			if args := t.TypeArgs(); args != nil {
				for i := range args.Len() {
					check(args.At(i))
				}
			}
		case *types.Alias:
			local(t.Obj())
			if obj := t.Obj(); obj.Pkg() != nil && obj.Pkg() != b.pass.Pkg && !obj.Exported() {
				bad = true
			}
		case *types.Pointer:
			check(t.Elem())
		case *types.Slice:
			check(t.Elem())
		case *types.Array:
			check(t.Elem())
		case *types.Map:
			check(t.Key())
			check(t.Elem())
		case *types.Chan:
			check(t.Elem())
		case *types.Struct:
			for i := range t.NumFields() {
				if fld := t.Field(i); !fld.Exported() && fld.Pkg() != b.pass.Pkg {
					bad = true
				}
				check(t.Field(i).Type())
			}
		}
	}
	check(t)
	return s, !bad
}

// canImportInternal reports whether from may import the internal package to.
func canImportInternal(from, to string) bool {
	i := strings.LastIndex(to, "/internal")
	if i < 0 {
		return !strings.HasPrefix(to, "internal/")
	}
	// "a/internalx" is not an internal package.
	if end := i + len("/internal"); len(to) != end && to[end] != '/' {
		return true
	}
	parent := to[:i]
	return from == parent || strings.HasPrefix(from, parent+"/")
}
