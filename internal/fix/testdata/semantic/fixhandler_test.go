package fixhandler

import (
	"errors"
	"testing"
	"time"

	"failhook"

	"go.uber.org/goleak"
)

// one returns the single error the handler got, failing otherwise.
func one(t *testing.T) error {
	t.Helper()
	errs := failhook.Errors()
	if len(errs) != 1 {
		t.Fatalf("the handler got %d errors (%v), want 1", len(errs), errs)
	}
	return errs[0]
}

// Start calls the handler once with the cause wrapped, and returns
// without going on.
func TestStart(t *testing.T) {
	failhook.Errors()
	m := &mod{}
	m.Start()
	if err := one(t); !errors.Is(err, errCheck) || err.Error() != "start mod: check failed" {
		t.Fatalf("handler got %v, want start mod: check failed, wrapping errCheck", err)
	}
	if m.started {
		t.Fatal("Start went on after calling the handler")
	}
	m = &mod{addr: "x"}
	m.Start()
	if errs := failhook.Errors(); len(errs) != 0 || !m.started {
		t.Fatalf("Start on a good address: handler got %v, started %v", errs, m.started)
	}
}

// The goroutine Watch starts calls the handler once and ends.
func TestWatch(t *testing.T) {
	defer goleak.VerifyNone(t)
	failhook.Errors()
	ch := make(chan error)
	(&mod{}).Watch(ch)
	ch <- errCheck
	var errs []error
	for i := 0; i < 100 && len(errs) == 0; i++ {
		time.Sleep(10 * time.Millisecond)
		errs = failhook.Errors()
	}
	if len(errs) != 1 || !errors.Is(errs[0], errCheck) {
		t.Fatalf("handler got %v, want errCheck once", errs)
	}
}

// String calls the handler and returns the zero string.
func TestString(t *testing.T) {
	failhook.Errors()
	if s := name("").String(); s != "" {
		t.Fatalf("String = %q, want empty", s)
	}
	if err := one(t); err.Error() != "empty name" {
		t.Fatalf("handler got %v, want empty name", err)
	}
	if s := name("a").String(); s != "a" {
		t.Fatalf("String = %q, want a", s)
	}
}

// loop, started by Run, calls the handler once with the cause wrapped
// and ends.
func TestRun(t *testing.T) {
	defer goleak.VerifyNone(t)
	failhook.Errors()
	ch := make(chan error, 1)
	done := Run(ch)
	ch <- errCheck
	<-done
	if err := one(t); !errors.Is(err, errCheck) || err.Error() != "loop: check failed" {
		t.Fatalf("handler got %v, want loop: check failed, wrapping errCheck", err)
	}
}

// Defrag hands its helper's error to the handler, once, and stops there.
func TestDefrag(t *testing.T) {
	failhook.Errors()
	d := &db{n: -1}
	d.Defrag()
	if err := one(t); err.Error() != "defrag: negative size -1" {
		t.Fatalf("handler got %v, want defrag: negative size -1", err)
	}
	if d.n != -1 {
		t.Fatal("Defrag went on after calling the handler")
	}
	d = &db{n: 1}
	d.Defrag()
	if errs := failhook.Errors(); len(errs) != 0 || d.n != 2 {
		t.Fatalf("Defrag of a good db: handler got %v, n = %d", errs, d.n)
	}
}
