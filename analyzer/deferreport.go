package analyzer

import (
	"fmt"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/noexit-lint/noexit/internal/fix"
)

// Have: defer w.Flush(); ...; log.Fatal(err)
// Say:  log.Fatal skips the deferred w.Flush (main.go:12): the process ends before it runs; ...
//
// Have: defer w.Flush(); process(w)  // process -> load -> klog.Fatalf
// Say:  process may end the process and skip the deferred w.Flush (main.go:12): process -> load (main.go:20) -> klog.Fatalf (load.go:40); ...
func (g *graph) reportSkip(fr *frame, defers []*ast.DeferStmt, pending uint64, e *edge) {
	i, more := firstBit(pending)
	d := defers[i]
	what := fmt.Sprintf("the deferred %s (%s)", g.deferredName(d), shortPos(g.pass.Fset.Position(d.Pos())))
	them := "it runs"
	if more > 0 {
		what += fmt.Sprintf(" and %d more", more)
		them = "they run"
	}
	f, _ := g.skipsDefers(e)
	var msg string
	if f == nil {
		msg = fmt.Sprintf("%s skips %s: the process ends before %s", e.name, what, them)
	} else {
		msg = fmt.Sprintf("%s may end the process and skip %s: %s", e.name, what, elide(hopTexts(f)))
	}
	var fixes []analysis.SuggestedFix
	switch {
	case !g.isMainFunc(fr):
		msg += "; return the error instead"
	default:
		msg += "; return the error from a run function and exit in main"
		if r := g.mainRun; r != nil && len(r.fixes) > 0 && f == nil {
			fixes = r.fixes
		} else if r != nil && r.why != "" {
			msg += " (" + r.why + ")"
		}
	}
	var rel []analysis.RelatedInformation
	for j, dj := range defers {
		if j < 64 && pending&(1<<j) != 0 {
			rel = append(rel, analysis.RelatedInformation{
				Pos: dj.Pos(), End: dj.End(),
				Message: "deferred " + g.deferredName(dj) + ", skipped by the exit",
			})
		}
	}
	rel = append(rel, g.factRelated(f)...)
	g.pending = append(g.pending, finding{
		Diagnostic: analysis.Diagnostic{
			Pos:            e.pos,
			End:            e.end,
			Category:       catDeferSkip,
			Message:        msg,
			SuggestedFixes: fixes,
			Related:        rel,
		},
		fn:      fr.n.name,
		callee:  catDeferSkip + " " + e.name,
		checked: true,
	})
}

// deferredName names what a defer statement calls: "w.Flush",
// "os.RemoveAll", "function literal calling e.Close" (its first call
// that counts).
func (g *graph) deferredName(d *ast.DeferStmt) string {
	lit, ok := ast.Unparen(d.Call.Fun).(*ast.FuncLit)
	if !ok {
		return types.ExprString(d.Call.Fun)
	}
	name := "function literal"
	ast.Inspect(lit.Body, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok && name == "function literal" && g.skipCall(call).loss > g.floor() {
			if _, isLit := ast.Unparen(call.Fun).(*ast.FuncLit); !isLit {
				name += " calling " + types.ExprString(call.Fun)
			}
		}
		return name == "function literal"
	})
	return name
}

// isMainFunc reports whether fr is the body of func main of a main
// package.
func (g *graph) isMainFunc(fr *frame) bool {
	d := fr.n.decl
	return fr.lit == nil && d != nil && d.Recv == nil && d.Name.Name == "main" && g.pass.Pkg.Name() == "main"
}

// mainFix computes the fix that moves main's body into run() error,
// once: every diagnostic in main offers the same fix. must are the exits
// in main that skip a defer.
func (g *graph) mainFix(fr *frame, must []*ast.CallExpr) {
	if g.mainRun != nil || len(must) == 0 {
		return
	}
	fixes, refusal := fix.MainRun(g.unit, fr.n.file, fr.n.decl, must)
	why := refusal.Say("automatic")
	g.mainRun = &mainRunFix{fixes, why}
}

// mainRunFix is the outcome of fix.MainRun for the package's main.
type mainRunFix struct {
	fixes []analysis.SuggestedFix
	why   string
}
