package rewrite

import (
	"go/ast"
	"go/token"
	"go/types"
	"path"
	"strconv"
	"strings"
)

// PkgNameOf returns the package name that an import spec declares: the
// explicit name's definition or the implicit one.
func PkgNameOf(info *types.Info, spec *ast.ImportSpec) *types.PkgName {
	var obj types.Object
	if spec.Name != nil {
		obj = info.Defs[spec.Name]
	} else {
		obj = info.Implicits[spec]
	}
	pn, _ := obj.(*types.PkgName)
	return pn
}

// ImportedAs returns the name under which f imports the package path
// ("" for a dot import). ok is false if f does not import it, or only
// for its side effects.
func ImportedAs(info *types.Info, f *ast.File, pkgPath string) (name string, ok bool) {
	for _, spec := range f.Imports {
		if p, err := strconv.Unquote(spec.Path.Value); err != nil || p != pkgPath {
			continue
		}
		local := DefaultName(pkgPath)
		if pn := PkgNameOf(info, spec); pn != nil {
			local = pn.Name()
		} else if spec.Name != nil {
			local = spec.Name.Name
		}
		switch local {
		case "_":
			continue
		case ".":
			return "", true
		}
		return local, true
	}
	return "", false
}

// DefaultName is a package's name as its import path suggests:
// "k8s.io/klog/v2" is klog.
func DefaultName(pkgPath string) string {
	base := path.Base(pkgPath)
	if strings.HasPrefix(base, "v") && len(base) > 1 && strings.Trim(base[1:], "0123456789") == "" {
		base = path.Base(path.Dir(pkgPath))
	}
	return base
}

// ImportInsertion returns where to insert, and what, so that f imports
// paths too: right after the parenthesis of its first parenthesised
// import declaration, else as a new declaration before its first one,
// else after the package clause.
//
//	import (            import (
//		"os"       →        "fmt"
//	)                       "os"
//	                    )
func ImportInsertion(f *ast.File, paths []string) (token.Pos, string) {
	if len(paths) == 0 {
		return token.NoPos, ""
	}
	var quoted []string
	for _, p := range paths {
		quoted = append(quoted, strconv.Quote(p))
	}
	var first *ast.GenDecl
	for _, d := range f.Decls {
		if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.IMPORT {
			if first == nil {
				first = g
			}
			if g.Lparen.IsValid() {
				return g.Lparen + 1, "\n\t" + strings.Join(quoted, "\n\t")
			}
		}
	}
	if first != nil {
		return first.Pos(), "import " + strings.Join(quoted, "\nimport ") + "\n"
	}
	text := "\n\nimport " + quoted[0]
	if len(quoted) > 1 {
		text = "\n\nimport (\n\t" + strings.Join(quoted, "\n\t") + "\n)"
	}
	return f.Name.End(), text
}
