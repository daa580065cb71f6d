// Package escapes hands out values of unexported types as interfaces:
// whoever holds the interface calls their methods, so those are entries.
package escapes

import (
	"flag"
	"log"
	"os"
)

// level is a flag.Value whose Set ends the process on a bad value.
type level int

func (l *level) String() string { return "level" }

func (l *level) Set(s string) error { // want Set:"mayExit"
	if s == "" {
		log.Fatal("empty level") // want `log\.Fatal ends the process, reached from \(\*escapes\.level\)\.Set \(method of escapes\.level, which escapes as flag\.Value at escapes\.go:26\) -> log\.Fatal`
	}
	return nil
}

// Flags registers the flag: flag.Var takes a flag.Value.
func Flags(fs *flag.FlagSet) {
	var l level
	fs.Var(&l, "level", "log level")
}

type Store interface{ Close() error }

type store struct{}

func (store) Close() error { // want Close:"mayExit"
	os.Exit(1) // want `os\.Exit ends the process, reached from \(escapes\.store\)\.Close \(method of escapes\.store, which escapes as escapes\.Store at escapes\.go:39\) -> os\.Exit`
	return nil
}

// Open returns the unexported store as a Store.
func Open() Store { return store{} }

// quiet never escapes: its exported method is not an entry.
type quiet struct{}

func (quiet) Close() error { // want Close:"mayExit"
	os.Exit(2)
	return nil
}

func use() { _ = quiet{}.Close }
