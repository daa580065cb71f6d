// Package fixcobraset overrides a command's Run: with RunE set by the
// constructor, cobra would run RunE and ignore the override.
package fixcobraset

import (
	"log"

	"github.com/spf13/cobra"
)

// NewPutCommand exits in Run.
func NewPutCommand() *cobra.Command {
	return &cobra.Command{
		Use: "put",
		Run: func(cmd *cobra.Command, args []string) {
			if len(args) == 0 {
				log.Fatal("no key") // want `\(no automatic fix: the package sets the Run field of a cobra.Command elsewhere, and cobra would run RunE instead\)`
			}
		},
	}
}

// NewTxnPut reuses the put command with another Run.
func NewTxnPut() *cobra.Command {
	put := NewPutCommand()
	put.Run = func(cmd *cobra.Command, args []string) {}
	return put
}
