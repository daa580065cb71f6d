package main

// The module-wide fixes table (issue 15): `noexit -fix -fix-exported
// ./...` against `noexit ./...` on the same module, in the same run.
//
//	go run ./bench/cmd/bench -fixexported -reps=3 -o BENCHMARKS.md
//
// -fixexported runs only this table; with -o it replaces the table's
// section of the file (or appends it) and leaves the other sections as
// they are. -corpora selects among the fix corpora (see -list with
// -fixexported); -savediffs DIR keeps the outputs for comparing two
// versions of noexit byte for byte.

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"
)

var (
	flagFixExported = flag.Bool("fixexported", false, "run only the module-wide fixes table (issue 15): noexit ./... against noexit -fix -fix-exported -diff ./... on examples, etcd server and containerd; with -o, replace that section of the file")
	flagSaveDiffs   = flag.String("savediffs", "", "with -fixexported: save each corpus's -fix -fix-exported -diff and -fix -diff outputs (stdout .diff, stderr .stderr, corpus paths made relative) into this directory")
	flagWarmup      = flag.Bool("warmup", true, "with -fixexported: one untimed run of each command per corpus before timing (warms the build cache for whatever the fixer compiles)")
)

// Issue 15's bounds: module-wide fixes cost at most this much more than
// the analysis alone, on the same module in the same run.
const (
	fixWallTarget = 2.0
	fixRSSTarget  = 1.3
)

const fixSection = "## Module-wide fixes"

// A fixCorpus is a module on which both commands run with ./... (or the
// given patterns) in dir.
type fixCorpus struct {
	name     string
	module   string // module@version copied from the module cache, or "" for a directory of the checkout
	dir      string
	patterns []string
	env      []string
	note     string

	roots, closure int    // root packages; import closure with tests
	hash           string // of the tree before timing, checked after
}

func (b *bench) defineFixCorpora() []*fixCorpus {
	corp := filepath.Join(b.work, "fixcorpus")
	return []*fixCorpus{
		{name: "examples", dir: b.root, patterns: []string{"./examples/..."},
			note: "`./examples/...` from the checkout's root (examples/edgestream, examples/check: part of the noexit module, which -fix-exported loads whole for callers)"},
		{name: "edgecore-bug", dir: filepath.Join(b.root, "examples", "edgecore-bug"), patterns: []string{"./..."},
			note: "examples/edgecore-bug, its own module (requires klog; noexit by a replace directive)"},
		{name: "etcd", module: "go.etcd.io/etcd/server/v3@v3.7.3", dir: filepath.Join(corp, "etcd"), patterns: []string{"./..."}, env: []string{"GOFLAGS=-mod=mod"},
			note: "go.etcd.io/etcd/server/v3 v3.7.3, copied from the module cache; its replace directives to sibling directories (../api, ../client/..., ../pkg) are dropped, so the required v3.7.3 modules come from the module cache"},
		{name: "containerd", module: "github.com/containerd/containerd/v2@v2.4.2", dir: filepath.Join(corp, "containerd"), patterns: []string{"./..."}, env: []string{"GOFLAGS=-mod=mod"},
			note: "github.com/containerd/containerd/v2 v2.4.2, copied from the module cache"},
	}
}

func (b *bench) fixCorpora() []*fixCorpus {
	cs := b.defineFixCorpora()
	if *flagCorpora != "" {
		want := strings.Split(*flagCorpora, ",")
		cs = slices.DeleteFunc(cs, func(c *fixCorpus) bool { return !slices.Contains(want, c.name) })
	}
	return cs
}

func (c *fixCorpus) environ() []string { return append(os.Environ(), c.env...) }

