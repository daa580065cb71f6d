// Package failhook is a fail handler for the -fail-handler tests: it
// records the errors it is given, for the semantic tests to check.
package failhook

import "sync"

var (
	mu   sync.Mutex
	errs []error
)

// Fail records err.
func Fail(err error) {
	mu.Lock()
	defer mu.Unlock()
	errs = append(errs, err)
}

// Errors returns the errors recorded since the last call, and forgets them.
func Errors() []error {
	mu.Lock()
	defer mu.Unlock()
	out := errs
	errs = nil
	return out
}

// Bad is not a func(error): -fail-handler=failhook.Bad is refused.
func Bad(msg string) { _ = msg }
