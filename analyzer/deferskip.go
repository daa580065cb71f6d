package analyzer

import (
	"go/ast"
	"go/token"
	"go/types"
	"math/bits"
	"slices"

	"golang.org/x/tools/go/cfg"
)

// catDeferSkip is the category of exits that skip deferred cleanup. It
// is a check, not a family of terminators: it reports calls to the
// terminators of the enabled exit categories (exit, fatal-log, the
// parsing half of flag-exit, user) and to functions that may reach one.
const catDeferSkip = "defer-skip"

// A frame is a function body, a declaration's or a literal's, that holds
// defer statements of its own: an exit while it runs skips them.
type frame struct {
	body   *ast.BlockStmt
	lit    *litInfo // nil for a declaration
	n      *node    // the node the walk was in: its name, file and directives
	defers []*ast.DeferStmt
}

// addDefer records d in the frame of the function around it.
func (w *walker) addDefer(d *ast.DeferStmt) {
	g := w.g
	var fr *frame
	switch {
	case w.lit != nil && w.lit.frame != nil:
		fr = w.lit.frame
	case w.lit != nil:
		fr = &frame{body: w.lit.lit.Body, lit: w.lit, n: w.n}
		w.lit.frame = fr
		g.frames = append(g.frames, fr)
	case w.n.decl == nil:
		return // a defer outside any function does not parse
	case w.n.frame != nil:
		fr = w.n.frame
	default:
		fr = &frame{body: w.n.decl.Body, n: w.n}
		w.n.frame = fr
		g.frames = append(g.frames, fr)
	}
	fr.defers = append(fr.defers, d)
}

// skipsDefers reports whether calls to e's target, a terminator or a
// function that may reach one, end the process without running deferred
// calls. runtime.Goexit and panics run them; flag.NewFlagSet with
// flag.ExitOnError exits later, at its Parse.
func (g *graph) skipsDefers(e *edge) (*mayExit, bool) {
	switch e.kind {
	case termCall:
		return nil, exitCat(e.cat, e.name)
	case foreignCall:
		return e.foreign, exitCat(e.foreign.Cat, e.foreign.terminal().Func)
	case localCall:
		if e.callee.dist == 0 {
			return nil, false
		}
		f := g.factOf(e.callee)
		return f, exitCat(f.Cat, f.terminal().Func)
	}
	return nil, false
}

// exitCat reports whether a terminator of category cat, named name,
// ends the process at the call.
func exitCat(cat, name string) bool {
	switch cat {
	case catExit, catFatalLog, catUser:
		return true
	case catFlagExit:
		return !slices.Contains([]string{"flag.NewFlagSet", "(*flag.FlagSet).Init", "pflag.NewFlagSet", "(*pflag.FlagSet).Init"}, name)
	}
	return false
}

// exitCalls lists, in source order, the counted calls of the package
// that end the process without running deferred calls.
func (g *graph) exitCalls() []*edge {
	var out []*edge
	for _, n := range g.nodes {
		if n.generated {
			continue
		}
		for _, e := range n.edges {
			if e.call == nil || !g.counts(e) {
				continue
			}
			if _, ok := g.skipsDefers(e); ok {
				out = append(out, e)
			}
		}
	}
	slices.SortStableFunc(out, byPos)
	return out
}

// deferSkips reports, in every frame, each exit call made while one of
// the frame's defers is pending: after the defer statement, on some
// path of the frame's control flow (loops included), in the frame's own
// code or in a literal it runs (the same rule as reachability:
// called, deferred, started with go, passed to a parameter that the
// callee invokes).
func (g *graph) deferSkips() {
	if len(g.frames) == 0 {
		return
	}
	calls := g.exitCalls()
	if len(calls) == 0 {
		return
	}
	for _, fr := range g.frames {
		if fr.n.allowed || fr.n.generated {
			continue
		}
		var kept []*ast.DeferStmt
		for _, d := range fr.defers {
			if g.counted(d) {
				kept = append(kept, d)
			}
		}
		if len(kept) == 0 {
			continue
		}
		lo, _ := slices.BinarySearchFunc(calls, fr.body.Pos(), func(e *edge, p token.Pos) int { return cmpPos(e.pos, p) })
		var mine []*edge
		for _, e := range calls[lo:] {
			if e.pos >= fr.body.End() {
				break
			}
			if g.runsIn(e, fr) {
				mine = append(mine, e)
			}
		}
		if len(mine) == 0 {
			continue
		}
		ends := noReturn(mine)
		cg := cfg.New(fr.body, func(call *ast.CallExpr) bool { return !ends[call] })
		pending := g.pendingAt(cg, kept, mine)
		g.dropLossless(fr, cg, kept, mine, pending)
		if g.isMainFunc(fr) {
			// The fix must rewrite the exits that skip a defer; the
			// others (flag.Parse before any defer) may stay.
			var must []*ast.CallExpr
			for i, e := range mine {
				if pending[i] != 0 && e.kind == termCall {
					must = append(must, e.call)
				}
			}
			g.mainFix(fr, must)
		}
		for i, e := range mine {
			if pending[i] != 0 {
				g.reportSkip(fr, kept, pending[i], e)
			}
		}
	}
}

