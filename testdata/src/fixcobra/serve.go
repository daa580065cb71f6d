// Package fixcobra builds cobra commands in library code.
package fixcobra

import (
	"errors"
	"fmt"
	"log"
	"os"

	"github.com/spf13/cobra"
	"k8s.io/klog/v2"
)

func serve(args []string) error {
	if len(args) == 0 {
		return errors.New("no address")
	}
	return nil
}

// NewServeCommand exits in Run: it becomes RunE.
func NewServeCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "serve",
		Short: "serve the API",
		Run: func(cmd *cobra.Command, args []string) {
			if err := serve(args); err != nil {
				log.Fatal(err) // want `log.Fatal ends the process`
			}
			fmt.Println("served")
		},
	}
}

// NewCheckCommand exits in PreRun and returns early in Run.
func NewCheckCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use: "check",
		PreRun: func(cmd *cobra.Command, args []string) {
			if len(args) > 2 {
				klog.Errorf("too many arguments: %d", len(args))
				os.Exit(2) // want `os.Exit ends the process`
			}
		},
		Run: func(cmd *cobra.Command, args []string) {
			if len(args) == 0 {
				return
			}
			if args[0] == "" {
				klog.Fatal("empty argument") // want `klog.Fatal ends the process`
			}
		},
	}
	return cmd
}

// NewBothCommand sets RunE already: cobra runs RunE, not Run, so Run is
// left alone.
func NewBothCommand() *cobra.Command {
	return &cobra.Command{
		Use: "both",
		Run: func(cmd *cobra.Command, args []string) {
			log.Fatal("unused") // want `\(no automatic fix: the command sets RunE too, which cobra runs instead of Run\)`
		},
		RunE: func(cmd *cobra.Command, args []string) error { return nil },
	}
}

// NewStartCommand names its Run function: the function gains an error
// result, its helper too, and the field becomes RunE.
func NewStartCommand() *cobra.Command {
	cmd := cobra.Command{
		Use: "start",
		Run: startProxy,
	}
	return &cmd
}

func startProxy(cmd *cobra.Command, args []string) {
	addr := mustAddr(args)
	if err := serve([]string{addr}); err != nil {
		log.Fatal(err) // want `log.Fatal ends the process`
	}
}

func mustAddr(args []string) string {
	if len(args) == 0 {
		klog.Fatal("no address") // want `klog.Fatal ends the process`
	}
	return args[0]
}
