// Command bench is noexit's benchmark harness. Run it from the root of the
// noexit checkout:
//
//	go run ./bench/cmd/bench -o BENCHMARKS.md      # full run, regenerates BENCHMARKS.md
//	go run ./bench/cmd/bench -quick                # std and x/tools, 1 repetition
//
// In one run it builds noexit from this checkout and the baselines
// (bench/ctrlflowcheck, bench/typecheck, revive with only deep-exit, and
// go vet), warms the module and build caches, then times every tool on
// every corpus -reps times (tools interleaved within a repetition), and
// reports medians of wall clock, CPU time and peak RSS with the ratio to
// the ctrlflow baseline measured in the same run. It also measures how
// noexit scales over four sizes of the Kubernetes corpus and over the
// synthetic stress package (bench/stress), checks noexit's recall
// against revive's deep-exit, checks that noexit never fails and gives
// identical output twice, and profiles noexit on the largest corpus.
// Tables go to stdout and, with -o, into a regenerated BENCHMARKS.md.
package main

import (
	"cmp"
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"
)

var (
	flagReps    = flag.Int("reps", 3, "repetitions of each timed run; the tables show medians")
	flagQuick   = flag.Bool("quick", false, "std and x/tools only, 1 repetition (unless -reps is given), no scaling, stress or profile")
	flagTools   = flag.String("tools", "", "comma-separated tools to time (default: all: noexit,ctrlflow,typecheck,revive,go vet); noexit and ctrlflow are always kept")
	flagOut     = flag.String("o", "", "also write the report to this file (BENCHMARKS.md)")
	flagWork    = flag.String("work", "", "work directory for binaries, outputs and profiles (default: a fresh temporary directory)")
	flagCorpora = flag.String("corpora", "", "comma-separated corpus names to run (default: all; see -list)")
	flagList    = flag.Bool("list", false, "list the corpora and exit")
	flagSample  = flag.Int("sample", 20, "number of random noexit findings from the Kubernetes corpus to list for hand-checking")
)

const reviveVersion = "v1.17.0"

func main() {
	log.SetFlags(0)
	log.SetPrefix("bench: ")
	flag.Parse()
	repsSet := false
	flag.Visit(func(f *flag.Flag) { repsSet = repsSet || f.Name == "reps" })
	if *flagQuick && !repsSet {
		*flagReps = 1
	}
	if *flagReps < 1 {
		log.Fatal("-reps must be at least 1")
	}
	b, err := newBench()
	if err != nil {
		log.Fatal(err)
	}
	if *flagFixExported {
		if err := b.fixExportedMain(); err != nil {
			log.Fatal(err)
		}
		return
	}
	if *flagList {
		for _, c := range b.corpora {
			fmt.Printf("%-8s %s (in %s)\n", c.name, strings.Join(c.patterns, " "), c.dir)
		}
		return
	}
	report, err := b.run()
	if err != nil {
		log.Fatal(err)
	}
	fmt.Print(report)
	if *flagOut != "" {
		// Keep the module-wide fixes section, which only -fixexported
		// regenerates.
		if old, err := os.ReadFile(*flagOut); err == nil {
			if sec := section(string(old), fixSection); sec != "" {
				report = spliceSection(report, fixSection, sec)
			}
		}
		if err := os.WriteFile(*flagOut, []byte(report), 0o644); err != nil {
			log.Fatal(err)
		}
		log.Printf("wrote %s", *flagOut)
	}
}

// bench holds the state of one harness run.
type bench struct {
	root    string // the noexit checkout
	work    string // binaries, outputs, profiles
	bin     string
	corpora []*corpus
	tools   []*tool
	start   time.Time
	notes   []string // problems met on the way, printed in the report
}

func newBench() (*bench, error) {
	gomod, err := output("", "go", "env", "GOMOD")
	if err != nil {
		return nil, err
	}
	gomod = strings.TrimSpace(gomod)
	root := filepath.Dir(gomod)
	if _, err := os.Stat(filepath.Join(root, "cmd", "noexit")); err != nil {
		return nil, fmt.Errorf("run from the noexit checkout (go env GOMOD is %q)", gomod)
	}
	work := *flagWork
	if work == "" {
		if work, err = os.MkdirTemp("", "noexit-bench-"); err != nil {
			return nil, err
		}
	}
	if work, err = filepath.Abs(work); err != nil {
		return nil, err
	}
	b := &bench{root: root, work: work, bin: filepath.Join(work, "bin"), start: time.Now()}
	b.corpora = b.defineCorpora()
	if *flagCorpora != "" {
		want := strings.Split(*flagCorpora, ",")
		b.corpora = slices.DeleteFunc(b.corpora, func(c *corpus) bool { return !slices.Contains(want, c.name) })
	} else if *flagQuick {
		b.corpora = slices.DeleteFunc(b.corpora, func(c *corpus) bool { return c.name != "std" && c.name != "x/tools" })
	}
	return b, nil
}

func (b *bench) logf(format string, args ...any) {
	log.Printf("[%s] %s", time.Since(b.start).Round(time.Second), fmt.Sprintf(format, args...))
}

func (b *bench) note(format string, args ...any) {
	s := fmt.Sprintf(format, args...)
	b.notes = append(b.notes, s)
	b.logf("NOTE: %s", s)
}

