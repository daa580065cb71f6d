package ipsource_test

import (
	"context"
	"errors"
	"net/netip"
	"sync"
	"testing"
	"time"

	"github.com/noexit-lint/noexit/examples/edgestream/internal/testkit"
	"github.com/noexit-lint/noexit/examples/edgestream/ipsource"
)

func fastOptions(t *testing.T) ipsource.Options {
	return ipsource.Options{
		MinBackoff: time.Millisecond,
		MaxBackoff: 4 * time.Millisecond,
		Refresh:    time.Millisecond,
		Logger:     testkit.Logger(t),
	}
}

// runProvider runs p in the background and stops it when the test ends.
func runProvider(t *testing.T, p *ipsource.Provider) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- p.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if !errors.Is(err, context.Canceled) {
				t.Errorf("Run() = %v; want context.Canceled", err)
			}
		case <-time.After(testkit.Timeout):
			t.Errorf("Run did not return after cancel")
		}
	})
}

func TestProviderKeepsLastGoodAddress(t *testing.T) {
	script := testkit.NewScript()
	p := ipsource.NewProvider(script.Source(), fastOptions(t))
	if _, ok := p.Addr(); ok || p.State() != ipsource.Degraded {
		t.Fatalf("new provider: Addr ok=%v State=%v; want degraded", ok, p.State())
	}
	changed := p.Changed()
	runProvider(t, p)

	errDown := errors.New("network is down")
	script.Feed(t, testkit.Result{Err: errDown})
	testkit.Eventually(t, "first failure to be recorded", func() bool { return p.Status().Failures == 1 })
	if st := p.Status(); st.State != ipsource.Degraded || !errors.Is(st.LastErr, errDown) {
		t.Fatalf("after failure: %+v; want degraded with LastErr", st)
	}
	select {
	case <-changed:
		t.Fatal("Changed fired on a failure while still degraded")
	default:
	}

	want := netip.MustParseAddr("192.0.2.10")
	script.Feed(t, testkit.Result{Addr: want})
	select {
	case <-changed:
	case <-time.After(testkit.Timeout):
		t.Fatal("Changed did not fire when an address was found")
	}
	if got, ok := p.Addr(); !ok || got != want {
		t.Fatalf("Addr() = %v, %v; want %v, true", got, ok, want)
	}

	script.Feed(t, testkit.Result{Err: errDown})
	testkit.Eventually(t, "second failure to be recorded", func() bool { return p.Status().Failures == 2 })
	st := p.Status()
	if st.State != ipsource.Ready || st.Addr != want || st.Successes != 1 || !errors.Is(st.LastErr, errDown) {
		t.Fatalf("after failing again: %+v; want ready with cached %v", st, want)
	}
}

func TestProviderIgnoresInvalidAddress(t *testing.T) {
	script := testkit.NewScript()
	p := ipsource.NewProvider(script.Source(), fastOptions(t))
	runProvider(t, p)
	script.Feed(t, testkit.Result{}) // no address and no error
	testkit.Eventually(t, "invalid result to count as a failure", func() bool { return p.Status().Failures == 1 })
	if p.State() != ipsource.Degraded {
		t.Fatalf("State() = %v; want degraded", p.State())
	}
}

func TestProviderWaitReady(t *testing.T) {
	want := netip.MustParseAddr("2001:db8::1")
	p := ipsource.NewProvider(ipsource.Static(want), fastOptions(t))

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := p.WaitReady(ctx); !errors.Is(err, context.Canceled) {
		t.Fatalf("WaitReady(cancelled) error = %v; want context.Canceled", err)
	}

	var wg sync.WaitGroup
	var got netip.Addr
	var err error
	wg.Go(func() {
		ctx, cancel := context.WithTimeout(context.Background(), testkit.Timeout)
		defer cancel()
		got, err = p.WaitReady(ctx)
	})
	runProvider(t, p)
	wg.Wait()
	if err != nil || got != want {
		t.Fatalf("WaitReady() = %v, %v; want %v", got, err, want)
	}
}

func TestProviderRunTwiceAndStop(t *testing.T) {
	script := testkit.NewScript()
	p := ipsource.NewProvider(script.Source(), fastOptions(t))
	runProvider(t, p)
	testkit.Eventually(t, "first lookup to start", func() bool { return script.Calls() >= 1 })
	if err := p.Run(context.Background()); !errors.Is(err, ipsource.ErrRunning) {
		t.Fatalf("second Run() = %v; want ErrRunning", err)
	}
	// The cleanup from runProvider checks that Run returns on cancel while
	// a lookup is blocked.
}

func TestStateString(t *testing.T) {
	for s, want := range map[ipsource.State]string{ipsource.Degraded: "degraded", ipsource.Ready: "ready", 7: "unknown"} {
		if got := s.String(); got != want {
			t.Errorf("State(%d).String() = %q; want %q", s, got, want)
		}
	}
}

func TestProviderReportsAddressChange(t *testing.T) {
	script := testkit.NewScript()
	p := ipsource.NewProvider(script.Source(), fastOptions(t))
	runProvider(t, p)

	first, second := netip.MustParseAddr("192.0.2.1"), netip.MustParseAddr("192.0.2.2")
	changed := p.Changed()
	script.Feed(t, testkit.Result{Addr: first})
	waitClosed(t, changed)

	changed = p.Changed()
	script.Feed(t, testkit.Result{Addr: first}) // same address: no change
	script.Feed(t, testkit.Result{Addr: second})
	waitClosed(t, changed)
	if got, ok := p.Addr(); !ok || got != second {
		t.Fatalf("Addr() = %v, %v; want %v", got, ok, second)
	}
	if st := p.Status(); st.Successes < 2 {
		t.Fatalf("Successes = %d; want at least 2", st.Successes)
	}
}

// waitClosed fails the test if ch is not closed within testkit.Timeout.
func waitClosed(t *testing.T, ch <-chan struct{}) {
	t.Helper()
	select {
	case <-ch:
	case <-time.After(testkit.Timeout):
		t.Fatal("change notification did not fire")
	}
}
