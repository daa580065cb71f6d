// Command typecheck is the type-checking baseline of the noexit stress
// benchmark: a singlechecker whose analyzer does nothing. It declares a
// fact type, as noexit does, so the driver loads, parses and type-checks
// the same import closure from source; the time noexit takes beyond this
// is its own analysis.
package main

import (
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/singlechecker"
)

// none is a fact that is never exported.
type none struct{}

func (*none) AFact() {}

// Analyzer does nothing.
var Analyzer = &analysis.Analyzer{
	Name:      "typecheck",
	Doc:       "load and type-check packages and their dependencies from source, and do nothing else (benchmark baseline)",
	FactTypes: []analysis.Fact{new(none)},
	Run:       func(*analysis.Pass) (any, error) { return nil, nil },
}

func main() { singlechecker.Main(Analyzer) }
