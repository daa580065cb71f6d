package fix_test

import (
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// e2eModule is a small multi-package module that uses the real klog.
var e2eModule = map[string]string{
	"go.mod": "module example.com/app\n\ngo 1.26\n",
	"ip/ip.go": `package ip

import (
	"net"

	"k8s.io/klog/v2"
)

// Register is the entry point; it can return an error.
func Register(name string) (net.IP, error) {
	ip := localIP()
	if name == "" {
		return nil, nil
	}
	return ip, nil
}

func localIP() net.IP {
	addrs, err := net.InterfaceAddrs()
	if err != nil {
		klog.Fatalf("list addresses: %v", err)
	}
	for _, a := range addrs {
		if n, ok := a.(*net.IPNet); ok {
			return n.IP
		}
	}
	klog.Fatal("no address")
	return nil
}

// MustPort cannot change: the exit stays, reported without a fix.
func MustPort() int {
	return port()
}

func port() int {
	klog.Exit("no port")
	return 0
}
`,
	"store/store.go": `package store

import (
	"fmt"
	"os"

	"example.com/app/ip"
)

type Store struct{ Path string }

// Open logs and exits on a bad path.
func Open(path string) (*Store, error) {
	if _, err := ip.Register(path); err != nil {
		return nil, err
	}
	fi, err := os.Stat(path)
	if err != nil {
		fmt.Fprintf(os.Stderr, "stat %s: %v\n", path, err)
		os.Exit(1)
	}
	if !fi.IsDir() {
		os.Exit(2)
	}
	return &Store{Path: path}, nil
}
`,
}

// e2eMore adds to e2eModule what one run must fix completely on every
// front door: fmt.Errorf fixes in a package that imports net/http, logrus
// and zap (go vet sees fmt there only through their export data), two
// fixes that share "return parse(s)", and a fix that spans two files,
// which golangci-lint must not get.
var e2eMore = map[string]string{
	"web/web.go": `package web

import (
	"net/http"

	"github.com/sirupsen/logrus"
	"go.uber.org/zap"
)

// Serve exits through logrus and zap in a package that does not import fmt.
func Serve(addr string, log *zap.Logger) (*http.Server, error) {
	if addr == "" {
		logrus.Fatalf("empty address %q", addr)
	}
	srv := &http.Server{Addr: addr}
	if err := check(srv); err != nil {
		log.Fatal("check failed", zap.Error(err))
	}
	return srv, nil
}

func check(s *http.Server) error {
	if s.Addr == "-" {
		return http.ErrServerClosed
	}
	return nil
}
`,
	"share/share.go": `package share

import (
	"strconv"

	"k8s.io/klog/v2"
)

// Load reaches two exits whose fixes share "return parse(s)".
func Load(s string) (int, error) {
	return load(s), nil
}

func load(s string) int {
	if s == "" {
		klog.Fatal("empty input")
	}
	return parse(s)
}

func parse(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		klog.Fatalf("parse %q: %v", s, err)
	}
	return n
}
`,
	"share/name.go": `package share

import "k8s.io/klog/v2"

// Name's fix touches this file only.
func Name(s string) (string, error) {
	if s == "" {
		klog.Fatal("no name")
	}
	return s, nil
}

// Host calls host, in host.go: its fix spans two files.
func Host() (string, error) {
	return host(), nil
}
`,
	"share/host.go": `package share

import "os"

func host() string {
	h, err := os.Hostname()
	if err != nil {
		os.Exit(3)
	}
	return h
}
`,
}

// e2eGolangci enables noexit alone, with every finding shown.
const e2eGolangci = `version: "2"
linters:
  default: none
  enable: [noexit]
  settings:
    custom:
      noexit:
        type: module
issues:
  max-issues-per-linter: 0
  max-same-issues: 0
`

// TestEndToEnd fixes a module that uses the real klog, logrus and zap with
// each front door (noexit -fix, go vet -fix, go fix -fixtool and
// golangci-lint run --fix): one run applies every fix, the result builds
// and vets, a second run changes nothing, and the doors agree. Under
// golangci-lint, the fix that spans files is withheld, saying why; every
// other file comes out as with noexit -fix.
func TestEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end: builds noexit and golangci-lint and runs the go command")
	}
	bin := filepath.Join(t.TempDir(), "noexit")
	run(t, filepath.Join("..", ".."), "go", "build", "-o", bin, "./cmd/noexit")
	gcl := golangciBinary(t)

	base := t.TempDir()
	for name, text := range e2eModule {
		writeFile(t, filepath.Join(base, name), text)
	}
	for name, text := range e2eMore {
		writeFile(t, filepath.Join(base, name), text)
	}
	writeFile(t, filepath.Join(base, ".golangci.yml"), e2eGolangci)
	run(t, base, "go", "get", "k8s.io/klog/v2@latest", "github.com/sirupsen/logrus@v1.10.2", "go.uber.org/zap@v1.28.0")
	run(t, base, "go", "build", "./...")

	doors := []struct {
		name string
		args []string
	}{
		{"noexit", []string{bin, "-fix", "./..."}},
		{"vet", []string{"go", "vet", "-vettool=" + bin, "-fix", "./..."}},
		{"gofix", []string{"go", "fix", "-fixtool=" + bin, "./..."}},
		{"golangci", []string{gcl, "run", "--fix", "./..."}},
	}
	fixed := map[string]map[string]string{}
	for _, tc := range doors {
		dir := t.TempDir()
		if err := os.CopyFS(dir, os.DirFS(base)); err != nil {
			t.Fatal(err)
		}
		out, _ := command(dir, tc.args[0], tc.args[1:]...).CombinedOutput()
		t.Logf("%s:\n%s", strings.Join(tc.args, " "), out)
		if strings.Contains(string(out), "Re-run") || strings.Contains(string(out), "skipped") {
			t.Errorf("%s: one run did not apply every fix:\n%s", tc.name, out)
		}
		run(t, dir, "go", "build", "./...")
		run(t, dir, "go", "vet", "./...")
		fixed[tc.name] = tree(t, dir)
		out, _ = command(dir, tc.args[0], tc.args[1:]...).CombinedOutput()
		if again := tree(t, dir); !maps.Equal(again, fixed[tc.name]) {
			t.Errorf("%s: a second run changed files:\n%s\n%s", tc.name, out, treeDiff(fixed[tc.name], again))
		}
		if tc.name == "golangci" {
			if !strings.Contains(string(out), "no automatic fix under golangci-lint: the fix also edits name.go") {
				t.Errorf("golangci: the two-file fix is not withheld with its reason:\n%s", out)
			}
			continue
		}
		checkLeft(t, bin, dir)
	}
	for _, name := range []string{"vet", "gofix"} {
		if d := treeDiff(fixed["noexit"], fixed[name]); d != "" {
			t.Errorf("%s and noexit -fix disagree:\n%s", name, d)
		}
	}
	if !strings.Contains(fixed["vet"]["web/web.go"], `fmt.Errorf("empty address %q", addr)`) {
		t.Errorf("go vet -fix did not rewrite logrus.Fatalf in a package without fmt:\n%s", fixed["vet"]["web/web.go"])
	}
	// golangci-lint: host's fix (share/host.go and name.go) is withheld;
	// everything else is as noexit -fix writes it.
	g := fixed["golangci"]
	if g["share/host.go"] != e2eMore["share/host.go"] {
		t.Errorf("golangci-lint --fix edited share/host.go:\n%s", g["share/host.go"])
	}
	if name := g["share/name.go"]; strings.Contains(name, "klog.Fatal") || !strings.Contains(name, "host(), nil") {
		t.Errorf("golangci-lint --fix: share/name.go should have Name fixed and Host's call unchanged:\n%s", name)
	}
	want, got := maps.Clone(fixed["noexit"]), maps.Clone(g)
	for _, f := range []string{"share/host.go", "share/name.go"} {
		delete(want, f)
		delete(got, f)
	}
	if d := treeDiff(want, got); d != "" {
		t.Errorf("golangci-lint --fix and noexit -fix disagree beyond the two-file fix:\n%s", d)
	}
}

