// Package svc has exits that noexit -fix rewrites, and one it cannot.
package svc

import (
	"fmt"
	"log"
	"os"
	"strconv"
)

// Port reads the port from the environment.
func Port() (int, error) {
	p, err := strconv.Atoi(os.Getenv("PORT"))
	if err != nil {
		log.Fatalf("bad PORT: %v", err)
	}
	return p, nil
}

// Name returns the service name.
func Name() (string, error) {
	n := os.Getenv("NAME")
	if n == "" {
		log.Fatal("NAME is not set")
	}
	return n, nil
}

// Start cannot return an error: its signature is exported.
func Start() {
	if os.Getenv("MODE") == "" {
		fmt.Fprintln(os.Stderr, "MODE is not set")
		os.Exit(2)
	}
}
