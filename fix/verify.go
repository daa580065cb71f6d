package fix

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"sort"

	"golang.org/x/tools/go/analysis"
)

// typeChecks reports whether the package, with edits applied, still
// type-checks. Imports resolve to the packages the pass already knows;
// fmt and errors, which a fix may add, to small stand-ins with just the
// functions fixes call. If the package does not type-check this way even
// without the edits (cgo, say), the check is inconclusive and passes.
func (b *builder) typeChecks(edits []analysis.TextEdit) bool {
	byFile := map[*token.File][]analysis.TextEdit{}
	for _, e := range edits {
		tf := b.pass.Fset.File(e.Pos)
		if tf == nil || b.pass.Fset.File(e.End) != tf {
			return false
		}
		byFile[tf] = append(byFile[tf], e)
	}
	if b.check(byFile) {
		return true
	}
	return !b.check(nil)
}

// check type-checks the pass's files with edits applied.
func (b *builder) check(byFile map[*token.File][]analysis.TextEdit) bool {
	fset := token.NewFileSet()
	var files []*ast.File
	for _, f := range b.pass.Files {
		tf := b.pass.Fset.File(f.Pos())
		src := b.file(f.Pos())
		if src == nil {
			return false
		}
		if edits := byFile[tf]; edits != nil {
			src = apply(tf, src, edits)
			if src == nil {
				return false
			}
		}
		nf, err := parser.ParseFile(fset, tf.Name(), src, parser.SkipObjectResolution)
		if err != nil {
			return false
		}
		files = append(files, nf)
	}
	conf := types.Config{
		Importer:  importer{b.pass.Pkg},
		GoVersion: b.pass.Pkg.GoVersion(),
		Sizes:     b.pass.TypesSizes,
		Error:     func(error) {}, // collect all, fail on any
	}
	_, err := conf.Check(b.pass.Pkg.Path(), fset, files, nil)
	return err == nil
}

// apply returns src with the edits (of one file, non-overlapping) applied.
func apply(tf *token.File, src []byte, edits []analysis.TextEdit) []byte {
	sorted := append([]analysis.TextEdit(nil), edits...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Pos < sorted[j].Pos })
	var out []byte
	last := 0
	for _, e := range sorted {
		start, end := tf.Offset(e.Pos), tf.Offset(e.End)
		if start < last || end < start || end > len(src) {
			return nil
		}
		out = append(out, src[last:start]...)
		out = append(out, e.NewText...)
		last = end
	}
	return append(out, src[last:]...)
}

// importer finds packages among those the checked package imports,
// directly or not, and stands in for fmt and errors.
type importer struct{ pkg *types.Package }

func (im importer) Import(path string) (*types.Package, error) {
	seen := map[*types.Package]bool{}
	var find func(p *types.Package) *types.Package
	find = func(p *types.Package) *types.Package {
		for _, q := range p.Imports() {
			if q.Path() == path {
				return q
			}
			if !seen[q] {
				seen[q] = true
				if r := find(q); r != nil {
					return r
				}
			}
		}
		return nil
	}
	if p := find(im.pkg); p != nil {
		return p, nil
	}
	switch path {
	case "fmt", "errors":
		return standIn(path), nil
	}
	return nil, &importError{path}
}

type importError struct{ path string }

func (e *importError) Error() string { return "fix: cannot import " + e.path }

// standIn returns a package with the functions of fmt or errors that fixes
// call, for packages that did not import them before.
func standIn(path string) *types.Package {
	p := types.NewPackage(path, path)
	str := types.Typ[types.String]
	anys := types.NewSlice(types.Universe.Lookup("any").Type())
	fn := func(name string, variadic bool, res types.Type, params ...types.Type) {
		var vars []*types.Var
		for _, t := range params {
			vars = append(vars, types.NewParam(token.NoPos, p, "", t))
		}
		sig := types.NewSignatureType(nil, nil, nil, types.NewTuple(vars...),
			types.NewTuple(types.NewParam(token.NoPos, p, "", res)), variadic)
		p.Scope().Insert(types.NewFunc(token.NoPos, p, name, sig))
	}
	if path == "fmt" {
		fn("Errorf", true, errorType, str, anys)
		fn("Sprint", true, str, anys)
	} else {
		fn("New", false, errorType, str)
	}
	p.MarkComplete()
	return p
}