// checkLeft runs noexit on a fixed module: only the klog.Exit in port,
// whose fix would change exported MustPort, is left, without a fix.
func checkLeft(t *testing.T, bin, dir string) {
	t.Helper()
	out, _ := command(dir, bin, "./...").CombinedOutput()
	var left []string
	for _, line := range strings.Split(string(out), "\n") {
		if line == "" || strings.Contains(line, ": \t") {
			continue
		}
		left = append(left, line)
		if !strings.Contains(line, "no automatic fix") {
			t.Errorf("after fixing, reported with a fix or advice only: %s", line)
		}
	}
	if len(left) != 1 || !strings.Contains(left[0], "klog.Exit") {
		t.Errorf("after fixing, want only the klog.Exit in port reported, got:\n%s", out)
	}
	data, err := os.ReadFile(filepath.Join(dir, "store", "store.go"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(data), "os.Exit") || strings.Contains(string(data), `"os"`) && !strings.Contains(string(data), "os.Stat") {
		t.Errorf("store.go still exits:\n%s", data)
	}
}

// tree returns the .go files under dir by slash-separated relative name.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		data, err := os.ReadFile(path)
		rel, _ := filepath.Rel(dir, path)
		files[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// treeDiff lists the files that differ, with both versions.
func treeDiff(x, y map[string]string) string {
	var b strings.Builder
	for _, name := range slices.Sorted(maps.Keys(x)) {
		if x[name] != y[name] {
			fmt.Fprintf(&b, "--- %s:\n%s\n+++ %s:\n%s\n", name, x[name], name, y[name])
		}
	}
	for name := range y {
		if _, ok := x[name]; !ok {
			fmt.Fprintf(&b, "+++ new file %s\n", name)
		}
	}
	return b.String()
}

// golangciBinary returns golangci-lint with the noexit plugin:
// $NOEXIT_GOLANGCI, or the binary scripts/build-golangci.sh builds (and
// reuses while the plugin is unchanged).
func golangciBinary(t *testing.T) string {
	t.Helper()
	if bin := os.Getenv("NOEXIT_GOLANGCI"); bin != "" {
		return bin
	}
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(root, "bin", "golangci-lint-noexit")
	run(t, root, filepath.Join(root, "scripts", "build-golangci.sh"), bin)
	return bin
}

func command(dir, name string, args ...string) *exec.Cmd {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOTOOLCHAIN=local", "GOFLAGS=-mod=mod")
	return cmd
}

func run(t *testing.T, dir, name string, args ...string) {
	t.Helper()
	if out, err := command(dir, name, args...).CombinedOutput(); err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
}

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}
