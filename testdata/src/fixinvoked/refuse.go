package fixinvoked

import (
	"log"
	"sync"
)

var shared sync.Once

// Twice uses one Once in two places: after a failed first Do the second
// would go on as if it had succeeded.
func Twice(n int) error { // want Twice:"mayExit"
	shared.Do(func() {
		if n < 0 {
			log.Fatal("negative") // want `\(no automatic fix: keep the error of the once's function in a variable next to the sync.Once and return it after Do \(shared is used elsewhere too\)\)`
		}
	})
	return nil
}

// Again is the other use.
func Again() { shared.Do(func() {}) }

// Group runs the literal in a goroutine: its error cannot come back.
func Group(n int) error { // want Group:"mayExit"
	var wg sync.WaitGroup
	wg.Go(func() {
		if n < 0 {
			log.Fatal("negative") // want `\(no automatic fix: the function literal does not return an error, and \(\*sync.WaitGroup\).Go may run it after returning\)`
		}
	})
	wg.Wait()
	return nil
}

var lockedOnce sync.Once
var mu sync.Mutex

// Locked would skip the unlock after the Do.
func Locked(n int) error { // want Locked:"mayExit"
	mu.Lock()
	lockedOnce.Do(func() {
		if n < 0 {
			log.Fatal("negative") // want `\(no automatic fix: returning here would skip mu.Unlock\(\) below, which the exit did not need\)`
		}
	})
	mu.Unlock()
	return nil
}

// Cache shadows its receiver in the literal: s.loadErr there would be
// the inner s.
type Cache struct {
	load sync.Once
	n    int
}

// Fill already returns an error.
func (s *Cache) Fill(v int) error { // want Fill:"mayExit"
	s.load.Do(func() {
		s := v
		if s < 0 {
			log.Fatal("negative") // want `\(no automatic fix: keep the error of the once's function in a variable next to the sync.Once and return it after Do \(the literal declares its own s\)\)`
		}
	})
	s.n = v
	return nil
}
