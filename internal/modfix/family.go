package modfix

import (
	"go/ast"
	"go/constant"
	"go/parser"
	"go/token"
	"go/types"
	"maps"
	"slices"

	"github.com/noexit-lint/noexit/internal/catalogue"
	"github.com/noexit-lint/noexit/internal/rewrite"
	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/types/typeutil"
)

// family is how the original code ended the process, reproduced where
// the exit moves: a logger's Fatal, or a message and os.Exit(code).
type family struct {
	logger string // import path of a logger with a package-level Fatal, or ""
	code   string // exit status for os.Exit
}

// exitFamily reads the family off the exit: the logger that the exit's
// own call or the log line just before it used.
//
//	Have: klog.Errorf("init new edged error: %v", err); os.Exit(1)  →  klog
//	Have: log.Fatalf("bad port: %v", err)                           →  log
func exitFamily(p *packages.Package, path []ast.Node, call *ast.CallExpr, callee *types.Func) family {
	fam := family{code: "1"}
	if callee.Signature().Recv() == nil && callee.Pkg() != nil && catalogue.ExitMover(callee.Pkg().Path()) {
		fam.logger = callee.Pkg().Path()
		return fam
	}
	if len(call.Args) == 1 {
		if tv := p.TypesInfo.Types[call.Args[0]]; tv.Value != nil && tv.Value.Kind() == constant.Int {
			fam.code = tv.Value.ExactString()
		}
	}
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
			if fn := typeutil.StaticCallee(p.TypesInfo, pc); fn != nil && fn.Pkg() != nil &&
				fn.Signature().Recv() == nil && catalogue.ExitMover(fn.Pkg().Path()) {
				fam.logger = fn.Pkg().Path()
			}
		}
		break
	}
	return fam
}

// exitHere returns the statements that end the process with err in file,
// adding the imports they need.
func (c *change) exitHere(p *packages.Package, f *ast.File, file string) string {
	if c.family.logger != "" {
		return c.importName(p, f, file, c.family.logger) + ".Fatal(err)"
	}
	return c.importName(p, f, file, "fmt") + ".Fprintln(" + c.importName(p, f, file, "os") + ".Stderr, err)\n" +
		c.importName(p, f, file, "os") + ".Exit(" + c.family.code + ")"
}

// importName returns the name under which file imports pkgPath, adding
// the import when the file lacks it.
func (c *change) importName(p *packages.Package, f *ast.File, file, pkgPath string) string {
	if name, ok := rewrite.ImportedAs(p.TypesInfo, f, pkgPath); ok && name != "" {
		return name
	}
	if c.imports[file] == nil {
		c.imports[file] = map[string]string{}
	}
	c.imports[file][pkgPath] = rewrite.DefaultName(pkgPath)
	return rewrite.DefaultName(pkgPath)
}

// addImports inserts the imports the exits need, one edit per file.
func (c *change) addImports() string {
	for file, paths := range c.imports {
		fset := token.NewFileSet()
		af, err := parser.ParseFile(fset, file, nil, parser.ImportsOnly)
		if err != nil {
			return "no module-wide fix: " + err.Error()
		}
		pos, text := rewrite.ImportInsertion(af, slices.Sorted(maps.Keys(paths)))
		c.edit(file, fset.Position(pos).Offset, fset.Position(pos).Offset, text)
	}
	return ""
}

// zeros spells the zero values of the first n results for new code at pos
// in f, or fails.
func zeros(p *packages.Package, f *ast.File, pos token.Pos, res *types.Tuple, n int) ([]string, bool) {
	scope := p.Types.Scope().Innermost(pos)
	spell := func(t types.Type) (string, bool) {
		return rewrite.Spell(t, p.Types, scope, pos, func(q *types.Package) (string, bool) {
			return rewrite.ImportedAs(p.TypesInfo, f, q.Path())
		})
	}
	var out []string
	for i := range n {
		z, ok := rewrite.Zero(res.At(i).Type(), spell)
		if !ok {
			return nil, false
		}
		out = append(out, z)
	}
	return out, true
}
