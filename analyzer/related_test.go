package analyzer_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/noexit-lint/noexit/analyzer"
)

// TestRelatedHops checks that every hop of a path has its own position,
// including the hops inside the dependencies.
func TestRelatedHops(t *testing.T) {
	results := analysistest.Run(t, testdata(t), analyzer.New(&analyzer.Config{}), "chaina")
	var got []string
	for _, r := range results {
		if r.Pass.Pkg.Path() != "chaina" {
			continue
		}
		for _, d := range r.Diagnostics {
			for _, rel := range d.Related {
				p := r.Pass.Fset.Position(rel.Pos)
				got = append(got, fmt.Sprintf("%s:%d:%d: %s", filepath.Base(p.Filename), p.Line, p.Column, rel.Message))
			}
		}
	}
	want := []string{
		"chaina.go:9:6: reached from exported chaina.New",
		"chaina.go:10:23: chaina.New calls chaina.resolve",
		"chainb.go:9:9: (*chainb.Config).Resolve calls chainc.Load",
		"chainc.go:7:9: chainc.Load calls chainc.open",
		"chainc.go:12:3: chainc.open calls log.Fatalf",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("related information:\ngot:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
