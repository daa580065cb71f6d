package fix

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// A Cache holds what the fixes of one package share: the package's files
// parsed once, where its imports are, whether the unedited package
// type-checks, and the verdict on each edit set already checked. Several
// exits of one function produce the same edits and are checked once. Make
// one per package (per analysis.Pass); it is not safe for concurrent use.
type Cache struct {
	// Batch defers type-checking to Settle: fixes come back unchecked,
	// and the caller checks them all at once.
	Batch bool
	// SingleFile offers only fixes whose edits all lie in the reported
	// file, and checks merged fixes as golangci-lint applies them, which
	// edits only that file and deletes no import.
	SingleFile bool
	// Exported, when set, lets a chain change the signature of an
	// exported function for which it returns true; the caller (the
	// module-wide fixer) updates that function's callers outside the
	// package, its tests included. Nil refuses every exported signature.
	Exported func(*types.Func) bool
	// Invoked, when set, reports whether a function of the analysed code
	// runs the function passed to its parameter param before it returns
	// (not in a goroutine): an exit in a literal passed there sets an
	// error that the caller returns after the call (invoked.go). The
	// modeled packages' invokers are known without it.
	Invoked  func(fn *types.Func, param int) bool
	fset     *token.FileSet
	parsed   map[*token.File]*ast.File // the pass's files, unedited, in fset
	imports  map[string]*types.Package
	baseline int8 // 0 unknown, 1 type-checks, -1 does not
	verdicts map[string]bool
	idx      *pkgIndex // built by index on first use

	// FailHandler is the -fail-handler function, "example.com/core.Fail",
	// or "" for none (see handler.go).
	FailHandler string
	hook        *hook // FailHandler resolved, on first use
}

// NewCache returns an empty cache.
func NewCache() *Cache {
	return &Cache{
		fset:     token.NewFileSet(),
		parsed:   map[*token.File]*ast.File{},
		verdicts: map[string]bool{},
	}
}

// checkMerged type-checks the package with the edits of all fixes and
// returns the names of the files with errors ("" for an error outside
// any file). With dropUnused, an import that only the combination leaves
// unused does not count: the drivers (noexit, go vet -fix, go fix) delete
// such an import after merging fixes, unless it is a dot import, which
// they keep and the compiler rejects. golangci-lint deletes none.
func (b *builder) checkMerged(edits []analysis.TextEdit, dropUnused bool) map[string]bool {
	byFile := map[*token.File][]analysis.TextEdit{}
	for _, e := range edits {
		tf := b.pass.Fset.File(e.Pos)
		if tf == nil || b.pass.Fset.File(e.End) != tf {
			return map[string]bool{"": true}
		}
		byFile[tf] = append(byFile[tf], e)
	}
	return b.checkWith(byFile, func(err error, dots map[token.Pos]bool) bool {
		te, ok := err.(types.Error)
		return dropUnused && ok && strings.HasSuffix(te.Msg, "imported and not used") && !dots[te.Pos]
	})
}

// mergeEdits drops duplicate edits and reports whether the rest are free
// of overlaps, as a driver needs to apply them together. Two different
// insertions at one place count as overlapping: drivers would apply both,
// in an order of their choosing. An insertion where a deletion starts or
// ends does not.
func mergeEdits(edits []analysis.TextEdit) ([]analysis.TextEdit, bool) {
	sorted := slices.Clone(edits)
	slices.SortStableFunc(sorted, func(x, y analysis.TextEdit) int {
		if x.Pos != y.Pos {
			return int(x.Pos - y.Pos)
		}
		return int(x.End - y.End)
	})
	var out []analysis.TextEdit
	end := token.NoPos // the furthest end so far: an edit may span several
	for _, e := range sorted {
		if n := len(out); n > 0 {
			last := out[n-1]
			if last.Pos == e.Pos && last.End == e.End && string(last.NewText) == string(e.NewText) {
				continue
			}
			if e.Pos < end || e.Pos == e.End && last.Pos == e.Pos && last.End == e.Pos {
				return nil, false // overlapping, or two insertions at one place
			}
		}
		out = append(out, e)
		end = max(end, e.End)
	}
	return out, true
}

