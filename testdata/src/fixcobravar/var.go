// Package fixcobravar sets the Run of a command that a package variable
// holds: noexit does not follow what a package variable may hold, so no
// command of the package gets RunE.
package fixcobravar

import (
	"log"

	"github.com/spf13/cobra"
)

// root keeps a command in a package variable: what its users set may
// be any command.
var root = newRoot()

func newRoot() *cobra.Command {
	return &cobra.Command{
		Use: "root",
		Run: func(cmd *cobra.Command, args []string) {
			log.Fatal("no root") // want `\(no automatic fix: the package sets the Run field of a cobra.Command elsewhere, and cobra would run RunE instead\)`
		},
	}
}

// wrapped reaches the command through a helper that reads root.
func wrapped() *cobra.Command { return root }

// override sets the Run of what wrapped returns.
func override() {
	c := wrapped()
	c.Run = func(cmd *cobra.Command, args []string) {}
}

// NewOther is refused too: the override might reach it.
func NewOther() *cobra.Command {
	return &cobra.Command{
		Use: "other",
		Run: func(cmd *cobra.Command, args []string) {
			log.Fatal("no other") // want `\(no automatic fix: the package sets the Run field of a cobra.Command elsewhere, and cobra would run RunE instead\)`
		},
	}
}
