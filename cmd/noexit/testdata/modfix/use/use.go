// Package use calls lib in every way that stops a module-wide fix, and
// once in a way that passes the error on.
package use

import (
	"os"

	"example.com/modfix/lib"
)

// Setup gains an error result: it passes lib.Open's error on.
func Setup(path string) int {
	f := lib.Open(path)
	defer f.Close()
	return 1
}

// LitCaller calls lib.Lit from a function literal.
func LitCaller() {
	func() { lib.Lit() }()
}

// GoCaller starts lib.Gone with go.
func GoCaller() {
	go lib.Gone()
}

// Hook holds lib.Val as a value.
var Hook = lib.Val

// Runner is implemented by R.
type Runner interface{ Run() }

// R implements Runner.
type R struct{}

// Run implements Runner.
func (R) Run() { lib.Iface() }

var _ Runner = R{}

// Module is a lifecycle interface.
type Module interface {
	Name() string
	Start()
}

// M is a module.
type M struct{}

// Name names M.
func (M) Name() string { return "m" }

// Start starts M.
func (M) Start() { lib.Life() }

var _ Module = M{}

func init() {
	if os.Getenv("SKIP") == "" {
		lib.Init()
	}
}

// Server is implemented by lib.Srv.
type Server interface{ Serve() }

var _ Server = lib.Srv{}

// Shadow reads the outer err after the block: the error of lib.Open must
// get a name of its own, not shadow err.
func Shadow() error {
	var err error
	{
		f := lib.Open("x")
		err = f.Close()
	}
	return err
}