// prepareFix copies a module corpus out of the module cache (once per work
// directory), makes it writable, downloads its dependencies and lists its
// packages, so that the timed runs measure noexit.
func (b *bench) prepareFix(c *fixCorpus) error {
	if c.module != "" {
		if _, err := os.Stat(filepath.Join(c.dir, "go.mod")); err != nil {
			b.logf("%s: go mod download %s, copying it", c.name, c.module)
			out, err := outputEnv(b.work, c.environ(), "go", "mod", "download", "-json", c.module)
			if err != nil {
				return err
			}
			var m struct{ Dir, Error string }
			if err := json.Unmarshal([]byte(out), &m); err != nil {
				return err
			}
			if m.Error != "" || m.Dir == "" {
				return fmt.Errorf("go mod download %s: %s", c.module, m.Error)
			}
			if err := os.CopyFS(c.dir, os.DirFS(m.Dir)); err != nil {
				return err
			}
			if err := makeWritable(c.dir); err != nil {
				return err
			}
			if err := dropLocalReplaces(c); err != nil {
				return err
			}
		}
	}
	b.logf("%s: go mod download, go list", c.name)
	if c.dir != b.root {
		if _, err := outputEnv(c.dir, c.environ(), "go", "mod", "download"); err != nil {
			return err
		}
	}
	out, err := outputEnv(c.dir, c.environ(), "go", append([]string{"list", "-e", "-f", "{{.ImportPath}}"}, c.patterns...)...)
	if err != nil {
		return err
	}
	c.roots = strings.Count(out, "\n")
	out, err = outputEnv(c.dir, c.environ(), "go", append([]string{"list", "-e", "-deps", "-test", "-f", "{{.ImportPath}}"}, c.patterns...)...)
	if err != nil {
		return err
	}
	c.closure = strings.Count(out, "\n")
	c.hash, err = treeHash(c.dir)
	return err
}

// dropLocalReplaces removes replace directives whose target is a
// directory: a module zip holds one module, not its siblings.
func dropLocalReplaces(c *fixCorpus) error {
	out, err := outputEnv(c.dir, c.environ(), "go", "mod", "edit", "-json")
	if err != nil {
		return err
	}
	var mod struct {
		Replace []struct {
			Old struct{ Path, Version string }
			New struct{ Path, Version string }
		}
	}
	if err := json.Unmarshal([]byte(out), &mod); err != nil {
		return err
	}
	var args []string
	for _, r := range mod.Replace {
		if r.New.Version == "" && (strings.HasPrefix(r.New.Path, ".") || filepath.IsAbs(r.New.Path)) {
			old := r.Old.Path
			if r.Old.Version != "" {
				old += "@" + r.Old.Version
			}
			args = append(args, "-dropreplace="+old)
		}
	}
	if len(args) == 0 {
		return nil
	}
	_, err = outputEnv(c.dir, c.environ(), "go", append([]string{"mod", "edit"}, args...)...)
	return err
}

func makeWritable(dir string) error {
	return filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		return os.Chmod(path, info.Mode().Perm()|0o200)
	})
}

// treeHash hashes the names and contents of the Go files and go.mod/go.sum
// under dir, to check that -diff wrote nothing.
func treeHash(dir string) (string, error) {
	h := sha256.New()
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if path != dir && d.Name() == ".git" {
				return filepath.SkipDir
			}
			return nil
		}
		if n := d.Name(); !strings.HasSuffix(n, ".go") && n != "go.mod" && n != "go.sum" {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		fmt.Fprintf(h, "%s\x00%d\x00", path, len(data))
		h.Write(data)
		return nil
	})
	return fmt.Sprintf("%x", h.Sum(nil)), err
}

// The two timed commands.
var fixCommands = []struct {
	name string
	args []string
}{
	{"analysis", nil},
	{"fix-exported", []string{"-fix", "-fix-exported", "-diff"}},
}

// fixRun is one run of one command on one corpus.
type fixRun struct {
	*result
	stdout, stderr []byte
}

type fixRow struct {
	c      *fixCorpus
	runs   map[string][]*fixRun // by command name
	warmup map[string]*fixRun   // the untimed first runs, by command name

	// parsed from the fix command's first timed run
	fixed, files, remain int
	summary              string
	findings             int // diagnostics of the first analysis run
	perPkgSummary        string
	perPkgFixed          int
	perPkgFiles          int
	identical            bool
	unchanged            bool // the tree's hash is the same after every run
}

var summaryRE = regexp.MustCompile(`^noexit: would fix (\d+) findings? in (\d+) files?; (\d+) remain$`)

