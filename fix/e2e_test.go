package fix_test

import (
	"os"
	"os/exec"
	"path/filepath"
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

// TestEndToEnd fixes a module that uses the real klog with each front
// door (noexit -fix, go vet -fix, go fix -fixtool): the result builds and
// vets, and a second run reports only the exits that have no fix.
func TestEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end: builds noexit and runs the go command")
	}
	bin := filepath.Join(t.TempDir(), "noexit")
	run(t, "..", "go", "build", "-o", bin, "./cmd/noexit")

	base := t.TempDir()
	for name, text := range e2eModule {
		writeFile(t, filepath.Join(base, name), text)
	}
	run(t, base, "go", "get", "k8s.io/klog/v2@latest")

	for _, tc := range []struct {
		name string
		args []string
	}{
		{"noexit", []string{bin, "-fix", "./..."}},
		{"vet", []string{"go", "vet", "-vettool=" + bin, "-fix", "./..."}},
		{"gofix", []string{"go", "fix", "-fixtool=" + bin, "./..."}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.CopyFS(dir, os.DirFS(base)); err != nil {
				t.Fatal(err)
			}
			out, _ := command(dir, tc.args[0], tc.args[1:]...).CombinedOutput()
			t.Logf("%s:\n%s", strings.Join(tc.args, " "), out)
			run(t, dir, "go", "build", "./...")
			run(t, dir, "go", "vet", "./...")
			out, _ = command(dir, bin, "./...").CombinedOutput()
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
			ipText, _ := os.ReadFile(filepath.Join(dir, "ip", "ip.go"))
			t.Logf("ip.go:\n%s", ipText)
			data, err := os.ReadFile(filepath.Join(dir, "store", "store.go"))
			t.Logf("store.go:\n%s", data)
			if err != nil {
				t.Fatal(err)
			}
			if strings.Contains(string(data), "os.Exit") || strings.Contains(string(data), `"os"`) && !strings.Contains(string(data), "os.Stat") {
				t.Errorf("store.go still exits:\n%s", data)
			}
		})
	}
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
