package main_test

// End-to-end tests: build the noexit command and run it the ways a user
// does (standalone, go vet -vettool, go fix -fixtool) on small modules
// copied from testdata. realmod requires the real klog, logrus and zap
// modules, pinned in its go.mod and go.sum; the go command fetches them
// through the module proxy the first time, and the module cache keeps them.
// All of it is skipped under go test -short.

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// workDir holds the built command and the shared copy of realmod; TestMain
// removes it.
var workDir string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "noexit-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	workDir = dir
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

var build struct {
	once sync.Once
	bin  string
	err  error
}

// noexitBin builds the command once per test binary and returns its path;
// it skips the test under -short.
func noexitBin(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("end-to-end: builds noexit and runs the go command")
	}
	build.once.Do(func() {
		bin := filepath.Join(workDir, "bin", "noexit")
		out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
		if err != nil {
			build.err = fmt.Errorf("go build -o %s .: %v\n%s", bin, err, out)
			return
		}
		build.bin = bin
	})
	if build.err != nil {
		t.Fatal(build.err)
	}
	return build.bin
}

// moduleEnv is the environment of every command run in a test module: no
// workspace, no toolchain switch, and go.mod may be updated in the copy.
func moduleEnv(extra ...string) []string {
	return append(os.Environ(), append([]string{"GOWORK=off", "GOTOOLCHAIN=local", "GOFLAGS=-mod=mod"}, extra...)...)
}

// copyModule copies testdata/name into a fresh directory and returns it,
// with symlinks resolved so that it matches the paths the tools print.
func copyModule(t *testing.T, name string) string {
	t.Helper()
	dir, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	dir = filepath.Join(dir, name)
	if err := os.CopyFS(dir, os.DirFS(filepath.Join("testdata", name))); err != nil {
		t.Fatalf("copying testdata/%s: %v", name, err)
	}
	return dir
}

var realmod struct {
	once sync.Once
	dir  string
	err  error
}

// realModule returns the shared copy of testdata/realmod, built once (which
// downloads its dependencies if the module cache lacks them). Tests only
// read it.
func realModule(t *testing.T) string {
	t.Helper()
	noexitBin(t)
	realmod.once.Do(func() {
		// Stays set if runIn ends the test that runs the setup.
		realmod.err = errors.New("setting up realmod failed in another test")
		dir, err := filepath.EvalSymlinks(workDir)
		if err != nil {
			realmod.err = err
			return
		}
		dir = filepath.Join(dir, "realmod")
		if err := os.CopyFS(dir, os.DirFS(filepath.Join("testdata", "realmod"))); err != nil {
			realmod.err = err
			return
		}
		r := runIn(t, dir, nil, "go", "build", "./...")
		if r.code != 0 {
			realmod.err = fmt.Errorf("the sample module does not build:\n%s", r)
			return
		}
		realmod.dir, realmod.err = dir, nil
	})
	if realmod.err != nil {
		t.Fatal(realmod.err)
	}
	return realmod.dir
}

// result is what a command did.
type result struct {
	cmd            string
	code           int
	stdout, stderr string
}

func (r result) String() string {
	return fmt.Sprintf("$ %s\nexit code %d\n--- stdout ---\n%s--- stderr ---\n%s", r.cmd, r.code, r.stdout, r.stderr)
}

// runIn runs name with args in dir and returns its output and exit code;
// it fails the test only if the command could not be run at all.
func runIn(t *testing.T, dir string, env []string, name string, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	cmd.Env = moduleEnv(env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	r := result{
		cmd:    strings.Join(append(env, append([]string{filepath.Base(name)}, args...)...), " "),
		stdout: stdout.String(),
		stderr: stderr.String(),
	}
	var exit *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &exit) && ctx.Err() == nil:
		r.code = exit.ExitCode()
	default:
		t.Fatalf("%s: %v\n%s", r.cmd, err, r)
	}
	return r
}

