package fix_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// semantic lists the fixed test packages that testdata/semantic runs:
// the rewritten functions, on their failure paths, must return an error
// that carries the cause and the fields, run the dropped calls once,
// leave no lock held or goroutine behind, reject a bad flag, run main's
// deferred flush before the exit, and fail a failed once again.
var semantic = []string{"fixcause", "fixeffects", "fixcleanup", "fixflag", "fixunreach", "fixmainrun", "fixinvoked"}

// TestGoldenSemantics builds the golden outputs and runs
// testdata/semantic/<case>_test.go against each with go test.
func TestGoldenSemantics(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go test on the fixed packages")
	}
	root := fixedTree(t)
	var pkgs []string
	for _, c := range semantic {
		data, err := os.ReadFile(filepath.Join("testdata", "semantic", c+"_test.go"))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(root, "src", c, "semantic_test.go"), data, 0o644); err != nil {
			t.Fatal(err)
		}
		pkgs = append(pkgs, c)
	}
	cmd := exec.Command("go", append([]string{"test", "-count=1"}, pkgs...)...)
	cmd.Dir = filepath.Join(root, "src")
	cmd.Env = append(os.Environ(), "GOPATH="+root, "GO111MODULE=off", "GOFLAGS=", "GOTOOLCHAIN=local")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go test %s: %v\n%s", strings.Join(pkgs, " "), err, out)
	}
	t.Logf("%s", out)
}
