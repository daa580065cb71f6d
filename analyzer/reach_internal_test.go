package analyzer

import (
	"math/rand"
	"testing"
)

// TestSolveShortest compares solve with Bellman-Ford on random call graphs
// with terminator calls and foreign calls of varied cost: every node must
// get the shortest distance, and its first hop must realise it.
func TestSolveShortest(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for iter := 0; iter < 20000; iter++ {
		g := &graph{}
		size := 1 + rng.Intn(12)
		for i := 0; i < size; i++ {
			g.add(&node{})
		}
		for _, n := range g.nodes {
			for k := rng.Intn(4); k > 0; k-- {
				e := &edge{from: n}
				switch rng.Intn(5) {
				case 0:
					e.kind = termCall
				case 1:
					e.kind, e.foreign = foreignCall, &mayExit{Len: 1 + rng.Intn(6)}
				default:
					e.kind, e.callee = localCall, g.nodes[rng.Intn(size)]
				}
				n.edges = append(n.edges, e)
			}
		}
		g.solve()
		want := bellmanFord(g)
		for i, n := range g.nodes {
			if n.dist != want[i] {
				t.Fatalf("graph %d node %d: dist %d, shortest %d", iter, i, n.dist, want[i])
			}
			if n.dist == 0 {
				continue
			}
			var viaCost int
			switch n.via.kind {
			case termCall:
				viaCost = 1
			case foreignCall:
				viaCost = 1 + n.via.foreign.Len
			case localCall:
				viaCost = 1 + n.via.callee.dist
			}
			if viaCost != n.dist {
				t.Fatalf("graph %d node %d: dist %d but first hop costs %d", iter, i, n.dist, viaCost)
			}
		}
	}
}

func bellmanFord(g *graph) []int {
	const inf = 1 << 30
	dist := make([]int, len(g.nodes))
	for i := range dist {
		dist[i] = inf
	}
	for changed := true; changed; {
		changed = false
		for i, n := range g.nodes {
			for _, e := range n.edges {
				d := inf
				switch e.kind {
				case termCall:
					d = 1
				case foreignCall:
					d = 1 + e.foreign.Len
				case localCall:
					if dist[e.callee.index] < inf {
						d = 1 + dist[e.callee.index]
					}
				}
				if d < dist[i] {
					dist[i], changed = d, true
				}
			}
		}
	}
	for i := range dist {
		if dist[i] == inf {
			dist[i] = 0
		}
	}
	return dist
}
