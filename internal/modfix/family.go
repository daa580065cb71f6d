package modfix

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"os"
	"path"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/types/typeutil"
)

// family is how the original code ended the process, reproduced where
// the exit moves: a logger's Fatal, or a message and os.Exit(code).
type family struct {
	logger string // import path of a logger with a package-level Fatal, or ""
	code   string // exit status for os.Exit
}

// fatalLoggers are the loggers whose package-level Fatal logs and exits.
var fatalLoggers = []string{"k8s.io/klog/v2", "k8s.io/klog", "github.com/golang/glog", "github.com/sirupsen/logrus", "log"}

// exitFamily reads the family off the exit: the logger that the exit's
// own call or the log line just before it used.
//
//	Have: klog.Errorf("init new edged error: %v", err); os.Exit(1)  →  klog
//	Have: log.Fatalf("bad port: %v", err)                           →  log
func exitFamily(p *packages.Package, f *ast.File, call *ast.CallExpr, callee *types.Func) family {
	fam := family{code: "1"}
	if callee.Signature().Recv() == nil && callee.Pkg() != nil && slices.Contains(fatalLoggers, callee.Pkg().Path()) {
		fam.logger = callee.Pkg().Path()
		return fam
	}
	if len(call.Args) == 1 {
		if tv := p.TypesInfo.Types[call.Args[0]]; tv.Value != nil && tv.Value.Kind() == constant.Int {
			fam.code = tv.Value.ExactString()
		}
	}
	path, _ := astutil.PathEnclosingInterval(f, call.Pos(), call.End())
	for i, n := range path {
		blk, ok := n.(*ast.BlockStmt)
		if !ok || i == 0 {
			continue
		}
		for j, s := range blk.List {
			if s != path[i-1] || j == 0 {
				continue
			}
			prev, ok := blk.List[j-1].(*ast.ExprStmt)
			if !ok {
				break
			}
			pc, ok := prev.X.(*ast.CallExpr)
			if !ok {
				break
			}
			if fn, ok := typeutil.Callee(p.TypesInfo, pc).(*types.Func); ok && fn.Pkg() != nil &&
				fn.Signature().Recv() == nil && slices.Contains(fatalLoggers, fn.Pkg().Path()) {
				fam.logger = fn.Pkg().Path()
			}
		}
		break
	}
	return fam
}

// exitHere returns the statements that end the process with err in file,
// adding the imports they need.
func (c *change) exitHere(f *ast.File, file string) string {
	if c.family.logger != "" {
		return c.importName(f, file, c.family.logger) + ".Fatal(err)"
	}
	return c.importName(f, file, "fmt") + ".Fprintln(" + c.importName(f, file, "os") + ".Stderr, err)\n" +
		c.importName(f, file, "os") + ".Exit(" + c.family.code + ")"
}

// importName returns the name under which file imports pkgPath, adding
// the import when the file lacks it.
func (c *change) importName(f *ast.File, file, pkgPath string) string {
	for _, spec := range f.Imports {
		if p, _ := strconv.Unquote(spec.Path.Value); p == pkgPath {
			if spec.Name != nil && spec.Name.Name != "_" && spec.Name.Name != "." {
				return spec.Name.Name
			}
			if spec.Name == nil {
				return defaultName(pkgPath)
			}
		}
	}
	if c.imports[file] == nil {
		c.imports[file] = map[string]string{}
	}
	c.imports[file][pkgPath] = defaultName(pkgPath)
	return defaultName(pkgPath)
}

// defaultName is a package's name as its path suggests ("k8s.io/klog/v2"
// is klog).
func defaultName(p string) string {
	base := path.Base(p)
	if strings.HasPrefix(base, "v") && len(base) > 1 && strings.Trim(base[1:], "0123456789") == "" {
		base = path.Base(path.Dir(p))
	}
	return base
}

// addImports inserts the imports the exits need, one edit per file.
func (c *change) addImports() string {
	for file, paths := range c.imports {
		src, err := os.ReadFile(file)
		if err != nil {
			return "no module-wide fix: " + err.Error()
		}
		fset := token.NewFileSet()
		af, err := parserParse(fset, file, src)
		if err != nil {
			return "no module-wide fix: " + err.Error()
		}
		var lines []string
		for _, p := range slices.Sorted(func(yield func(string) bool) {
			for p := range paths {
				if !yield(p) {
					return
				}
			}
		}) {
			lines = append(lines, strconv.Quote(p))
		}
		off := func(pos token.Pos) int { return fset.Position(pos).Offset }
		var gd *ast.GenDecl
		for _, d := range af.Decls {
			if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.IMPORT {
				gd = g
				break
			}
		}
		switch {
		case gd != nil && gd.Lparen.IsValid():
			c.edit(file, off(gd.Lparen)+1, off(gd.Lparen)+1, "\n\t"+strings.Join(lines, "\n\t"))
		case gd != nil && len(gd.Specs) == 1:
			// import "x"  →  import ( "new" ; "x" )
			spec := string(src[off(gd.Specs[0].Pos()):off(gd.Specs[0].End())])
			c.edit(file, off(gd.Pos()), off(gd.End()), "import (\n\t"+strings.Join(lines, "\n\t")+"\n\t"+spec+"\n)")
		case gd != nil:
			c.edit(file, off(gd.Pos()), off(gd.Pos()), "import "+strings.Join(lines, "\nimport ")+"\n")
		default:
			c.edit(file, off(af.Name.End()), off(af.Name.End()), "\n\nimport "+strings.Join(lines, "\nimport "))
		}
	}
	return ""
}

// zeros spells the zero values of the first n results in f, or fails.
func zeros(p *packages.Package, f *ast.File, res *types.Tuple, n int) ([]string, bool) {
	qual := func(other *types.Package) string {
		if other == p.Types {
			return ""
		}
		for _, spec := range f.Imports {
			if path, _ := strconv.Unquote(spec.Path.Value); path == other.Path() {
				if spec.Name != nil {
					return spec.Name.Name
				}
				return other.Name()
			}
		}
		return "\x00" // not imported: cannot be spelled
	}
	var out []string
	for i := range n {
		t := res.At(i).Type()
		var z string
		if _, isParam := t.(*types.TypeParam); isParam {
			out = append(out, "*new("+types.TypeString(t, qual)+")")
			continue
		}
		switch u := t.Underlying().(type) {
		case *types.Basic:
			switch {
			case u.Info()&types.IsBoolean != 0:
				z = "false"
			case u.Info()&types.IsString != 0:
				z = `""`
			case u.Info()&types.IsNumeric != 0:
				z = "0"
			default:
				z = "nil"
			}
		case *types.Pointer, *types.Slice, *types.Map, *types.Chan, *types.Signature, *types.Interface:
			z = "nil"
		case *types.Struct, *types.Array:
			if _, named := t.(*types.Named); !named {
				return nil, false
			}
			z = types.TypeString(t, qual) + "{}"
		default:
			return nil, false
		}
		if strings.Contains(z, "\x00") {
			return nil, false
		}
		out = append(out, z)
	}
	return out, true
}
