package driver

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"
)

// An edit replaces old[start:end] of one file with text.
type edit struct {
	start, end int
	text       string
}

// editSet merges the edits of accepted fixes, file by file. A fix is taken
// whole or not at all: one edit that overlaps a different edit of an
// earlier fix rejects the fix. Identical edits (two exits of one function
// rewrite its signature the same way) are kept once.
type editSet struct {
	files    map[string][]edit
	editable map[string]bool // the source files of the loaded packages
}

func newEditSet(editable map[string]bool) *editSet {
	return &editSet{files: map[string][]edit{}, editable: editable}
}

// add takes fix, positioned in fset, or says why not.
func (s *editSet) add(fset *token.FileSet, fix analysis.SuggestedFix) string {
	byFile := map[string][]edit{}
	for _, te := range fix.TextEdits {
		end := te.End
		if !end.IsValid() {
			end = te.Pos
		}
		p, q := fset.Position(te.Pos), fset.Position(end)
		if p.Filename != q.Filename || !s.editable[p.Filename] {
			return "the fix edits " + filepath.Base(p.Filename) + ", which is not a source file of the packages"
		}
		byFile[p.Filename] = append(byFile[p.Filename], edit{p.Offset, q.Offset, string(te.NewText)})
	}
	return s.addEdits(byFile)
}

// addEdits takes a whole set of edits by file name, or says why not.
func (s *editSet) addEdits(byFile map[string][]edit) string {
	for name, es := range byFile {
		for _, e := range es {
			for _, o := range s.files[name] {
				if e != o && overlap(e, o) && (!importSpecs(e) || !importSpecs(o) || e.start != o.start) {
					return "it overlaps another fix in " + filepath.Base(name) + "; run noexit -fix again"
				}
			}
		}
	}
	for name, es := range byFile {
	next:
		for _, e := range es {
			for i, o := range s.files[name] {
				if o == e {
					continue next
				}
				if o.start == e.start && importSpecs(o) && importSpecs(e) {
					// Two fixes add imports at the same spot: one insertion
					// with each spec once.
					s.files[name][i].text = mergeSpecs(o.text, e.text)
					continue next
				}
			}
			s.files[name] = append(s.files[name], e)
		}
	}
	return ""
}

// specLines matches an insertion of import specs into an import block:
// "\n\t\"fmt\"\n\t\"errors\"".
var specLines = regexp.MustCompile(`^(\n\t(\w+ )?"[^"\n]+")+$`)

func importSpecs(e edit) bool { return e.start == e.end && specLines.MatchString(e.text) }

// mergeSpecs unites two insertions of import specs, sorted.
func mergeSpecs(a, b string) string {
	lines := slices.Concat(strings.Split(a, "\n\t")[1:], strings.Split(b, "\n\t")[1:])
	slices.Sort(lines)
	return "\n\t" + strings.Join(slices.Compact(lines), "\n\t")
}

// overlap reports whether two different edits touch the same bytes, or
// insert at the same point (their order would be a guess).
func overlap(a, b edit) bool {
	if a.start == a.end && b.start == b.end {
		return a.start == b.start
	}
	return a.start < b.end && b.start < a.end
}

// apply returns the new content of every changed file, and the old. It
// removes imports that the merged fixes leave unused (each fix cleaned up
// its own imports alone) and formats files that were gofmt-clean.
func (s *editSet) apply(importNames map[string]string) (olds, news map[string][]byte, err error) {
	olds, news = map[string][]byte{}, map[string][]byte{}
	for name, es := range s.files {
		old, err := os.ReadFile(name)
		if err != nil {
			return nil, nil, err
		}
		slices.SortFunc(es, func(a, b edit) int {
			if a.start != b.start {
				return a.start - b.start
			}
			return a.end - b.end
		})
		var buf bytes.Buffer
		last := 0
		for _, e := range es {
			if e.end > len(old) || e.start < last {
				return nil, nil, fmt.Errorf("%s changed while noexit ran; nothing written", name)
			}
			buf.Write(old[last:e.start])
			buf.WriteString(e.text)
			last = e.end
		}
		buf.Write(old[last:])
		out, err := tidy(name, old, buf.Bytes(), importNames)
		if err != nil {
			return nil, nil, err
		}
		if !bytes.Equal(out, old) {
			olds[name], news[name] = old, out
		}
	}
	return olds, news, nil
}

// tidy removes the imports that old used and src no longer does, and
// formats src if old was formatted. src must parse: a merged fix that does
// not is a bug, and nothing is written.
func tidy(name string, old, src []byte, importNames map[string]string) ([]byte, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, name, src, parser.ParseComments)
	if err != nil {
		return nil, fmt.Errorf("the fixes of %s do not parse (%v); nothing written", name, err)
	}
	of, err := parser.ParseFile(token.NewFileSet(), name, old, parser.ParseComments)
	if err != nil {
		return src, nil
	}
	usedBefore, usedNow := selectorBases(of), selectorBases(f)
	type imp struct{ name, path string }
	var unused []imp
	for _, spec := range f.Imports {
		path, err := strconv.Unquote(spec.Path.Value)
		if err != nil {
			continue
		}
		local := importNames[path]
		if spec.Name != nil {
			local = spec.Name.Name
		}
		if local == "" || local == "_" || local == "." {
			continue
		}
		if usedBefore[local] && !usedNow[local] {
			var n string
			if spec.Name != nil {
				n = spec.Name.Name
			}
			unused = append(unused, imp{n, path})
		}
	}
	removed := false
	for _, u := range unused {
		removed = astutil.DeleteNamedImport(fset, f, u.name, u.path) || removed
	}
	if removed {
		var buf bytes.Buffer
		if err := format.Node(&buf, fset, f); err != nil {
			return nil, err
		}
		src = buf.Bytes()
	}
	if formatted, err := format.Source(old); err == nil && bytes.Equal(formatted, old) {
		if out, err := format.Source(src); err == nil {
			src = out
		}
	}
	return src, nil
}

// selectorBases returns the unresolved identifiers used as x in x.Sel:
// the import names the file uses.
func selectorBases(f *ast.File) map[string]bool {
	used := map[string]bool{}
	ast.Inspect(f, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if id, ok := sel.X.(*ast.Ident); ok && id.Obj == nil {
				used[id.Name] = true
			}
		}
		return true
	})
	return used
}
