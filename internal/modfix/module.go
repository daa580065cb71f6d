package modfix

import (
	"go/ast"
	"go/build"
	"go/build/constraint"
	"go/parser"
	"go/token"
	"go/types"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/packages"

	"github.com/noexit-lint/noexit/internal/recheck"
)

// module is the main module as loaded, under the host's GOOS/GOARCH and
// under each other platform its files' build constraints name.
type module struct {
	opts    Options
	roots   []*packages.Package          // the driver's packages and those completeHost added
	host    []*packages.Package          // every loaded main-module package, test variants included
	byFile  map[string]*packages.Package // non-test variant first
	all     []*packages.Package          // every loaded package, dependencies included
	configs []config
	refs    map[string][]ref // FullName -> references in the configs loaded so far
	seen    map[token.Position]bool

	inspectors map[*packages.Package]*inspector.Inspector // one walk per package, made on first use
	fset       *token.FileSet                             // the driver's, with syntax (hostSyntax)
	syntax     map[string]*ast.File

	prepared   bool
	incomplete string // why the module could not be loaded whole
}

// config is one GOOS/GOARCH under which the module is type-checked.
type config struct {
	platform
	files []string            // files only this platform builds (of the host's ignored files)
	pkgs  []*packages.Package // roots loaded so far; host: the driver's
	// paths are the import paths loaded so far under another platform,
	// and reuse the packages checked so far, by ID, for later loads.
	paths map[string]bool
	reuse map[string]*packages.Package
}

// platform is a GOOS/GOARCH pair.
type platform = recheck.Platform

// ref is one reference to a module function, in the syntax and types of
// one configuration.
type ref struct {
	pkg  *packages.Package
	file *ast.File
	id   *ast.Ident
}

func newModule(pkgs []*packages.Package, opts Options) *module {
	m := &module{opts: opts, roots: pkgs, byFile: map[string]*packages.Package{}}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		m.all = append(m.all, p)
		if p.Module == nil || !p.Module.Main {
			return
		}
		m.host = append(m.host, p)
		for _, f := range p.GoFiles {
			if q := m.byFile[f]; q == nil || strings.Contains(q.ID, " [") && !strings.Contains(p.ID, " [") {
				m.byFile[f] = p
			}
		}
	})
	m.configs = []config{{platform: platform{GOOS: build.Default.GOOS, GOARCH: build.Default.GOARCH}, pkgs: pkgs}}
	m.refs = map[string][]ref{}
	m.seen = map[token.Position]bool{}
	m.index(&m.configs[0])
	return m
}

// prepare completes the host's view to every package of the main module
// (the command line may have named only some: their callers elsewhere in
// the module must be updated too) and lists the other platforms.
func (m *module) prepare() {
	if m.prepared {
		return
	}
	m.prepared = true
	m.completeHost()
	host := m.configs[0].platform
	byPlatform := m.platforms()
	for _, pl := range slices.SortedFunc(maps.Keys(byPlatform), func(a, b platform) int {
		return strings.Compare(a.String(), b.String())
	}) {
		if pl != host {
			m.configs = append(m.configs, config{platform: pl, files: byPlatform[pl]})
		}
	}
}

// completeHost adds the main-module packages that the command line left
// out, with their tests, and indexes their references: the callers of a
// changed function there must be updated too. They are type-checked from
// source on top of the packages the driver loaded; nothing is compiled.
func (m *module) completeHost() {
	have := map[string]bool{}
	for _, p := range m.host {
		have[basePath(p)] = true
	}
	listing := m.opts.Listing
	if listing == nil {
		listing = ListModule(m.dir(), m.opts.BuildFlags)
	}
	list, err := listing.Wait()
	if err != nil {
		m.incomplete = err.Error()
		return
	}
	var missing []string
	for _, p := range list {
		if p.Module != nil && p.Module.Main && !have[p.PkgPath] {
			missing = append(missing, p.PkgPath)
		}
	}
	if len(missing) == 0 {
		return
	}
	reuse := map[string]*packages.Package{}
	for _, p := range m.all {
		reuse[p.ID] = p
	}
	pkgs, err := recheck.Load(recheck.LoadOptions{
		Dir: m.dir(), BuildFlags: m.opts.BuildFlags, Tests: true, Full: inMainModule, Reuse: reuse,
	}, missing...)
	if err != nil {
		m.incomplete = err.Error()
		return
	}
	m.roots = append(m.roots, pkgs...)
	m.configs[0].pkgs = m.roots
	extra := config{platform: m.configs[0].platform}
	seen := map[*packages.Package]bool{}
	for _, p := range m.all {
		seen[p] = true
	}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		if seen[p] {
			return
		}
		m.all = append(m.all, p) // for the interface checks
		if inMainModule(p) && p.TypesInfo != nil && !have[p.ID] {
			have[p.ID] = true
			m.host = append(m.host, p)
			extra.pkgs = append(extra.pkgs, p)
		}
	})
	m.index(&extra)
}

