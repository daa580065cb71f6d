package main_test

// End-to-end tests of module-wide fixes (-fix -fix-exported): the
// edgecore bug fixed by one command, every stop of a chain refused with
// its reason, and a caller that only windows builds, type-checked for
// windows.

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// copyEdgecore copies examples/edgecore-bug into a fresh directory, as a
// module of its own (without the tool dependency on this repository).
func copyEdgecore(t *testing.T) string {
	t.Helper()
	dir, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	dir = filepath.Join(dir, "edgecore-bug")
	if err := os.CopyFS(dir, os.DirFS(filepath.Join("..", "..", "examples", "edgecore-bug"))); err != nil {
		t.Fatal(err)
	}
	mod := filepath.Join(dir, "go.mod")
	data := readFile(t, mod)
	data = regexp.MustCompile(`(?m)^(require github.com/noexit-lint/noexit.*|replace .*|tool .*)\n`).ReplaceAllString(data, "")
	if err := os.WriteFile(mod, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestFixExportedEdgecore fixes the bug that started noexit end to end:
// edgestream.Register gains an error result, the exit moves to the cmd
// caller as klog.Fatal, the test gets t.Fatal, and everything builds,
// vets and passes its tests; a second run changes nothing.
func TestFixExportedEdgecore(t *testing.T) {
	t.Parallel()
	bin := noexitBin(t)
	dir := copyEdgecore(t)
	if r := runIn(t, dir, nil, bin, "-fix", "./..."); r.code != 3 || !strings.Contains(r.stderr, "would change the signature of exported edgestream.Register") {
		t.Fatalf("without -fix-exported: want the finding left, exit code 3\n%s", r)
	}
	r := runIn(t, dir, nil, bin, "-fix", "-fix-exported", "./...")
	if r.code != 0 || !strings.Contains(r.stderr, "noexit: fixed 1 finding in 3 files; 0 remain") {
		t.Fatalf("want every finding fixed, exit code 0\n%s", r)
	}
	files := map[string]string{}
	for file, want := range map[string]string{
		"cmd/edgecore/app/app.go":       "\tif err := edgestream.Register(cfg, hostname, nodeIP); err != nil {\n\t\tklog.Fatal(err)\n\t}\n\tcore.Run()\n",
		"edgestream/edgestream_test.go": "\tif err := Register(&v1alpha1.EdgeStream{}, \"edge-node\", \"192.0.2.10\"); err != nil {\n\t\tt.Fatal(err)\n\t}\n",
		"edgestream/edgestream.go": "func Register(s *v1alpha1.EdgeStream, hostnameOverride, nodeIP string) error {\n" +
			"\tnewEdgeStreamResult, err := newEdgeStream(s, hostnameOverride, nodeIP)\n\tif err != nil {\n\t\treturn err\n\t}\n" +
			"\tcore.Register(newEdgeStreamResult)\n\treturn nil\n}",
	} {
		got := readFile(t, filepath.Join(dir, file))
		files[file] = got
		if !strings.Contains(got, want) {
			t.Errorf("%s lacks\n%s\nit is\n%s", file, want, got)
		}
	}
	if strings.Contains(files["edgestream/edgestream.go"], "\t\t\tos.Exit(1)\n") {
		t.Errorf("the exit is still in edgestream.go")
	}
	for _, args := range [][]string{{"build", "./..."}, {"vet", "./..."}, {"test", "./..."}} {
		if r := runIn(t, dir, nil, "go", args...); r.code != 0 {
			t.Errorf("the fixed module fails\n%s", r)
		}
	}
	again := runIn(t, dir, nil, bin, "-fix", "-fix-exported", "./...")
	if again.code != 0 || again.stderr != "" {
		t.Errorf("a second run: want exit code 0 and no output\n%s", again)
	}
	for file, before := range files {
		if got := readFile(t, filepath.Join(dir, file)); got != before {
			t.Errorf("a second run changed %s", file)
		}
	}
}

// TestFixExportedRefusals checks the reason for each stop of a chain, the
// fixes that pass (through a library caller that gains an error result,
// into main, a test and a windows-only file), and that the result vets on
// linux and windows and that -diff equals -fix.
func TestFixExportedRefusals(t *testing.T) {
	t.Parallel()
	bin := noexitBin(t)
	dir := copyModule(t, "modfix")
	patched := copyModule(t, "modfix")
	// Only lib is named: its callers elsewhere in the module are found
	// and updated all the same.
	r := runIn(t, dir, nil, bin, "-fix", "-fix-exported", "./lib/...")
	if r.code != 3 {
		t.Errorf("exit code %d, want 3 (refused findings remain)\n%s", r.code, r)
	}
	out := strings.ReplaceAll(r.stderr, dir+string(filepath.Separator), "")
	for _, want := range []string{
		"(no module-wide fix: lib.Lit is called from a function literal in use.LitCaller (use.go:19))",
		"(no module-wide fix: lib.Gone is started with go in use.GoCaller (use.go:24))",
		"(no module-wide fix: lib.Val is used as a value in a package-level declaration of example.com/modfix/use)",
		"(no module-wide fix: (use.R).Run implements use.Runner, whose signature cannot change)",
		"(no module-wide fix: (use.M).Start is a lifecycle method of use.Module, which cannot return an error; report the failure to the framework, degrade or retry instead of exiting)",
		"(no module-wide fix: the error would reach init in example.com/modfix/use, which cannot return it)",
		"(no module-wide fix: (lib.Srv).Serve implements use.Server, whose signature cannot change)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks the reason %q\n%s", want, out)
		}
	}
	if strings.Contains(out, "lib.Open") {
		t.Errorf("lib.Open was not fixed\n%s", out)
	}
	for file, want := range map[string]string{
		"cmd/tool/open_windows.go": "\tf, err := lib.Open(`C:\\tool.conf`)\n\tif err != nil {\n\t\tlog.Fatal(err)\n\t}\n",
		"cmd/tool/main.go":         "\tn, err := use.Setup(\"tool.conf\")\n\tif err != nil {\n\t\tlog.Fatal(err)\n\t}\n",
		"use/use.go":               "func Setup(path string) (int, error) {\n\tf, err := lib.Open(path)\n\tif err != nil {\n\t\treturn 0, err\n\t}\n",
		"lib/lib_test.go":          "\tf, err := lib.Open(os.DevNull)\n\tif err != nil {\n\t\tt.Fatal(err)\n\t}\n",
		"use/use.go#shadow":        "\t\tf, openErr := lib.Open(\"x\")\n\t\tif openErr != nil {\n\t\t\treturn openErr\n\t\t}\n\t\terr = f.Close()\n",
	} {
		if got := readFile(t, filepath.Join(dir, strings.Split(file, "#")[0])); !strings.Contains(got, want) {
			t.Errorf("%s lacks\n%s\nit is\n%s", file, want, got)
		}
	}
	for _, env := range [][]string{nil, {"GOOS=windows"}} {
		if r := runIn(t, dir, env, "go", "vet", "./..."); r.code != 0 {
			t.Errorf("the fixed module does not vet\n%s", r)
		}
	}
	if r := runIn(t, dir, nil, "go", "test", "./..."); r.code != 0 {
		t.Errorf("the fixed module's tests fail\n%s", r)
	}

	d := runIn(t, patched, nil, bin, "-diff", "-fix-exported", "./...")
	if d.code != 3 || !strings.Contains(d.stdout, "+++ b/cmd/tool/open_windows.go\n") {
		t.Fatalf("-diff -fix-exported: want the patch and exit code 3\n%s", d)
	}
	patch := filepath.Join(t.TempDir(), "fix.patch")
	if err := os.WriteFile(patch, []byte(d.stdout), 0o644); err != nil {
		t.Fatal(err)
	}
	if a := runIn(t, patched, nil, "git", "apply", patch); a.code != 0 {
		t.Fatalf("git apply rejects the patch\n%s\n%s", a, d.stdout)
	}
	for _, f := range []string{"lib/lib.go", "lib/lib_test.go", "use/use.go", "cmd/tool/main.go", "cmd/tool/open_windows.go"} {
		if a, b := readFile(t, filepath.Join(patched, f)), readFile(t, filepath.Join(dir, f)); a != b {
			t.Errorf("%s: -diff applied gives\n%s\n-fix gives\n%s", f, a, b)
		}
	}
}
