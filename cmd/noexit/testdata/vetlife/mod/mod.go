// Package mod is a module that imports only fw: it reaches core.Module
// through an indirect dependency.
package mod

import (
	"os"

	"example.com/vetlife/fw"
)

type stream struct{}

func (*stream) Name() string { return "stream" }

func (s *stream) Start() {
	s.dial()
}

func (*stream) dial() {
	os.Exit(1)
}

func init() { fw.Register(&stream{}) }
