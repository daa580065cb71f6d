package main_test

import (
	"strings"
	"testing"
)

// TestRobustness runs noexit on the standard library and on a module with
// generics-heavy code, cgo and a //go:build ignore file that does not
// type-check: no crash, no analysis error, the expected findings, and the
// same output twice. The large corpora are in the benchmark harness.
func TestRobustness(t *testing.T) {
	t.Parallel()
	bin := noexitBin(t)

	t.Run("std", func(t *testing.T) {
		r := runIn(t, ".", moduleEnv(), bin, "std")
		if r.code != 0 || r.stdout+r.stderr != "" {
			t.Errorf("noexit std: want exit 0 and no output (the standard library is modeled)\n%s", r)
		}
	})

	dir := copyModule(t, "robust")
	first := runIn(t, dir, moduleEnv(), bin, "./...")
	if first.code != 3 {
		t.Fatalf("exit code %d, want 3 (findings)\n%s", first.code, first)
	}
	out := strings.ReplaceAll(first.stdout+first.stderr, dir+"/", "")
	if crash.MatchString(out) || strings.Contains(out, "ignored.go") {
		t.Errorf("crash, or the //go:build ignore file was read\n%s", out)
	}
	for _, want := range []string{
		"gen/gen.go:41:3: os.Exit ends the process, reached from exported (*gen.Tree).Get -> gen.must -> os.Exit",
		"cg/cg.go:12:3: log.Fatalf ends the process, reached from exported cg.Rand -> log.Fatalf",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}
	if again := runIn(t, dir, moduleEnv(), bin, "./..."); again.stdout+again.stderr != first.stdout+first.stderr {
		t.Errorf("two runs differ:\n%s\n---\n%s", first, again)
	}
}
