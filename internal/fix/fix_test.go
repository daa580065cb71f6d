package fix_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/noexit-lint/noexit/analyzer"
)

func testdata(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// cases are the test packages under testdata/src, one per rewrite, zero
// value kind or refusal.
var cases = []string{
	"fixfatal", "fixprint", "fixpair", "fixexit", "fixzero", "fixpropagate",
	"fixnamed", "fixmulti", "fiximports", "fixflag", "fixrefuse",
	"fixinternal/internal/cfg", "fixinternal/server", "fixunreach", "fixstyle", "fixeffects", "fixcleanup", "fixcause",
	"fixgenerated", "fixdot", "fixdotpair", "fixshare", "fixconstrained",
	"fixmainrun", "fixinvoked", "fixcobra", "fixcobraread", "fixcobraset", "fixcobravar", "fixcobrapass", "fixgoroutine",
}

func TestFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testdata(t), analyzer.New(&analyzer.Config{}), cases...)
}
