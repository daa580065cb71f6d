package recheck

import (
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"go/types"
	"os"

	"golang.org/x/tools/go/packages"
)

// A Platform is a GOOS/GOARCH pair.
type Platform struct{ GOOS, GOARCH string }

func (p Platform) String() string { return p.GOOS + "/" + p.GOARCH }

// LoadOptions configure Load.
type LoadOptions struct {
	Dir        string
	BuildFlags []string
	Tests      bool
	// Platform, if set, loads under that GOOS/GOARCH with cgo off;
	// the zero value is the host's configuration.
	Platform Platform
	// Full reports which packages are checked with function bodies and
	// TypesInfo; the others are checked for their declarations only,
	// which is all that their importers need.
	Full func(*packages.Package) bool
	// Reuse are packages already loaded under the same configuration,
	// by ID: they are taken as they are instead of checked again.
	Reuse map[string]*packages.Package
	// Fset and Syntax, if set, are the file set and the files, by name,
	// of packages already loaded: a file that another configuration
	// builds too is not parsed again (syntax is never modified, and a
	// check records its types apart from it).
	Fset   *token.FileSet
	Syntax map[string]*ast.File
}

// Load loads the packages that patterns name, and their dependencies,
// from the go command's metadata alone (go list without -export or
// -compiled: nothing is compiled), and type-checks them from source.
func Load(o LoadOptions, patterns ...string) ([]*packages.Package, error) {
	cfg := &packages.Config{
		Mode:       packages.NeedName | packages.NeedFiles | packages.NeedImports | packages.NeedDeps | packages.NeedModule,
		Tests:      o.Tests,
		Dir:        o.Dir,
		BuildFlags: o.BuildFlags,
	}
	if o.Platform != (Platform{}) {
		cfg.Env = append(environ(), "GOOS="+o.Platform.GOOS, "GOARCH="+o.Platform.GOARCH, "CGO_ENABLED=0")
	}
	//noexit:allow x/tools exits only on a broken invariant (an unknown load mode), not on user input
	roots, err := packages.Load(cfg, patterns...)
	if err != nil {
		return nil, err
	}
	var sizes types.Sizes
	if o.Platform != (Platform{}) {
		sizes = types.SizesFor("gc", o.Platform.GOARCH)
	}
	fset := o.Fset
	if fset == nil {
		fset = token.NewFileSet()
	}
	var order []*packages.Package
	packages.Visit(roots, nil, func(p *packages.Package) { order = append(order, p) })
	sub := map[*packages.Package]*packages.Package{}
	var todo []*packages.Package
	for _, p := range order {
		if r := o.Reuse[p.ID]; r != nil {
			sub[p] = r
			continue
		}
		todo = append(todo, p)
	}
	for _, p := range todo {
		for path, q := range p.Imports {
			if r := sub[q]; r != nil {
				p.Imports[path] = r
			}
		}
		p.Fset = fset
		if sizes != nil {
			p.TypesSizes = sizes
		} else if p.TypesSizes == nil {
			p.TypesSizes = hostSizes()
		}
		p.CompiledGoFiles = p.GoFiles
	}
	parallel(todo, func(p *packages.Package) {
		if p.PkgPath == "unsafe" {
			p.Types = types.Unsafe
			return
		}
		full := o.Full != nil && o.Full(p)
		var files []*ast.File
		var errs []packages.Error
		for _, name := range p.GoFiles {
			if f := o.Syntax[name]; f != nil {
				files = append(files, f)
				continue
			}
			mode := parser.AllErrors | parser.ParseComments
			if !full {
				mode = parser.SkipObjectResolution
			}
			f, err := parser.ParseFile(fset, name, nil, mode)
			if err != nil {
				errs = append(errs, parseErrors(err)...)
			}
			if f == nil {
				continue
			}
			if !full {
				dropBodies(f)
			}
			files = append(files, f)
		}
		check(p, files, errs, full, !full)
	})
	for i, r := range roots {
		if s := sub[r]; s != nil {
			roots[i] = s
		}
	}
	return roots, nil
}

// dropBodies empties the function bodies of a file checked for its
// declarations only, to keep its syntax small.
func dropBodies(f *ast.File) {
	for _, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
			fd.Body = &ast.BlockStmt{Lbrace: fd.Body.Lbrace, Rbrace: fd.Body.Rbrace}
		}
	}
}

func environ() []string { return os.Environ() }

// hostSizes are the sizes of the GOARCH that the go command builds for.
func hostSizes() types.Sizes { return types.SizesFor("gc", build.Default.GOARCH) }