// parseSummary reads the "would fix" line, the last line of stderr. The
// command prints none when it has nothing to fix or report.
func parseSummary(stderr []byte) (line string, fixed, files, remain int, ok bool) {
	if len(bytes.TrimSpace(stderr)) == 0 {
		return "(no summary line: nothing to fix, nothing remains)", 0, 0, 0, true
	}
	lines := strings.Split(strings.TrimRight(string(stderr), "\n"), "\n")
	line = lines[len(lines)-1]
	m := summaryRE.FindStringSubmatch(line)
	if m == nil {
		return line, 0, 0, 0, false
	}
	fixed, _ = strconv.Atoi(m[1])
	files, _ = strconv.Atoi(m[2])
	remain, _ = strconv.Atoi(m[3])
	return line, fixed, files, remain, true
}

// fixExported runs the module-wide fixes table and returns its markdown
// section.
func (b *bench) fixExported() (string, error) {
	for _, dir := range []string{b.bin, filepath.Join(b.work, "out"), filepath.Join(b.work, "fixcorpus")} {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return "", err
		}
	}
	b.logf("work directory %s", b.work)
	b.logf("go build ./cmd/noexit")
	noexit := filepath.Join(b.bin, "noexit")
	if _, err := output(b.root, "go", "build", "-o", noexit, "./cmd/noexit"); err != nil {
		return "", err
	}
	corpora := b.fixCorpora()
	if len(corpora) == 0 {
		return "", fmt.Errorf("-corpora selects no fix corpus (have examples, edgecore-bug, etcd, containerd)")
	}
	for _, c := range corpora {
		if err := b.prepareFix(c); err != nil {
			return "", fmt.Errorf("%s: %w", c.name, err)
		}
	}
	var rows []*fixRow
	for _, c := range corpora {
		row := &fixRow{c: c, runs: map[string][]*fixRun{}, warmup: map[string]*fixRun{}, identical: true, unchanged: true}
		rows = append(rows, row)
		if *flagWarmup {
			for _, cmd := range fixCommands {
				r, err := b.fixMeasure(c, noexit, cmd.name, cmd.args, -1)
				if err != nil {
					return "", err
				}
				row.warmup[cmd.name] = r
			}
		}
		for rep := range *flagReps {
			for _, cmd := range fixCommands {
				r, err := b.fixMeasure(c, noexit, cmd.name, cmd.args, rep)
				if err != nil {
					return "", err
				}
				row.runs[cmd.name] = append(row.runs[cmd.name], r)
			}
		}
		if h, err := treeHash(c.dir); err != nil {
			return "", err
		} else if h != c.hash {
			row.unchanged = false
			b.note("%s: the tree changed during the runs (-diff should write nothing)", c.name)
		}
		if err := b.fixDetails(row, noexit); err != nil {
			return "", err
		}
	}
	return b.fixMarkdown(rows), nil
}

func (b *bench) fixMeasure(c *fixCorpus, noexit, name string, flags []string, rep int) (*fixRun, error) {
	args := append(append([]string{noexit}, flags...), c.patterns...)
	tag := strconv.Itoa(rep)
	if rep < 0 {
		tag = "warmup"
	}
	base := filepath.Join(b.work, "out", fmt.Sprintf("fix-%s-%s-%s", c.name, name, tag))
	r, err := timeRunSplit(c.dir, c.environ(), args, base)
	if err != nil {
		return nil, err
	}
	r.tool, r.corpus, r.rep = name, c.name, rep
	fr := &fixRun{result: r}
	if fr.stdout, err = os.ReadFile(base + ".stdout"); err != nil {
		return nil, err
	}
	if fr.stderr, err = os.ReadFile(base + ".stderr"); err != nil {
		return nil, err
	}
	if r.exit != 0 && r.exit != 3 {
		b.note("%s on %s exited %d (see %s.stderr)", name, c.name, r.exit, base)
	}
	b.logf("%-12s %-12s rep %s: %7.1fs wall %7.1fs cpu %6.0f MiB exit %d", name, c.name, tag, r.wall, r.cpu, float64(r.rssKiB)/1024, r.exit)
	return fr, nil
}