func cmpPos(a, b token.Pos) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// runsIn reports whether e, inside fr's body, runs while fr runs: every
// literal between e and fr is run, not stored.
func (g *graph) runsIn(e *edge, fr *frame) bool {
	for l := e.lit; l != fr.lit; l = l.parent {
		if l == nil || !g.holds(l.cond) {
			return false
		}
	}
	return true
}

// noReturn returns the exit calls among calls that do not return: all
// but flag.Parse, which returns unless a flag is bad.
func noReturn(calls []*edge) map[*ast.CallExpr]bool {
	m := map[*ast.CallExpr]bool{}
	for _, e := range calls {
		if e.kind == termCall && e.cat != catFlagExit {
			m[e.call] = true
		}
	}
	return m
}

// dropLossless clears, in pending, the defers that the exit of each call
// loses nothing by skipping: a logger flush the exit does itself, and a
// cleanup on error while the error is nil.
func (g *graph) dropLossless(fr *frame, cg *cfg.CFG, defers []*ast.DeferStmt, calls []*edge, pending []uint64) {
	nils := map[*types.Var][]bool{}
	for j, d := range defers[:min(len(defers), 64)] {
		v := g.errGuard(d)
		if v != nil && nils[v] == nil {
			nils[v] = g.nilAt(fr, cg, v, calls)
		}
		for i, e := range calls {
			if pending[i]&(1<<j) != 0 && (g.flushedBy(d, e) || v != nil && nils[v][i]) {
				pending[i] &^= 1 << j
			}
		}
	}
}

// pendingAt returns, for each call, the set of defers (bit i: defers[i],
// at most 64) that may have been registered on a path to it, on the
// frame's control-flow graph (the exit calls do not return there): the
// registered defers are propagated forward to a fixed point.
func (g *graph) pendingAt(graph *cfg.CFG, defers []*ast.DeferStmt, calls []*edge) []uint64 {
	bit := map[ast.Node]uint64{}
	for i, d := range defers[:min(len(defers), 64)] {
		bit[d] = 1 << i
	}
	gen := make([]uint64, len(graph.Blocks))
	for _, b := range graph.Blocks {
		for _, nd := range b.Nodes {
			gen[b.Index] |= bit[nd]
		}
	}
	// The sets only grow: iterating to a fixed point terminates.
	in := make([]uint64, len(graph.Blocks))
	for changed := true; changed; {
		changed = false
		for _, b := range graph.Blocks {
			if !b.Live {
				continue
			}
			o := in[b.Index] | gen[b.Index]
			for _, s := range b.Succs {
				if in[s.Index]|o != in[s.Index] {
					in[s.Index] |= o
					changed = true
				}
			}
		}
	}
	// Each call sits in one node of one block: the innermost node around
	// its position, since the nodes of a CFG do not nest.
	res := make([]uint64, len(calls))
	for _, b := range graph.Blocks {
		if !b.Live {
			continue
		}
		pend := in[b.Index]
		for _, nd := range b.Nodes {
			if !nd.Pos().IsValid() {
				continue
			}
			for i, e := range calls {
				if nd.Pos() <= e.pos && e.pos < nd.End() {
					res[i] |= pend
				}
			}
			pend |= bit[nd]
		}
	}
	return res
}

// firstBit returns the index of the lowest set bit of set and the number
// of other set bits.
func firstBit(set uint64) (int, int) {
	return bits.TrailingZeros64(set), bits.OnesCount64(set) - 1
}
