package ipsource

import (
	"context"
	"errors"
	"log/slog"
	"net/netip"
	"sync"
	"sync/atomic"
	"time"
)

// Default values used by Options when a field is zero.
const (
	DefaultMinBackoff = time.Second
	DefaultMaxBackoff = time.Minute
	DefaultRefresh    = 5 * time.Minute
)

// ErrRunning is returned by Provider.Run when the provider is already
// running.
var ErrRunning = errors.New("ipsource: provider is already running")

// State is the coarse health of a Provider.
type State int

const (
	// Degraded means no address has been found yet.
	Degraded State = iota
	// Ready means an address is known. It may be a cached address from an
	// earlier lookup that succeeded.
	Ready
)

// String returns "degraded" or "ready".
func (s State) String() string {
	switch s {
	case Degraded:
		return "degraded"
	case Ready:
		return "ready"
	default:
		return "unknown"
	}
}

// Options sets the retry timing of a Provider. Zero fields take their
// defaults.
type Options struct {
	// MinBackoff is the wait after the first failed lookup. Each further
	// failure in a row doubles the wait, up to MaxBackoff.
	MinBackoff time.Duration
	// MaxBackoff is the longest wait between failed lookups.
	MaxBackoff time.Duration
	// Refresh is the wait after a lookup succeeds, before the address is
	// checked again.
	Refresh time.Duration
	// Logger receives lookup failures and address changes. It defaults to
	// slog.Default().
	Logger *slog.Logger
}

func (o Options) withDefaults() Options {
	if o.MinBackoff <= 0 {
		o.MinBackoff = DefaultMinBackoff
	}
	if o.MaxBackoff <= 0 {
		o.MaxBackoff = DefaultMaxBackoff
	}
	if o.MaxBackoff < o.MinBackoff {
		o.MaxBackoff = o.MinBackoff
	}
	if o.Refresh <= 0 {
		o.Refresh = DefaultRefresh
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	return o
}

// Status is a snapshot of a Provider.
type Status struct {
	// Addr is the last address that was found. It is invalid while State
	// is Degraded.
	Addr netip.Addr
	// State is Ready once any lookup has succeeded.
	State State
	// LastErr is the error from the most recent lookup, or nil if that
	// lookup succeeded.
	LastErr error
	// Successes and Failures count finished lookups.
	Successes, Failures uint64
}

// Provider runs a Source in the background and keeps the last good
// address. The zero value is not usable; call NewProvider. All methods can
// be called from several goroutines at once.
type Provider struct {
	src     Source
	opts    Options
	running atomic.Bool

	mu      sync.Mutex
	st      Status
	changed chan struct{} // closed and replaced when Addr or State changes
}

// NewProvider returns a Provider that reads addresses from src, or from
// Host() if src is nil. It starts no goroutines and does no lookups until
// Run is called.
func NewProvider(src Source, opts Options) *Provider {
	if src == nil {
		src = Host()
	}
	return &Provider{
		src:     src,
		opts:    opts.withDefaults(),
		changed: make(chan struct{}),
	}
}

// Addr returns the current address and whether one is known.
func (p *Provider) Addr() (netip.Addr, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.st.Addr, p.st.State == Ready
}

// State returns Ready once an address is known, and Degraded before that.
func (p *Provider) State() State {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.st.State
}

// Status returns a snapshot of the provider.
func (p *Provider) Status() Status {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.st
}

// Changed returns a channel that is closed the next time the address or
// the state changes. Call it again after it fires to wait for the next
// change.
func (p *Provider) Changed() <-chan struct{} {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.changed
}

// WaitReady blocks until an address is known or ctx is done. When ctx ends
// first, it returns ctx's error.
func (p *Provider) WaitReady(ctx context.Context) (netip.Addr, error) {
	for {
		p.mu.Lock()
		addr, state, ch := p.st.Addr, p.st.State, p.changed
		p.mu.Unlock()
		if state == Ready {
			return addr, nil
		}
		select {
		case <-ch:
		case <-ctx.Done():
			return netip.Addr{}, ctx.Err()
		}
	}
}

// Run looks up the address right away and keeps looking it up until ctx
// is done. After a failed lookup it waits with bounded exponential backoff
// before trying again. After a lookup succeeds it waits Options.Refresh. A
// failed lookup never drops an address that is already known. Run returns
// ctx's error when ctx ends, or ErrRunning if another Run is active.
func (p *Provider) Run(ctx context.Context) error {
	if !p.running.CompareAndSwap(false, true) {
		return ErrRunning
	}
	defer p.running.Store(false)

	b := backoff{min: p.opts.MinBackoff, max: p.opts.MaxBackoff}
	timer := time.NewTimer(0)
	defer timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-timer.C:
		}
		addr, err := p.src(ctx)
		if ctx.Err() != nil {
			// The lookup was cut short by shutdown; do not count it.
			return ctx.Err()
		}
		if err == nil && !addr.IsValid() {
			err = errors.New("ipsource: source returned an invalid address")
		}
		var wait time.Duration
		if err != nil {
			wait = b.next()
			p.recordFailure(err, wait)
		} else {
			b.reset()
			wait = p.opts.Refresh
			p.recordSuccess(addr)
		}
		timer.Reset(wait)
	}
}

func (p *Provider) recordFailure(err error, retryIn time.Duration) {
	p.mu.Lock()
	p.st.Failures++
	p.st.LastErr = err
	cached, state := p.st.Addr, p.st.State
	p.mu.Unlock()

	if state == Ready {
		p.opts.Logger.Warn("node IP lookup failed; keeping cached address",
			"err", err, "cached", cached, "retry_in", retryIn)
		return
	}
	p.opts.Logger.Warn("node IP lookup failed; still degraded",
		"err", err, "retry_in", retryIn)
}

func (p *Provider) recordSuccess(addr netip.Addr) {
	p.mu.Lock()
	p.st.Successes++
	p.st.LastErr = nil
	old, oldState := p.st.Addr, p.st.State
	changed := old != addr || oldState != Ready
	if changed {
		p.st.Addr, p.st.State = addr, Ready
		close(p.changed)
		p.changed = make(chan struct{})
	}
	p.mu.Unlock()

	switch {
	case !changed:
	case old.IsValid():
		p.opts.Logger.Info("node IP address changed", "addr", addr, "previous", old)
	default:
		p.opts.Logger.Info("node IP address found", "addr", addr)
	}
}

// backoff produces bounded exponential delays: min, 2*min, 4*min and so
// on, never more than max.
type backoff struct {
	min, max, cur time.Duration
}

func (b *backoff) next() time.Duration {
	switch {
	case b.cur <= 0:
		b.cur = b.min
	case b.cur >= b.max/2:
		b.cur = b.max
	default:
		b.cur *= 2
	}
	return b.cur
}

func (b *backoff) reset() { b.cur = 0 }