// wantRealmod is every line noexit prints for realmod, in its order:
// dependencies first, then by the declaration order of the function that
// holds the exit. A diagnostic is followed by its related information,
// each hop on its own line after a tab. The hops into store from cache are
// positions in store/store.go; the one at line 80 lies below every line
// that store's export data mentions. Not reported: klog.Infof/Errorf and
// klog.V().Infof, the //noexit:allow'ed os.Exit in (*Store).Reset and its
// caller in cache, the unreachable store.legacyOpen, package main, and
// internal/cmd/tool (allowed by the default .../cmd/... pattern).
var wantRealmod = []string{
	"store/store.go:31:3: klog.Fatalf ends the process, reached from exported store.New -> store.mustOpen -> klog.Fatalf; return an error instead (no automatic fix: the error would change the signature of exported store.New)",
	"store/store.go:21:6: \treached from exported store.New",
	"store/store.go:23:7: \tstore.New calls store.mustOpen",

	"store/store.go:53:11: (*zap.SugaredLogger).Fatalw ends the process, reached from exported (*store.Store).Sync -> (*zap.SugaredLogger).Fatalw; return an error instead",
	"store/store.go:52:17: \treached from exported (*store.Store).Sync",

	"store/store.go:80:35: (*logrus.Entry).Fatal ends the process, reached from exported (*store.Store).Verify -> (*store.Store).refuse -> (*logrus.Entry).Fatal; return an error instead (no automatic fix: the error would change the signature of exported (*store.Store).Verify)",
	"store/store.go:44:17: \treached from exported (*store.Store).Verify",
	"store/store.go:46:3: \t(*store.Store).Verify calls (*store.Store).refuse",

	"cache/cache.go:19:17: store.New may end the process: store.New -> store.mustOpen (store.go:23) -> klog.Fatalf (store.go:31), reached from exported cache.Open -> store.New; handle the failure there or make it return an error",
	"cache/cache.go:17:6: \treached from exported cache.Open",
	"store/store.go:23:7: \tstore.New calls store.mustOpen",
	"store/store.go:31:3: \tstore.mustOpen calls klog.Fatalf",

	"cache/cache.go:26:2: (*store.Store).Verify may end the process: (*store.Store).Verify -> (*store.Store).refuse (store.go:46) -> (*logrus.Entry).Fatal (store.go:80), reached from exported (*cache.Cache).Check -> (*store.Store).Verify; handle the failure there or make it return an error",
	"cache/cache.go:25:17: \treached from exported (*cache.Cache).Check",
	"store/store.go:46:3: \t(*store.Store).Verify calls (*store.Store).refuse",
	"store/store.go:80:35: \t(*store.Store).refuse calls (*logrus.Entry).Fatal",

	"cache/cache.go:31:11: (*store.Store).Sync may end the process: (*store.Store).Sync -> (*zap.SugaredLogger).Fatalw (store.go:53), reached from exported (*cache.Cache).Flush -> (*store.Store).Sync; handle the failure there or make it return an error",
	"cache/cache.go:30:17: \treached from exported (*cache.Cache).Flush",
	"store/store.go:53:11: \t(*store.Store).Sync calls (*zap.SugaredLogger).Fatalw",
}

// crash matches the output of a Go program that panicked.
var crash = regexp.MustCompile(`(?m)^(panic: |goroutine \d+ \[)`)

// diagLine matches a printed diagnostic or related line.
var diagLine = regexp.MustCompile(`^([^\s:][^:]*):(\d+):(\d+): (\t?)(.*)$`)

// outputLines returns the non-empty lines of out with the module directory
// stripped from file names.
func outputLines(out, dir string) []string {
	var lines []string
	for line := range strings.Lines(strings.ReplaceAll(out, dir+string(filepath.Separator), "")) {
		if line = strings.TrimRight(line, "\n"); line != "" {
			lines = append(lines, line)
		}
	}
	return lines
}

// blocks groups diagnostic lines with the related lines after them, sorted,
// for output whose order across packages is not fixed (go vet). Lines that
// are not diagnostics (go vet's "# pkg" headers) are dropped.
func blocks(lines []string) [][]string {
	var res [][]string
	for _, l := range lines {
		m := diagLine.FindStringSubmatch(l)
		switch {
		case m == nil:
		case m[4] == "" || len(res) == 0:
			res = append(res, []string{l})
		default:
			res[len(res)-1] = append(res[len(res)-1], l)
		}
	}
	slices.SortFunc(res, func(a, b []string) int { return strings.Compare(a[0], b[0]) })
	return res
}

// sameLine reports whether got matches want; if sloppyColumn, a related
// line may also carry column 1 for want's file and line (go vet sees other
// packages only through export data, which records lines, not columns).
func sameLine(want, got string, sloppyColumn bool) bool {
	if want == got {
		return true
	}
	w, g := diagLine.FindStringSubmatch(want), diagLine.FindStringSubmatch(got)
	return sloppyColumn && w != nil && g != nil && w[4] == "\t" &&
		w[1] == g[1] && w[2] == g[2] && g[3] == "1" && w[4] == g[4] && w[5] == g[5]
}

