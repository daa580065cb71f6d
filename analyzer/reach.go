package analyzer

import (
	"container/heap"
)

// counts reports whether an edge contributes to may-exit: it is not
// allowed by a directive and does not call an allowed function.
// (Terminators of disabled categories never become edges.)
func (g *graph) counts(e *edge) bool {
	if e.allowed {
		return false
	}
	if e.kind == localCall {
		return !e.callee.allowed
	}
	return true
}

// solve computes, for every node, the length of its shortest witness path
// to a terminator (node.dist, 0 if none) and its first hop (node.via). It is
// a multi-source Dijkstra over the reversed call graph: terminator calls
// cost 1, calls into another package's may-exit function cost one more
// than that function's own path, local calls add 1. The result does not
// depend on recursion; among equally short paths the first found in node
// order, then call order, wins, so it is deterministic.
func (g *graph) solve() {
	callers := make([][]*edge, len(g.nodes)) // reverse local edges
	q := &nodeQueue{}
	for _, n := range g.nodes {
		if n.allowed || n.terminates {
			continue
		}
		for _, e := range n.edges {
			if !g.counts(e) {
				continue
			}
			switch e.kind {
			case localCall:
				callers[e.callee.index] = append(callers[e.callee.index], e)
			case termCall:
				improve(q, n, e, 1)
			case foreignCall:
				improve(q, n, e, 1+e.foreign.Len)
			}
		}
	}
	done := make([]bool, len(g.nodes))
	for q.Len() > 0 {
		it := heap.Pop(q).(queued)
		n := it.n
		if done[n.index] || it.dist != n.dist {
			continue // stale: n was improved after this entry was queued
		}
		done[n.index] = true
		for _, e := range callers[n.index] {
			if m := e.from; !m.allowed && !m.terminates && !done[m.index] {
				improve(q, m, e, n.dist+1)
			}
		}
	}
}

func improve(q *nodeQueue, n *node, e *edge, dist int) {
	if n.dist == 0 || dist < n.dist {
		n.dist, n.via = dist, e
		heap.Push(q, queued{dist, n})
	}
}

// queued is a heap entry: the node's distance when it was pushed. A node
// may be queued several times; entries whose distance is no longer the
// node's are stale and skipped.
type queued struct {
	dist int
	n    *node
}

// nodeQueue orders entries by (dist, node index).
type nodeQueue []queued

func (q nodeQueue) Len() int { return len(q) }
func (q nodeQueue) Less(i, j int) bool {
	if q[i].dist != q[j].dist {
		return q[i].dist < q[j].dist
	}
	return q[i].n.index < q[j].n.index
}
func (q nodeQueue) Swap(i, j int) { q[i], q[j] = q[j], q[i] }
func (q *nodeQueue) Push(x any)   { *q = append(*q, x.(queued)) }
func (q *nodeQueue) Pop() any {
	old := *q
	it := old[len(old)-1]
	*q = old[:len(old)-1]
	return it
}

// factOf returns n's may-exit fact, built from node.via and shared with
// the facts of its callees, or nil if n cannot exit.
func (g *graph) factOf(n *node) *mayExit {
	if n.dist == 0 {
		return nil
	}
	// Iterative, since witness chains may be thousands of calls deep.
	var stack []*node
	for m := n; m.fact == nil; m = m.via.callee {
		stack = append(stack, m)
		if m.via.kind != localCall {
			break
		}
	}
	for i := len(stack) - 1; i >= 0; i-- {
		m := stack[i]
		var next *mayExit
		switch m.via.kind {
		case localCall:
			next = m.via.callee.fact
		case foreignCall:
			next = m.via.foreign
		case termCall:
			next = &mayExit{Func: m.via.name, Cat: m.via.cat, Mod: g.module}
		}
		m.fact = &mayExit{
			Func:    m.name,
			callPos: m.via.pos,
			Call:    g.pass.Fset.Position(m.via.pos),
			Cat:     next.Cat,
			Len:     next.Len + 1,
			Mod:     next.Mod,
			Next:    next,
		}
	}
	return n.fact
}

// reach marks the nodes that an entry point reaches through local calls,
// breadth first from all entries at once, so that each reached node keeps
// a shortest path from some entry (node.parent).
func (g *graph) reach() {
	var queue []*node
	for _, n := range g.nodes {
		if n.entry != "" && !n.allowed && !n.terminates {
			n.reached = true
			queue = append(queue, n)
		}
	}
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		for _, e := range n.edges {
			if e.kind != localCall || !g.counts(e) {
				continue
			}
			m := e.callee
			if m.reached || m.allowed || m.terminates {
				continue
			}
			m.reached, m.parent = true, e
			queue = append(queue, m)
		}
	}
}

// entryPath returns the local calls from n's entry down to n.
func entryPath(n *node) []*edge {
	var path []*edge
	for e := n.parent; e != nil; e = e.from.parent {
		path = append(path, e)
	}
	for i, j := 0, len(path)-1; i < j; i, j = i+1, j-1 {
		path[i], path[j] = path[j], path[i]
	}
	return path
}
