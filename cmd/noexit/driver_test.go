package main_test

// Tests of the standalone driver: exit codes in every mode, -diff as a
// patch that git apply and patch -p1 accept, -help, -tags, and flag
// errors under go vet.

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestExitCodes checks the README's exit-code table in text, -json, -fix
// and -diff modes.
func TestExitCodes(t *testing.T) {
	t.Parallel()
	bin := noexitBin(t)
	typeerr := copyModule(t, "typeerr")
	for _, tc := range []struct {
		name string
		dir  func() string
		args []string
		code int
	}{
		{"text findings", func() string { return copyModule(t, "fixdiff") }, []string{"./..."}, 3},
		{"json findings", func() string { return copyModule(t, "fixdiff") }, []string{"-json", "./..."}, 3},
		{"fix leaves one", func() string { return copyModule(t, "fixdiff") }, []string{"-fix", "./..."}, 3},
		{"diff", func() string { return copyModule(t, "fixdiff") }, []string{"-diff", "./util/..."}, 3},
		{"fix fixes all", func() string { return copyModule(t, "fixdiff") }, []string{"-fix", "./util/..."}, 0},
		{"text clean", func() string { return copyModule(t, "fixmod") }, []string{"-categories=goexit", "./..."}, 0},
		{"json clean", func() string { return copyModule(t, "fixmod") }, []string{"-json", "-categories=goexit", "./..."}, 0},
		{"text error", func() string { return typeerr }, []string{"./..."}, 1},
		{"json error", func() string { return typeerr }, []string{"-json", "./..."}, 1},
		{"fix error", func() string { return typeerr }, []string{"-fix", "./..."}, 1},
		{"bad flag", func() string { return typeerr }, []string{"-nope", "./..."}, 1},
		{"empty categories", func() string { return typeerr }, []string{"-categories=", "./..."}, 1},
		{"no packages", func() string { return typeerr }, []string{"./nothing/..."}, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := runIn(t, tc.dir(), nil, bin, tc.args...)
			if r.code != tc.code {
				t.Errorf("exit code %d, want %d\n%s", r.code, tc.code, r)
			}
			if crash.MatchString(r.stdout + r.stderr) {
				t.Errorf("crash\n%s", r)
			}
		})
	}
}

// TestFixReports checks that -fix writes the fixes and prints, with the
// reason, the findings it could not fix, and that the result builds and a
// second run changes nothing.
func TestFixReports(t *testing.T) {
	t.Parallel()
	bin := noexitBin(t)
	dir := copyModule(t, "fixdiff")
	r := runIn(t, dir, nil, bin, "-fix", "./...")
	out := strings.ReplaceAll(r.stderr, dir+string(filepath.Separator), "")
	for _, want := range []string{
		"svc/svc.go:33:3: os.Exit ends the process, reached from exported svc.Start -> os.Exit; return an error instead (no automatic fix: the error would change the signature of exported svc.Start)\n",
		"noexit: fixed 3 findings in 2 files; 1 remain\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("-fix output lacks %q\n%s", want, r)
		}
	}
	if strings.Contains(out, "svc.Port") || strings.Contains(out, "util.Home") {
		t.Errorf("-fix printed findings it fixed\n%s", r)
	}
	if b := runIn(t, dir, nil, "go", "build", "./..."); b.code != 0 {
		t.Fatalf("the fixed module does not build\n%s", b)
	}
	before := readFile(t, filepath.Join(dir, "svc", "svc.go")) + readFile(t, filepath.Join(dir, "util", "util.go"))
	again := runIn(t, dir, nil, bin, "-fix", "./...")
	after := readFile(t, filepath.Join(dir, "svc", "svc.go")) + readFile(t, filepath.Join(dir, "util", "util.go"))
	if again.code != 3 || after != before {
		t.Errorf("a second -fix changed files or exited %d, want 3 and no change\n%s", again.code, again)
	}
}

