// Package invokeb wraps invokea.Run: the fact travels through wrappers.
package invokeb

import "invokea"

// Retry invokes f through invokea.Run, in a goroutine it starts.
func Retry(f func() error) { // want Retry:`invokes\(0\)`
	go func() { _ = invokea.Run(f) }()
}

// Later hands f to invokea.Keep, which stores it.
func Later(f func() error) { invokea.Keep(f) }
