// Package fixcobraread calls a command's Run itself: with RunE in its
// place, that call would find Run nil.
package fixcobraread

import (
	"log"

	"github.com/spf13/cobra"
)

// NewAliasCommand runs the inner command's Run from its own.
func NewAliasCommand() *cobra.Command {
	inner := &cobra.Command{
		Use: "inner",
		Run: func(cmd *cobra.Command, args []string) {
			log.Fatal("inner failed") // want `\(no automatic fix: the package uses the Run field of a cobra.Command, which would be nil\)`
		},
	}
	return &cobra.Command{
		Use: "alias",
		Run: func(cmd *cobra.Command, args []string) { inner.Run(cmd, args) },
	}
}
