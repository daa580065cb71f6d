package fix

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// excludedUse returns the base name of a file of the package that the
// current build excludes, by file name or //go:build line, and that
// mentions name; "" if there is none. Such a file is compiled on another
// platform: a signature it sees change would break that build, which no
// type-check of this build notices. A file that cannot be parsed mentions
// every name.
//
// The files are the pass's IgnoredFiles and, for drivers that do not fill
// them in, the other .go files of the package's directory.
func (ch *chain) excludedUse(name string) string {
	idx := ch.idx
	if idx.excluded == nil {
		idx.excluded = map[string]string{}
		for _, file := range ch.excludedFiles() {
			base := filepath.Base(file)
			data, err := ch.readFile(file)
			if err != nil {
				continue // gone since the build listed it
			}
			f, err := parser.ParseFile(token.NewFileSet(), file, data, parser.SkipObjectResolution|parser.PackageClauseOnly)
			if err != nil || f.Name.Name != ch.b.pass.Pkg.Name() {
				continue // another package: //go:build ignore programs, package main
			}
			f, err = parser.ParseFile(token.NewFileSet(), file, data, parser.SkipObjectResolution)
			if err != nil {
				idx.excluded[""] = base
				continue
			}
			ast.Inspect(f, func(n ast.Node) bool {
				if id, ok := n.(*ast.Ident); ok && idx.excluded[id.Name] == "" {
					idx.excluded[id.Name] = base
				}
				return true
			})
		}
	}
	if f := idx.excluded[""]; f != "" {
		return f
	}
	return idx.excluded[name]
}

// excludedFiles lists the non-test Go files of the package that the pass
// does not hold, sorted.
func (ch *chain) excludedFiles() []string {
	pass := ch.b.pass
	in := map[string]bool{}
	var dir string
	for _, f := range pass.Files {
		// The position, not the token.File: cgo output names its
		// source with a //line directive.
		name := pass.Fset.Position(f.Package).Filename
		in[name] = true
		dir = filepath.Dir(name)
	}
	var out []string
	add := func(file string) {
		if strings.HasSuffix(file, ".go") && !strings.HasSuffix(file, "_test.go") && !in[file] && !slices.Contains(out, file) {
			out = append(out, file)
		}
	}
	for _, file := range pass.IgnoredFiles {
		add(file)
	}
	if dir != "" {
		matches, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		for _, m := range matches {
			add(m)
		}
	}
	slices.Sort(out)
	return out
}

// readFile reads a file of the package through the pass, as drivers that
// keep files in memory want, or from disk.
func (ch *chain) readFile(file string) ([]byte, error) {
	if read := ch.b.pass.ReadFile; read != nil {
		if data, err := read(file); err == nil {
			return data, nil
		}
	}
	return os.ReadFile(file)
}