func inMainModule(p *packages.Package) bool { return p.Module != nil && p.Module.Main }

// A Listing is the list of a module's packages, made in the background.
type Listing struct {
	done chan struct{}
	pkgs []*packages.Package
	err  error
}

// ListModule starts listing the packages of the module in dir (names
// only, nothing loaded): the driver starts it while the analysis runs.
func ListModule(dir string, buildFlags []string) *Listing {
	l := &Listing{done: make(chan struct{})}
	go func() {
		defer close(l.done)
		//noexit:allow x/tools exits only on a broken invariant (an unknown load mode), not on user input
		l.pkgs, l.err = packages.Load(&packages.Config{Mode: packages.NeedName | packages.NeedModule, Dir: dir, BuildFlags: buildFlags}, "./...")
	}()
	return l
}

// Wait returns the listing once it is made.
func (l *Listing) Wait() ([]*packages.Package, error) {
	<-l.done
	return l.pkgs, l.err
}

// ModuleDir is the directory of the main module of pkgs, or "".
func ModuleDir(pkgs []*packages.Package) string {
	dir := ""
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		if dir == "" && p.Module != nil && p.Module.Main {
			dir = p.Module.Dir
		}
	})
	return dir
}

// dir is the main module's directory.
func (m *module) dir() string {
	for _, p := range m.host {
		if p.Module != nil && p.Module.Dir != "" {
			return p.Module.Dir
		}
	}
	return ""
}

// fileAt returns the package (non-test variant if any) and syntax of a
// main-module file.
func (m *module) fileAt(name string) (*packages.Package, *ast.File) {
	p := m.byFile[name]
	if p == nil {
		return nil, nil
	}
	for _, f := range p.Syntax {
		if p.Fset.Position(f.Package).Filename == name {
			return p, f
		}
	}
	return nil, nil
}

// allowed reports whether exiting is the program's decision in p, as the
// analyzer decides it.
func (m *module) allowed(p *packages.Package) bool {
	return m.opts.Policy.Allowed(p.PkgPath, p.Name)
}

// knownOS and knownArch are the GOOS and GOARCH values a constraint may
// name, with the architecture each OS is checked under.
var knownOS = map[string]string{
	"aix": "ppc64", "android": "arm64", "darwin": "arm64", "dragonfly": "amd64", "freebsd": "amd64",
	"illumos": "amd64", "ios": "arm64", "js": "wasm", "linux": "amd64", "netbsd": "amd64",
	"openbsd": "amd64", "plan9": "amd64", "solaris": "amd64", "wasip1": "wasm", "windows": "amd64",
}

var knownArch = []string{"386", "amd64", "arm", "arm64", "loong64", "mips", "mips64", "mips64le",
	"mipsle", "ppc64", "ppc64le", "riscv64", "s390x", "wasm"}

// platforms returns, for each GOOS (with its usual GOARCH) and GOARCH
// (with linux) that the build constraints of the module's files name,
// the files the host build ignores that name it: a call in one of them
// is seen only under that platform.
func (m *module) platforms() map[platform][]string {
	out := map[platform][]string{}
	var files []string
	for _, p := range m.host {
		files = append(files, p.IgnoredFiles...)
	}
	slices.Sort(files)
	for _, f := range slices.Compact(files) {
		if !strings.HasSuffix(f, ".go") {
			continue
		}
		var named []platform
		tag := func(t string) {
			if arch, ok := knownOS[t]; ok {
				named = append(named, platform{GOOS: t, GOARCH: arch})
			} else if slices.Contains(knownArch, t) {
				named = append(named, platform{GOOS: "linux", GOARCH: t})
			}
		}
		base := strings.TrimSuffix(strings.TrimSuffix(filepath.Base(f), ".go"), "_test")
		parts := strings.Split(base, "_")
		for i := len(parts) - 1; i >= 1 && i >= len(parts)-2; i-- {
			tag(parts[i])
		}
		src, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		af, err := parser.ParseFile(token.NewFileSet(), f, src, parser.PackageClauseOnly|parser.ParseComments)
		if err != nil {
			continue
		}
		for _, cg := range af.Comments {
			for _, c := range cg.List {
				if constraint.IsGoBuild(c.Text) {
					if x, err := constraint.Parse(c.Text); err == nil {
						x.Eval(func(t string) bool { tag(t); return false })
					}
				}
			}
		}
		for _, pl := range named {
			if !slices.Contains(out[pl], f) {
				out[pl] = append(out[pl], f)
			}
		}
	}
	return out
}

