//go:build ignore

// This file is excluded by its build constraint and does not even
// type-check: noexit must not look at it.
package main

func main() { undefined() }
