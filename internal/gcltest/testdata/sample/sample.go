// Package sample is a library that ends the process in the ways noexit
// reports, and in the ways it must not report.
package sample

import (
	"errors"
	"flag"
	"os"
)

// Client is what New builds.
type Client struct{ name string }

// New reaches os.Exit through an unexported helper.
func New(name string) *Client {
	mustName(name)
	return &Client{name: name}
}

func mustName(name string) {
	if name == "" {
		os.Exit(2)
	}
}

// Parse exits on a bad flag instead of returning the error.
func Parse(args []string) (bool, error) {
	fs := flag.NewFlagSet("sample", flag.ExitOnError)
	verbose := fs.Bool("v", false, "verbose output")
	err := fs.Parse(args)
	return *verbose, err
}

// Quiet exits, and the nolint directive hides that from golangci-lint.
func Quiet() {
	os.Exit(3) //nolint:noexit // checked: golangci-lint must drop this one
}

// Allowed exits by design, which noexit's own directive records.
func Allowed() {
	os.Exit(4) //noexit:allow the sample's documented way to stop
}

// Clean returns the error to its caller.
func Clean(name string) error {
	if name == "" {
		return errors.New("sample: empty name")
	}
	return nil
}
