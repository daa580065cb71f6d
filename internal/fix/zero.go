package fix

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/noexit-lint/noexit/internal/rewrite"
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
	return rewrite.Zero(t, func(t types.Type) (string, bool) { return b.typeString(f, pos, t) })
}

// typeString spells t for new code at pos in f, qualifying each package
// by the name the file imports it under (adding imports as needed).
func (b *builder) typeString(f *ast.File, pos token.Pos, t types.Type) (string, bool) {
	return rewrite.Spell(t, b.pass.Pkg, b.scopeAt(pos), pos, func(p *types.Package) (string, bool) {
		return b.importName(f, pos, p.Path(), p.Name())
	})
}
