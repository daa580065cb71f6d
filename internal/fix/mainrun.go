package fix

import (
	"go/ast"
	"go/constant"
	"go/types"
	"strings"

	"github.com/noexit-lint/noexit/internal/rewrite"
	"golang.org/x/tools/go/analysis"
)

// MainRun returns the fix that lets main's deferred calls run before the
// process ends: main's body moves into run() error, its exits become
// returned errors (the rewrites of ForTerminator), and main exits once,
// with the family of the first exit, after run has returned.
//
//	Have: func main() {               Want: func main() {
//	          w := bufio.NewWriter(f)           if err := run(); err != nil {
//	          defer w.Flush()                       log.Fatal(err)
//	          if err := work(w); err != nil {   }
//	              log.Fatal(err)            }
//	          }
//	      }                                 func run() error {
//	                                            w := bufio.NewWriter(f)
//	                                            defer w.Flush()
//	                                            if err := work(w); err != nil {
//	                                                return err
//	                                            }
//	                                            return nil
//	                                        }
//
// must are the exits in main that skip a deferred call: each must be
// rewritten, or there is no fix. The other exits of main's own body are
// rewritten where they can be and kept where not (they skip nothing). An
// os.Exit with a status other than 1 among must is refused: main's single
// exit could not keep the status. The fix is type-checked.
func MainRun(pass *rewrite.Unit, file *ast.File, decl *ast.FuncDecl, must []*ast.CallExpr) ([]analysis.SuggestedFix, *rewrite.Refusal) {
	fixes, why := mainRun(pass, file, decl, must)
	switch why {
	case "":
		return fixes, nil
	case notCompiling:
		return nil, noCompile("")
	}
	return nil, rewrite.Refuse(why)
}

// notCompiling is mainRun's reason for a rewrite that does not type-check.
const notCompiling = "the rewrite would not compile"

func mainRun(pass *rewrite.Unit, file *ast.File, decl *ast.FuncDecl, must []*ast.CallExpr) ([]analysis.SuggestedFix, string) {
	if pass == nil || file == nil || decl == nil || decl.Body == nil || len(must) == 0 {
		return nil, ""
	}
	if pass.Pkg.Scope().Lookup("run") != nil {
		return nil, "the package already declares run"
	}
	b := newBuilder(pass, NewCache())
	info := pass.TypesInfo
	results := []types.Type{errorType}
	done := map[ast.Stmt]bool{}
	var first *ast.CallExpr // the first exit rewritten, for main's exit
	note := func(call *ast.CallExpr) {
		if first == nil || call.Pos() < first.Pos() {
			first = call
		}
	}
	for _, call := range must {
		if why := statusKept(info, call); why != "" {
			return nil, why
		}
		c, ok := b.exprStmtOf(file, call)
		if !ok || c.fn.decl != decl {
			return nil, "an exit outside main's own statements cannot return from run"
		}
		if ok, why := b.rewriteExit(c, call, results); !ok {
			if why == "" {
				why = "an exit in main cannot be rewritten"
			}
			return nil, why
		}
		done[c.stmt] = true
		note(call)
	}
	for _, es := range b.exitStmts(decl.Body) {
		call := ast.Unparen(es.X).(*ast.CallExpr)
		if done[es] || statusKept(info, call) != "" {
			continue
		}
		c, ok := b.exprStmtOf(file, call)
		if !ok || c.fn.decl != decl {
			continue
		}
		saved := b.save()
		if ok, _ := b.rewriteExit(c, call, results); ok {
			done[c.stmt] = true
			note(call)
		} else {
			b.restore(saved)
		}
	}
	exit, why := b.mainExit(file, decl, first)
	if why != "" {
		return nil, why
	}
	if why := b.dropDead(decl.Body, done); why != "" {
		return nil, why
	}
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			if !b.dropped[n] && !b.removed(n.Pos()) {
				b.insert(n.End(), " nil")
			}
		}
		return true
	})
	if !rewrite.LastTerminating(info, decl.Body.List, done) {
		last := decl.Body.List[len(decl.Body.List)-1]
		b.insert(last.End(), "\n"+b.indent(last.Pos())+"return nil")
	}
	b.insert(decl.Pos(), "func main() {\n\tif err := run(); err != nil {\n"+exit+"\t}\n}\n\n"+
		"// run is main's body: it returns the error that ends the process, so\n"+
		"// that its deferred calls run first.\n")
	b.replace(decl.Name.Pos(), decl.Name.End(), "run")
	b.insert(decl.Type.Params.End(), " error")
	b.finishImports()
	edits := b.result()
	if !b.typeChecks(edits) {
		return nil, notCompiling
	}
	return []analysis.SuggestedFix{{
		Message:   "Move main's body into run() error and exit in main after its defers ran",
		TextEdits: edits,
	}}, ""
}

