package analyzer

import (
	"go/ast"
	"go/types"

	"github.com/noexit-lint/noexit/internal/catalogue"
)

// inGo reports whether the walk is inside a go statement of the function
// being walked: what it runs there may run after the function returns.
func (w *walker) inGo() bool {
	for _, n := range w.stack {
		if _, ok := n.(*ast.GoStmt); ok {
			return true
		}
	}
	return false
}

// inferSync computes which func-typed parameters each function of the
// package runs before it returns: as inferInvokes, without the uses in a
// go statement, through a local variable, or through a callee that may
// run them later. The fix of an exit in a literal passed there returns
// the error from the caller after the call (fix.Cache.Invoked).
func (g *graph) inferSync() {
	for changed := true; changed; {
		changed = false
		for _, n := range g.nodes {
			for _, s := range n.psites {
				bit := uint64(1) << s.idx
				if s.inGo || g.syncInv[n.fn]&bit != 0 || !g.holdsSync(s.cond) {
					continue
				}
				ok := true
				for l := s.lit; l != nil && ok; l = l.parent {
					ok = g.holdsSync(l.cond)
				}
				if ok {
					g.syncInv[n.fn] |= bit
					changed = true
				}
			}
		}
	}
}

func (g *graph) holdsSync(c cond) bool {
	switch c.kind {
	case condRun:
		return true
	case condArg:
		return g.runsBefore(c.callee, c.idx)
	}
	return false
}

// runsBefore reports whether fn runs the function passed to parameter
// idx before it returns, not in a goroutine.
func (g *graph) runsBefore(fn *types.Func, idx int) bool {
	if idx < 0 || idx >= 64 {
		return false
	}
	fn = fn.Origin()
	bit := uint64(1) << idx
	if fn.Pkg() == g.pass.Pkg {
		return g.syncInv[fn]&bit != 0
	}
	mask, ok := g.foreignSyn[fn]
	if !ok {
		if _, m, cat := catalogue.InvokedParams(g.fullName(fn)); cat {
			mask = m
		} else if f := new(invokes); g.pass.ImportObjectFact(fn, f) {
			mask = f.Sync
		}
		g.foreignSyn[fn] = mask
	}
	return mask&bit != 0
}