// fixDetails parses the summary lines, compares the repetitions' outputs,
// and with -savediffs runs -fix -diff (per-package fixes only) once,
// untimed, and saves both commands' outputs.
func (b *bench) fixDetails(row *fixRow, noexit string) error {
	c := row.c
	an, fx := row.runs["analysis"], row.runs["fix-exported"]
	diags, _, _ := parseDiags(string(an[0].stderr), c.dir)
	row.findings = len(diags)
	var ok bool
	row.summary, row.fixed, row.files, row.remain, ok = parseSummary(fx[0].stderr)
	if !ok {
		b.note("%s: the fix command's last stderr line is not a summary: %q", c.name, row.summary)
	}
	for _, runs := range [][]*fixRun{an, fx} {
		for _, r := range runs[1:] {
			if !bytes.Equal(r.stdout, runs[0].stdout) || !bytes.Equal(r.stderr, runs[0].stderr) {
				row.identical = false
			}
		}
	}
	// Per-package fixes only, untimed: how many of the fixes the
	// module-wide planner adds.
	base := filepath.Join(b.work, "out", "fix-"+c.name+"-perpackage")
	r, err := timeRunSplit(c.dir, c.environ(), append([]string{noexit, "-fix", "-diff"}, c.patterns...), base)
	if err != nil {
		return err
	}
	b.logf("%-12s %-12s      : %7.1fs wall %7.1fs cpu %6.0f MiB exit %d (untimed)", "fix (per-pkg)", c.name, r.wall, r.cpu, float64(r.rssKiB)/1024, r.exit)
	ppOut, err := os.ReadFile(base + ".stdout")
	if err != nil {
		return err
	}
	ppErr, err := os.ReadFile(base + ".stderr")
	if err != nil {
		return err
	}
	var ppOK bool
	row.perPkgSummary, row.perPkgFixed, row.perPkgFiles, _, ppOK = parseSummary(ppErr)
	if !ppOK {
		row.perPkgFixed = -1
	}
	if *flagSaveDiffs == "" {
		return nil
	}
	if err := os.MkdirAll(*flagSaveDiffs, 0o755); err != nil {
		return err
	}
	rel := func(data []byte) []byte { return bytes.ReplaceAll(data, []byte(c.dir+string(filepath.Separator)), nil) }
	for name, data := range map[string][]byte{
		c.name + ".diff":                    fx[0].stdout,
		c.name + ".stderr":                  rel(fx[0].stderr),
		c.name + ".perpackage.diff":         ppOut,
		c.name + ".perpackage.stderr":       rel(ppErr),
		c.name + ".analysis.stderr":         rel(an[0].stderr),
		c.name + ".summary":                 []byte(row.summary + "\n"),
		c.name + ".perpackage.summary":      []byte(row.perPkgSummary + "\n"),
		c.name + ".analysis.stdout":         an[0].stdout,
		c.name + ".fixexported.exitcode":    []byte(strconv.Itoa(fx[0].exit) + "\n"),
		c.name + ".perpackage.exitcode":     []byte(strconv.Itoa(r.exit) + "\n"),
		c.name + ".analysis.exitcode":       []byte(strconv.Itoa(an[0].exit) + "\n"),
		c.name + ".fixexported.commandline": []byte(fmt.Sprintf("cd %s && %s noexit -fix -fix-exported -diff %s\n", c.dir, strings.Join(c.env, " "), strings.Join(c.patterns, " "))),
	} {
		if err := os.WriteFile(filepath.Join(*flagSaveDiffs, name), data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

func fixStats(runs []*fixRun) stats {
	var wall, cpu, rss []float64
	for _, r := range runs {
		wall = append(wall, r.wall)
		cpu = append(cpu, r.cpu)
		rss = append(rss, float64(r.rssKiB)/1024)
	}
	return stats{len(wall), median(wall), median(cpu), median(rss)}
}

func passFail(ok bool) string {
	if ok {
		return "PASS"
	}
	return "FAIL"
}

func (b *bench) fixMarkdown(rows []*fixRow) string {
	var w strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&w, format, args...) }
	cpus, _, gov := machine()
	commit, _ := output(b.root, "git", "rev-parse", "--short", "HEAD")
	cmd := "go run ./bench/cmd/bench -fixexported"
	flag.Visit(func(f *flag.Flag) {
		if f.Name != "o" && f.Name != "work" && f.Name != "fixexported" && f.Name != "savediffs" {
			cmd += fmt.Sprintf(" -%s=%s", f.Name, f.Value)
		}
	})
	cmd += " -o BENCHMARKS.md"
	p("%s\n\n", fixSection)
	p("Issue 15: `noexit -fix -fix-exported ./...` (module-wide fixes) against `noexit ./...` (analysis) on the same module, in the same run; both with the default flags (tests analysed). The fix command runs with `-diff`, which plans, verifies and re-analyses exactly as `-fix` does but writes nothing (the tree's Go files are hashed before and after). Regenerate this section alone (the rest of the file is kept) with the command below, or `OUT=BENCHMARKS.md SAVE=DIR bench/fixexported.sh`, which also saves every output (the diffs, the findings, the summary lines, and those of the fix test corpora) for comparing two versions of noexit byte for byte:\n\n    %s\n\n", cmd)
	p("%s, noexit commit %s, %s, %d CPUs shared with other jobs (noisy); %s per command, the two commands interleaved, medians shown", b.start.UTC().Format("2006-01-02 15:04 MST"), strings.TrimSpace(commit), gov, cpus, plural(*flagReps, "repetition"))
	if *flagWarmup {
		p(", after one untimed warm-up run of each (shown apart: the fixer's first run on a corpus may compile what later runs find in the build cache)")
	}
	p("; harness run time %s. Wall, CPU (user+system of the process and its children) and peak RSS (the largest single process, wait4 rusage) as in the main table.\n\n", time.Since(b.start).Round(time.Second))
	p("| corpus | root pkgs | closure pkgs (with tests) | command | wall s | CPU s | peak RSS MiB | runs: wall s | exit codes | warm-up: wall s, CPU s, RSS MiB |\n|---|--:|--:|---|--:|--:|--:|---|---|---|\n")
	for _, row := range rows {
		for _, cmd := range fixCommands {
			runs := row.runs[cmd.name]
			s := fixStats(runs)
			var walls []string
			var exits []int
			for _, r := range runs {
				walls = append(walls, fmt.Sprintf("%.1f", r.wall))
				exits = append(exits, r.exit)
			}
			label := "`noexit ./...`"
			if cmd.name != "analysis" {
				label = "`noexit " + strings.Join(cmd.args, " ") + " ./...`"
			}
			warm := "–"
			if w := row.warmup[cmd.name]; w != nil {
				warm = fmt.Sprintf("%.1f, %.1f, %.0f", w.wall, w.cpu, float64(w.rssKiB)/1024)
			}
			p("| %s | %d | %d | %s | %.1f | %.1f | %.0f | %s | %v | %s |\n", row.c.name, row.c.roots, row.c.closure, label, s.wall, s.cpu, s.rss, strings.Join(walls, ", "), exits, warm)
		}
	}
	p("\nTargets (fix-exported ≤ %.0f× the analysis' wall clock and ≤ %.1f× its peak RSS; CPU for reference) and what the fixes do. Findings: diagnostics of `noexit ./...`; fixed / files / remain: the fix command's summary line (`noexit: would fix N findings in M files; K remain`); per-package: the same line from `noexit -fix -diff ./...` (one untimed run), the fixes the analyzer's own suggested fixes make without -fix-exported.\n\n", fixWallTarget, fixRSSTarget)
	p("| corpus | wall ratio | RSS ratio | CPU ratio | findings | fixed | files changed | remain | per-package: fixed / files | identical output across runs | tree unchanged |\n|---|---|---|--:|--:|--:|--:|--:|---|---|---|\n")
	for _, row := range rows {
		an, fx := fixStats(row.runs["analysis"]), fixStats(row.runs["fix-exported"])
		pp := fmt.Sprintf("%d / %d", row.perPkgFixed, row.perPkgFiles)
		if row.perPkgFixed < 0 {
			pp = "– (" + esc(row.perPkgSummary) + ")"
		}
		p("| %s | %s (%s) | %s (%s) | %s | %d | %d | %d | %d | %s | %s | %s |\n", row.c.name,
			passFail(fx.wall <= fixWallTarget*an.wall), ratio(fx.wall, an.wall),
			passFail(fx.rss <= fixRSSTarget*an.rss), ratio(fx.rss, an.rss),
			ratio(fx.cpu, an.cpu), row.findings, row.fixed, row.files, row.remain, pp,
			map[bool]string{true: "yes", false: "NO"}[row.identical], map[bool]string{true: "yes", false: "NO"}[row.unchanged])
	}
	p("\nCorpora:\n\n")
	for _, row := range rows {
		p("- %s: %s.\n", row.c.name, row.c.note)
	}
	p("\n")
	return w.String()
}

// spliceSection replaces the section starting with heading in doc (up to
// the next "## " heading) with section, or appends section.
func spliceSection(doc, heading, section string) string {
	start := strings.Index(doc, "\n"+heading+"\n")
	if start < 0 {
		return strings.TrimRight(doc, "\n") + "\n\n" + section
	}
	start++
	end := len(doc)
	if i := strings.Index(doc[start+len(heading):], "\n## "); i >= 0 {
		end = start + len(heading) + i + 1
	}
	return doc[:start] + section + doc[end:]
}

// section returns doc's section starting with heading, or "".
func section(doc, heading string) string {
	start := strings.Index(doc, "\n"+heading+"\n")
	if start < 0 {
		return ""
	}
	start++
	rest := doc[start+len(heading):]
	if i := strings.Index(rest, "\n## "); i >= 0 {
		return doc[start : start+len(heading)+i+1]
	}
	return doc[start:]
}

// timeRunSplit is timeRun with an environment, and stdout and stderr kept
// apart in base.stdout and base.stderr.
func timeRunSplit(dir string, env, args []string, base string) (*result, error) {
	stdout, err := os.Create(base + ".stdout")
	if err != nil {
		return nil, err
	}
	defer stdout.Close()
	stderr, err := os.Create(base + ".stderr")
	if err != nil {
		return nil, err
	}
	defer stderr.Close()
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Dir, cmd.Env = dir, env
	cmd.Stdout, cmd.Stderr = stdout, stderr
	start := time.Now()
	err = cmd.Run()
	wall := time.Since(start).Seconds()
	if _, ok := err.(*exec.ExitError); err != nil && !ok {
		return nil, fmt.Errorf("%s: %v", strings.Join(args, " "), err)
	}
	ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	return &result{
		wall:   wall,
		cpu:    time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds(),
		rssKiB: ru.Maxrss,
		exit:   cmd.ProcessState.ExitCode(),
		out:    base + ".stderr",
		args:   args,
	}, nil
}

// outputEnv is output with an environment (nil: this process's).
func outputEnv(dir string, env []string, name string, args ...string) (string, error) {
	cmd := exec.Command(name, args...)
	cmd.Dir, cmd.Env = dir, env
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return string(out), fmt.Errorf("%s %s: %v\n%s", name, strings.Join(args, " "), err, stderr.String())
	}
	return string(out), nil
}

// fixExportedMain is the -fixexported mode: list or run the table, print
// it, and splice it into -o.
func (b *bench) fixExportedMain() error {
	if *flagList {
		for _, c := range b.defineFixCorpora() {
			fmt.Printf("%-12s %s (in %s)\n", c.name, strings.Join(c.patterns, " "), c.dir)
		}
		return nil
	}
	sec, err := b.fixExported()
	if err != nil {
		return err
	}
	fmt.Print(sec)
	if *flagOut == "" {
		return nil
	}
	doc, err := os.ReadFile(*flagOut)
	if err != nil && !os.IsNotExist(err) {
		return err
	}
	if err := os.WriteFile(*flagOut, []byte(spliceSection(string(doc), fixSection, sec)), 0o644); err != nil {
		return err
	}
	b.logf("wrote %s", *flagOut)
	return nil
}

// plural counts things in words: "1 repetition", "3 repetitions".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
