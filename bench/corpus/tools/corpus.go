// Package corpus pins golang.org/x/tools and honnef.co/go/tools, which the
// noexit benchmarks analyse; it is never built into anything.
package corpus

import (
	_ "golang.org/x/tools/go/analysis"
	_ "honnef.co/go/tools/staticcheck"
)
