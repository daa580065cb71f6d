// Package aliasrecv declares methods on alias spellings: they are exported
// API exactly when some exported name reaches the type.
package aliasrecv

import "os"

type server struct{}

// Server is the exported spelling of server.
type Server = server

func (s *server) Start() { // want Start:"mayExit"
	os.Exit(1) // want `os\.Exit ends the process, reached from exported \(\*aliasrecv\.server\)\.Start -> os\.Exit`
}

type conn struct{}

// Conn is the exported spelling of conn; Close is declared on it.
type Conn = conn

func (c *Conn) Close() { // want Close:"mayExit"
	os.Exit(4) // want `os\.Exit ends the process, reached from exported \(\*aliasrecv\.Conn\)\.Close -> os\.Exit`
}

type Client struct{}

type client = Client

// Dial is declared on the unexported spelling of an exported type.
func (c *client) Dial() { // want Dial:"mayExit"
	os.Exit(2) // want `os\.Exit ends the process, reached from exported \(\*aliasrecv\.client\)\.Dial -> os\.Exit`
}

type hidden struct{}

type alsoHidden = hidden

// Stop is on a type no exported name reaches: not an entry.
func (h *alsoHidden) Stop() { // want Stop:"mayExit"
	os.Exit(3)
}
