package analyzer_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/noexit-lint/noexit/analyzer"
)

func testdata(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

func boolPtr(b bool) *bool { return &b }

// TestDefaults runs every case folder that uses the default
// configuration in one load.
func TestDefaults(t *testing.T) {
	analysistest.Run(t, testdata(t), analyzer.New(&analyzer.Config{}),
		"exits", "aliases", "closures", "recursion", "generics",
		"chaina", "chainb", "chainc", "entries", "dead",
		"allowed/...", "terminates/...", "ifaces", "loggers", "module", "cgo",
		"flagsets", "chainhelp", "chained", "elide", "defaultallow/on/...",
		"callbacks", "invokec", "escapes", "aliasrecv", "gencaller",
	)
}

// TestConfigured runs the cases that need settings.
func TestConfigured(t *testing.T) {
	for _, tc := range []struct {
		name string
		cfg  analyzer.Config
		pkgs []string
	}{
		{
			name: "terminators",
			cfg:  analyzer.Config{Terminators: []string{"(*userterm.Logger).Crash", "userterm.Abort"}},
			pkgs: []string{"userterm"},
		},
		{
			name: "categories",
			cfg:  analyzer.Config{Categories: []string{"goexit", "panic-log"}},
			pkgs: []string{"categories"},
		},
		{
			name: "lifecycle and patterns",
			cfg: analyzer.Config{
				DefaultEntries: boolPtr(false),
				Lifecycle:      []string{"lifecycle.Runnable"},
				Entry:          []string{"Register", "(*server).start"},
			},
			pkgs: []string{"lifecycle"},
		},
		{
			name: "promoted into lifecycle implementers",
			cfg:  analyzer.Config{Lifecycle: []string{"promoted.Runnable"}},
			pkgs: []string{"promoted"},
		},
		{
			name: "lifecycle interface that is not one",
			cfg:  analyzer.Config{Lifecycle: []string{"badlifecycle.Module"}},
			pkgs: []string{"badlifecycle"},
		},
		{
			name: "no deps",
			cfg:  analyzer.Config{Deps: analyzer.DepsNone},
			pkgs: []string{"nodeps"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := tc.cfg
			analysistest.Run(t, testdata(t), analyzer.New(&cfg), tc.pkgs...)
		})
	}
}

// TestDeferSkip runs the defer-skip cases: exits that skip deferred
// calls, in main packages and library code.
func TestDeferSkip(t *testing.T) {
	analysistest.Run(t, testdata(t), analyzer.New(&analyzer.Config{}), "deferskip", "deferskiplib")
}

// recorder is an analysistest.Testing that keeps the errors.
type recorder struct{ errs []string }

func (r *recorder) Errorf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

// TestDeferSkipBaseline records the defer-skip findings in a baseline:
// with it, none is reported (every expectation goes unmatched) and
// nothing unexpected appears.
func TestDeferSkipBaseline(t *testing.T) {
	file := filepath.Join(t.TempDir(), "noexit.baseline")
	with := func(flag string) *analysis.Analyzer {
		a := analyzer.New(&analyzer.Config{})
		if err := a.Flags.Set(flag, file); err != nil {
			t.Fatal(err)
		}
		return a
	}
	w := &recorder{}
	analysistest.Run(w, testdata(t), with("write-baseline"), "deferskip")
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(data), "\tdefer-skip "); n != 21 {
		t.Errorf("baseline has %d defer-skip findings, want 21:\n%s", n, data)
	}
	r := &recorder{}
	analysistest.Run(r, testdata(t), with("baseline"), "deferskip")
	if missed := r.unmatched(t, "deferskip/", "with the baseline"); missed != 21 {
		t.Errorf("with the baseline, %d of the 21 findings were suppressed", missed)
	}
}

// unmatched returns how many of the recorded errors say that an
// expectation in a file under dir went unmatched, and reports every other
// error, prefixed with when.
func (r *recorder) unmatched(t *testing.T, dir, when string) int {
	t.Helper()
	n := 0
	for _, e := range r.errs {
		if strings.Contains(e, dir) && strings.Contains(e, "no diagnostic was reported") {
			n++
		} else {
			t.Errorf("%s: %s", when, e)
		}
	}
	return n
}

// TestDeferSkipAll runs the exits that skip only cleanup the end of the
// process does too: every one is reported with -defer-skip-all, and by
// default none is (each expectation goes unmatched, nothing else
// appears).
func TestDeferSkipAll(t *testing.T) {
	all := true
	analysistest.Run(t, testdata(t), analyzer.New(&analyzer.Config{DeferSkipAll: &all}), "deferskipall")
	r := &recorder{}
	analysistest.Run(r, testdata(t), analyzer.New(&analyzer.Config{}), "deferskipall")
	if missed := r.unmatched(t, "deferskipall/", "by default"); missed != 6 {
		t.Errorf("by default, %d of the 6 findings were not reported", missed)
	}
}

// TestDeferSkipSync runs the exits that sync or flush the logger whose
// Sync or Flush is deferred: zap's Fatal, klog's Fatal and Exit.
func TestDeferSkipSync(t *testing.T) {
	analysistest.Run(t, testdata(t), analyzer.New(&analyzer.Config{}), "deferskipsync")
}