// load type-checks, from source under c's platform, the main-module
// packages in dirs that it has not loaded yet, with their tests; their
// dependencies are checked for their declarations only, once per
// platform. It returns the new roots. Only the packages that a fix
// touches, or whose platform files mention a changed function, are
// loaded: a platform's own dependencies (a Windows container runtime)
// can dwarf the module.
func (m *module) load(c *config, dirs map[string]bool) []*packages.Package {
	if c.paths == nil {
		c.paths = map[string]bool{}
		c.reuse = map[string]*packages.Package{}
	}
	var paths []string
	for _, p := range m.host {
		path := basePath(p)
		files := append(slices.Clone(p.GoFiles), p.IgnoredFiles...)
		if c.paths[path] || len(files) == 0 || !dirs[filepath.Dir(files[0])] {
			continue
		}
		c.paths[path] = true
		paths = append(paths, path)
	}
	if len(paths) == 0 {
		return nil
	}
	fset, syntax := m.hostSyntax()
	pkgs, err := recheck.Load(recheck.LoadOptions{
		Dir: m.dir(), BuildFlags: m.opts.BuildFlags, Tests: true, Platform: c.platform, Full: inMainModule,
		Fset: fset, Syntax: syntax, Reuse: c.reuse,
	}, paths...)
	if err != nil {
		return nil
	}
	packages.Visit(pkgs, nil, func(p *packages.Package) { c.reuse[p.ID] = p })
	c.pkgs = append(c.pkgs, pkgs...)
	return pkgs
}

// hostSyntax returns the file set and the files, by name, of the
// packages the driver loaded: most files build under every platform, and
// another platform's check shares their syntax.
func (m *module) hostSyntax() (*token.FileSet, map[string]*ast.File) {
	if m.syntax == nil {
		m.syntax = map[string]*ast.File{}
		for _, p := range m.all {
			if m.fset == nil {
				m.fset = p.Fset
			}
			if p.Fset != m.fset {
				continue
			}
			for i, name := range p.CompiledGoFiles {
				if i < len(p.Syntax) && strings.HasSuffix(name, ".go") {
					m.syntax[name] = p.Syntax[i]
				}
			}
		}
	}
	return m.fset, m.syntax
}

// references returns every reference to the function named full (a
// types.Func FullName, short its name) in the main module, each source
// position once. A platform other than the host's is loaded only if a
// file that only it builds mentions short.
func (m *module) references(full, short string) []ref {
	m.prepare()
	word := regexp.MustCompile(`\b` + regexp.QuoteMeta(short) + `\b`)
	for i := range m.configs[1:] {
		c := &m.configs[i+1]
		dirs := map[string]bool{}
		for _, f := range c.files {
			if dirs[filepath.Dir(f)] {
				continue
			}
			if src, err := os.ReadFile(f); err == nil && word.Match(src) {
				dirs[filepath.Dir(f)] = true
			}
		}
		if roots := m.load(c, dirs); len(roots) > 0 {
			m.index(&config{pkgs: roots})
		}
	}
	rs := m.refs[full]
	slices.SortFunc(rs, func(a, b ref) int {
		pa, pb := a.pkg.Fset.Position(a.id.Pos()), b.pkg.Fset.Position(b.id.Pos())
		if pa.Filename != pb.Filename {
			return strings.Compare(pa.Filename, pb.Filename)
		}
		return pa.Offset - pb.Offset
	})
	return rs
}

// index adds the references of the main-module packages of c's graph to
// m.refs.
func (m *module) index(c *config) {
	var list []*packages.Package
	packages.Visit(c.pkgs, nil, func(p *packages.Package) {
		if inMainModule(p) && p.TypesInfo != nil {
			list = append(list, p)
		}
	})
	for _, p := range list {
		for id, obj := range p.TypesInfo.Uses {
			fn, ok := obj.(*types.Func)
			if !ok || fn.Pkg() == nil {
				continue
			}
			posn := p.Fset.Position(id.Pos())
			if m.seen[posn] {
				continue
			}
			m.seen[posn] = true
			full := fn.Origin().FullName()
			m.refs[full] = append(m.refs[full], ref{p, fileOf(p, id.Pos()), id})
		}
	}
}

// basePath is the import path of the package p tests (p itself if not a
// test variant).
func basePath(p *packages.Package) string {
	return strings.TrimSuffix(strings.TrimSuffix(p.PkgPath, ".test"), "_test")
}

func fileOf(p *packages.Package, pos token.Pos) *ast.File {
	for _, f := range p.Syntax {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f
		}
	}
	return nil
}

// path returns the nodes from the innermost one that encloses [start,
// end) in p out to its file, found with the package's inspector (built
// once) instead of a walk of the file per question.
func (m *module) path(p *packages.Package, start, end token.Pos) []ast.Node {
	if m.inspectors == nil {
		m.inspectors = map[*packages.Package]*inspector.Inspector{}
	}
	in := m.inspectors[p]
	if in == nil {
		in = inspector.New(p.Syntax)
		m.inspectors[p] = in
	}
	cur, ok := in.Root().FindByPos(start, end)
	if !ok {
		return nil
	}
	var path []ast.Node
	for ; cur.Node() != nil; cur = cur.Parent() {
		path = append(path, cur.Node())
	}
	return path
}
