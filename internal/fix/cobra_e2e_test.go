package fix_test

import (
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// cobraModule has cobra commands in library code whose Run functions exit.
var cobraModule = map[string]string{
	"go.mod": "module example.com/cli\n\ngo 1.26\n",
	"cli/cli.go": `package cli

import (
	"errors"
	"fmt"
	"log"

	"github.com/spf13/cobra"
)

var errNoName = errors.New("no name")

// NewRootCommand builds the command; its Run used to end the process.
func NewRootCommand() *cobra.Command {
	return &cobra.Command{
		Use:          "greet",
		SilenceUsage: true,
		Args:         cobra.ArbitraryArgs,
		PreRun: func(cmd *cobra.Command, args []string) {
			if len(args) > 1 {
				log.Fatalf("too many names: %d", len(args))
			}
		},
		Run: func(cmd *cobra.Command, args []string) {
			if err := greet(cmd, args); err != nil {
				log.Fatal(err)
			}
		},
	}
}

func greet(cmd *cobra.Command, args []string) error {
	if len(args) == 0 || args[0] == "" {
		return errNoName
	}
	fmt.Fprintln(cmd.OutOrStdout(), "hello", args[0])
	return nil
}
`,
	// Allowed code: a plain run reports nothing; -fix rewrites Run.
	"cmd/greet/main.go": `package main

import (
	"log"
	"os"

	"github.com/spf13/cobra"

	"example.com/cli/cli"
)

func main() {
	root := cli.NewRootCommand()
	root.AddCommand(&cobra.Command{
		Use: "version",
		Run: func(cmd *cobra.Command, args []string) {
			if len(args) > 0 {
				log.Fatal("version takes no arguments")
			}
			cmd.Println("v1")
		},
	})
	if err := root.Execute(); err != nil {
		os.Exit(1)
	}
}
`,
}

// cobraSemantic runs the fixed command: Execute returns the error that
// RunE returned, and cobra prints it as "Error: <msg>".
const cobraSemantic = `package cli

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

func TestExecuteReturnsTheError(t *testing.T) {
	cmd := NewRootCommand()
	var out bytes.Buffer
	cmd.SetOut(&out)
	cmd.SetErr(&out)
	cmd.SetArgs([]string{""})
	if err := cmd.Execute(); !errors.Is(err, errNoName) {
		t.Fatalf("Execute: %v, want %v", err, errNoName)
	}
	if !strings.Contains(out.String(), "Error: no name") {
		t.Fatalf("cobra did not print the error:\n%s", out.String())
	}
	cmd = NewRootCommand()
	cmd.SetOut(&out)
	cmd.SetErr(&out)
	cmd.SetArgs([]string{"a", "b"})
	if err := cmd.Execute(); err == nil || err.Error() != "too many names: 2" {
		t.Fatalf("Execute with two names: %v, want the PreRun error", err)
	}
	out.Reset()
	cmd = NewRootCommand()
	cmd.SetOut(&out)
	cmd.SetArgs([]string{"gopher"})
	if err := cmd.Execute(); err != nil || out.String() != "hello gopher\n" {
		t.Fatalf("Execute(gopher) = %v, output %q", err, out.String())
	}
}
`

// TestCobraEndToEnd fixes a module that uses the real cobra: Run and
// PreRun become RunE and PreRunE, the result builds and vets, a second
// run changes nothing, and the fixed command's Execute returns the error.
func TestCobraEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end: builds noexit and runs the go command on the real cobra")
	}
	bin, dir := cobraFixture(t, cobraModule)
	run(t, dir, "go", "build", "./...")
	if out, err := command(dir, bin, "./cmd/...").CombinedOutput(); err != nil {
		t.Errorf("noexit on allowed code reports: %v\n%s", err, out)
	}
	out, _ := command(dir, bin, "-fix", "./...").CombinedOutput()
	t.Logf("noexit -fix:\n%s", out)
	fixed := tree(t, dir)
	if m := fixed["cmd/greet/main.go"]; strings.Contains(m, "log.Fatal") || !strings.Contains(m, "RunE: func(cmd *cobra.Command, args []string) error {") {
		t.Errorf("the command's Run is not rewritten under -fix:\n%s", m)
	}
	src := fixed["cli/cli.go"]
	if strings.Contains(src, "log.Fatal") || !strings.Contains(src, "RunE: func(cmd *cobra.Command, args []string) error {") ||
		!strings.Contains(src, "PreRunE: func(cmd *cobra.Command, args []string) error {") {
		t.Fatalf("Run and PreRun not rewritten:\n%s", src)
	}
	for _, goos := range goldenPlatforms {
		cmd := command(dir, "go", "vet", "./...")
		cmd.Env = append(cmd.Env, "GOOS="+goos)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("GOOS=%s go vet: %v\n%s", goos, err, out)
		}
	}
	out, _ = command(dir, bin, "-fix", "./...").CombinedOutput()
	if again := tree(t, dir); !maps.Equal(again, fixed) {
		t.Errorf("a second run changed files:\n%s\n%s", out, treeDiff(fixed, again))
	}
	if err := os.WriteFile(filepath.Join(dir, "cli", "semantic_test.go"), []byte(cobraSemantic), 0o644); err != nil {
		t.Fatal(err)
	}
	run(t, dir, "go", "test", "-count=1", "./cli")
}

// TestCobraOverrideElsewhere: another package of the module sets the Run
// of the command a constructor returns. With RunE in the constructor,
// cobra would run RunE and ignore the override, so the driver, which sees
// the whole module, refuses the fix and says where the override is; the
// PreRun nobody overrides still becomes PreRunE.
func TestCobraOverrideElsewhere(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end: builds noexit and runs the go command on the real cobra")
	}
	bin, dir := cobraFixture(t, map[string]string{
		"go.mod":     cobraModule["go.mod"],
		"cli/cli.go": cobraModule["cli/cli.go"],
		"quiet/quiet.go": `package quiet

import (
	"github.com/spf13/cobra"

	"example.com/cli/cli"
)

// NewQuietCommand greets no one.
func NewQuietCommand() *cobra.Command {
	c := cli.NewRootCommand()
	c.Run = func(*cobra.Command, []string) {}
	return c
}
`,
	})
	out, _ := command(dir, bin, "-fix", "./...").CombinedOutput()
	src := tree(t, dir)["cli/cli.go"]
	if !strings.Contains(src, "\tRun: func") || !strings.Contains(src, "PreRunE: func") {
		t.Errorf("want PreRun (not overridden) as PreRunE and Run kept, as quiet overrides it:\n%s\n%s", out, src)
	}
	if want := "(not fixed: example.com/cli/quiet uses the Run field of a cobra.Command (quiet.go:12), which may be this command's)"; !strings.Contains(string(out), want) {
		t.Errorf("noexit -fix does not say %q:\n%s", want, out)
	}
	run(t, dir, "go", "build", "./...")
}

// cobraFixture builds noexit and writes files into a fresh module that
// requires the real cobra v1.10.2; it returns the binary and the module.
func cobraFixture(t *testing.T, files map[string]string) (bin, dir string) {
	t.Helper()
	bin = filepath.Join(t.TempDir(), "noexit")
	run(t, filepath.Join("..", ".."), "go", "build", "-o", bin, "./cmd/noexit")
	dir = t.TempDir()
	for name, text := range files {
		writeFile(t, filepath.Join(dir, name), text)
	}
	run(t, dir, "go", "get", "github.com/spf13/cobra@v1.10.2")
	return bin, dir
}
