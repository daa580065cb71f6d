package fixcleanup

import (
	"runtime"
	"testing"
	"time"
)

// The one fixed function unlocks on the error path (its unlock is
// deferred); no goroutine is left behind.
func TestCleanup(t *testing.T) {
	before := runtime.NumGoroutine()
	if err := Deferred(-1); err == nil || err.Error() != "negative -1" {
		t.Fatalf("Deferred(-1) = %v, want the error", err)
	}
	if !mu.TryLock() {
		t.Fatal("the error path left the mutex locked")
	}
	mu.Unlock()
	if err := Deferred(1); err != nil {
		t.Fatalf("Deferred(1) = %v", err)
	}
	noLeak(t, before)
}

// noLeak waits a little for goroutines to end, then compares counts.
func noLeak(t *testing.T, before int) {
	t.Helper()
	for i := 0; i < 50 && runtime.NumGoroutine() > before; i++ {
		time.Sleep(10 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		buf := make([]byte, 1<<16)
		t.Errorf("%d goroutines left behind:\n%s", n-before, buf[:runtime.Stack(buf, true)])
	}
}
