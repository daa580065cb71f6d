package a

import "example.com/m/b"

// Twice doubles b.N.
func Twice() int { return 2 * b.N() }
