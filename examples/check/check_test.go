// Package check runs the noexit command on the examples: the reference
// patched module must be clean, and the pre-fix copy of the KubeEdge bug in
// the nested module examples/edgecore-bug must give exactly the diagnostic
// the README shows.
package check

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// bugDiagnostics is what noexit prints on examples/edgecore-bug: one
// diagnostic and its related positions, with paths relative to the module.
var bugDiagnostics = []string{
	"edgestream/edgestream.go:58:4: os.Exit ends the process, reached from exported edgestream.Register -> edgestream.newEdgeStream -> os.Exit; return an error instead (no automatic fix: the error would change the signature of exported edgestream.Register)",
	"edgestream/edgestream.go:47:6: \treached from exported edgestream.Register",
	"edgestream/edgestream.go:48:16: \tedgestream.Register calls edgestream.newEdgeStream",
}

// root returns the repository root, symlinks resolved so that it matches
// the paths noexit prints.
func root(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	if dir, err = filepath.EvalSymlinks(dir); err != nil {
		t.Fatal(err)
	}
	return dir
}

var build struct {
	once sync.Once
	bin  string
	err  error
	out  []byte
}

// noexit builds cmd/noexit once per test binary and returns its path.
func noexit(t *testing.T) string {
	t.Helper()
	build.once.Do(func() {
		dir, err := os.MkdirTemp("", "noexit-check-")
		if err != nil {
			build.err = err
			return
		}
		bin := filepath.Join(dir, "noexit")
		cmd := exec.Command("go", "build", "-o", bin, "./cmd/noexit")
		cmd.Dir = root(t)
		build.out, build.err = cmd.CombinedOutput()
		build.bin = bin
	})
	if build.err != nil {
		t.Fatalf("go build ./cmd/noexit: %v\n%s", build.err, build.out)
	}
	return build.bin
}

func TestMain(m *testing.M) {
	code := m.Run()
	if build.bin != "" {
		os.RemoveAll(filepath.Dir(build.bin))
	}
	os.Exit(code)
}

// run runs name with args in dir and returns its stdout, its stderr and
// its exit code.
func run(t *testing.T, dir, name string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOTOOLCHAIN=local")
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &exit):
		code = exit.ExitCode()
	default:
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, errOut.String())
	}
	return out.String(), errOut.String(), code
}

// lines splits s into lines, drops empty ones and removes the prefix
// dir/ from each.
func lines(s, dir string) []string {
	var out []string
	for l := range strings.Lines(s) {
		l = strings.TrimRight(l, "\r\n")
		if l == "" {
			continue
		}
		out = append(out, strings.TrimPrefix(l, dir+string(filepath.Separator)))
	}
	return out
}

// TestReferenceIsClean checks that noexit finds nothing in the examples of
// the main module, the reference patched edgestream among them.
func TestReferenceIsClean(t *testing.T) {
	dir := root(t)
	stdout, stderr, code := run(t, dir, noexit(t), "./examples/...")
	if code != 0 || stdout != "" || stderr != "" {
		t.Fatalf("noexit ./examples/... exited %d; want 0 and no output\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
}

// TestEdgecoreBug checks the diagnostic on the pre-fix model in the nested
// module examples/edgecore-bug. The nested module requires the real klog,
// which the go command may have to fetch, so it is skipped under -short.
func TestEdgecoreBug(t *testing.T) {
	if testing.Short() {
		t.Skip("needs k8s.io/klog/v2 from the module cache or the module proxy")
	}
	dir := filepath.Join(root(t), "examples", "edgecore-bug")

	t.Run("noexit", func(t *testing.T) {
		stdout, stderr, code := run(t, dir, noexit(t), "./...")
		if got := lines(stderr, dir); code != 3 || stdout != "" || !slices.Equal(got, bugDiagnostics) {
			t.Fatalf("noexit ./... in examples/edgecore-bug exited %d; want 3\nstdout:\n%s\ngot:\n%s\nwant:\n%s",
				code, stdout, strings.Join(got, "\n"), strings.Join(bugDiagnostics, "\n"))
		}
	})

	// The README's first command, exactly as written, from the root.
	t.Run("readme command", func(t *testing.T) {
		stdout, stderr, code := run(t, root(t), "go", "-C", "examples/edgecore-bug", "run", "github.com/noexit-lint/noexit/cmd/noexit", "./...")
		want := append(slices.Clone(bugDiagnostics), "exit status 3")
		if got := lines(stderr, dir); code != 1 || stdout != "" || !slices.Equal(got, want) {
			t.Fatalf("go -C examples/edgecore-bug run .../cmd/noexit ./... exited %d; want 1 (go run reports the 3)\nstdout:\n%s\ngot:\n%s\nwant:\n%s",
				code, stdout, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	})
}
