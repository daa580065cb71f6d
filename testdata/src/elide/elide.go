// Package elide reaches an exit through a long chain: the message shows
// the first three and the last two names, the related information every
// hop.
package elide

import "os"

func Start() { a() } // want Start:"mayExit"

func a() { b() }
func b() { c() }
func c() { d() }
func d() { e() }
func e() {
	os.Exit(1) // want `os\.Exit ends the process, reached from exported elide\.Start -> elide\.a -> elide\.b -> … 2 more … -> elide\.e -> os\.Exit; return an error instead`
}

var conf = load() // package variable initialiser

func load() int {
	if len(os.Args) > 5 {
		os.Exit(3) // want `os\.Exit ends the process, reached from the initialiser of elide\.conf -> elide\.load -> os\.Exit`
	}
	return 0
}

func init() {
	if conf == 0 {
		os.Exit(4) // want `os\.Exit ends the process, reached from init -> os\.Exit; return an error instead`
	}
}
