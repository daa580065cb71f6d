// Package dep is another module's code that may end the process.
package dep

import (
	"log"
	"os"
)

func Must(err error) {
	if err != nil {
		log.Fatal(err)
	}
}

// Also reaches the same exit site as Must.
func Also(err error) { Must(err) }

func Other() { os.Exit(1) }