func compareBlocks(t *testing.T, what string, want, got [][]string, sloppyColumn bool, r result) {
	t.Helper()
	ok := len(want) == len(got)
	for i := 0; ok && i < len(want); i++ {
		ok = len(want[i]) == len(got[i])
		for j := 0; ok && j < len(want[i]); j++ {
			ok = sameLine(want[i][j], got[i][j], sloppyColumn)
		}
	}
	if !ok {
		t.Errorf("%s: diagnostics differ\n%s\nwant:\n%s\ngot:\n%s\n%s",
			what, diffBlocks(want, got, sloppyColumn), joinBlocks(want), joinBlocks(got), r)
	}
}

// diffBlocks lists, per diagnostic, the lines that want has and got lacks
// ("-") and the reverse ("+").
func diffBlocks(want, got [][]string, sloppyColumn bool) string {
	find := func(bs [][]string, head string) []string {
		for _, b := range bs {
			if b[0] == head {
				return b
			}
		}
		return nil
	}
	lacks := func(bs []string, l string, reverse bool) bool {
		return !slices.ContainsFunc(bs, func(b string) bool {
			if reverse {
				return sameLine(b, l, sloppyColumn)
			}
			return sameLine(l, b, sloppyColumn)
		})
	}
	var b strings.Builder
	for _, w := range want {
		g := find(got, w[0])
		for _, l := range w {
			if lacks(g, l, false) {
				b.WriteString("  - " + l + "\n")
			}
		}
		for _, l := range g {
			if lacks(w, l, true) {
				b.WriteString("  + " + l + "\n")
			}
		}
	}
	for _, g := range got {
		if find(want, g[0]) == nil {
			for _, l := range g {
				b.WriteString("  + " + l + "\n")
			}
		}
	}
	return b.String()
}

func joinBlocks(bs [][]string) string {
	var b strings.Builder
	for _, blk := range bs {
		for _, l := range blk {
			b.WriteString("  " + l + "\n")
		}
	}
	return b.String()
}

// TestRealModule runs noexit on a module that uses the real klog, logrus
// and zap: standalone, as a vet tool, with -json, and on a clean package.
func TestRealModule(t *testing.T) {
	t.Parallel()
	bin := noexitBin(t)
	dir := realModule(t)

	t.Run("standalone", func(t *testing.T) {
		r := runIn(t, dir, nil, bin, "./...")
		if r.code != 3 {
			t.Errorf("exit code %d, want 3 (diagnostics printed)\n%s", r.code, r)
		}
		if r.stdout != "" {
			t.Errorf("unexpected stdout\n%s", r)
		}
		got := outputLines(r.stderr, dir)
		if !slices.Equal(got, wantRealmod) {
			t.Errorf("output differs\nwant:\n  %s\ngot:\n  %s\n\n%s",
				strings.Join(wantRealmod, "\n  "), strings.Join(got, "\n  "), r)
		}
	})

	t.Run("vet", func(t *testing.T) {
		r := runIn(t, dir, nil, "go", "vet", "-vettool="+bin, "./...")
		if r.code != 1 {
			t.Errorf("exit code %d, want 1 (go vet found problems)\n%s", r.code, r)
		}
		got := outputLines(r.stderr, dir)
		for _, l := range got {
			if filepath.IsAbs(strings.SplitN(l, ":", 2)[0]) {
				t.Errorf("go vet printed an absolute path, want paths relative to the module: %q", l)
			}
		}
		compareBlocks(t, "go vet", blocks(wantRealmod), blocks(got), true, r)
	})

	t.Run("json", func(t *testing.T) {
		r := runIn(t, dir, nil, bin, "-json", "./...")
		if r.code != 3 {
			t.Errorf("exit code %d, want 3 (findings; -json uses the same exit codes as text)\n%s", r.code, r)
		}
		var out map[string]map[string][]jsonDiag
		if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
			t.Fatalf("-json output does not parse: %v\n%s", err, r)
		}
		if pkgs := slices.Sorted(maps.Keys(out)); !slices.Equal(pkgs, []string{"example.com/realmod/cache", "example.com/realmod/store"}) {
			t.Errorf("packages with diagnostics: %q, want cache and store\n%s", pkgs, r)
		}
		var lines []string
		for _, pkg := range slices.Sorted(maps.Keys(out)) {
			for analyzer, diags := range out[pkg] {
				if analyzer != "noexit" {
					t.Errorf("%s: diagnostics from analyzer %q, want noexit", pkg, analyzer)
				}
				for _, d := range diags {
					if d.Category != "fatal-log" {
						t.Errorf("%s: %s: category %q, want fatal-log", pkg, d.Posn, d.Category)
					}
					if d.End == "" {
						t.Errorf("%s: %s: no end position", pkg, d.Posn)
					}
					lines = append(lines, rel(d.Posn, dir)+": "+d.Message)
					for _, rd := range d.Related {
						lines = append(lines, rel(rd.Posn, dir)+": \t"+rd.Message)
					}
				}
			}
		}
		compareBlocks(t, "-json", blocks(wantRealmod), blocks(lines), false, r)

		// The cross-package hop is a position inside store, not cache.
		const hop = "store/store.go:23:7: \tstore.New calls store.mustOpen"
		found := false
		for _, d := range out["example.com/realmod/cache"]["noexit"] {
			for _, rd := range d.Related {
				found = found || rel(rd.Posn, dir)+": \t"+rd.Message == hop
			}
		}
		if !found {
			t.Errorf("no related information %q in the cache package's -json diagnostics\n%s", hop, r)
		}
	})

	t.Run("clean", func(t *testing.T) {
		r := runIn(t, dir, nil, bin, "./clean/...")
		if r.code != 0 || r.stdout != "" || r.stderr != "" {
			t.Errorf("want exit code 0 and no output for a clean package\n%s", r)
		}
	})

	t.Run("deps=false", func(t *testing.T) {
		// cache exits only through store: without -deps it is clean.
		r := runIn(t, dir, nil, bin, "-deps=false", "./cache/...")
		if r.code != 0 || r.stdout != "" || r.stderr != "" {
			t.Errorf("want exit code 0 and no output with -deps=false\n%s", r)
		}
	})
}

