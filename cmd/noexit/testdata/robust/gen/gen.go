// Package gen is generics-heavy: constraints, generic types with methods,
// instantiation chains, a generic method value.
package gen

import (
	"cmp"
	"os"
)

type Number interface {
	~int | ~int64 | ~float64
}

type Tree[K cmp.Ordered, V any] struct {
	root *node[K, V]
}

type node[K cmp.Ordered, V any] struct {
	k           K
	v           V
	left, right *node[K, V]
}

func (t *Tree[K, V]) Get(k K) V {
	n := t.root
	for n != nil {
		switch c := cmp.Compare(k, n.k); {
		case c < 0:
			n = n.left
		case c > 0:
			n = n.right
		default:
			return n.v
		}
	}
	return must[V](nil)
}

func must[T any](p *T) T {
	if p == nil {
		os.Exit(2)
	}
	return *p
}

func Sum[N Number](xs ...N) N {
	var s N
	for _, x := range xs {
		s += x
	}
	return s
}

func Apply[T any](xs []T, f func(T) T) []T {
	out := make([]T, len(xs))
	for i, x := range xs {
		out[i] = f(x)
	}
	return out
}

func Lookup(t *Tree[string, int]) func(string) int {
	return t.Get
}
