// Package fixcobrapass overrides the Run of commands that pass through a
// helper's argument or receiver: the constructors keep Run.
package fixcobrapass

import (
	"log"

	"github.com/spf13/cobra"
)

// NewGetCommand exits in Run.
func NewGetCommand() *cobra.Command {
	return &cobra.Command{
		Use: "get",
		Run: func(cmd *cobra.Command, args []string) {
			log.Fatal("no get") // want `\(no automatic fix: the package sets the Run field of a cobra.Command elsewhere, and cobra would run RunE instead\)`
		},
	}
}

// NewDelCommand exits in Run.
func NewDelCommand() *cobra.Command {
	return &cobra.Command{
		Use: "del",
		Run: func(cmd *cobra.Command, args []string) {
			log.Fatal("no del") // want `\(no automatic fix: the package sets the Run field of a cobra.Command elsewhere, and cobra would run RunE instead\)`
		},
	}
}

func identity(c *cobra.Command) *cobra.Command { return c }

type holder struct{ c *cobra.Command }

func (h holder) get() *cobra.Command { return h.c }

// override sets the Run of both, through an argument and a receiver.
func override() {
	get := identity(NewGetCommand())
	get.Run = func(*cobra.Command, []string) {}
	del := holder{c: NewDelCommand()}.get()
	del.Run = func(*cobra.Command, []string) {}
}
