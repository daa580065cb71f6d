// Package chaina is an edge module: its constructor reaches an exit two
// packages down.
package chaina

import "chainb"

type Module struct{ path string }

func New(c *chainb.Config) *Module { // want New:`mayExit\(chaina\.New -> chaina\.resolve -> \(\*chainb\.Config\)\.Resolve -> chainc\.Load -> chainc\.open -> log\.Fatalf\)`
	return &Module{path: resolve(c)}
}

func resolve(c *chainb.Config) string {
	return c.Resolve() // want `\(\*chainb\.Config\)\.Resolve may end the process: \(\*chainb\.Config\)\.Resolve -> chainc\.Load \(chainb\.go:9\) -> chainc\.open \(chainc\.go:7\) -> log\.Fatalf \(chainc\.go:12\), reached from exported\ chaina\.New -> chaina\.resolve -> \(\*chainb\.Config\)\.Resolve`
}
