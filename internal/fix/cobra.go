package fix

import (
	"go/ast"
	"go/types"
	"slices"

	"github.com/noexit-lint/noexit/internal/rewrite"
)

// cobraPath is the import path of the cobra command library, whose
// Command runs the function of its RunE fields and returns their error
// from Execute.
const cobraPath = "github.com/spf13/cobra"

// cobraRuns are the func fields of cobra.Command that have an error
// returning twin, the field's name with E appended.
var cobraRuns = map[string]bool{
	"Run": true, "PreRun": true, "PostRun": true, "PersistentPreRun": true, "PersistentPostRun": true,
}

// cobraField returns the key and the composite literal when c's function
// literal is the value of a Run-like field of a cobra.Command literal.
func (b *builder) cobraField(c *stmtCtx) (*ast.Ident, *ast.CompositeLit) {
	for i, n := range c.path {
		if n != c.fn.lit {
			continue
		}
		if i+2 >= len(c.path) {
			return nil, nil
		}
		kv, ok := c.path[i+1].(*ast.KeyValueExpr)
		if !ok || kv.Value != c.fn.lit {
			return nil, nil
		}
		key, ok := kv.Key.(*ast.Ident)
		cl, ok2 := c.path[i+2].(*ast.CompositeLit)
		if !ok || !ok2 || !cobraRuns[key.Name] || !isCobraCommand(b.pass.TypesInfo.TypeOf(cl)) {
			return nil, nil
		}
		return key, cl
	}
	return nil, nil
}

// CobraPath is the import path of the cobra command library.
const CobraPath = cobraPath

// IsCobraRunField reports whether name is a Run-like field of cobra.Command
// that the fix turns into its E twin.
func IsCobraRunField(name string) bool { return cobraRuns[name] }

func isCobraCommand(t types.Type) bool {
	if t == nil {
		return false
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == cobraPath && n.Obj().Name() == "Command"
}

func (fx *fixer) isCobraRun(c *stmtCtx) bool {
	key, _ := fx.b.cobraField(c)
	return key != nil
}

// addCobraRun turns a Run-like field of a cobra.Command literal whose
// function exits into its E twin, which returns the error: cobra's
// Execute returns it, and prints it (and the usage) unless the command
// silences them.
//
//	Have: &cobra.Command{Use: "serve", Run: func(cmd *cobra.Command, args []string) {
//	          if err := serve(args); err != nil { log.Fatal(err) }
//	      }}
//	Want: &cobra.Command{Use: "serve", RunE: func(cmd *cobra.Command, args []string) error {
//	          if err := serve(args); err != nil { return err }
//	          return nil
//	      }}
func (fx *fixer) addCobraRun(c *stmtCtx) (msg string, ok bool, why string) {
	b := fx.b
	info := b.pass.TypesInfo
	key, cl := b.cobraField(c)
	twin := key.Name + "E"
	msg = "Use " + twin + " and return the error instead"
	if fx.done[c.stmt] {
		return msg, true, "" // another exit of the function rewrote it
	}
	if why := b.cobraTwinFree(cl, key); why != "" {
		return "", false, why
	}
	lit := c.fn.lit
	if lit.Type.Results != nil || c.fn.sig.Results().Len() != 0 {
		return "", false, "the function literal does not return an error"
	}
	results := []types.Type{errorType}
	for _, es := range b.exitStmts(lit.Body) {
		call := ast.Unparen(es.X).(*ast.CallExpr)
		ec, ok := b.exprStmtOf(c.file, call)
		if !ok || ec.fn.lit != lit {
			continue
		}
		if why := b.silentStatus(ec, call); why != "" {
			if ec.stmt == c.stmt {
				return "", false, why
			}
			continue
		}
		saved := b.save()
		ok, why := b.rewriteExit(ec, call, results)
		switch {
		case ok:
			fx.done[ec.stmt] = true
		case ec.stmt == c.stmt:
			return "", false, why
		default:
			b.restore(saved)
		}
	}
	if !fx.done[c.stmt] {
		return "", false, "the exit cannot be rewritten where it is"
	}
	if why := b.dropDead(lit.Body, fx.done); why != "" {
		return "", false, why
	}
	b.replace(key.Pos(), key.End(), twin)
	b.insert(lit.Type.Params.End(), " error")
	ast.Inspect(lit.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			if !b.dropped[n] && !b.inDead(n.Pos()) {
				b.insert(n.End(), " nil")
			}
		}
		return true
	})
	if !rewrite.LastTerminating(info, lit.Body.List, fx.done) {
		if len(lit.Body.List) == 0 {
			b.insert(lit.Body.Lbrace+1, " return nil ")
		} else {
			last := lit.Body.List[len(lit.Body.List)-1]
			b.insert(last.End(), "\n"+b.indent(last.Pos())+"return nil")
		}
	}
	return msg, true, ""
}

