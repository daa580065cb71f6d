// Package util has an unexported helper whose exit moves up to an
// error-returning caller.
package util

import (
	"log"
	"os"
)

// Home returns the home directory.
func Home() (string, error) {
	dir := home()
	return dir, nil
}

func home() string {
	d, err := os.UserHomeDir()
	if err != nil {
		log.Fatal(err)
	}
	return d
}
