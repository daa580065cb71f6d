package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"
)

// A corpus is a set of packages named by go patterns, listed and analysed
// from the module in dir.
type corpus struct {
	name     string
	dir      string
	patterns []string
	note     string

	pkgs   []*pkg          // the root packages, in go list order
	byPath map[string]*pkg // by import path
	byDir  map[string]*pkg // by directory
	deps   int             // packages in the import closure of the roots
}

type pkg struct {
	ImportPath string
	Name       string
	Dir        string
	GoFiles    []string
	CgoFiles   []string
	Module     *struct{ Path, Version string }
}

func (b *bench) defineCorpora() []*corpus {
	tools := filepath.Join(b.root, "bench", "corpus", "tools")
	k8s := filepath.Join(b.root, "bench", "corpus", "k8s")
	return []*corpus{
		{name: "std", dir: b.root, patterns: []string{"std"}, note: "the standard library (modeled: noexit infers nothing there)"},
		{name: "x/tools", dir: tools, patterns: []string{"golang.org/x/tools/..."}, note: "golang.org/x/tools v0.52.0"},
		{name: "honnef", dir: tools, patterns: []string{"honnef.co/go/tools/..."}, note: "honnef.co/go/tools v0.8.2 (staticcheck)"},
		{name: "k8s", dir: k8s, patterns: []string{"k8s.io/client-go/...", "k8s.io/apiserver/..."}, note: "k8s.io/client-go and k8s.io/apiserver v0.37.2"},
	}
}

// prepare downloads the corpus's modules, lists its packages and warms the
// build cache (export data for the whole closure, tests included, which
// go vet needs), so that the timed runs measure analysis.
func (b *bench) prepare(c *corpus) error {
	b.logf("%s: go mod download, go list, warming the build cache", c.name)
	if c.dir != b.root {
		if _, err := output(c.dir, "go", "mod", "download"); err != nil {
			return err
		}
	}
	out, err := output(c.dir, "go", append([]string{"list", "-e", "-json=ImportPath,Name,Dir,GoFiles,CgoFiles,Module"}, c.patterns...)...)
	if err != nil {
		return err
	}
	c.byPath, c.byDir = map[string]*pkg{}, map[string]*pkg{}
	dec := json.NewDecoder(strings.NewReader(out))
	for dec.More() {
		p := new(pkg)
		if err := dec.Decode(p); err != nil {
			return err
		}
		c.pkgs = append(c.pkgs, p)
		c.byPath[p.ImportPath] = p
		c.byDir[p.Dir] = p
	}
	if c.deps, err = closure(c.dir, c.patterns); err != nil {
		return err
	}
	// Compiled export data is go vet's input; the other tools read source.
	if !slices.ContainsFunc(b.tools, func(t *tool) bool { return t.name == "go vet" }) {
		return nil
	}
	if _, err := output(c.dir, "go", append([]string{"list", "-e", "-deps", "-test", "-export", "-f", "{{.ImportPath}}"}, c.patterns...)...); err != nil {
		return err
	}
	return nil
}

// closure counts the packages in the import closure of pats (no tests).
func closure(dir string, pats []string) (int, error) {
	out, err := output(dir, "go", append([]string{"list", "-e", "-deps", "-f", "{{.ImportPath}}"}, pats...)...)
	if err != nil {
		return 0, err
	}
	return strings.Count(out, "\n"), nil
}

// reviveFiles lists the non-test Go files of the packages matched by pats
// (root import paths or the corpus's own patterns), the files that the
// noexit runs with -test=false analyse.
func (c *corpus) reviveFiles(pats []string) []string {
	var files []string
	add := func(p *pkg) {
		for _, f := range append(append([]string{}, p.GoFiles...), p.CgoFiles...) {
			files = append(files, filepath.Join(p.Dir, f))
		}
	}
	if strings.Join(pats, " ") == strings.Join(c.patterns, " ") {
		for _, p := range c.pkgs {
			add(p)
		}
		return files
	}
	for _, path := range pats {
		if p := c.byPath[path]; p != nil {
			add(p)
		}
	}
	return files
}

