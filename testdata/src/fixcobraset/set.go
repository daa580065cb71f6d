// Package fixcobraset overrides a command's Run: with RunE set by the
// constructor, cobra would run RunE and ignore the override.
package fixcobraset

import (
	"log"
	"os"

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

// NewGetCommand exits in Run too, but no one overrides its Run: it
// becomes RunE.
func NewGetCommand() *cobra.Command {
	return &cobra.Command{
		Use: "get",
		Run: func(cmd *cobra.Command, args []string) {
			if len(args) == 0 {
				log.Fatal("no key") // want `log\.Fatal ends the process`
			}
		},
	}
}

// NewTxnDel overrides the Run of a command it builds itself.
func NewTxnDel() *cobra.Command {
	del := &cobra.Command{
		Use: "del",
		Run: func(cmd *cobra.Command, args []string) {
			log.Fatal("no del") // want `\(no automatic fix: the package sets the Run field of a cobra.Command elsewhere, and cobra would run RunE instead\)`
		},
	}
	if len(del.Use) > 3 {
		del.Run = func(cmd *cobra.Command, args []string) {}
	}
	return del
}

// NewCanCommand answers by its exit status alone: RunE would make cobra
// print an error and the usage.
func NewCanCommand() *cobra.Command {
	return &cobra.Command{
		Use: "can",
		Run: func(cmd *cobra.Command, args []string) {
			if len(args) == 0 {
				os.Exit(1) // want `\(no automatic fix: the command exits with a status and no message, which as RunE's error cobra would print with the usage\)`
			}
		},
	}
}
