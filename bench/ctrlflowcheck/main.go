// Command ctrlflowcheck is the baseline of the noexit benchmarks: a
// singlechecker that runs only x/tools' ctrlflow analysis (which computes
// and exports "function never returns" facts across packages) and reports
// nothing. It measures what a fact-based, whole-closure analysis costs
// with the same driver noexit uses.
package main

import (
	"reflect"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/ctrlflow"
	"golang.org/x/tools/go/analysis/singlechecker"
)

// Analyzer requires ctrlflow so that the driver runs it on every package
// in the import graph, and reports nothing itself.
var Analyzer = &analysis.Analyzer{
	Name:       "ctrlflowcheck",
	Doc:        "run x/tools ctrlflow on every package and report nothing (benchmark baseline)",
	Requires:   []*analysis.Analyzer{ctrlflow.Analyzer},
	ResultType: reflect.TypeFor[struct{}](),
	Run: func(pass *analysis.Pass) (any, error) {
		_ = pass.ResultOf[ctrlflow.Analyzer]
		return struct{}{}, nil
	},
}

func main() { singlechecker.Main(Analyzer) }
