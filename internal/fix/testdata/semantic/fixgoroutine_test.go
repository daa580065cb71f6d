package fixgoroutine

import (
	"errors"
	"strings"
	"testing"

	"go.uber.org/goleak"
)

// Load returns the error of the goroutine that failed first, after every
// goroutine has ended, and nil when none failed.
func TestLoadFirstError(t *testing.T) {
	defer goleak.VerifyNone(t)
	err := Load([]string{"slow1", "a", "", "slow2", "b"})
	if err == nil || !errors.Is(err, errBad) || err.Error() != `load "": bad` {
		t.Fatalf(`Load = %v, want load "": bad, wrapping errBad`, err)
	}
	err = Load([]string{"slow1", "slow2", "slow3"})
	if err == nil || !strings.HasPrefix(err.Error(), `load "slow`) {
		t.Fatalf("Load(slow...) = %v, want one of the slow errors", err)
	}
	if err := Load([]string{"a", "b"}); err != nil {
		t.Fatalf("Load(a, b) = %v, want nil", err)
	}
}

// Count returns the zero count with the error, the count without.
func TestCount(t *testing.T) {
	defer goleak.VerifyNone(t)
	if n, err := Count([]string{"x", "", "y"}); n != 0 || err == nil || err.Error() != "empty path" {
		t.Fatalf("Count = %d, %v, want 0, empty path", n, err)
	}
	if n, err := Count([]string{"x", "y"}); n != 2 || err != nil {
		t.Fatalf("Count = %d, %v, want 2, nil", n, err)
	}
}

// warm gained an error result; Warm passes it on.
func TestWarm(t *testing.T) {
	defer goleak.VerifyNone(t)
	err := Warm()
	if err == nil || !errors.Is(err, errBad) || !strings.HasPrefix(err.Error(), "warm ") {
		t.Fatalf("Warm = %v, want warm N: bad, wrapping errBad", err)
	}
}
