// want package:`lifecycle\(promoted.Runnable\)`

// Package promoted has lifecycle implementers whose methods come from
// embedded bases: one level, two levels, and a generic base.
package promoted

import "os"

type Runnable interface {
	Start()
	Name() string
}

type base struct{}

func (*base) Start() { // want Start:"mayExit"
	os.Exit(1) // want `os\.Exit ends the process, reached from promoted\.Runnable method \(\*promoted\.base\)\.Start \(promoted as \(\*promoted\.one\)\.Start\) -> os\.Exit`
}

// one embeds base: Start is promoted into a Runnable.
type one struct{ base }

func (one) Name() string { return "one" }

type middle struct{ inner }

type inner struct{}

func (inner) Start() { // want Start:"mayExit"
	os.Exit(2) // want `os\.Exit ends the process, reached from promoted\.Runnable method \(promoted\.inner\)\.Start \(promoted as \(\*promoted\.two\)\.Start\) -> os\.Exit`
}

// two gets Start two levels down.
type two struct{ middle }

func (two) Name() string { return "two" }

type gbase[T any] struct{ v T }

func (g *gbase[T]) Start() { // want Start:"mayExit"
	os.Exit(3) // want `os\.Exit ends the process, reached from promoted\.Runnable method \(\*promoted\.gbase\)\.Start \(promoted as \(\*promoted\.generic\)\.Start\) -> os\.Exit`
}

// generic embeds an instantiated generic base.
type generic struct{ gbase[int] }

func (*generic) Name() string { return "generic" }
