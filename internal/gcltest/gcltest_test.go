package gcltest_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// sampleDir is the sample module; a testdata directory, so "go build ./..."
// and "go vet ./..." of noexit itself never see its deliberate exits.
const sampleDir = "testdata/sample"

var (
	buildOnce sync.Once
	binary    string
	buildErr  error
	lintCache string // one GOLANGCI_LINT_CACHE for the whole run
)

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "gcltest-cache-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	lintCache = dir
	code := m.Run()
	_ = os.RemoveAll(dir)
	os.Exit(code)
}

// golangci returns the custom golangci-lint: $NOEXIT_GOLANGCI, or the
// binary scripts/build-golangci.sh builds (and reuses while the plugin
// sources are unchanged).
func golangci(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds and runs golangci-lint; skipped with -short")
	}
	buildOnce.Do(func() {
		if binary = os.Getenv("NOEXIT_GOLANGCI"); binary != "" {
			return
		}
		root, err := filepath.Abs("../..")
		if err != nil {
			buildErr = err
			return
		}
		binary = filepath.Join(root, "bin", "golangci-lint-noexit")
		start := time.Now()
		cmd := exec.Command(filepath.Join(root, "scripts", "build-golangci.sh"), binary)
		out, err := cmd.CombinedOutput()
		if err != nil {
			buildErr = fmt.Errorf("scripts/build-golangci.sh: %v\n%s", err, out)
			return
		}
		t.Logf("%s(%s in total)", out, time.Since(start).Round(time.Millisecond))
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binary
}

// sample copies the sample module into a fresh directory, with config as
// its .golangci.yml when not empty.
func sample(t *testing.T, config string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(sampleDir)); err != nil {
		t.Fatal(err)
	}
	if config != "" {
		if err := os.WriteFile(filepath.Join(dir, ".golangci.yml"), []byte(config), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// run runs golangci-lint in dir and returns its combined output and exit
// code; plain text findings, one per line, without source lines or colors.
func run(t *testing.T, dir string, args ...string) (string, int) {
	t.Helper()
	args = append([]string{"run",
		"--output.text.print-issued-lines=false", "--output.text.colors=false", "--show-stats=false"}, args...)
	cmd := exec.Command(golangci(t), args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOLANGCI_LINT_CACHE="+lintCache, "GOWORK=off", "GOFLAGS=-mod=mod")
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	switch {
	case err == nil:
		return string(out), 0
	case errors.As(err, &exit):
		return string(out), exit.ExitCode()
	}
	t.Fatalf("golangci-lint %s: %v\n%s", strings.Join(args, " "), err, out)
	return "", 0
}

// pos returns "sample.go:line:col" of the first occurrence of needle in
// the sample, so that the expectations follow edits to the sample.
func pos(t *testing.T, needle string) string {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(sampleDir, "sample.go"))
	if err != nil {
		t.Fatal(err)
	}
	i := strings.Index(string(src), needle)
	if i < 0 {
		t.Fatalf("sample.go has no %q", needle)
	}
	before := string(src[:i])
	line := strings.Count(before, "\n") + 1
	col := i - strings.LastIndex(before, "\n")
	return fmt.Sprintf("sample.go:%d:%d", line, col)
}

type finding struct{ pos, text string }

// want is what the sample's .golangci.yml must produce: the exported
// constructor reaching os.Exit through a helper and the ExitOnError flag
// set. Not the //nolint:noexit line, not the //noexit:allow line, not the
// clean function.
func want(t *testing.T) []finding {
	return []finding{
		{pos(t, "os.Exit(2)"), "os.Exit ends the process, reached from exported sample.New -> sample.mustName -> os.Exit"},
		{pos(t, "flag.NewFlagSet("), "flag.NewFlagSet ends the process on a flag error, reached from exported sample.Parse -> flag.NewFlagSet"},
	}
}

var lineRE = regexp.MustCompile(`(?m)^(\S+\.go:\d+:\d+): (.*) \((\w+)\)$`)

// parse returns the findings in golangci-lint's text output.
func parse(t *testing.T, out string) []finding {
	t.Helper()
	var fs []finding
	for _, m := range lineRE.FindAllStringSubmatch(out, -1) {
		if m[3] != "noexit" {
			t.Errorf("finding from linter %s, want only noexit: %s", m[3], m[0])
		}
		fs = append(fs, finding{m[1], m[2]})
	}
	return fs
}

// check reports unless got is want, position for position, each message
// starting with the wanted text.
func check(t *testing.T, got, want []finding, out string) {
	t.Helper()
	ok := len(got) == len(want)
	for i := 0; ok && i < len(got); i++ {
		ok = got[i].pos == want[i].pos && strings.HasPrefix(got[i].text, want[i].text)
	}
	if !ok {
		t.Errorf("findings:\n%s\nwant:\n%v", out, want)
	}
}

func TestRun(t *testing.T) {
	dir := sample(t, "")
	out, code := run(t, dir, "./...")
	if code != 1 {
		t.Errorf("exit code %d, want 1 (findings)\n%s", code, out)
	}
	got := parse(t, out)
	check(t, got, want(t), out)
	for _, needle := range []string{"os.Exit(3)", "os.Exit(4)"} {
		p := pos(t, needle)
		if line := p[:strings.LastIndex(p, ":")+1]; strings.Contains(out, line) {
			t.Errorf("%s (%s) is reported:\n%s", needle, line, out)
		}
	}
	if strings.Contains(out, "Quiet") || strings.Contains(out, "Allowed") || strings.Contains(out, "Clean") {
		t.Errorf("suppressed, allowed or clean function reported:\n%s", out)
	}
}

func TestFix(t *testing.T) {
	dir := sample(t, "")
	out, code := run(t, dir, "--fix", "./...")
	if code > 1 {
		t.Fatalf("golangci-lint --fix: exit code %d\n%s", code, out)
	}
	src, err := os.ReadFile(filepath.Join(dir, "sample.go"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(src), `flag.NewFlagSet("sample", flag.ContinueOnError)`) ||
		strings.Contains(string(src), "ExitOnError") {
		t.Errorf("--fix left the flag set exiting:\n%s", src)
	}
	build := exec.Command("go", "build", "./...")
	build.Dir = dir
	build.Env = append(os.Environ(), "GOWORK=off")
	if out, err := build.CombinedOutput(); err != nil {
		t.Errorf("go build after --fix: %v\n%s\n%s", err, out, src)
	}
	// Fixed is fixed: the flag set is no longer reported.
	out, _ = run(t, dir, "./...")
	for _, f := range parse(t, out) {
		if strings.HasPrefix(f.text, "flag.NewFlagSet") {
			t.Errorf("after --fix: %s: %s", f.pos, f.text)
		}
	}
}

func TestBadSettings(t *testing.T) {
	for _, c := range []struct {
		name, settings string
		want           []string
	}{
		{"unknown key", "bogus: 1", []string{"noexit", `"bogus"`}},
		{"unknown category", "categories: [nope]", []string{"noexit", "categories", `"nope"`}},
		{"bad entry", `entry: ["(*T"]`, []string{"noexit", "entry", `"(*T"`}},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := sample(t, config(c.settings))
			out, code := run(t, dir, "./...")
			if code == 0 || code == 1 {
				t.Errorf("exit code %d, want a failure other than findings\n%s", code, out)
			}
			for _, w := range c.want {
				if !strings.Contains(out, w) {
					t.Errorf("output does not name %s:\n%s", w, out)
				}
			}
		})
	}
}

// config is a .golangci.yml that enables only noexit with the given
// settings block (one line of YAML).
func config(settings string) string {
	return `version: "2"
linters:
  default: none
  enable: [noexit]
  settings:
    custom:
      noexit:
        type: module
        settings:
          ` + settings + `
`
}

// TestJSONAndSARIF checks the machine-readable outputs users get through
// golangci-lint, written side by side in one run.
func TestJSONAndSARIF(t *testing.T) {
	dir := sample(t, "")
	jsonPath, sarifPath := filepath.Join(t.TempDir(), "out.json"), filepath.Join(t.TempDir(), "out.sarif")
	out, code := run(t, dir, "--output.json.path="+jsonPath, "--output.sarif.path="+sarifPath, "./...")
	if code != 1 {
		t.Errorf("exit code %d, want 1\n%s", code, out)
	}
	want := want(t)
	var report struct {
		Issues []struct {
			FromLinter string
			Text       string
			Pos        struct {
				Filename     string
				Line, Column int
			}
		}
	}
	decode(t, jsonPath, &report)
	var got []finding
	for _, is := range report.Issues {
		if is.FromLinter != "noexit" {
			t.Errorf("JSON issue from %s: %s", is.FromLinter, is.Text)
		}
		got = append(got, finding{fmt.Sprintf("%s:%d:%d", is.Pos.Filename, is.Pos.Line, is.Pos.Column), is.Text})
	}
	check(t, got, want, fmt.Sprint(report.Issues))

	var sarif struct {
		Version string
		Runs    []struct {
			Results []struct {
				RuleID    string
				Message   struct{ Text string }
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
						Region           struct{ StartLine, StartColumn int }
					}
				}
			}
		}
	}
	decode(t, sarifPath, &sarif)
	if sarif.Version != "2.1.0" || len(sarif.Runs) != 1 {
		t.Fatalf("SARIF version %q with %d runs, want 2.1.0 with one", sarif.Version, len(sarif.Runs))
	}
	got = nil
	for _, r := range sarif.Runs[0].Results {
		if r.RuleID != "noexit" || len(r.Locations) != 1 {
			t.Errorf("SARIF result %q with %d locations, want rule noexit with one", r.RuleID, len(r.Locations))
			continue
		}
		l := r.Locations[0].PhysicalLocation
		got = append(got, finding{fmt.Sprintf("%s:%d:%d", l.ArtifactLocation.URI, l.Region.StartLine, l.Region.StartColumn), r.Message.Text})
	}
	check(t, got, want, fmt.Sprint(sarif.Runs[0].Results))
}

func decode(t *testing.T, path string, v any) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, v); err != nil {
		t.Fatalf("%s: %v\n%s", filepath.Base(path), err, data)
	}
}
