package main

import "testing"

func TestParseSummary(t *testing.T) {
	for _, c := range []struct {
		stderr               string
		fixed, files, remain int
		ok                   bool
	}{
		{"a.go:1:2: x\nnoexit: would fix 32 findings in 9 files; 85 remain\n", 32, 9, 85, true},
		{"noexit: would fix 1 finding in 1 file; 0 remain\n", 1, 1, 0, true},
		{"", 0, 0, 0, true},
		{"noexit: fixed 1 finding in 1 file; 0 remain\n", 0, 0, 0, false},
		{"noexit: pattern ./...: no packages\n", 0, 0, 0, false},
	} {
		_, fixed, files, remain, ok := parseSummary([]byte(c.stderr))
		if fixed != c.fixed || files != c.files || remain != c.remain || ok != c.ok {
			t.Errorf("parseSummary(%q) = %d, %d, %d, %v; want %d, %d, %d, %v", c.stderr, fixed, files, remain, ok, c.fixed, c.files, c.remain, c.ok)
		}
	}
}

func TestSpliceSection(t *testing.T) {
	sec := fixSection + "\n\nnew\n\n"
	for _, c := range []struct{ doc, want string }{
		{"# t\n\n## A\n\na\n", "# t\n\n## A\n\na\n\n" + sec},
		{"# t\n\n" + fixSection + "\n\nold\n\n## B\n\nb\n", "# t\n\n" + sec + "## B\n\nb\n"},
		{"# t\n\n## A\n\n" + fixSection + "\n\nold\n", "# t\n\n## A\n\n" + sec},
	} {
		if got := spliceSection(c.doc, fixSection, sec); got != c.want {
			t.Errorf("spliceSection(%q) = %q, want %q", c.doc, got, c.want)
		}
		if got := section(spliceSection(c.doc, fixSection, sec), fixSection); got != sec {
			t.Errorf("section after splice = %q, want %q", got, sec)
		}
	}
}
