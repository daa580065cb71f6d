// Package module is a beehive module: the framework calls every method of
// a core.Module implementer, exported or not.
package module

import (
	"os"

	"github.com/kubeedge/beehive/pkg/core"
)

type stream struct{ enable bool }

func Register(enable bool) { // want Register:"mayExit"
	core.Register(newStream(enable))
}

func newStream(enable bool) *stream {
	if ip() == "" {
		os.Exit(1) // want `os\.Exit ends the process, reached from exported\ module\.Register -> module\.newStream -> os\.Exit`
	}
	return &stream{enable: enable}
}

func ip() string { return "" }

func (s *stream) Name() string  { return "stream" }
func (s *stream) Group() string { return "stream" }
func (s *stream) Enable() bool  { return s.enable }
func (s *stream) Start()        { s.serve() } // want Start:"mayExit"

func (s *stream) serve() {
	os.Exit(2) // want `os\.Exit ends the process, reached from core\.Module\ method\ \(\*module\.stream\)\.serve -> os\.Exit`
}
