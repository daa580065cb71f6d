// Package rewrite is the rewrite core that both of noexit's fixers build
// on: the per-package fixer (internal/fix, the analyzer's suggested fixes)
// and the module-wide fixer (internal/modfix). It works on a type-checked
// package's syntax and types, never on an analysis.Pass or a loader, and
// holds what both need in one copy: edit sets, import names and import
// insertion, zero values, terminating statements and refusals.
package rewrite

import (
	"go/ast"
	"go/token"
	"go/types"
	"os"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
)

// A Unit is one type-checked package as a fixer sees it. Its fields are
// named as analysis.Pass's are.
type Unit struct {
	Fset       *token.FileSet
	Files      []*ast.File
	Pkg        *types.Package
	TypesInfo  *types.Info
	TypesSizes types.Sizes
	// IgnoredFiles are the package's Go files that the build excludes
	// (port_windows.go under linux): a fix must account for them too.
	IgnoredFiles []string
	ReadFile     func(name string) ([]byte, error)
}

// FromPass is the unit of an analysis pass.
func FromPass(p *analysis.Pass) *Unit {
	return &Unit{
		Fset: p.Fset, Files: p.Files, Pkg: p.Pkg, TypesInfo: p.TypesInfo, TypesSizes: p.TypesSizes,
		IgnoredFiles: p.IgnoredFiles, ReadFile: p.ReadFile,
	}
}

// FromPackage is the unit of a package that go/packages loaded with
// syntax and types.
func FromPackage(p *packages.Package) *Unit {
	return &Unit{
		Fset: p.Fset, Files: p.Syntax, Pkg: p.Types, TypesInfo: p.TypesInfo, TypesSizes: p.TypesSizes,
		IgnoredFiles: p.IgnoredFiles, ReadFile: os.ReadFile,
	}
}
