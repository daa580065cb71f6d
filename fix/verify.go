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
	// Batch defers type-checking to CheckAll: fixes come back unchecked,
	// and the caller checks them all at once.
	Batch bool
	// Exported, when set, lets a chain change the signature of an
	// exported function for which it returns true; the caller (the
	// module-wide fixer) updates that function's callers outside the
	// package, its tests included. Nil refuses every exported signature.
	Exported func(*types.Func) bool
	fset     *token.FileSet
	parsed   map[*token.File]*ast.File // the pass's files, unedited, in fset
	imports  map[string]*types.Package
	baseline int8 // 0 unknown, 1 type-checks, -1 does not
	verdicts map[string]bool
	idx      *pkgIndex // built by index on first use
}

// NewCache returns an empty cache.
func NewCache() *Cache {
	return &Cache{
		fset:     token.NewFileSet(),
		parsed:   map[*token.File]*ast.File{},
		verdicts: map[string]bool{},
	}
}

// CheckAll reports, for each fix of the package (in a Batch cache), whether
// the package still type-checks with it applied. The fixes are first
// checked together, in one type-check, as the drivers merge them; only if
// that fails, or their edits overlap, is each checked on its own. A
// package with many findings thus costs one type-check, not one each.
func (c *Cache) CheckAll(pass *analysis.Pass, fixes [][]analysis.SuggestedFix) []bool {
	ok := make([]bool, len(fixes))
	b := newBuilder(pass, c)
	var all []analysis.TextEdit
	for _, fs := range fixes {
		for _, f := range fs {
			all = append(all, f.TextEdits...)
		}
	}
	if merged, clean := mergeEdits(all); clean && len(merged) > 0 && b.checkMerged(merged) {
		for i := range ok {
			ok[i] = true
		}
		return ok
	}
	for i, fs := range fixes {
		ok[i] = true
		for _, f := range fs {
			ok[i] = ok[i] && b.typeChecks(f.TextEdits)
		}
	}
	return ok
}

// checkMerged type-checks the package with the edits of all fixes. An
// import that only the combination leaves unused is not held against
// them: each fix's own import clean-up is computed for that fix alone
// (and drivers such as the noexit command drop imports that merging
// leaves unused).
func (b *builder) checkMerged(edits []analysis.TextEdit) bool {
	byFile := map[*token.File][]analysis.TextEdit{}
	for _, e := range edits {
		tf := b.pass.Fset.File(e.Pos)
		if tf == nil || b.pass.Fset.File(e.End) != tf {
			return false
		}
		byFile[tf] = append(byFile[tf], e)
	}
	return b.checkWith(byFile, func(err error) bool {
		te, ok := err.(types.Error)
		return ok && strings.HasSuffix(te.Msg, "imported and not used")
	})
}

// mergeEdits drops duplicate edits and reports whether the rest are free
// of overlaps, as a driver needs to apply them together.
func mergeEdits(edits []analysis.TextEdit) ([]analysis.TextEdit, bool) {
	sorted := slices.Clone(edits)
	slices.SortStableFunc(sorted, func(x, y analysis.TextEdit) int {
		if x.Pos != y.Pos {
			return int(x.Pos - y.Pos)
		}
		return int(x.End - y.End)
	})
	var out []analysis.TextEdit
	for _, e := range sorted {
		if n := len(out); n > 0 {
			last := out[n-1]
			if last.Pos == e.Pos && last.End == e.End && string(last.NewText) == string(e.NewText) {
				continue
			}
			if e.Pos < last.End || e.Pos == last.Pos {
				return nil, false // overlapping, or two insertions at one place
			}
		}
		out = append(out, e)
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
	ok := b.check(byFile)
	if !ok {
		if c.baseline == 0 {
			c.baseline = -1
			if b.check(nil) {
				c.baseline = 1
			}
		}
		ok = c.baseline < 0
	}
	c.verdicts[key.String()] = ok
	return ok
}

// check type-checks the pass's files with edits applied.
func (b *builder) check(byFile map[*token.File][]analysis.TextEdit) bool {
	return b.checkWith(byFile, func(error) bool { return false })
}

// checkWith type-checks the pass's files with edits applied; errors for
// which tolerated is true do not count.
func (b *builder) checkWith(byFile map[*token.File][]analysis.TextEdit, tolerated func(error) bool) bool {
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
		if src == nil {
			return false
		}
		if edits != nil {
			src = apply(tf, src, edits)
			if src == nil {
				return false
			}
		}
		nf, err := parser.ParseFile(c.fset, tf.Name(), src, parser.SkipObjectResolution)
		if err != nil {
			return false
		}
		if edits == nil {
			c.parsed[tf] = nf
		}
		files = append(files, nf)
	}
	if c.imports == nil {
		c.imports = importIndex(b.pass.Pkg)
	}
	failed := false
	conf := types.Config{
		Importer:  importer(c.imports),
		GoVersion: b.pass.Pkg.GoVersion(),
		Sizes:     b.pass.TypesSizes,
		Error: func(err error) {
			if !tolerated(err) {
				failed = true
			}
		},
	}
	_, _ = conf.Check(b.pass.Pkg.Path(), c.fset, files, nil) // errors are judged one by one above
	return !failed
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

// importIndex maps the path of every package pkg imports, directly or
// not, to the package.
func importIndex(pkg *types.Package) map[string]*types.Package {
	index := map[string]*types.Package{}
	var walk func(p *types.Package)
	walk = func(p *types.Package) {
		for _, q := range p.Imports() {
			if _, seen := index[q.Path()]; !seen {
				index[q.Path()] = q
				walk(q)
			}
		}
	}
	walk(pkg)
	return index
}

// importer finds packages among those the checked package imports and
// stands in for fmt and errors.
type importer map[string]*types.Package

func (im importer) Import(path string) (*types.Package, error) {
	if p := im[path]; p != nil {
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
