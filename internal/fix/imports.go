package fix

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strconv"

	"github.com/noexit-lint/noexit/internal/rewrite"
	"golang.org/x/tools/go/analysis"
)

// importName returns the name by which new code at pos in f refers to the
// package path (whose package is named name): the file's own import name
// ("" for a dot import), or name if the package can be imported under it.
// It records that the package is needed; finishImports adds the import.
func (b *builder) importName(f *ast.File, pos token.Pos, path, name string) (string, bool) {
	scope := b.scopeAt(pos)
	for _, spec := range f.Imports {
		p, err := strconv.Unquote(spec.Path.Value)
		if err != nil || p != path {
			continue
		}
		local := name
		if pn := b.pkgNameOf(spec); pn != nil {
			local = pn.Name()
		}
		switch local {
		case "_":
			continue
		case ".":
			b.require(f, path)
			return "", true
		}
		if scope != nil {
			if _, obj := scope.LookupParent(local, pos); obj != nil {
				if pn, ok := obj.(*types.PkgName); !ok || pn.Imported().Path() != path {
					continue // shadowed here
				}
			}
		}
		b.require(f, path)
		return local, true
	}
	if scope == nil || name == "" || name == "_" || name == "." || name == "main" {
		return "", false
	}
	if _, obj := scope.LookupParent(name, pos); obj != nil {
		return "", false // the name means something else here
	}
	if b.pass.Pkg.Scope().Lookup(name) != nil {
		return "", false
	}
	b.require(f, path)
	return name, true
}

// pkgNameOf returns the package name an import spec declares.
func (b *builder) pkgNameOf(spec *ast.ImportSpec) *types.PkgName {
	return rewrite.PkgNameOf(b.pass.TypesInfo, spec)
}

// scopeAt returns the innermost scope that holds pos.
func (b *builder) scopeAt(pos token.Pos) *types.Scope {
	s := b.pass.Pkg.Scope().Innermost(pos)
	return s
}

// finishImports adds the imports that new text needs and deletes those
// whose every use the edits removed. Edits stay small and stable so that
// fixes for several sites of a file merge.
func (b *builder) finishImports() {
	files := map[*ast.File]bool{}
	for f := range b.need {
		files[f] = true
	}
	for _, s := range b.gone {
		if f := b.fileAt(s.pos); f != nil {
			files[f] = true
		}
	}
	for _, f := range b.pass.Files {
		if files[f] {
			b.fileImports(f)
		}
	}
}

func (b *builder) fileAt(pos token.Pos) *ast.File {
	for _, f := range b.pass.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f
		}
	}
	return nil
}

func (b *builder) fileImports(f *ast.File) {
	have := map[string]bool{}
	var drop []*ast.ImportSpec
	for _, spec := range f.Imports {
		path, err := strconv.Unquote(spec.Path.Value)
		if err != nil {
			continue
		}
		pn := b.pkgNameOf(spec)
		if pn == nil || pn.Name() == "_" {
			continue
		}
		have[path] = true
		if b.need[f][path] {
			// The fix relies on this import: touch it, so that the fix
			// conflicts with, rather than silently merges with, another
			// fix that deletes it.
			b.edits = append(b.edits, analysis.TextEdit{Pos: spec.Path.Pos(), End: spec.Path.End(), NewText: []byte(spec.Path.Value)})
			continue
		}
		if b.allUsesRemoved(f, pn) {
			drop = append(drop, spec)
		}
	}
	var add []string
	for path := range b.need[f] {
		if !have[path] {
			add = append(add, path)
		}
	}
	slices.Sort(add)
	b.addImports(f, add, drop)
	for _, spec := range drop {
		b.dropImport(f, spec)
	}
}

// allUsesRemoved reports whether pn is used in f and every use is in text
// that the edits delete. The uses of a dot import are the unqualified
// identifiers that denote its package-level objects.
func (b *builder) allUsesRemoved(f *ast.File, pn *types.PkgName) bool {
	info := b.pass.TypesInfo
	uses := func(id *ast.Ident) bool { return info.Uses[id] == pn }
	if pn.Name() == "." {
		qualified := map[*ast.Ident]bool{}
		ast.Inspect(f, func(n ast.Node) bool {
			if sel, ok := n.(*ast.SelectorExpr); ok {
				if x, ok := sel.X.(*ast.Ident); ok {
					if _, ok := info.Uses[x].(*types.PkgName); ok {
						qualified[sel.Sel] = true
					}
				}
			}
			return true
		})
		scope := pn.Imported().Scope()
		uses = func(id *ast.Ident) bool {
			obj := info.Uses[id]
			return obj != nil && obj.Pkg() == pn.Imported() && obj.Parent() == scope && !qualified[id]
		}
	}
	used := false
	all := true
	ast.Inspect(f, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok || !uses(id) {
			return true
		}
		used = true
		if !b.removed(id.Pos()) {
			all = false
		}
		return all
	})
	return used && all
}

// addImports inserts import specs for paths (see rewrite.ImportInsertion).
func (b *builder) addImports(f *ast.File, paths []string, drop []*ast.ImportSpec) {
	if pos, text := rewrite.ImportInsertion(f, paths); pos.IsValid() {
		b.insert(pos, text)
	}
}

// dropImport deletes an import spec, or its whole declaration when it is
// the only spec and no import is added there.
func (b *builder) dropImport(f *ast.File, spec *ast.ImportSpec) {
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.IMPORT {
			continue
		}
		i := slices.Index(g.Specs, ast.Spec(spec))
		if i < 0 {
			continue
		}
		if len(g.Specs) == 1 && !b.insertsInto(g) {
			end := g.End()
			b.replace(g.Pos(), end, "")
			return
		}
		// Delete from the end of what precedes the spec, so that no
		// blank line remains.
		start := g.Lparen + 1
		if i > 0 {
			start = g.Specs[i-1].End()
			if c := lastCommentBetween(f, start, spec.Pos()); c.IsValid() {
				start = c
			}
		} else if !g.Lparen.IsValid() {
			start = g.Pos()
		}
		end := spec.End()
		if spec.Comment != nil {
			end = spec.Comment.End()
		}
		b.replace(start, end, "")
		return
	}
}

// insertsInto reports whether the edits insert import specs into g.
func (b *builder) insertsInto(g *ast.GenDecl) bool {
	for _, e := range b.edits {
		if g.Lparen.IsValid() && e.Pos == g.Lparen+1 && e.End == e.Pos {
			return true
		}
	}
	return false
}

// lastCommentBetween returns the end of the last comment in (from, to).
func lastCommentBetween(f *ast.File, from, to token.Pos) token.Pos {
	end := token.NoPos
	for _, cg := range f.Comments {
		for _, c := range cg.List {
			if c.Pos() > from && c.End() < to {
				end = c.End()
			}
		}
	}
	return end
}
