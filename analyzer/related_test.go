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

// TestEntryKinds checks the kind of entry each path starts at, and the
// stored hop of a callback, as the related information shows them.
func TestEntryKinds(t *testing.T) {
	related := func(cfg *analyzer.Config, pkg string) string {
		var got []string
		for _, r := range analysistest.Run(t, testdata(t), analyzer.New(cfg), pkg) {
			if r.Pass.Pkg.Path() != pkg {
				continue
			}
			for _, d := range r.Diagnostics {
				for _, rel := range d.Related {
					p := r.Pass.Fset.Position(rel.Pos)
					got = append(got, fmt.Sprintf("%s:%d: %s", filepath.Base(p.Filename), p.Line, rel.Message))
				}
			}
		}
		return strings.Join(got, "\n")
	}
	for _, tc := range []struct {
		cfg  analyzer.Config
		pkg  string
		want []string
	}{
		{pkg: "escapes", want: []string{
			"escapes.go:16: reached from (*escapes.level).Set (method of escapes.level, which escapes as flag.Value at escapes.go:26)",
			"escapes.go:33: reached from (escapes.store).Close (method of escapes.store, which escapes as escapes.Store at escapes.go:39)",
		}},
		{pkg: "callbacks", want: []string{
			"callbacks.go:20: reached from exported callbacks.InitHelp\ncallbacks.go:21: callbacks.InitHelp stores callback callbacks.InitHelp.func1",
			"callbacks.go:35: callbacks.init stores callback callbacks.newExiting",
		}},
		{pkg: "aliasrecv", want: []string{
			"aliasrecv.go:12: reached from exported (*aliasrecv.server).Start",
		}},
		{pkg: "promoted", cfg: analyzer.Config{Lifecycle: []string{"promoted.Runnable"}}, want: []string{
			"reached from promoted.Runnable method (*promoted.base).Start (promoted as (*promoted.one).Start)",
			"reached from promoted.Runnable method (promoted.inner).Start (promoted as (*promoted.two).Start)",
			"reached from promoted.Runnable method (*promoted.gbase).Start (promoted as (*promoted.generic).Start)",
		}},
	} {
		got := related(&tc.cfg, tc.pkg)
		for _, w := range tc.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: related information lacks\n%s\ngot:\n%s", tc.pkg, w, got)
			}
		}
	}
}

// TestDeferSkipRelated checks the related information of a defer-skip
// finding: each skipped defer, then each hop down to the exit, in the
// other packages too.
func TestDeferSkipRelated(t *testing.T) {
	results := analysistest.Run(t, testdata(t), analyzer.New(&analyzer.Config{}), "deferskip")
	got := map[string][]string{}
	for _, r := range results {
		if r.Pass.Pkg.Path() != "deferskip" {
			continue
		}
		for _, d := range r.Diagnostics {
			p := r.Pass.Fset.Position(d.Pos)
			key := fmt.Sprintf("%s:%d", filepath.Base(p.Filename), p.Line)
			for _, rel := range d.Related {
				q := r.Pass.Fset.Position(rel.Pos)
				got[key] = append(got[key], fmt.Sprintf("%s:%d: %s", filepath.Base(q.Filename), q.Line, rel.Message))
			}
		}
	}
	for key, want := range map[string][]string{
		"main.go:40": {
			"main.go:39: deferred w.Flush, skipped by the exit",
			"a.go:8: deferskipa.Process calls deferskipb.Load",
			"b.go:10: deferskipb.Load calls klog.Fatalf",
		},
		"main.go:120": {
			"main.go:117: deferred os.Remove, skipped by the exit",
			"main.go:119: deferred w.Flush, skipped by the exit",
		},
		"main.go:132": {
			"main.go:131: deferred w.Flush, skipped by the exit",
			"main.go:125: main.helper calls klog.Exitf",
		},
	} {
		if strings.Join(got[key], "\n") != strings.Join(want, "\n") {
			t.Errorf("%s: related information:\ngot:\n%s\nwant:\n%s", key, strings.Join(got[key], "\n"), strings.Join(want, "\n"))
		}
	}
}
