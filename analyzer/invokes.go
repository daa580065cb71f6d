package analyzer

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/noexit-lint/noexit/internal/catalogue"
)

// onceFuncs run their argument when their result is called.
var onceFuncs = map[string]bool{"sync.OnceFunc": true, "sync.OnceValue": true, "sync.OnceValues": true}

// invokes is the fact that a function runs the function values passed to
// some of its parameters (bit i: parameter i) before it returns or in a
// goroutine it starts: a literal passed there is run by the caller.
type invokes struct {
	Params uint64
	// Sync are the parameters it runs before it returns, not in a
	// goroutine (see syncinvokes.go).
	Sync uint64
}

func (*invokes) AFact() {}

func (f *invokes) String() string {
	var idx []string
	for i := range 64 {
		if f.Params&(1<<i) != 0 {
			idx = append(idx, strconv.Itoa(i))
		}
	}
	return fmt.Sprintf("invokes(%s)", strings.Join(idx, ","))
}

// holds reports whether c holds once the package's invoked parameters are
// known.
func (g *graph) holds(c cond) bool {
	switch c.kind {
	case condRun:
		return true
	case condArg:
		return g.invokedParam(c)
	case condVar:
		return g.calledVars[c.v]
	}
	return false
}

func (g *graph) invokedParam(c cond) bool {
	bit := uint64(1) << c.idx
	fn := c.callee
	if fn.Pkg() == g.pass.Pkg {
		return g.invokes[fn]&bit != 0
	}
	mask, ok := g.foreignInv[fn]
	if !ok {
		if m, _, cat := catalogue.InvokedParams(g.fullName(fn)); cat {
			mask = m
		} else if f := new(invokes); g.pass.ImportObjectFact(fn, f) {
			mask = f.Params
		}
		g.foreignInv[fn] = mask
	}
	return mask&bit != 0
}

// chainHolds reports whether every literal from l outwards is run.
func (g *graph) chainHolds(l *litInfo) bool {
	for ; l != nil; l = l.parent {
		if !g.holds(l.cond) {
			return false
		}
	}
	return true
}

// inferInvokes computes which func-typed parameters each function of the
// package runs: it calls them, defers or starts them, or passes them to a
// parameter that its callee runs (a wrapper of a wrapper ...). The sets
// only grow, so iterating to a fixed point terminates.
func (g *graph) inferInvokes() {
	for changed := true; changed; {
		changed = false
		for _, n := range g.nodes {
			for _, s := range n.psites {
				bit := uint64(1) << s.idx
				if g.invokes[n.fn]&bit == 0 && g.holds(s.cond) && g.chainHolds(s.lit) {
					g.invokes[n.fn] |= bit
					changed = true
				}
			}
		}
	}
}

// resolveEdges moves each edge to the node that runs it: the walked node,
// or the node of the outermost stored literal around it, and marks the
// references to function values that are stored rather than run.
func (g *graph) resolveEdges() {
	for _, n := range g.nodes[:len(g.nodes):len(g.nodes)] {
		if n.lit != nil {
			continue // created below; its edges are already in place
		}
		edges := n.edges
		n.edges = nil
		for _, e := range edges {
			owner := g.owner(n, e.lit)
			e.from = owner
			e.stored = e.call == nil && !g.holds(e.cond)
			owner.edges = append(owner.edges, e)
		}
		n.psites = nil
	}
}

// owner returns the node whose body runs the code inside literal l of n:
// n itself if every literal around it is run, else the innermost stored
// literal's own node, created on first use with a stored edge from its
// owner.
func (g *graph) owner(n *node, l *litInfo) *node {
	for l != nil && l.node == nil && g.holds(l.cond) {
		l = l.parent
	}
	if l == nil {
		return n
	}
	if l.node != nil {
		return l.node
	}
	parent := g.owner(n, l.parent)
	n.lits++
	m := g.add(&node{
		lit: l.lit, name: fmt.Sprintf("%s.func%d", n.name, n.lits), pos: l.lit.Pos(), file: n.file,
		allowed: n.allowed, generated: n.generated,
	})
	l.node = m
	parent.edges = append(parent.edges, &edge{
		kind: localCall, from: parent, pos: l.lit.Pos(), end: l.lit.End(), callee: m, name: m.name,
		stored: true, allowed: g.dirs[n.file].allowsLine(g.pass.Fset, l.lit.Pos()),
	})
	return m
}
