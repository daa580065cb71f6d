package analyzer_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/noexit-lint/noexit/analyzer"
)

// TestEdgestreamBug runs the default configuration on the pre-fix model of
// KubeEdge's edge stream module (testdata/src/edgestream): the os.Exit that
// newEdgeStream reaches from Register when the local IP lookup fails. The
// want comments pin the diagnostic and the may-exit fact on Register; any
// suggested fix must match the .golden file beside the input.
func TestEdgestreamBug(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testdata(t), analyzer.New(&analyzer.Config{}), "edgestream")
}
