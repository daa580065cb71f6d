package fix

import (
	"go/ast"
	"go/types"
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
	for _, e := range cl.Elts {
		if kv, ok := e.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok && id.Name == twin {
				return "", false, "no automatic fix: the command sets " + twin + " too, which cobra runs instead of " + key.Name
			}
		}
	}
	// Code that calls the field itself would find it nil.
	field := info.Uses[key]
	for id, o := range info.Uses {
		if o == field && id != key {
			if _, isKey := fx.compositeKey(c.file, id); !isKey {
				return "", false, "no automatic fix: the package uses the " + key.Name + " field of a cobra.Command, which would be nil"
			}
		}
	}
	lit := c.fn.lit
	if lit.Type.Results != nil || c.fn.sig.Results().Len() != 0 {
		return "", false, "no automatic fix: the function literal does not return an error"
	}
	results := []types.Type{errorType}
	for _, es := range b.exitStmts(lit.Body) {
		call := ast.Unparen(es.X).(*ast.CallExpr)
		ec, ok := b.exprStmtOf(c.file, call)
		if !ok || ec.fn.lit != lit {
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
		return "", false, "no automatic fix: the exit cannot be rewritten where it is"
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
	if !lastTerminating(info, lit.Body.List, fx.done) {
		if len(lit.Body.List) == 0 {
			b.insert(lit.Body.Lbrace+1, " return nil ")
		} else {
			last := lit.Body.List[len(lit.Body.List)-1]
			b.insert(last.End(), "\n"+b.indent(last.Pos())+"return nil")
		}
	}
	return msg, true, ""
}

// compositeKey reports whether id is the key of a composite literal's
// element.
func (fx *fixer) compositeKey(f *ast.File, id *ast.Ident) (*ast.KeyValueExpr, bool) {
	file := fx.b.fileAt(id.Pos())
	if file == nil {
		file = f
	}
	path, _ := pathTo(file, id)
	if len(path) < 2 {
		return nil, false
	}
	kv, ok := path[1].(*ast.KeyValueExpr)
	return kv, ok && kv.Key == id
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
