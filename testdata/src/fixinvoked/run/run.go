// Package run has invokers that noexit infers: one runs its function
// before returning, the other in a goroutine.
package run

import "sync"

var mu sync.Mutex

// Locked runs f with the lock held.
func Locked(f func()) {
	mu.Lock()
	defer mu.Unlock()
	f()
}

// Later runs f in the background.
func Later(f func()) {
	go f()
}
