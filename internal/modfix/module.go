package modfix

import (
	"go/ast"
	"go/build/constraint"
	"go/parser"
	"go/token"
	"go/types"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"

	"golang.org/x/tools/go/packages"
)

func readFile(name string) ([]byte, error) { return os.ReadFile(name) }

// module is the main module as loaded, under the host's GOOS/GOARCH and
// under each other platform its files' build constraints name.
type module struct {
	opts    Options
	host    []*packages.Package          // every loaded main-module package, test variants included
	byFile  map[string]*packages.Package // non-test variant first
	all     []*packages.Package          // every loaded package, dependencies included
	allow   []*regexp.Regexp
	configs []config
	refs    map[string][]ref // FullName -> references in the configs loaded so far
	seen    map[token.Position]bool

	prepared   bool
	incomplete string // why the module could not be loaded whole

	gen    int                        // fixes accepted so far: the baseline's version
	broken map[string]map[string]bool // baseline key -> packages that fail without the change
}

// config is one GOOS/GOARCH under which the module is type-checked.
type config struct {
	platform
	files  []string            // files only this platform builds (of the host's ignored files)
	pkgs   []*packages.Package // loaded on first use; host: the driver's
	loaded bool
}

// platform is a GOOS/GOARCH pair.
type platform struct{ goos, goarch string }

// ref is one reference to a module function, in the syntax and types of
// one configuration.
type ref struct {
	pkg  *packages.Package
	file *ast.File
	id   *ast.Ident
}

func newModule(pkgs []*packages.Package, opts Options) *module {
	m := &module{opts: opts, byFile: map[string]*packages.Package{}}
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
	allow := opts.Allow
	if allow == nil {
		allow = []string{".../cmd/..."}
	}
	for _, a := range allow {
		m.allow = append(m.allow, pkgPattern(a))
	}
	m.configs = []config{{platform: platform{runtime.GOOS, runtime.GOARCH}, pkgs: m.host, loaded: true}}
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
		return strings.Compare(a.goos+"/"+a.goarch, b.goos+"/"+b.goarch)
	}) {
		if pl != host {
			m.configs = append(m.configs, config{platform: pl, files: byPlatform[pl]})
		}
	}
}

// completeHost loads the main-module packages that the command line left
// out, with their tests, and indexes their references.
func (m *module) completeHost() {
	have := map[string]bool{}
	for _, p := range m.host {
		have[basePath(p)] = true
	}
	//noexit:allow x/tools exits only on a broken invariant (an unknown load mode), not on user input
	list, err := packages.Load(&packages.Config{Mode: packages.NeedName | packages.NeedModule, Dir: m.dir(), BuildFlags: m.opts.BuildFlags}, "./...")
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
	pkgs, err := m.loadUnder(m.configs[0].platform, nil, missing)
	if err != nil {
		m.incomplete = err.Error()
		return
	}
	extra := config{platform: m.configs[0].platform}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		m.all = append(m.all, p) // for the interface checks
		if p.Module != nil && p.Module.Main && p.TypesInfo != nil && !have[p.ID] {
			have[p.ID] = true
			m.host = append(m.host, p)
			extra.pkgs = append(extra.pkgs, p)
		}
	})
	m.configs[0].pkgs = m.host
	m.index(&extra)
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

// allowed reports whether exiting is the program's decision in pkg.
func (m *module) allowed(p *packages.Package) bool {
	if p.Name == "main" {
		return true
	}
	for _, re := range m.allow {
		if re.MatchString(p.PkgPath) {
			return true
		}
	}
	return false
}

// pkgPattern compiles a go-list-style pattern ("..." matches anything,
// "x/..." also matches x).
func pkgPattern(p string) *regexp.Regexp {
	re := regexp.QuoteMeta(p)
	re = strings.ReplaceAll(re, `/\.\.\.`, `(/.*)?`)
	re = strings.ReplaceAll(re, `\.\.\./`, `(.*/)?`)
	re = strings.ReplaceAll(re, `\.\.\.`, `.*`)
	return regexp.MustCompile("^" + re + "$")
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
				named = append(named, platform{t, arch})
			} else if slices.Contains(knownArch, t) {
				named = append(named, platform{"linux", t})
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

// load loads the main module's packages under c, tests included.
func (m *module) load(c *config) {
	if c.loaded {
		return
	}
	c.loaded = true
	var paths []string
	seen := map[string]bool{}
	for _, p := range m.host {
		if path := basePath(p); !seen[path] {
			seen[path] = true
			paths = append(paths, path)
		}
	}
	pkgs, err := m.loadUnder(c.platform, nil, paths)
	if err != nil {
		return
	}
	for _, p := range pkgs {
		if p.Module != nil && p.Module.Main && p.TypesInfo != nil {
			c.pkgs = append(c.pkgs, p)
		}
	}
}

// references returns every reference to the function named full (a
// types.Func FullName, short its name) in the main module, each source
// position once. A platform other than the host's is loaded only if a
// file that only it builds mentions short.
func (m *module) references(full, short string) []ref {
	m.prepare()
	word := regexp.MustCompile(`\b` + regexp.QuoteMeta(short) + `\b`)
	for i := range m.configs {
		c := &m.configs[i]
		if c.loaded {
			continue
		}
		for _, f := range c.files {
			if src, err := os.ReadFile(f); err == nil && word.Match(src) {
				m.load(c)
				m.index(c)
				break
			}
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

// index adds the references of c's packages to m.refs.
func (m *module) index(c *config) {
	for _, p := range c.pkgs {
		if p.TypesInfo == nil {
			continue
		}
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

// loadUnder loads paths and their tests under pl, with overlay.
func (m *module) loadUnder(pl platform, overlay map[string][]byte, paths []string) ([]*packages.Package, error) {
	cfg := &packages.Config{
		Mode:       packages.LoadSyntax | packages.NeedModule,
		Tests:      true,
		Dir:        m.dir(),
		Env:        append(os.Environ(), "GOOS="+pl.goos, "GOARCH="+pl.goarch, "CGO_ENABLED=0"),
		BuildFlags: m.opts.BuildFlags,
		Overlay:    overlay,
	}
	//noexit:allow x/tools exits only on a broken invariant (an unknown load mode), not on user input
	return packages.Load(cfg, paths...)
}

func fileOf(p *packages.Package, pos token.Pos) *ast.File {
	for _, f := range p.Syntax {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f
		}
	}
	return nil
}