// IsCobraRun reports whether kv, an element of the composite literal cl,
// sets a Run-like field of a cobra.Command (Run, PreRun, PostRun,
// PersistentPreRun, PersistentPostRun) to a function literal.
func IsCobraRun(info *types.Info, cl *ast.CompositeLit, kv *ast.KeyValueExpr) bool {
	key, ok := kv.Key.(*ast.Ident)
	if !ok || !cobraRuns[key.Name] || !isCobraCommand(info.TypeOf(cl)) {
		return false
	}
	_, ok = kv.Value.(*ast.FuncLit)
	return ok
}

// cobraValue handles a function of the package used as the value of a
// Run-like field of a cobra.Command literal (path: from the use out).
// When the function gains an error result it fits the E twin: the key
// is renamed and ok is true. why is set when it is such a use but the
// field cannot change.
//
//	Have: &cobra.Command{Use: "start", Run: startProxy}
//	      func startProxy(cmd *cobra.Command, args []string) { ...; log.Fatal(err) }
//	Want: &cobra.Command{Use: "start", RunE: startProxy}
//	      func startProxy(cmd *cobra.Command, args []string) error { ...; return err }
func (b *builder) cobraValue(g *types.Func, path []ast.Node) (ok bool, why string) {
	if len(path) < 3 || g.Signature().Recv() != nil || g.Signature().Results().Len() != 0 {
		return false, ""
	}
	kv, isKV := path[1].(*ast.KeyValueExpr)
	cl, isCL := path[2].(*ast.CompositeLit)
	if !isKV || !isCL || kv.Value != path[0] {
		return false, ""
	}
	key, isID := kv.Key.(*ast.Ident)
	if !isID || !cobraRuns[key.Name] || !isCobraCommand(b.pass.TypesInfo.TypeOf(cl)) {
		return false, ""
	}
	if why := b.cobraTwinFree(cl, key); why != "" {
		return false, why
	}
	b.replace(key.Pos(), key.End(), key.Name+"E")
	return true, ""
}

// cobraTwinFree says why the Run-like field key of the cobra.Command
// literal cl cannot become its E twin, or "": the literal sets the twin
// too, or code of the package sets or reads the field of a command that
// cl may build (cobraUseConcerns).
func (b *builder) cobraTwinFree(cl *ast.CompositeLit, key *ast.Ident) string {
	twin := key.Name + "E"
	for _, e := range cl.Elts {
		if kv, ok := e.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok && id.Name == twin {
				return "the command sets " + twin + " too, which cobra runs instead of " + key.Name
			}
		}
	}
	// Code that calls the field itself would find it nil.
	info := b.pass.TypesInfo
	field := info.Uses[key]
	var uses []*ast.Ident
	for id, o := range info.Uses {
		if o == field && id != key {
			uses = append(uses, id)
		}
	}
	// In source order, so that the reason given is always the same.
	slices.SortFunc(uses, func(a, b *ast.Ident) int { return int(a.Pos() - b.Pos()) })
	for _, id := range uses {
		f := b.fileAt(id.Pos())
		if f == nil {
			return "the package uses the " + key.Name + " field of a cobra.Command, which would be nil"
		}
		path, _ := pathTo(f, id)
		if len(path) < 2 {
			return "the package uses the " + key.Name + " field of a cobra.Command, which would be nil"
		}
		if kv, ok := path[1].(*ast.KeyValueExpr); ok && kv.Key == id {
			continue
		}
		sel, ok := path[1].(*ast.SelectorExpr)
		if !ok || sel.Sel != id || len(path) < 3 {
			return "the package uses the " + key.Name + " field of a cobra.Command, which would be nil"
		}
		if !b.cobraUseConcerns(sel, enclosingDecl(path), cl) {
			continue // the field of another command
		}
		if as, ok := path[2].(*ast.AssignStmt); ok && slices.Contains(as.Lhs, ast.Expr(sel)) {
			// Have: put := NewPutCommand(); put.Run = func(...) {...}
			// cobra would run the RunE of NewPutCommand instead.
			return "the package sets the " + key.Name + " field of a cobra.Command elsewhere, and cobra would run " + key.Name + "E instead"
		}
		return "the package uses the " + key.Name + " field of a cobra.Command, which would be nil"
	}
	return ""
}

// enclosingDecl returns the function declaration on path, or nil.
func enclosingDecl(path []ast.Node) *ast.FuncDecl {
	for _, n := range path {
		if fd, ok := n.(*ast.FuncDecl); ok {
			return fd
		}
	}
	return nil
}

// silentStatus says why the exit call of c, in a cobra Run function, must
// stay: it ends the process with a status and says nothing, no log line
// before it and no error it checks. kubectl's "auth can-i" answers "no"
// that way (with --quiet, by the status alone); as RunE's error, cobra
// would print "Error: ..." and the usage instead. "" for other exits.
func (b *builder) silentStatus(c *stmtCtx, call *ast.CallExpr) string {
	if exitCode(b.pass.TypesInfo, call) == nil || b.logBefore(c) != nil || b.errCheck(c) != nil {
		return ""
	}
	return "the command exits with a status and no message, which as RunE's error cobra would print with the usage"
}
