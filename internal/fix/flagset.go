package fix

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// flagSet switches a flag set to ContinueOnError and makes its function
// return what Parse returns: under ContinueOnError a bad flag is an
// error that, ignored, would leave the program running on zero values.
//
//	Have: fs := flag.NewFlagSet(name, flag.ExitOnError)
//	      fs.Parse(args)
//	Want: fs := flag.NewFlagSet(name, flag.ContinueOnError)
//	      if err := fs.Parse(args); err != nil {
//	              return nil, err
//	      }
//
// Parse calls whose result the code already uses stay as they are. A set
// that leaves the function (returned, stored, passed on) could be parsed
// anywhere: no fix.
func flagSet(s Site) ([]analysis.SuggestedFix, string) {
	if len(s.Call.Args) != 2 {
		return nil, ""
	}
	sel, ok := ast.Unparen(s.Call.Args[1]).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "ExitOnError" {
		return nil, ""
	}
	const leaves = "the flag set leaves the function, so its Parse error could be ignored"
	b := newBuilder(s.Unit, s.Cache)
	info := s.Unit.TypesInfo
	c, ok := b.stmtOf(s.File, s.Call)
	if !ok {
		return nil, leaves
	}
	v := b.flagVar(c, s.Call)
	if v == nil {
		return nil, leaves
	}
	b.replace(sel.Sel.Pos(), sel.Sel.End(), "ContinueOnError")
	var uses []*ast.Ident
	for id, obj := range info.Uses {
		if obj == v {
			uses = append(uses, id)
		}
	}
	slices.SortFunc(uses, func(x, y *ast.Ident) int { return int(x.Pos() - y.Pos()) })
	for _, id := range uses {
		if why := b.handleParse(c, id); why != "" {
			return nil, why
		}
	}
	fixes, r := b.fix("Use flag.ContinueOnError and return the Parse error")
	if r != nil {
		return nil, r.Text
	}
	return fixes, ""
}

// flagVar returns the local variable that c, "fs := flag.NewFlagSet(...)"
// or "var fs = flag.NewFlagSet(...)", assigns the new set to, or nil.
func (b *builder) flagVar(c *stmtCtx, call *ast.CallExpr) *types.Var {
	info := b.pass.TypesInfo
	var lhs ast.Expr
	switch st := c.stmt.(type) {
	case *ast.AssignStmt:
		if len(st.Lhs) == 1 && len(st.Rhs) == 1 && ast.Unparen(st.Rhs[0]) == call {
			lhs = st.Lhs[0]
		}
	case *ast.DeclStmt:
		gd, _ := st.Decl.(*ast.GenDecl)
		if gd != nil && len(gd.Specs) == 1 {
			if vs, ok := gd.Specs[0].(*ast.ValueSpec); ok && len(vs.Names) == 1 && len(vs.Values) == 1 && ast.Unparen(vs.Values[0]) == call {
				lhs = vs.Names[0]
			}
		}
	}
	id, ok := lhs.(*ast.Ident)
	if !ok {
		return nil
	}
	v, _ := info.ObjectOf(id).(*types.Var)
	if v == nil || v.Pos() < c.fn.body.Pos() || v.Pos() >= c.fn.body.End() {
		return nil // a parameter, a result or a package variable
	}
	return v
}

// handleParse checks one use id of the flag set's variable: a method
// call, and for Parse one whose error the code uses or that can return
// it. It returns why not, or "".
func (b *builder) handleParse(set *stmtCtx, id *ast.Ident) string {
	const leaves = "the flag set leaves the function, so its Parse error could be ignored"
	info := b.pass.TypesInfo
	if id.Pos() == set.stmt.Pos() {
		return "" // the declaration itself
	}
	path, _ := pathTo(set.file, id)
	if len(path) < 3 {
		return leaves
	}
	sel, ok := path[1].(*ast.SelectorExpr)
	if !ok || sel.X != id {
		if as, ok := path[1].(*ast.AssignStmt); ok && as.Tok == token.ASSIGN {
			for _, l := range as.Lhs {
				if l == id {
					return leaves // a new set replaces it
				}
			}
		}
		return leaves
	}
	call, ok := path[2].(*ast.CallExpr)
	if !ok || call.Fun != sel {
		return leaves // a method value
	}
	for _, n := range path {
		if _, ok := n.(*ast.FuncLit); ok {
			return leaves
		}
	}
	if fn, _ := info.Uses[sel.Sel].(*types.Func); fn == nil || fn.Name() != "Parse" {
		return ""
	}
	c, ok := b.stmtOf(set.file, call)
	if !ok {
		return ""
	}
	switch st := c.stmt.(type) {
	case *ast.ExprStmt:
		if ast.Unparen(st.X) != call {
			return "" // the result is used
		}
	case *ast.AssignStmt:
		if len(st.Lhs) == 1 && ast.Unparen(st.Rhs[0]) == call {
			if l, ok := st.Lhs[0].(*ast.Ident); ok && l.Name == "_" {
				return "the flag set's Parse error is discarded"
			}
		}
		return ""
	default:
		return ""
	}
	if c.fn.lit != nil || !returnsError(c.fn.sig) {
		return "the flag set's Parse error would be ignored, and " + c.fn.qualified() + " cannot return it"
	}
	if why := b.skipsCleanup(c); why != "" {
		return why
	}
	zs, ok := b.zeros(c.file, c.stmt.Pos(), resultTypes(c.fn.sig.Results())[:c.fn.sig.Results().Len()-1])
	if !ok {
		return "a result's zero value cannot be written here"
	}
	ind := b.indent(c.stmt.Pos())
	text := b.text(call)
	if text == "" {
		return leaves
	}
	b.kept = append(b.kept, span{call.Pos(), call.End()})
	b.replace(c.stmt.Pos(), c.stmt.End(), "if err := "+text+"; err != nil {\n"+ind+"\treturn "+strings.Join(append(zs, "err"), ", ")+"\n"+ind+"}")
	return ""
}
