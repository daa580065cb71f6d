package main

import (
	"bufio"
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// k8sSizes are the subsets of the Kubernetes corpus for the scaling table,
// chosen so that their import closures (what a fact-based checker
// analyses) spread from about 300 to about 1,600 packages.
var k8sSizes = [][]string{
	{"k8s.io/client-go/rest/..."},
	{"k8s.io/client-go/kubernetes/..."},
	{"k8s.io/client-go/...", "k8s.io/apiserver/pkg/authentication/..."},
	nil, // the whole corpus, measured in the main table
}

type scaleRow struct {
	label      string
	pats       []string
	roots, pkg int
}

// scaling times noexit and the ctrlflow baseline on growing subsets of
// the Kubernetes corpus.
func (b *bench) scaling(c *corpus, rep *report) error {
	for _, pats := range k8sSizes {
		label := c.name
		if pats != nil {
			label = c.name + ":" + strings.Join(pats, "+")
		} else {
			pats = c.patterns
		}
		roots, err := output(c.dir, "go", append([]string{"list", "-e", "-f", "{{.ImportPath}}"}, pats...)...)
		if err != nil {
			return err
		}
		deps, err := closure(c.dir, pats)
		if err != nil {
			return err
		}
		rep.scale = append(rep.scale, scaleRow{label: label, pats: pats, roots: strings.Count(roots, "\n"), pkg: deps})
		if label == c.name {
			continue
		}
		for r := range *flagReps {
			for _, t := range b.tools[:2] { // noexit, ctrlflow
				res, err := b.measureAs(t, c, label, pats, r)
				if err != nil {
					return err
				}
				rep.res.add(res)
			}
		}
	}
	return nil
}

type stressRow struct {
	funcs int
	dir   string
	// noexit as a go vet tool (unitchecker), where facts are serialised
	vetWall, vetCPU float64
	vetRSSKiB       int64
	vetxBytes       int64 // size of the package's serialised facts (vet.out)
	vetExit         int
}

// stress generates the synthetic package at 1,000 and 10,000 functions
// and times noexit against the type-check-only baseline.
func (b *bench) stress(rep *report) error {
	tc := &tool{name: "typecheck", cmd: func(*corpus, []string, int) []string {
		return []string{filepath.Join(b.bin, "typecheck"), "./..."}
	}}
	nx := &tool{name: "noexit", cmd: func(*corpus, []string, int) []string {
		return []string{filepath.Join(b.bin, "noexit"), "./..."}
	}}
	for _, n := range []int{1000, 10000} {
		dir := filepath.Join(b.work, fmt.Sprintf("stress%d", n))
		if _, err := output(b.root, "go", "run", "./bench/stress", "-out", dir, "-funcs", strconv.Itoa(n)); err != nil {
			return err
		}
		c := &corpus{name: fmt.Sprintf("stress-%d", n), dir: dir, patterns: []string{"./..."}}
		if _, err := output(dir, "go", "build", "./..."); err != nil {
			return err
		}
		row := stressRow{funcs: n, dir: dir}
		if err := b.vetToolFacts(&row); err != nil {
			return err
		}
		rep.stress = append(rep.stress, row)
		for r := range *flagReps {
			for _, t := range []*tool{tc, nx} {
				res, err := b.measure(t, c, c.patterns, r)
				if err != nil {
					return err
				}
				rep.res.add(res)
			}
		}
	}
	return nil
}

// vetToolFacts runs noexit as a go vet tool on the stress package, where
// facts cross process boundaries gob-encoded, and records the size of the
// package's fact file. A fresh comment defeats vet's result cache; -work
// keeps the fact file to measure.
func (b *bench) vetToolFacts(row *stressRow) error {
	f, err := os.OpenFile(filepath.Join(row.dir, "stress", "literals.go"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	fmt.Fprintf(f, "\n// nonce %d\n", rand.Uint64())
	if err := f.Close(); err != nil {
		return err
	}
	args := []string{"go", "vet", "-work", "-vettool=" + filepath.Join(b.bin, "noexit"), "./..."}
	r, err := timeRun(row.dir, args, filepath.Join(b.work, "out", fmt.Sprintf("stress%d-vettool.txt", row.funcs)))
	if err != nil {
		return err
	}
	row.vetWall, row.vetCPU, row.vetRSSKiB, row.vetExit = r.wall, r.cpu, r.rssKiB, r.exit
	data, err := os.ReadFile(r.out)
	if err != nil {
		return err
	}
	for line := range strings.SplitSeq(string(data), "\n") {
		work, ok := strings.CutPrefix(line, "WORK=")
		if !ok {
			continue
		}
		_ = filepath.WalkDir(work, func(path string, d os.DirEntry, err error) error {
			if err == nil && d.Name() == "vet.out" {
				if info, err := d.Info(); err == nil && info.Size() > row.vetxBytes {
					row.vetxBytes = info.Size()
				}
			}
			return nil
		})
		os.RemoveAll(work)
	}
	b.logf("noexit as vet tool on stress-%d: %.1fs wall, facts %d bytes, exit %d", row.funcs, r.wall, row.vetxBytes, r.exit)
	return nil
}

// diag is a diagnostic's first line, parsed: position and message.
type diag struct {
	file string
	line int
	col  int
	msg  string
}

func (d diag) key() string { return d.file + ":" + strconv.Itoa(d.line) }

var posRE = regexp.MustCompile(`^(.+\.go):(\d+):(\d+): (.*)$`)

// parseDiags reads "file:line:col: message" lines; related-information
// lines (message starting with a tab) and other lines are returned apart.
func parseDiags(out, dir string) (diags []diag, related int, other []string) {
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		line := sc.Text()
		m := posRE.FindStringSubmatch(line)
		if m == nil {
			if strings.TrimSpace(line) != "" {
				other = append(other, line)
			}
			continue
		}
		if strings.HasPrefix(m[4], "\t") {
			related++
			continue
		}
		file := m[1]
		if !filepath.IsAbs(file) {
			file = filepath.Join(dir, file)
		}
		ln, _ := strconv.Atoi(m[2])
		col, _ := strconv.Atoi(m[3])
		diags = append(diags, diag{file: file, line: ln, col: col, msg: m[4]})
	}
	return diags, related, other
}

type robustRow struct {
	corpus      string
	runs        int
	exits       []int
	findings    int
	related     int
	errors      []string // lines that are not diagnostics, and bad exits
	identical   bool
	identicalOf int
}

// robustness checks every noexit run on c: exit 0 or 3, nothing on
// stdout/stderr but diagnostics, and identical output across runs. With
// one repetition it makes an extra run to compare.
func (b *bench) robustness(c *corpus, res *results, rep *report) error {
	runs := res.of("noexit", c.name)
	if len(runs) == 1 {
		r, err := b.measureAs(b.tools[0], c, c.name+"-again", c.patterns, 1)
		if err != nil {
			return err
		}
		runs = append(runs, r)
	}
	row := robustRow{corpus: c.name, runs: len(runs), identical: true, identicalOf: len(runs)}
	var first []byte
	for i, r := range runs {
		data, err := os.ReadFile(r.out)
		if err != nil {
			return err
		}
		row.exits = append(row.exits, r.exit)
		if r.exit != 0 && r.exit != 3 {
			row.errors = append(row.errors, fmt.Sprintf("run %d exited %d", i+1, r.exit))
		}
		if i == 0 {
			first = data
			diags, related, other := parseDiags(string(data), c.dir)
			row.findings, row.related = len(diags), related
			for _, o := range other {
				if len(row.errors) < 20 {
					row.errors = append(row.errors, o)
				}
			}
		} else if !bytes.Equal(first, data) {
			row.identical = false
		}
	}
	rep.robust = append(rep.robust, row)
	return nil
}

type recallRow struct {
	corpus    string
	revive    int // revive findings in non-main, non-test, non-generated code
	matched   int
	unmatched map[string]int // by reason
	examples  map[string][]string
	noexitAll int // noexit findings (terminator calls and dependency calls)
	extraTerm int // noexit terminator findings revive does not report
	extraDeps int // noexit findings at calls into other packages' may-exit functions
	extraWhy  map[string]int
}

// recall matches revive's deep-exit findings against noexit's (first
// repetition of each), by file and line, and classifies the misses.
func (b *bench) recall(c *corpus, res *results, rep *report) error {
	rv, nx := res.of("revive", c.name), res.of("noexit", c.name)
	if len(rv) == 0 || len(nx) == 0 {
		return nil
	}
	rvOut, err := os.ReadFile(rv[0].out)
	if err != nil {
		return err
	}
	nxOut, err := os.ReadFile(nx[0].out)
	if err != nil {
		return err
	}
	rvDiags, _, _ := parseDiags(string(rvOut), c.dir)
	nxDiags, _, _ := parseDiags(string(nxOut), c.dir)
	nxAt := map[string]bool{}
	for _, d := range nxDiags {
		nxAt[d.key()] = true
	}
	row := recallRow{corpus: c.name, unmatched: map[string]int{}, examples: map[string][]string{}, extraWhy: map[string]int{}, noexitAll: len(nxDiags)}
	var misses []diag
	rvAt := map[string]bool{}
	for _, d := range rvDiags {
		p := c.byDir[filepath.Dir(d.file)]
		if strings.HasSuffix(d.file, "_test.go") || p == nil || p.Name == "main" || isGenerated(d.file) {
			continue
		}
		row.revive++
		rvAt[d.key()] = true
		if nxAt[d.key()] {
			row.matched++
			continue
		}
		misses = append(misses, d)
	}
	// noexit with every function an entry point tells reachability apart
	// from everything else.
	var everywhere map[string]bool
	if len(misses) > 0 && c.name != "std" {
		everywhere, err = b.allEntries(c)
		if err != nil {
			return err
		}
	}
	for _, d := range misses {
		why := b.classify(c, d, everywhere)
		row.unmatched[why]++
		if len(row.examples[why]) < 3 {
			row.examples[why] = append(row.examples[why], fmt.Sprintf("%s: %s", b.short(d), d.msg))
		}
	}
	for _, d := range nxDiags {
		if rvAt[d.key()] {
			continue
		}
		// A terminator call says "X ends the process, reached from ...";
		// a call into a dependency "X may end the process: ..., reached from".
		if head, _, ok := strings.Cut(d.msg, ", reached from "); ok && !strings.Contains(head, " may ") {
			row.extraTerm++
			row.extraWhy[extraReason(d)]++
		} else {
			row.extraDeps++
		}
	}
	rep.recall = append(rep.recall, row)
	return nil
}

// extraReason says why revive cannot see a terminator call noexit reports.
func extraReason(d diag) string {
	name, _, _ := strings.Cut(d.msg, " ")
	x, _, _ := strings.Cut(strings.TrimPrefix(name, "(*"), ".")
	switch fn := enclosingFunc(d.file, d.line); {
	case fn == "init" || fn == "main":
		return "directly in a function named " + fn + " (revive skips init and main by name, in any package)"
	case slices.Contains([]string{"klog", "glog", "logrus", "zap", "unix"}, x):
		return "terminator revive does not know (" + x + ")"
	case strings.HasPrefix(name, "(*log.Logger)"):
		return "(*log.Logger) method (revive matches package names only)"
	case !startsStatement(d):
		return "call inside an expression or assignment (revive checks call statements only)"
	default:
		return "other: " + name
	}
}

// startsStatement reports whether the call at d is the first thing on its
// line, as a call statement is.
func startsStatement(d diag) bool {
	data, err := os.ReadFile(d.file)
	if err != nil {
		return true
	}
	lines := strings.Split(string(data), "\n")
	if d.line < 1 || d.line > len(lines) {
		return true
	}
	l := lines[d.line-1]
	return len(l)-len(strings.TrimLeft(l, " \t")) == d.col-1
}

var generatedRE = regexp.MustCompile(`(?m)^// Code generated .* DO NOT EDIT\.$`)

func isGenerated(file string) bool {
	data, err := os.ReadFile(file)
	if err != nil {
		return false
	}
	if i := bytes.Index(data, []byte("\npackage ")); i >= 0 {
		data = data[:i]
	}
	return generatedRE.Match(data)
}

func (b *bench) short(d diag) string {
	f := d.file
	if i := strings.Index(f, "/pkg/mod/"); i >= 0 {
		f = f[i+len("/pkg/mod/"):]
	} else if rel, err := filepath.Rel(filepath.Join(runtimeGOROOT(), "src"), f); err == nil && !strings.HasPrefix(rel, "..") {
		f = "$GOROOT/src/" + rel
	}
	return fmt.Sprintf("%s:%d", f, d.line)
}

var goroot string

func runtimeGOROOT() string {
	if goroot == "" {
		out, _ := output("", "go", "env", "GOROOT")
		goroot = strings.TrimSpace(out)
	}
	return goroot
}

// allEntries runs noexit over c with every function and method an entry
// point and dependency reports off, and returns the positions it reports.
func (b *bench) allEntries(c *corpus) (map[string]bool, error) {
	t := &tool{name: "noexit-allentries", cmd: func(c *corpus, pats []string, rep int) []string {
		return append([]string{filepath.Join(b.bin, "noexit"), "-test=false", "-deps=false", "-entry=*,*.*"}, pats...)
	}}
	r, err := b.measure(t, c, c.patterns, 0)
	if err != nil {
		return nil, err
	}
	data, err := os.ReadFile(r.out)
	if err != nil {
		return nil, err
	}
	diags, _, _ := parseDiags(string(data), c.dir)
	at := map[string]bool{}
	for _, d := range diags {
		at[d.key()] = true
	}
	return at, nil
}

// classify says why noexit does not report revive finding d.
func (b *bench) classify(c *corpus, d diag, everywhere map[string]bool) string {
	p := c.byDir[filepath.Dir(d.file)]
	if c.name == "std" {
		return "modeled package (std: exits are the catalogue, nothing inferred)"
	}
	if p != nil && (strings.Contains(p.ImportPath+"/", "/cmd/")) {
		return "allowed path (/cmd/)"
	}
	if p != nil {
		for _, e := range []string{"test", "tests", "e2e", "testing", "testutil", "testutils", "testhelpers"} {
			if strings.Contains(p.ImportPath+"/", "/"+e+"/") {
				return "allowed path (test-support code: /" + e + "/)"
			}
		}
	}
	x, sel := reviveCallee(d.msg)
	if x == "log" && strings.HasPrefix(sel, "Panic") {
		return "log.Panic* (category panic-log, off by default)"
	}
	if path := importOf(d.file, x); path != "" && path != x {
		return fmt.Sprintf("revive matched the name %q, which is %s here", x, path)
	}
	if everywhere[d.key()] {
		if fn := enclosingFunc(d.file, d.line); strings.HasPrefix(fn, "(") {
			return "not reached from an entry point: method of an unexported type (called through an interface, which noexit does not follow)"
		}
		return "not reached from an entry point: unexported function no entry calls"
	}
	if allowedAt(d.file, d.line) {
		return "//noexit:allow directive"
	}
	return "other (see examples)"
}

var reviveMsgRE = regexp.MustCompile(`calls to ([A-Za-z_]\w*)\.([A-Za-z_]\w*)`)

func reviveCallee(msg string) (x, sel string) {
	m := reviveMsgRE.FindStringSubmatch(msg)
	if m == nil {
		return "", ""
	}
	return m[1], m[2]
}

// importOf returns the import path that name denotes in file, or "" if it
// is not an import name there.
func importOf(file, name string) string {
	f, err := parser.ParseFile(token.NewFileSet(), file, nil, parser.ImportsOnly)
	if err != nil {
		return ""
	}
	for _, imp := range f.Imports {
		path, _ := strconv.Unquote(imp.Path.Value)
		local := filepath.Base(path)
		if imp.Name != nil {
			local = imp.Name.Name
		}
		if local == name {
			return path
		}
	}
	return ""
}

func allowedAt(file string, line int) bool {
	data, err := os.ReadFile(file)
	if err != nil {
		return false
	}
	lines := strings.Split(string(data), "\n")
	for _, l := range []int{line - 1, line - 2} {
		if l >= 0 && l < len(lines) && strings.Contains(lines[l], "//noexit:allow") {
			return true
		}
	}
	return false
}

type sampleRow struct {
	pos, msg, fn string
}

// sample picks n noexit findings from the first run on c, at random with
// a fixed seed, for hand-checking.
func (b *bench) sample(c *corpus, res *results, n int) []sampleRow {
	runs := res.of("noexit", c.name)
	if len(runs) == 0 || n <= 0 {
		return nil
	}
	data, err := os.ReadFile(runs[0].out)
	if err != nil {
		return nil
	}
	diags, _, _ := parseDiags(string(data), c.dir)
	r := rand.New(rand.NewPCG(6, 2026))
	idx := r.Perm(len(diags))
	if len(idx) > n {
		idx = idx[:n]
	}
	slices.Sort(idx)
	var rows []sampleRow
	for _, i := range idx {
		d := diags[i]
		rows = append(rows, sampleRow{pos: b.short(d), msg: d.msg, fn: enclosingFunc(d.file, d.line)})
	}
	return rows
}

func enclosingFunc(file string, line int) string {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, file, nil, parser.SkipObjectResolution)
	if err != nil {
		return ""
	}
	for _, decl := range f.Decls {
		if fd, ok := decl.(*ast.FuncDecl); ok && fset.Position(fd.Pos()).Line <= line && line <= fset.Position(fd.End()).Line {
			if fd.Recv != nil && len(fd.Recv.List) > 0 {
				return fmt.Sprintf("(%s).%s", types(fd.Recv.List[0].Type), fd.Name.Name)
			}
			return fd.Name.Name
		}
	}
	return "(package level)"
}

func types(e ast.Expr) string {
	switch x := e.(type) {
	case *ast.StarExpr:
		return "*" + types(x.X)
	case *ast.Ident:
		return x.Name
	case *ast.IndexExpr:
		return types(x.X)
	case *ast.IndexListExpr:
		return types(x.X)
	}
	return "?"
}

// profile runs noexit with -cpuprofile and -memprofile on c and keeps the
// tops of go tool pprof.
func (b *bench) profile(c *corpus, rep *report) error {
	cpu := filepath.Join(b.work, "noexit.cpu.pprof")
	mem := filepath.Join(b.work, "noexit.mem.pprof")
	t := &tool{name: "noexit-profiled", cmd: func(c *corpus, pats []string, rep int) []string {
		return append([]string{filepath.Join(b.bin, "noexit"), "-test=false", "-cpuprofile", cpu, "-memprofile", mem}, pats...)
	}}
	if _, err := b.measure(t, c, c.patterns, 0); err != nil {
		return err
	}
	exe := filepath.Join(b.bin, "noexit")
	var err error
	if rep.cpuTop, err = output(b.root, "go", "tool", "pprof", "-top", "-nodecount=25", exe, cpu); err != nil {
		return err
	}
	if rep.cumTop, err = output(b.root, "go", "tool", "pprof", "-top", "-cum", "-nodecount=40", exe, cpu); err != nil {
		return err
	}
	if rep.memTop, err = output(b.root, "go", "tool", "pprof", "-top", "-sample_index=alloc_space", "-nodecount=25", exe, mem); err != nil {
		return err
	}
	// noexit's own share: only stacks through its packages.
	focus := "-focus=noexit-lint/noexit/"
	if rep.ownCPU, err = output(b.root, "go", "tool", "pprof", "-top", "-cum", focus, "-nodecount=60", exe, cpu); err != nil {
		return err
	}
	if rep.ownMem, err = output(b.root, "go", "tool", "pprof", "-top", "-cum", "-sample_index=alloc_space", focus, "-nodecount=60", exe, mem); err != nil {
		return err
	}
	rep.profCorpus = c.name
	rep.profDir = b.work
	return nil
}
