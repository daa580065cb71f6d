// Package cli parses the flags of the tool for embedders.
package cli

import "flag"

// NewFlags parses args and reports whether -v is set.
func NewFlags(args []string) (bool, error) {
	fs := flag.NewFlagSet("x", flag.ExitOnError)
	v := fs.Bool("v", false, "verbose")
	fs.Parse(args)
	return *v, nil
}
