// Package dep exits; -trust=trusted/dep accepts its exits: nothing here
// is reported and no fact leaves it.
package dep

import "log"

func Must(err error) {
	if err != nil {
		log.Fatal(err)
	}
}
