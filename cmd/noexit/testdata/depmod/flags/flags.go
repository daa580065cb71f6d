// Package flags parses its flags with the real pflag module, as
// cobra-based tools do.
package flags

import (
	"os"

	"github.com/spf13/pflag"
)

func Parse() {
	pflag.Parse()
}

func NewSet() *pflag.FlagSet {
	return pflag.NewFlagSet("tool", pflag.ExitOnError)
}

func Quiet() *pflag.FlagSet {
	return pflag.NewFlagSet("tool", pflag.ContinueOnError)
}

func CommandLine() error {
	return pflag.CommandLine.Parse(os.Args[1:])
}