func (b *bench) run() (string, error) {
	for _, dir := range []string{b.bin, filepath.Join(b.work, "out")} {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return "", err
		}
	}
	b.logf("work directory %s", b.work)
	if err := b.build(); err != nil {
		return "", err
	}
	for _, c := range b.corpora {
		if err := b.prepare(c); err != nil {
			return "", fmt.Errorf("%s: %w", c.name, err)
		}
	}
	var res results
	for _, c := range b.corpora {
		for rep := range *flagReps {
			for _, t := range b.tools {
				r, err := b.measure(t, c, c.patterns, rep)
				if err != nil {
					return "", err
				}
				res.add(r)
			}
		}
	}
	rep := &report{b: b, res: &res}
	if !*flagQuick {
		if k8s := b.corpus("k8s"); k8s != nil {
			if err := b.scaling(k8s, rep); err != nil {
				return "", err
			}
		}
		if err := b.stress(rep); err != nil {
			return "", err
		}
	}
	for _, c := range b.corpora {
		if err := b.robustness(c, &res, rep); err != nil {
			return "", err
		}
		if err := b.recall(c, &res, rep); err != nil {
			return "", err
		}
	}
	if k8s := b.corpus("k8s"); k8s != nil {
		rep.sample = b.sample(k8s, &res, *flagSample)
	}
	if !*flagQuick {
		largest := b.corpora[len(b.corpora)-1]
		if err := b.profile(largest, rep); err != nil {
			return "", err
		}
	}
	return rep.markdown(), nil
}

func (b *bench) corpus(name string) *corpus {
	for _, c := range b.corpora {
		if c.name == name {
			return c
		}
	}
	return nil
}

// build compiles noexit and the baselines into b.bin, and installs revive
// once into the user cache directory.
func (b *bench) build() error {
	for _, p := range []string{"./cmd/noexit", "./bench/ctrlflowcheck", "./bench/typecheck"} {
		b.logf("go build %s", p)
		if _, err := output(b.root, "go", "build", "-o", filepath.Join(b.bin, filepath.Base(p)), p); err != nil {
			return err
		}
	}
	revive, err := b.installRevive()
	if err != nil {
		return err
	}
	cfg := filepath.Join(b.work, "revive.toml")
	if err := os.WriteFile(cfg, []byte(reviveConfig), 0o644); err != nil {
		return err
	}
	b.tools = []*tool{
		{name: "noexit", cmd: func(c *corpus, pats []string, rep int) []string {
			return append([]string{filepath.Join(b.bin, "noexit"), "-test=false"}, pats...)
		}},
		{name: "ctrlflow", cmd: func(c *corpus, pats []string, rep int) []string {
			return append([]string{filepath.Join(b.bin, "ctrlflowcheck"), "-test=false"}, pats...)
		}},
		{name: "typecheck", cmd: func(c *corpus, pats []string, rep int) []string {
			return append([]string{filepath.Join(b.bin, "typecheck"), "-test=false"}, pats...)
		}},
		{name: "revive", cmd: func(c *corpus, pats []string, rep int) []string {
			return append([]string{revive, "-config", cfg, "-formatter", "default"}, c.reviveFiles(pats)...)
		}},
		{name: "go vet", cmd: func(c *corpus, pats []string, rep int) []string {
			// go vet caches its results; a flag value no run has used
			// before (an extra printf wrapper name that matches nothing)
			// makes every package's vet action miss the cache, while the
			// compiled export data it needs stays cached.
			nonce := fmt.Sprintf("-printf.funcs=noexitbench.Nonce%d", time.Now().UnixNano())
			return append([]string{"go", "vet", nonce}, pats...)
		}},
	}
	if *flagTools != "" {
		want := strings.Split(*flagTools, ",")
		for _, w := range want {
			if !slices.ContainsFunc(b.tools, func(t *tool) bool { return t.name == w }) {
				return fmt.Errorf("-tools: unknown tool %q", w)
			}
		}
		b.tools = slices.DeleteFunc(b.tools, func(t *tool) bool {
			return t.name != "noexit" && t.name != "ctrlflow" && !slices.Contains(want, t.name)
		})
	}
	return nil
}

const reviveConfig = `# revive with only the deep-exit rule (noexit benchmarks)
ignoreGeneratedHeader = false
severity = "warning"
confidence = 0.8

[rule.deep-exit]
`

func (b *bench) installRevive() (string, error) {
	cache, err := os.UserCacheDir()
	if err != nil {
		cache = b.work
	}
	dir := filepath.Join(cache, "noexit-bench", "revive-"+reviveVersion)
	exe := filepath.Join(dir, "revive")
	if _, err := os.Stat(exe); err == nil {
		return exe, nil
	}
	b.logf("go install github.com/mgechev/revive@%s", reviveVersion)
	cmd := exec.Command("go", "install", "github.com/mgechev/revive@"+reviveVersion)
	cmd.Dir = b.work
	cmd.Env = append(os.Environ(), "GOBIN="+dir, "GOFLAGS=-mod=mod")
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("installing revive: %v\n%s", err, out)
	}
	return exe, nil
}

// output runs a command and returns its standard output; the error
// carries its standard error.
func output(dir string, name string, args ...string) (string, error) {
	return outputEnv(dir, nil, name, args...)
}

func machine() (cpus int, mem string, goVersion string) {
	cpus = runtime.NumCPU()
	if data, err := os.ReadFile("/proc/meminfo"); err == nil {
		for line := range strings.SplitSeq(string(data), "\n") {
			if rest, ok := strings.CutPrefix(line, "MemTotal:"); ok {
				var kb int64
				if _, err := fmt.Sscan(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), &kb); err != nil {
					continue
				}
				mem = fmt.Sprintf("%.1f GiB (MemTotal %d kB)", float64(kb)/(1<<20), kb)
			}
		}
	}
	v, _ := output("", "go", "version")
	return cpus, mem, strings.TrimSpace(v)
}

// median returns the median of xs (the mean of the middle two for even
// counts).
func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

func sortedKeys[K cmp.Ordered, V any](m map[K]V) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
