package analyzer

import (
	"fmt"
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/noexit-lint/noexit/internal/fix"
)

// reportAllowedCobra reports, in a package where exiting is allowed, the
// exits in the Run-like functions of cobra.Command literals that can
// become RunE (and PreRunE, ...): cobra prints the error and exits
// non-zero itself, so the rewrite is offered there too, but only to a
// driver that applies fixes (AllowedCobraFixes), and only where a fix
// exists: exiting stays the program's own decision.
//
//	Have: package main; cmd := &cobra.Command{Run: func(...) { log.Fatal(err) }}
//	Say:  log.Fatal ends the process in the Run function of a cobra command; ...
func reportAllowedCobra(pass *analysis.Pass, set *settings) error {
	g := newGraph(pass, set)
	var pending []finding
	for _, f := range pass.Files {
		if strings.HasSuffix(pass.Fset.Position(f.Package).Filename, "_test.go") || generated(f) {
			continue
		}
		d := parseDirectives(pass.Fset, f)
		ast.Inspect(f, func(n ast.Node) bool {
			cl, ok := n.(*ast.CompositeLit)
			if !ok {
				return true
			}
			for _, e := range cl.Elts {
				if kv, ok := e.(*ast.KeyValueExpr); ok && fix.IsCobraRun(pass.TypesInfo, cl, kv) {
					pending = append(pending, g.cobraExits(f, d, kv)...)
				}
			}
			return true
		})
	}
	g.pending = pending
	return g.flush()
}

// cobraExits returns the findings, with their fixes, for the terminator
// calls directly in the function of kv.
func (g *graph) cobraExits(f *ast.File, d *directives, kv *ast.KeyValueExpr) []finding {
	pass := g.pass
	field := kv.Key.(*ast.Ident).Name
	var out []finding
	ast.Inspect(kv.Value.(*ast.FuncLit).Body, func(n ast.Node) bool {
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		fn, _ := typeutil.Callee(pass.TypesInfo, call).(*types.Func)
		if fn == nil {
			return true
		}
		full := g.fullName(fn.Origin())
		cat := g.set.terminators[full]
		if cat == "" || d.allowsLine(pass.Fset, call.Pos()) {
			return true
		}
		if cond := conditional[full]; cond != nil && !cond(pass.TypesInfo, call) {
			return true
		}
		site := fix.Site{Unit: g.unit, File: f, Call: call, Pos: call.Pos(), Name: full, Category: cat, Cache: g.fixes}
		fixes, _ := fix.ForTerminator(site)
		if len(fixes) == 0 {
			return true // allowed code: no fix, nothing to say
		}
		out = append(out, finding{
			Diagnostic: analysis.Diagnostic{
				Pos:      call.Pos(),
				End:      call.End(),
				Category: cat,
				Message: fmt.Sprintf("%s %s in the %s function of a cobra command; with %sE, cobra's Execute returns the error instead",
					g.display(fn), verb(cat), field, field),
				SuggestedFixes: fixes,
			},
			fn:     field,
			callee: full,
			site:   site,
		})
		return true
	})
	return out
}
