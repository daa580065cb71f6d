// Package lib has exits in exported functions; the callers decide whether
// a module-wide fix can move them.
package lib

import (
	"log"
	"os"
)

// Open is called from a cmd package (one caller only on windows), through
// use.Setup, and from a test.
func Open(path string) *os.File {
	f, err := os.Open(path)
	if err != nil {
		log.Fatalf("open %s: %v", path, err)
	}
	return f
}

// Lit is called from a function literal.
func Lit() {
	if os.Getenv("LIT") == "" {
		log.Fatal("LIT is not set")
	}
}

// Gone is started with go.
func Gone() {
	if os.Getenv("GONE") == "" {
		log.Fatal("GONE is not set")
	}
}

// Val is used as a value.
func Val() {
	if os.Getenv("VAL") == "" {
		log.Fatal("VAL is not set")
	}
}

// Iface is called from a method that implements an interface.
func Iface() {
	if os.Getenv("IFACE") == "" {
		log.Fatal("IFACE is not set")
	}
}

// Life is called from a lifecycle Start method.
func Life() {
	if os.Getenv("LIFE") == "" {
		log.Fatal("LIFE is not set")
	}
}

// Init is called from init.
func Init() {
	if os.Getenv("INIT") == "" {
		log.Fatal("INIT is not set")
	}
}

// Srv implements use.Server.
type Srv struct{}

// Serve implements use.Server, declared in another package.
func (Srv) Serve() {
	if os.Getenv("SERVE") == "" {
		log.Fatal("SERVE is not set")
	}
}
