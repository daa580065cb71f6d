package modfix

import (
	"go/ast"
	"go/build/constraint"
	"go/parser"
	"go/token"
	"go/types"
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
	refs    map[string][]ref // FullName -> references, every config; built on first use
}

// config is one GOOS/GOARCH under which the module is type-checked.
type config struct {
	platform
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
	host := platform{runtime.GOOS, runtime.GOARCH}
	m.configs = []config{{platform: host, pkgs: m.host, loaded: true}}
	for _, pl := range m.platforms() {
		if pl != host {
			m.configs = append(m.configs, config{platform: pl})
		}
	}
	return m
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

// maxConfigs bounds the platforms checked besides the host.
const maxConfigs = 6

// platforms returns the GOOS (with its usual GOARCH) and GOARCH (with
// linux) that the build constraints of the module's files name.
func (m *module) platforms() []platform {
	seen := map[platform]bool{}
	var out []platform
	addOS := func(goos string) {
		c := platform{goos, knownOS[goos]}
		if !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	addArch := func(arch string) {
		c := platform{"linux", arch}
		if !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	tag := func(t string) {
		if _, ok := knownOS[t]; ok {
			addOS(t)
		} else if slices.Contains(knownArch, t) {
			addArch(t)
		}
	}
	files := map[string]bool{}
	for _, p := range m.host {
		for _, f := range append(slices.Clone(p.GoFiles), p.IgnoredFiles...) {
			files[f] = true
		}
	}
	for _, f := range slices.Sorted(func(yield func(string) bool) {
		for f := range files {
			if !yield(f) {
				return
			}
		}
	}) {
		if !strings.HasSuffix(f, ".go") {
			continue
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
	}
	slices.SortFunc(out, func(a, b platform) int { return strings.Compare(a.goos+a.goarch, b.goos+b.goarch) })
	if len(out) > maxConfigs {
		out = out[:maxConfigs]
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
// types.Func FullName) in the main module, under every configuration,
// each source position once.
func (m *module) references(full string) []ref {
	if m.refs == nil {
		m.refs = map[string][]ref{}
		seen := map[token.Position]bool{}
		for i := range m.configs {
			c := &m.configs[i]
			m.load(c)
			for _, p := range c.pkgs {
				for id, obj := range p.TypesInfo.Uses {
					fn, ok := obj.(*types.Func)
					if !ok || fn.Pkg() == nil {
						continue
					}
					posn := p.Fset.Position(id.Pos())
					if seen[posn] {
						continue
					}
					seen[posn] = true
					m.refs[fn.Origin().FullName()] = append(m.refs[fn.Origin().FullName()], ref{p, fileOf(p, id.Pos()), id})
				}
			}
		}
		for k, rs := range m.refs {
			slices.SortFunc(rs, func(a, b ref) int {
				pa, pb := a.pkg.Fset.Position(a.id.Pos()), b.pkg.Fset.Position(b.id.Pos())
				if pa.Filename != pb.Filename {
					return strings.Compare(pa.Filename, pb.Filename)
				}
				return pa.Offset - pb.Offset
			})
			m.refs[k] = rs
		}
	}
	return m.refs[full]
}

// basePath is the import path of the package p tests (p itself if not a
// test variant).
func basePath(p *packages.Package) string {
	return strings.TrimSuffix(strings.TrimSuffix(p.PkgPath, ".test"), "_test")
}

// loadUnder loads paths and their tests under pl, with overlay.
func (m *module) loadUnder(pl platform, overlay map[string][]byte, paths []string) ([]*packages.Package, error) {
	dir := ""
	if len(m.host) > 0 && m.host[0].Module != nil {
		dir = m.host[0].Module.Dir
	}
	cfg := &packages.Config{
		Mode:       packages.LoadSyntax | packages.NeedModule,
		Tests:      true,
		Dir:        dir,
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
