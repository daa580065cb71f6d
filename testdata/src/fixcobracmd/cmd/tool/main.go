// Command tool exits in its cobra commands: allowed, but under -fix the
// Run functions become RunE, since cobra reports the error itself.
package main

import (
	"log"
	"os"

	"github.com/spf13/cobra"
)

func newVersionCommand() *cobra.Command {
	return &cobra.Command{
		Use: "version",
		Run: func(cmd *cobra.Command, args []string) {
			if len(args) > 0 {
				log.Fatal("version takes no arguments") // want `log.Fatal ends the process in the Run function of a cobra command; with RunE, cobra's Execute returns the error instead`
			}
		},
		PersistentPostRun: func(cmd *cobra.Command, args []string) {
			os.Exit(0) // exit status 0: no fix, and nothing reported in allowed code
		},
	}
}

func main() {
	root := &cobra.Command{Use: "tool"}
	root.AddCommand(newVersionCommand())
	if err := root.Execute(); err != nil {
		os.Exit(1)
	}
}