// A tool builds the command line that analyses pats of corpus c.
type tool struct {
	name string
	cmd  func(c *corpus, pats []string, rep int) []string
}

// A result is one timed run.
type result struct {
	tool, corpus string // corpus may name a subset: "k8s/1-4"
	rep          int
	wall, cpu    float64 // seconds; cpu is user+system of the process tree
	rssKiB       int64   // peak RSS of the largest process in the tree
	exit         int
	out          string // file holding stdout then stderr
	args         []string
}

type results struct{ all []*result }

func (rs *results) add(r *result) { rs.all = append(rs.all, r) }

func (rs *results) of(tool, corpus string) []*result {
	var res []*result
	for _, r := range rs.all {
		if r.tool == tool && r.corpus == corpus {
			res = append(res, r)
		}
	}
	return res
}

type stats struct {
	n              int
	wall, cpu, rss float64 // medians; rss in MiB
}

func (rs *results) stats(tool, corpus string) stats {
	var wall, cpu, rss []float64
	for _, r := range rs.of(tool, corpus) {
		wall = append(wall, r.wall)
		cpu = append(cpu, r.cpu)
		rss = append(rss, float64(r.rssKiB)/1024)
	}
	return stats{len(wall), median(wall), median(cpu), median(rss)}
}

// measure runs tool t over pats of corpus c once, in c.dir, and records
// wall clock, CPU time and peak RSS. The label names a subset.
func (b *bench) measure(t *tool, c *corpus, pats []string, rep int) (*result, error) {
	return b.measureAs(t, c, c.name, pats, rep)
}

func (b *bench) measureAs(t *tool, c *corpus, label string, pats []string, rep int) (*result, error) {
	args := t.cmd(c, pats, rep)
	safe := strings.NewReplacer("/", "_", " ", "_").Replace(label + "-" + t.name)
	outName := filepath.Join(b.work, "out", fmt.Sprintf("%s-%d.txt", safe, rep))
	r, err := timeRun(c.dir, args, outName)
	if err != nil {
		return nil, err
	}
	r.tool, r.corpus, r.rep = t.name, label, rep
	if strings.HasPrefix(t.name, "noexit") || t.name == "ctrlflow" || t.name == "typecheck" {
		if r.exit != 0 && r.exit != 3 {
			b.note("%s on %s exited %d (see %s)", t.name, label, r.exit, outName)
		}
	}
	b.logf("%-8s %-10s rep %d: %6.1fs wall %6.1fs cpu %6.0f MiB exit %d", t.name, label, rep+1, r.wall, r.cpu, float64(r.rssKiB)/1024, r.exit)
	return r, nil
}

// timeRun runs args in dir with stdout and stderr into outName (stdout
// first) and measures it. The peak RSS comes from wait4's rusage: the
// largest of the process and the descendants it waited for.
func timeRun(dir string, args []string, outName string) (*result, error) {
	stdout, err := os.Create(outName)
	if err != nil {
		return nil, err
	}
	defer stdout.Close()
	stderr, err := os.CreateTemp(filepath.Dir(outName), "stderr-")
	if err != nil {
		return nil, err
	}
	defer os.Remove(stderr.Name())
	defer stderr.Close()
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Dir = dir
	cmd.Stdout, cmd.Stderr = stdout, stderr
	start := time.Now()
	err = cmd.Run()
	wall := time.Since(start).Seconds()
	if _, ok := err.(*exec.ExitError); err != nil && !ok {
		return nil, fmt.Errorf("%s: %v", strings.Join(args, " "), err)
	}
	if _, err := stderr.Seek(0, 0); err != nil {
		return nil, err
	}
	if _, err := stdout.ReadFrom(stderr); err != nil {
		return nil, err
	}
	ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	cpu := time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
	return &result{
		wall:   wall,
		cpu:    cpu,
		rssKiB: ru.Maxrss,
		exit:   cmd.ProcessState.ExitCode(),
		out:    outName,
		args:   args,
	}, nil
}
