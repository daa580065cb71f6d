// Package testkit holds test helpers shared by the edgestream packages: a
// scripted IP source and a polling wait.
package testkit

import (
	"context"
	"log/slog"
	"net/netip"
	"sync/atomic"
	"testing"
	"time"

	"github.com/noexit-lint/noexit/examples/edgestream/ipsource"
)

// Timeout is how long helpers wait before failing a test. It is generous
// on purpose, so that tests do not flake on a busy machine. Passing tests
// take much less time.
const Timeout = 5 * time.Second

// Result is one answer from a Script.
type Result struct {
	Addr netip.Addr
	Err  error
}

// Script is a fake IP source whose answers the test hands over one at a
// time. Each lookup blocks until the test calls Feed, or until the
// lookup's context is done. This makes the order of events exact.
type Script struct {
	results chan Result
	calls   atomic.Int64
}

// NewScript returns a Script with no answers queued.
func NewScript() *Script { return &Script{results: make(chan Result)} }

// Source returns the ipsource.Source for the script.
func (s *Script) Source() ipsource.Source {
	return func(ctx context.Context) (netip.Addr, error) {
		s.calls.Add(1)
		select {
		case r := <-s.results:
			return r.Addr, r.Err
		case <-ctx.Done():
			return netip.Addr{}, ctx.Err()
		}
	}
}

// Calls returns how many lookups have started.
func (s *Script) Calls() int64 { return s.calls.Load() }

// Feed hands r to the next lookup. It fails the test if no lookup takes r
// within Timeout.
func (s *Script) Feed(t testing.TB, r Result) {
	t.Helper()
	select {
	case s.results <- r:
	case <-time.After(Timeout):
		t.Fatalf("no IP lookup took result %+v within %v", r, Timeout)
	}
}

// Eventually checks cond every few milliseconds until it returns true. It
// fails the test if cond is still false after Timeout.
func Eventually(t testing.TB, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(Timeout)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %v waiting for %s", Timeout, what)
		}
		time.Sleep(2 * time.Millisecond)
	}
}

// Logger returns a logger that writes debug-level text to the test's
// output.
func Logger(t testing.TB) *slog.Logger {
	return slog.New(slog.NewTextHandler(t.Output(), &slog.HandlerOptions{Level: slog.LevelDebug}))
}
