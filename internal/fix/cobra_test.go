package fix_test

import (
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/checker"

	"github.com/noexit-lint/noexit/analyzer"
)

// allowedCobra is a command (allowed code) whose cobra Run exits.
const allowedCobra = "fixcobracmd/cmd/tool"

// TestCobraAllowedUnderFix: a driver that applies fixes on request gets
// the RunE fix in allowed code, and only where it exists.
func TestCobraAllowedUnderFix(t *testing.T) {
	a := analyzer.New(&analyzer.Config{}, analyzer.AllowedCobraFixes())
	analysistest.RunWithSuggestedFixes(t, testdata(t), a, allowedCobra)
}

// TestCobraAllowedSilent: without the option, allowed code reports
// nothing, its cobra commands included.
func TestCobraAllowedSilent(t *testing.T) {
	pkgs := loadFixed(t, testdata(t), allowedCobra)
	a := analyzer.New(&analyzer.Config{})
	graph, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	for act := range graph.All() {
		if act.Analyzer != a {
			continue
		}
		for _, d := range act.Diagnostics {
			t.Errorf("%s: reported in allowed code without AllowedCobraFixes: %s", act.Package.Fset.Position(d.Pos), d.Message)
		}
	}
}

// TestCobraAllowedGolden vets and staticchecks the fixed command.
func TestCobraAllowedGolden(t *testing.T) {
	checkGolden(t, fixedTree(t), []string{allowedCobra})
}