// statusKept says why an exit with a status other than 1 cannot move to
// main: os.Exit(2) after run returns would be os.Exit(1).
func statusKept(info *types.Info, call *ast.CallExpr) string {
	code := exitCode(info, call)
	if code == nil {
		return ""
	}
	tv, ok := info.Types[code]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.Int {
		return "main exits with a status that is not a constant"
	}
	if v, exact := constant.Int64Val(tv.Value); !exact || v != 1 {
		return "main exits with status " + tv.Value.String() + ", which one exit after run cannot keep"
	}
	return ""
}

// mainExit returns the statements with which the new main ends the
// process when run fails, in the family of the exit call: log.Fatal(err),
// klog.Fatal(err), logger.Fatal(err) for a package-level logger, and
// fmt.Fprintln(os.Stderr, err) then os.Exit(1) for an exit with a status.
func (b *builder) mainExit(file *ast.File, decl *ast.FuncDecl, call *ast.CallExpr) (string, string) {
	const ind = "\t\t"
	info := b.pass.TypesInfo
	pos := decl.Pos()
	if call == nil {
		return "", "no exit in main can be rewritten"
	}
	fn := callee(info, call)
	if fn == nil {
		return "", "the exit's function is unknown"
	}
	if exitCode(info, call) != nil {
		fmtName, ok1 := b.importName(file, pos, "fmt", "fmt")
		osName, ok2 := b.importName(file, pos, "os", "os")
		if !ok1 || !ok2 {
			return "", "fmt or os cannot be imported in main's file"
		}
		return ind + qualify(fmtName, "Fprintln") + "(" + qualify(osName, "Stderr") + ", err)\n" +
			ind + qualify(osName, "Exit") + "(1)\n", ""
	}
	l := asLogCall(info, call)
	if l == nil || (l.level != "Fatal" && l.level != "Exit") {
		return "", "main's exit is no fatal logging call"
	}
	arg := "err"
	if strings.HasSuffix(fn.FullName(), "zap.Logger).Fatal") {
		arg = "err.Error()"
	}
	if fn.Signature().Recv() == nil {
		name, ok := b.importName(file, pos, fn.Pkg().Path(), fn.Pkg().Name())
		if !ok {
			return "", fn.Pkg().Name() + " cannot be named in main's file"
		}
		return ind + qualify(name, l.level) + "(" + arg + ")\n", ""
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || !packageLevel(info, sel.X) {
		return "", "main's logger is not in scope outside main"
	}
	return ind + b.text(sel.X) + "." + l.level + "(" + arg + ")\n", ""
}

// packageLevel reports whether x names a package-level variable: v or
// pkg.V.
func packageLevel(info *types.Info, x ast.Expr) bool {
	var id *ast.Ident
	switch x := ast.Unparen(x).(type) {
	case *ast.Ident:
		id = x
	case *ast.SelectorExpr:
		if pkg, ok := ast.Unparen(x.X).(*ast.Ident); !ok || info.Uses[pkg] == nil {
			return false
		} else if _, ok := info.Uses[pkg].(*types.PkgName); !ok {
			return false
		}
		id = x.Sel
	default:
		return false
	}
	v, ok := info.Uses[id].(*types.Var)
	return ok && v.Pkg() != nil && v.Parent() == v.Pkg().Scope()
}

// qualify writes pkg.name, or name for a dot import.
func qualify(pkg, name string) string {
	if pkg == "" {
		return name
	}
	return pkg + "." + name
}