// TestDiffApplies applies -diff's output with git apply (and checks it
// with patch -p1) in a fresh repository and compares with -fix's result.
func TestDiffApplies(t *testing.T) {
	t.Parallel()
	bin := noexitBin(t)
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	patched := copyModule(t, "fixdiff")
	fixed := copyModule(t, "fixdiff")
	orig := readFile(t, filepath.Join(patched, "svc", "svc.go"))

	git := func(args ...string) {
		t.Helper()
		r := runIn(t, patched, nil, "git", append([]string{"-c", "user.name=t", "-c", "user.email=t@t.invalid"}, args...)...)
		if r.code != 0 {
			t.Fatalf("git failed\n%s", r)
		}
	}
	git("init", "-q", ".")
	git("add", "-A")
	git("commit", "-q", "-m", "base")

	d := runIn(t, patched, nil, bin, "-diff", "./...")
	if d.code != 3 || !strings.HasPrefix(d.stdout, "--- a/svc/svc.go\n+++ b/svc/svc.go\n@@ -") {
		t.Fatalf("-diff: want exit code 3 and a patch with a/ b/ paths relative to the directory\n%s", d)
	}
	if got := readFile(t, filepath.Join(patched, "svc", "svc.go")); got != orig {
		t.Fatalf("-diff wrote a file")
	}
	patch := filepath.Join(t.TempDir(), "fix.patch")
	if err := os.WriteFile(patch, []byte(d.stdout), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := exec.LookPath("patch"); err == nil {
		if r := runIn(t, patched, nil, "patch", "-p1", "--dry-run", "-i", patch); r.code != 0 {
			t.Errorf("patch -p1 rejects the diff\n%s\n%s", r, d.stdout)
		}
	}
	git("apply", patch)

	if r := runIn(t, fixed, nil, bin, "-fix", "./..."); r.code != 3 {
		t.Fatalf("-fix: exit code %d, want 3\n%s", r.code, r)
	}
	for _, f := range []string{"svc/svc.go", "util/util.go", "svc/tagged.go"} {
		if a, b := readFile(t, filepath.Join(patched, f)), readFile(t, filepath.Join(fixed, f)); a != b {
			t.Errorf("%s: git apply of -diff gives\n%s\n-fix gives\n%s", f, a, b)
		}
	}
}

// TestHelp checks that -help documents noexit's own flags, exit codes and
// directives, and none of x/tools' deprecated no-op flags.
func TestHelp(t *testing.T) {
	t.Parallel()
	bin := noexitBin(t)
	r := runIn(t, ".", nil, bin, "-help")
	if r.code != 0 {
		t.Errorf("exit code %d, want 0\n%s", r.code, r)
	}
	for _, want := range []string{
		"-fix-exported", "-diff", "-json", "-tags", "-terminators", "-categories",
		"Exit codes:", "0  no findings", "1  an error", "3  findings remain",
		"//noexit:allow <reason>", "//noexit:terminates",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("-help lacks %q\n%s", want, r)
		}
	}
	for _, bad := range []string{"  -source\n", "  -all\n", "  -v\n", "no effect", "-cpuprofile"} {
		if strings.Contains(r.stdout+r.stderr, bad) {
			t.Errorf("-help mentions %q\n%s", bad, r)
		}
	}
}

// TestTagsAndTerminators checks -tags, the warning for a -terminators
// entry that names nothing, and -V=full for go vet's cache.
func TestTagsAndTerminators(t *testing.T) {
	t.Parallel()
	bin := noexitBin(t)
	dir := copyModule(t, "fixdiff")
	const tagged = "svc/tagged.go:9:2: os.Exit ends the process, reached from exported svc.Demo -> os.Exit"
	if r := runIn(t, dir, nil, bin, "./svc"); strings.Contains(r.stderr, "tagged.go") {
		t.Errorf("a file behind a build tag was checked without -tags\n%s", r)
	}
	if r := runIn(t, dir, nil, bin, "-tags=noexitdemo", "./svc"); !strings.Contains(strings.ReplaceAll(r.stderr, dir+"/", ""), tagged) {
		t.Errorf("-tags=noexitdemo: want %q\n%s", tagged, r)
	}

	r := runIn(t, dir, nil, bin, "-terminators=example.com/fixdiff/util.Hmoe,example.com/fixdiff/util.Home", "./...")
	const warn = `noexit: warning: -terminators entry "example.com/fixdiff/util.Hmoe" names no function in any loaded package`
	if strings.Count(r.stderr, warn) != 1 || strings.Contains(r.stderr, `"example.com/fixdiff/util.Home" names`) {
		t.Errorf("want the warning %q once, and none for util.Home\n%s", warn, r)
	}

	v := runIn(t, dir, nil, bin, "-V=full")
	if v.code != 0 || !strings.Contains(v.stdout, " version ") || !strings.Contains(v.stdout, "buildID=") {
		t.Errorf("-V=full: want the version line go vet caches on\n%s", v)
	}
}

// TestVetBadFlag checks that a bad flag value under go vet -vettool is
// one line per invocation, without the usage text.
func TestVetBadFlag(t *testing.T) {
	t.Parallel()
	bin := noexitBin(t)
	dir := copyModule(t, "fixdiff")
	for _, flag := range []string{"-categories=nope", "-categories="} {
		r := runIn(t, dir, nil, "go", "vet", "-vettool="+bin, flag, "./...")
		out := r.stdout + r.stderr
		if r.code == 0 || !strings.Contains(out, "noexit: ") {
			t.Errorf("want an error naming the flag\n%s", r)
		}
		if strings.Contains(out, "Usage") || strings.Contains(out, "-terminators") {
			t.Errorf("go vet printed the usage text\n%s", r)
		}
		// Two packages: at most a header and the error for each.
		if n := strings.Count(strings.TrimSpace(out), "\n") + 1; n > 4 {
			t.Errorf("%d lines of output, want at most 4\n%s", n, r)
		}
	}
}
