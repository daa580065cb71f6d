package rewrite

import (
	"go/token"
	"go/types"
	"strings"
)

// Zero spells the zero value of t, with spell writing a type's name:
//
//	*T, map, slice, chan, func, interface  nil
//	int, named int                          0
//	string, bool                            "", false
//	struct T, pkg.T, [N]T                   T{}, pkg.T{}, [N]T{}
//	type parameter T                        *new(T)
//
// ok is false when it cannot be spelled.
func Zero(t types.Type, spell func(types.Type) (string, bool)) (string, bool) {
	if _, ok := t.(*types.TypeParam); ok {
		s, ok := spell(t)
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
		s, ok := spell(t)
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

// Spell spells t for new code at pos (in scope, the innermost scope
// there) of package pkg, qualifying each other package by the name that
// name gives it. ok is false when the spelling would not compile there:
// a package that name cannot give or that pkg may not import (internal),
// an unexported name of another package, or a type of pkg that a local
// declaration shadows at pos.
func Spell(t types.Type, pkg *types.Package, scope *types.Scope, pos token.Pos, name func(*types.Package) (string, bool)) (string, bool) {
	ok := true
	qual := func(p *types.Package) string {
		if p == pkg {
			return ""
		}
		local, good := name(p)
		if !good || strings.Contains(p.Path(), "internal") && !CanImportInternal(pkg.Path(), p.Path()) {
			ok = false
		}
		return local
	}
	s := types.TypeString(t, qual)
	if !ok {
		return "", false
	}
	// Unexported names of other packages cannot be spelled.
	bad := false
	local := func(obj types.Object) {
		// A type of this package must not be shadowed at pos.
		if obj.Pkg() == pkg && obj.Parent() == pkg.Scope() {
			if scope != nil {
				if _, o := scope.LookupParent(obj.Name(), pos); o != obj {
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
			if obj := t.Obj(); obj.Pkg() != nil && obj.Pkg() != pkg && !obj.Exported() {
				bad = true
			}
			if args := t.TypeArgs(); args != nil {
				for i := range args.Len() {
					check(args.At(i))
				}
			}
		case *types.Alias:
			local(t.Obj())
			if obj := t.Obj(); obj.Pkg() != nil && obj.Pkg() != pkg && !obj.Exported() {
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
				if fld := t.Field(i); !fld.Exported() && fld.Pkg() != pkg {
					bad = true
				}
				check(t.Field(i).Type())
			}
		}
	}
	check(t)
	return s, !bad
}

// CanImportInternal reports whether from may import the internal package to.
func CanImportInternal(from, to string) bool {
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