// jsonDiag is one diagnostic of the -json output.
type jsonDiag struct {
	Category string `json:"category"`
	Posn     string `json:"posn"`
	End      string `json:"end"`
	Message  string `json:"message"`
	Related  []struct {
		Posn    string `json:"posn"`
		Message string `json:"message"`
	} `json:"related"`
}

func rel(posn, dir string) string {
	return strings.TrimPrefix(posn, dir+string(filepath.Separator))
}

// TestDeterministicOutput requires byte-identical -json output across runs
// and scheduler settings.
func TestDeterministicOutput(t *testing.T) {
	t.Parallel()
	bin := noexitBin(t)
	dir := realModule(t)
	first := runIn(t, dir, nil, bin, "-json", "./...")
	if first.code != 3 || first.stdout == "" {
		t.Fatalf("want exit code 3 and JSON output\n%s", first)
	}
	second := runIn(t, dir, []string{"GOMAXPROCS=1"}, bin, "-json", "./...")
	if second.stdout != first.stdout || second.stderr != first.stderr {
		t.Errorf("output differs between runs\n%s\n\n%s", first, second)
	}
}

// TestTypeErrors checks that a package that does not type-check is an
// error (exit code 1) that names the file and the error, not a crash.
func TestTypeErrors(t *testing.T) {
	t.Parallel()
	bin := noexitBin(t)
	dir := copyModule(t, "typeerr")
	for _, tc := range []struct {
		name string
		cmd  []string
	}{
		{"standalone", []string{bin, "./..."}},
		{"vet", []string{"go", "vet", "-vettool=" + bin, "./..."}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := runIn(t, dir, nil, tc.cmd[0], tc.cmd[1:]...)
			if r.code != 1 {
				t.Errorf("exit code %d, want 1\n%s", r.code, r)
			}
			out := strings.ReplaceAll(r.stdout+r.stderr, dir+string(filepath.Separator), "")
			const want = `bad/bad.go:8:9: cannot use "not an int" (untyped string constant) as int value in return statement`
			if !strings.Contains(out, want) {
				t.Errorf("output does not name the type error %q\n%s", want, r)
			}
			if crash.MatchString(out) {
				t.Errorf("output looks like a crash\n%s", r)
			}
		})
	}
}

// TestBadFlags checks that a bad setting is one clear error that names the
// bad value.
func TestBadFlags(t *testing.T) {
	t.Parallel()
	bin := noexitBin(t)
	dir := copyModule(t, "fixmod")
	for _, tc := range []struct {
		flag string
		want string // the error, naming the value
	}{
		{"-categories=nope", `invalid value "nope" for flag -categories: unknown category "nope"`},
		{"-entry=(*T", `invalid value "(*T" for flag -entry: bad entry pattern "(*T"`},
		{"-terminators=notqualified", `invalid value "notqualified" for flag -terminators: bad terminator "notqualified"`},
		{"-lifecycle=notqualified", `invalid value "notqualified" for flag -lifecycle: bad lifecycle interface "notqualified"`},
		{"-allow=a b", `invalid value "a b" for flag -allow: bad package pattern "a b"`},
		{"-deps=maybe", `invalid boolean value "maybe" for -deps`},
	} {
		t.Run(tc.flag, func(t *testing.T) {
			r := runIn(t, dir, nil, bin, tc.flag, "./...")
			out := r.stdout + r.stderr
			if r.code == 0 {
				t.Errorf("exit code 0, want an error\n%s", r)
			}
			if !strings.Contains(out, tc.want) {
				t.Errorf("output does not say %q\n%s", tc.want, r)
			}
			if crash.MatchString(out) {
				t.Errorf("output looks like a crash\n%s", r)
			}
			// One bad value, one error: not repeated for every package
			// loaded, and no cascade of "failed prerequisites".
			if n := strings.Count(out, tc.want); n > 1 || strings.Contains(out, "failed prerequisites") {
				t.Errorf("the error is printed %d times, with follow-on errors; want it once\n%s", n, r)
			}
		})
	}
}

