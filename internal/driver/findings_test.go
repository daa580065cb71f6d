package driver

import (
	"go/token"
	"testing"

	"golang.org/x/tools/go/analysis"
)

// TestDedupe: a package and its test variant report a finding of the
// same file twice, sometimes with different reasons for having no fix
// (etcd's mvcc); one is kept, the one with a fix if either has one.
// Findings at other positions or of other categories are all kept.
func TestDedupe(t *testing.T) {
	fset := token.NewFileSet()
	file := fset.AddFile("a.go", -1, 100)
	file.SetLinesForContent([]byte("package a\n\nfunc f() {\n\tlog.Fatal(err)\n}\n"))
	pos := file.Pos(22)
	d := func(cat, msg string, fixed bool) finding {
		diag := analysis.Diagnostic{Pos: pos, End: pos + 5, Category: cat, Message: msg}
		if fixed {
			diag.SuggestedFixes = []analysis.SuggestedFix{{Message: "return"}}
		}
		return finding{fset, diag}
	}
	const base = "log.Fatal ends the process; return an error instead"
	got := dedupe([]finding{
		d("fatal-log", base+" (no automatic fix: f is also called from tests)", false),
		d("fatal-log", base+" (no automatic fix: the error would change the signature of exported F)", false),
		d("defer-skip", "log.Fatal skips the deferred w.Flush", false),
		d("fatal-log", base, true),
		d("fatal-log", "log.Fatal ends the process; something else", false),
	})
	want := []string{base, "log.Fatal skips the deferred w.Flush", "log.Fatal ends the process; something else"}
	if len(got) != len(want) {
		t.Fatalf("dedupe kept %d findings, want %d: %v", len(got), len(want), got)
	}
	for i, f := range got {
		if f.diag.Message != want[i] {
			t.Errorf("finding %d: %q, want %q", i, f.diag.Message, want[i])
		}
	}
	if len(got[0].diag.SuggestedFixes) == 0 {
		t.Errorf("the finding kept has no fix; the one with the fix should win")
	}
	first := dedupe([]finding{
		d("fatal-log", base+" (no automatic fix: one)", false),
		d("fatal-log", base+" (no automatic fix: two)", false),
	})
	if len(first) != 1 || first[0].diag.Message != base+" (no automatic fix: one)" {
		t.Errorf("without a fix the first finding should stay: %v", first)
	}
}