// typeChecks reports whether the package, with edits applied, still
// type-checks. Imports resolve to the packages the pass already knows;
// fmt and errors, which a fix may add, to small stand-ins with just the
// functions fixes call. If the package does not type-check this way even
// without the edits (cgo, say), the check is inconclusive and passes.
func (b *builder) typeChecks(edits []analysis.TextEdit) bool {
	byFile := map[*token.File][]analysis.TextEdit{}
	var key strings.Builder
	for _, e := range edits {
		tf := b.pass.Fset.File(e.Pos)
		if tf == nil || b.pass.Fset.File(e.End) != tf {
			return false
		}
		byFile[tf] = append(byFile[tf], e)
		fmt.Fprintf(&key, "%d:%d:%q;", e.Pos, e.End, e.NewText)
	}
	c := b.cache
	if v, ok := c.verdicts[key.String()]; ok {
		return v
	}
	ok := b.check(byFile) || b.baselineFails()
	c.verdicts[key.String()] = ok
	return ok
}

// baselineFails reports whether the package, unedited, does not
// type-check the way the fixes are checked (cgo, say): a failed check
// then proves nothing.
func (b *builder) baselineFails() bool {
	c := b.cache
	if c.baseline == 0 {
		c.baseline = -1
		if b.check(nil) {
			c.baseline = 1
		}
	}
	return c.baseline < 0
}

// check type-checks the pass's files with edits applied.
func (b *builder) check(byFile map[*token.File][]analysis.TextEdit) bool {
	return len(b.checkWith(byFile, func(error, map[token.Pos]bool) bool { return false })) == 0
}

// checkWith type-checks the pass's files with edits applied and returns
// the names of the files with errors ("" for an error outside them);
// errors for which tolerated is true do not count. tolerated also gets the
// positions of the checked files' dot imports (names and paths).
func (b *builder) checkWith(byFile map[*token.File][]analysis.TextEdit, tolerated func(error, map[token.Pos]bool) bool) map[string]bool {
	failed := map[string]bool{}
	c := b.cache
	var files []*ast.File
	for _, f := range b.pass.Files {
		tf := b.pass.Fset.File(f.Pos())
		edits := byFile[tf]
		if nf := c.parsed[tf]; nf != nil && edits == nil {
			files = append(files, nf)
			continue
		}
		src := b.file(f.Pos())
		if edits != nil && src != nil {
			src = apply(tf, src, edits)
		}
		if src == nil {
			failed[tf.Name()] = true
			return failed
		}
		nf, err := parser.ParseFile(c.fset, tf.Name(), src, parser.SkipObjectResolution)
		if err != nil {
			failed[tf.Name()] = true
			return failed
		}
		if edits == nil {
			c.parsed[tf] = nf
		}
		files = append(files, nf)
	}
	if c.imports == nil {
		c.imports = importIndex(b.pass.Pkg)
	}
	dots := map[token.Pos]bool{}
	for _, f := range files {
		for _, spec := range f.Imports {
			if spec.Name != nil && spec.Name.Name == "." {
				dots[spec.Name.Pos()], dots[spec.Path.Pos()] = true, true
			}
		}
	}
	conf := types.Config{
		Importer:  importer(c.imports),
		GoVersion: b.pass.Pkg.GoVersion(),
		Sizes:     b.pass.TypesSizes,
		Error: func(err error) {
			if !tolerated(err, dots) {
				name := ""
				if te, ok := err.(types.Error); ok && te.Pos.IsValid() {
					name = c.fset.File(te.Pos).Name()
				}
				failed[name] = true
			}
		},
	}
	_, _ = conf.Check(b.pass.Pkg.Path(), c.fset, files, nil) // errors are judged one by one above
	return failed
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

// importIndex maps the path of every package pkg imports directly to the
// package. Only direct imports are complete: go vet and go fix load the
// others from their importers' export data, with just the parts those
// use (net/http's view of fmt lacks Errorf).
func importIndex(pkg *types.Package) map[string]*types.Package {
	index := map[string]*types.Package{}
	for _, q := range pkg.Imports() {
		index[q.Path()] = q
	}
	return index
}

// importer finds packages among those the checked package imports and
// stands in for fmt and errors, which a fix may add.
type importer map[string]*types.Package

func (im importer) Import(path string) (*types.Package, error) {
	if p := im[path]; p != nil {
		return p, nil
	}
	switch path {
	case "fmt", "errors":
		return standIn(path), nil
	case "unsafe":
		return types.Unsafe, nil
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
		fn("Sprintf", true, str, str, anys)
	} else {
		fn("New", false, errorType, str)
	}
	p.MarkComplete()
	return p
}