// TestGoFix applies noexit's suggested fix with go fix -fixtool.
func TestGoFix(t *testing.T) {
	t.Parallel()
	bin := noexitBin(t)
	if help := runIn(t, ".", nil, "go", "help", "fix"); !strings.Contains(help.stdout+help.stderr, "-fixtool") {
		t.Skipf("this go command has no go fix -fixtool\n%s", help)
	}
	dir := copyModule(t, "fixmod")
	src := filepath.Join(dir, "cli", "cli.go")
	orig := readFile(t, src)
	want := readFile(t, src+".golden")

	r := runIn(t, dir, nil, bin, "./...")
	if r.code != 3 || !strings.Contains(r.stderr, "cli/cli.go:8:8: flag.NewFlagSet ends the process on a flag error, reached from exported cli.NewFlags -> flag.NewFlagSet") {
		t.Fatalf("want the flag.ExitOnError diagnostic before fixing\n%s", r)
	}

	r = runIn(t, dir, nil, "go", "fix", "-fixtool="+bin, "-diff", "./...")
	if r.code == 0 || !strings.Contains(r.stdout, "+\tfs := flag.NewFlagSet(\"x\", flag.ContinueOnError)") {
		t.Errorf("go fix -diff: want the patch and a non-zero exit code\n%s", r)
	}
	if got := readFile(t, src); got != orig {
		t.Errorf("go fix -diff changed %s:\n%s", src, got)
	}

	r = runIn(t, dir, nil, "go", "fix", "-fixtool="+bin, "./...")
	if r.code != 0 {
		t.Fatalf("go fix failed\n%s", r)
	}
	if got := readFile(t, src); got != want {
		t.Errorf("after go fix, %s is\n%s\nwant\n%s\n%s", src, got, want, r)
	}
	if r := runIn(t, dir, nil, "go", "build", "./..."); r.code != 0 {
		t.Errorf("the fixed module does not build\n%s", r)
	}
	if r := runIn(t, dir, nil, bin, "./..."); r.code != 0 || r.stderr != "" {
		t.Errorf("the fixed module is not clean\n%s", r)
	}
	if r := runIn(t, dir, nil, "go", "fix", "-fixtool="+bin, "./..."); r.code != 0 || readFile(t, src) != want {
		t.Errorf("a second go fix changed the fixed file\n%s", r)
	}
}

func readFile(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestVetIndirectLifecycle: the module in testdata/vetlife implements a
// lifecycle interface of a package it reaches only through fw, whose API
// takes any. go vet gives the tool export data of direct imports only, and
// fw's does not mention core; the standalone command and go vet must still
// find the same implementer and report the same exit.
func TestVetIndirectLifecycle(t *testing.T) {
	t.Parallel()
	bin := noexitBin(t)
	dir := copyModule(t, "vetlife")
	const flag = "-lifecycle=example.com/vetlife/core.Module"
	want := []string{
		"mod/mod.go:20:2: os.Exit ends the process, reached from core.Module method (*mod.stream).dial -> os.Exit; return an error instead (no automatic fix: the error would change the signature of exported (*mod.stream).Start)",
		"mod/mod.go:19:16: \treached from core.Module method (*mod.stream).dial",
	}
	standalone := runIn(t, dir, nil, bin, flag, "./...")
	if standalone.code != 3 {
		t.Errorf("standalone: exit code %d, want 3\n%s", standalone.code, standalone)
	}
	compareBlocks(t, "standalone", blocks(want), blocks(outputLines(standalone.stderr, dir)), false, standalone)
	vet := runIn(t, dir, nil, "go", "vet", "-vettool="+bin, flag, "./...")
	if vet.code != 1 {
		t.Errorf("go vet: exit code %d, want 1\n%s", vet.code, vet)
	}
	compareBlocks(t, "go vet", blocks(want), blocks(outputLines(vet.stderr, dir)), false, vet)
}
