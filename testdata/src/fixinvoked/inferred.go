package fixinvoked

import (
	"log"

	"fixinvoked/run"
)

var count int

// withEach runs f for each of n items: inferred to run f before it
// returns, perhaps many times.
func withEach(n int, f func(i int)) {
	for i := range n {
		f(i)
	}
}

// Count stops at the first bad item: the later runs do nothing.
func Count(n, bad int) error { // want Count:"mayExit"
	withEach(n, func(i int) {
		if i == bad {
			log.Fatalf("bad item %d", i) // want `log.Fatalf ends the process`
		}
		count++
	})
	return nil
}

// Update runs its literal with a lock held, in another package.
func Update(n int) error { // want Update:"mayExit"
	run.Locked(func() {
		if n < 0 {
			log.Fatalf("negative %d", n) // want `log.Fatalf ends the process`
		}
		count = n
	})
	return nil
}

// Background's literal runs in a goroutine: its error cannot come back.
func Background(n int) error { // want Background:"mayExit"
	run.Later(func() {
		if n < 0 {
			log.Fatal("negative") // want `\(no automatic fix: the function literal does not return an error, and run.Later may run it after returning\)`
		}
	})
	return nil
}
