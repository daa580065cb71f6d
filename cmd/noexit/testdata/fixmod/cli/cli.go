// Package cli builds flag sets for embedders.
package cli

import "flag"

// NewFlags returns the flag set of the tool.
func NewFlags() *flag.FlagSet {
	fs := flag.NewFlagSet("x", flag.ExitOnError)
	fs.Bool("v", false, "verbose")
	return fs
}
