// Package names renders functions the way noexit's messages name them:
// qualified by package name, not path, to keep lines short, and without
// type parameters: "pkg.F", "(*pkg.T).M", "(*pkg.List).Push".
package names

import (
	"go/types"
	"strings"
)

// Func returns the display name of fn.
func Func(fn *types.Func) string {
	if recv := fn.Signature().Recv(); recv != nil {
		t := recv.Type()
		ptr := ""
		if p, ok := t.(*types.Pointer); ok {
			ptr, t = "*", p.Elem()
		}
		name := types.TypeString(t, func(p *types.Package) string { return p.Name() })
		if i := strings.IndexByte(name, '['); i >= 0 {
			name = name[:i] // (*pkg.List[T]).M -> (*pkg.List).M
		}
		return "(" + ptr + name + ")." + fn.Name()
	}
	if fn.Pkg() == nil {
		return fn.Name()
	}
	return fn.Pkg().Name() + "." + fn.Name()
}
