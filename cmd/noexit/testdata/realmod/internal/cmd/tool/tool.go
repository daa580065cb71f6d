// Package tool is part of a command: exiting is its own decision.
package tool

import (
	"fmt"
	"os"

	"example.com/realmod/cache"
)

// Run runs the tool.
func Run(args []string) {
	if len(args) == 0 {
		fmt.Fprintln(os.Stderr, "usage: tool DIR")
		os.Exit(2)
	}
	cache.Open(args[0]).Check()
}
