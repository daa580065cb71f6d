// Package chainb calls chainc: it may exit, and says so at the call.
package chainb

import "chainc"

type Config struct{ Path string }

func (c *Config) Resolve() string { // want Resolve:`mayExit\(\(\*chainb\.Config\)\.Resolve -> chainc\.Load -> chainc\.open -> log\.Fatalf\)`
	return chainc.Load(c.Path) // want `chainc\.Load may end the process: chainc\.Load -> chainc\.open \(chainc\.go:7\) -> log\.Fatalf \(chainc\.go:12\), reached from exported\ \(\*chainb\.Config\)\.Resolve -> chainc\.Load; handle the failure there or make it return an error`
}
