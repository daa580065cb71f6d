package framework_test

import (
	"context"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/noexit-lint/noexit/examples/edgestream/framework"
	"github.com/noexit-lint/noexit/examples/edgestream/internal/testkit"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

// fakeModule blocks in Start until its context is done.
type fakeModule struct {
	name    string
	enabled bool
	started chan struct{}
	starts  atomic.Int32
	stopped atomic.Bool
}

func newFake(name string, enabled bool) *fakeModule {
	return &fakeModule{name: name, enabled: enabled, started: make(chan struct{}, 1)}
}

func (f *fakeModule) Name() string  { return f.name }
func (f *fakeModule) Group() string { return "test" }
func (f *fakeModule) Enable() bool  { return f.enabled }
func (f *fakeModule) Start(ctx context.Context) {
	f.starts.Add(1)
	f.started <- struct{}{}
	<-ctx.Done()
	f.stopped.Store(true)
}

func TestRegister(t *testing.T) {
	var reg framework.Registry // the zero value is usable
	a, b := newFake("a", true), newFake("b", false)
	for _, m := range []framework.Module{a, b} {
		if err := reg.Register(m); err != nil {
			t.Fatalf("Register(%s) = %v", m.Name(), err)
		}
	}
	if err := reg.Register(newFake("a", true)); err == nil {
		t.Error("registering a duplicate name succeeded")
	}
	if err := reg.Register(nil); err == nil {
		t.Error("registering nil succeeded")
	}
	var names []string
	for _, m := range reg.Modules() {
		names = append(names, m.Name())
	}
	if !slices.Equal(names, []string{"a", "b"}) {
		t.Errorf("Modules() names = %v; want [a b]", names)
	}
	if m, ok := reg.Lookup("b"); !ok || m != b {
		t.Errorf("Lookup(b) = %v, %v; want the disabled module", m, ok)
	}
	if _, ok := reg.Lookup("missing"); ok {
		t.Error("Lookup(missing) found a module")
	}
	if a.starts.Load() != 0 || b.starts.Load() != 0 {
		t.Error("Register started a module")
	}
}

func TestStartAllStartsOnlyEnabledModules(t *testing.T) {
	reg := framework.NewRegistry()
	a, b, c := newFake("a", true), newFake("b", false), newFake("c", true)
	for _, m := range []*fakeModule{a, b, c} {
		if err := reg.Register(m); err != nil {
			t.Fatal(err)
		}
	}

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan []string, 1)
	go func() { done <- reg.StartAll(ctx) }()

	// a and c each block in Start, so both being started shows they run
	// in separate goroutines.
	for _, m := range []*fakeModule{a, c} {
		select {
		case <-m.started:
		case <-time.After(testkit.Timeout):
			t.Fatalf("module %s was not started", m.name)
		}
	}
	select {
	case names := <-done:
		t.Fatalf("StartAll returned %v before cancel", names)
	default:
	}

	cancel()
	select {
	case names := <-done:
		if !slices.Equal(names, []string{"a", "c"}) {
			t.Errorf("StartAll() = %v; want [a c]", names)
		}
	case <-time.After(testkit.Timeout):
		t.Fatal("StartAll did not return after cancel")
	}
	if !a.stopped.Load() || !c.stopped.Load() {
		t.Error("StartAll returned before every module stopped")
	}
	if b.starts.Load() != 0 {
		t.Error("disabled module was started")
	}
}

func TestStartReturnsImmediately(t *testing.T) {
	reg := framework.NewRegistry()
	a := newFake("a", true)
	if err := reg.Register(a); err != nil {
		t.Fatal(err)
	}
	if err := reg.Register(newFake("off", false)); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	run := reg.Start(ctx)
	if got := run.Names(); !slices.Equal(got, []string{"a"}) {
		t.Errorf("Names() = %v; want [a]", got)
	}
	select {
	case <-a.started:
	case <-time.After(testkit.Timeout):
		t.Fatal("module a was not started")
	}
	cancel()
	run.Wait()
	if !a.stopped.Load() {
		t.Error("Wait returned before the module stopped")
	}
}
