package fixinvoked

import (
	"errors"
	"testing"
)

// A failed once.Do fails every later call with the same error: the
// second call must not return nil.
func TestOnceFailsAgain(t *testing.T) {
	first := Setup(&Config{})
	if first == nil || first.Error() != "addr must be set" {
		t.Fatalf("first Setup: %v, want addr must be set", first)
	}
	second := Setup(&Config{Addr: "localhost"})
	if !errors.Is(second, first) {
		t.Fatalf("second Setup: %v, want the first error %v", second, first)
	}
}

func TestOnceFieldFailsAgain(t *testing.T) {
	s := &Server{}
	first := s.Start()
	if first == nil {
		t.Fatal("first Start: nil error")
	}
	s.addr = "localhost:80"
	if second := s.Start(); !errors.Is(second, first) {
		t.Fatalf("second Start: %v, want %v", second, first)
	}
	ok := &Server{addr: "localhost:80"}
	if err := ok.Start(); err != nil {
		t.Fatalf("Start with an address: %v", err)
	}
}

func TestOnceEndsFunction(t *testing.T) {
	if n, err := Load(nil); err == nil || n != 0 {
		t.Fatalf("Load(nil) = %d, %v, want an error", n, err)
	}
	if n, err := Load([]string{"a"}); err == nil || n != 0 {
		t.Fatalf("second Load = %d, %v, want the first error", n, err)
	}
}

// The less function stops at the first bad port and the error carries
// the cause.
func TestSortStopsAtFirstError(t *testing.T) {
	specs := []string{"80", "x", "y", "22"}
	err := SortPorts(specs)
	var numErr interface{ Unwrap() error }
	if err == nil || !errors.As(err, &numErr) {
		t.Fatalf("SortPorts: %v, want a wrapped strconv error", err)
	}
	if err := SortPorts([]string{"80", "22"}); err != nil {
		t.Fatalf("SortPorts of good ports: %v", err)
	}
}

func TestMapError(t *testing.T) {
	if _, err := Upper("héllo"); err == nil {
		t.Fatal("Upper of non-ASCII: nil error")
	}
	if s, err := Upper("abc"); err != nil || s != "ABC" {
		t.Fatalf("Upper(abc) = %q, %v", s, err)
	}
}

// An inferred invoker runs the literal for each item: after the first
// failure the later runs do nothing.
func TestInferredStopsAtFirstError(t *testing.T) {
	count = 0
	if err := Count(5, 2); err == nil || err.Error() != "bad item 2" {
		t.Fatalf("Count(5, 2) = %v, want bad item 2", err)
	}
	if count != 2 {
		t.Fatalf("count = %d after the failure at item 2, want 2", count)
	}
	if err := Update(-1); err == nil {
		t.Fatal("Update(-1): nil error")
	}
	if err := Update(3); err != nil || count != 3 {
		t.Fatalf("Update(3) = %v, count %d", err, count)
	}
}
