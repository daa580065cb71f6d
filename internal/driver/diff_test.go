package driver

import (
	"fmt"
	"strings"
	"testing"
)

func TestUnified(t *testing.T) {
	var twenty, changed []string
	for i := 1; i <= 20; i++ {
		twenty = append(twenty, fmt.Sprint("l", i))
	}
	changed = append(changed, twenty...)
	changed[0], changed[19] = "X", "Y"
	for _, tc := range []struct {
		name, old, new, want string
	}{
		{"replace and append", "a\nb\nc\n", "a\nB\nc\nd\n",
			"--- a/f.go\n+++ b/f.go\n@@ -1,3 +1,4 @@\n a\n-b\n+B\n c\n+d\n"},
		{"new content", "", "x\n", "--- a/f.go\n+++ b/f.go\n@@ -0,0 +1 @@\n+x\n"},
		{"no final newline", "a", "b",
			"--- a/f.go\n+++ b/f.go\n@@ -1 +1 @@\n-a\n\\ No newline at end of file\n+b\n\\ No newline at end of file\n"},
		{"two hunks", strings.Join(twenty, "\n") + "\n", strings.Join(changed, "\n") + "\n",
			"--- a/f.go\n+++ b/f.go\n@@ -1,4 +1,4 @@\n-l1\n+X\n l2\n l3\n l4\n@@ -17,4 +17,4 @@\n l17\n l18\n l19\n-l20\n+Y\n"},
		{"equal", "a\n", "a\n", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b strings.Builder
			if err := Unified(&b, "f.go", []byte(tc.old), []byte(tc.new)); err != nil {
				t.Fatal(err)
			}
			if b.String() != tc.want {
				t.Errorf("got\n%s\nwant\n%s", b.String(), tc.want)
			}
		})
	}
}

func TestMergeImportInsertions(t *testing.T) {
	s := newEditSet(map[string]bool{"f.go": true})
	if why := s.addEdits(map[string][]edit{"f.go": {{10, 10, "\n\t\"fmt\""}, {40, 45, "x"}}}); why != "" {
		t.Fatal(why)
	}
	if why := s.addEdits(map[string][]edit{"f.go": {{10, 10, "\n\t\"errors\"\n\t\"fmt\""}}}); why != "" {
		t.Fatalf("import insertions at one spot conflict: %s", why)
	}
	if got := s.files["f.go"][0].text; got != "\n\t\"errors\"\n\t\"fmt\"" {
		t.Errorf("merged insertion %q, want each spec once", got)
	}
	if why := s.addEdits(map[string][]edit{"f.go": {{42, 43, "y"}}}); why == "" {
		t.Errorf("an overlapping edit was accepted")
	}
}
