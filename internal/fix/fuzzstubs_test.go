package fix_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"strings"
)

// stubPkgs are the logger stand-ins of testdata/src (logrus, zap, klog),
// type-checked from source once, for the generated packages to import.
var stubPkgs = map[string]*types.Package{}

// importStub returns the package at path: a stand-in from testdata/src
// if there is one, else the standard library's. The caller holds stdMu.
func importStub(path string) (*types.Package, error) {
	if p, ok := stubPkgs[path]; ok {
		return p, nil
	}
	dir := filepath.Join("..", "..", "testdata", "src", filepath.FromSlash(path))
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() || !strings.Contains(path, ".") {
		return stdImp.Import(path)
	}
	fset := token.NewFileSet()
	matches, _ := filepath.Glob(filepath.Join(dir, "*.go"))
	var files []*ast.File
	for _, m := range matches {
		if strings.HasSuffix(m, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, m, nil, parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	conf := types.Config{Importer: importerFunc(importStub)}
	p, err := conf.Check(path, fset, files, nil)
	if err != nil {
		return nil, err
	}
	stubPkgs[path] = p
	return p, nil
}
