package stream_test

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/noexit-lint/noexit/examples/edgestream/framework"
	"github.com/noexit-lint/noexit/examples/edgestream/internal/testkit"
	"github.com/noexit-lint/noexit/examples/edgestream/ipsource"
	"github.com/noexit-lint/noexit/examples/edgestream/stream"
)

const node = "edge-node-1"

// testConfig returns a config with millisecond timings.
func testConfig(t *testing.T, cloudAddr string, src ipsource.Source) stream.Config {
	return stream.Config{
		Enable:        true,
		CloudAddr:     cloudAddr,
		RetryInterval: 5 * time.Millisecond,
		DialTimeout:   testkit.Timeout,
		IPSource:      src,
		IP: ipsource.Options{
			MinBackoff: time.Millisecond,
			MaxBackoff: 4 * time.Millisecond,
			Refresh:    time.Millisecond,
		},
		Logger: testkit.Logger(t),
	}
}

// TestRegisterStartsWithoutIPAndRecovers is the scenario that used to
// end the process. The IP lookup fails at first, then succeeds, then fails
// again. Registration and the tunnel never depend on it. Only the metrics
// reflect it: degraded, then ready, then still ready with the cached
// address.
func TestRegisterStartsWithoutIPAndRecovers(t *testing.T) {
	cl := startCloud(t, nil, nil)
	script := testkit.NewScript()
	reg := framework.NewRegistry()

	s, err := stream.Register(reg, testConfig(t, cl.addr(), script.Source()), node, "")
	if err != nil {
		t.Fatalf("Register() = %v", err)
	}
	if m, ok := reg.Lookup(stream.ModuleName); !ok || m != s {
		t.Fatalf("module not in registry after Register")
	}
	if n := script.Calls(); n != 0 {
		t.Fatalf("Register looked up the IP %d times; want 0", n)
	}

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan []string, 1)
	go func() { done <- reg.StartAll(ctx) }()

	// The tunnel comes up although the IP lookup has not returned yet.
	lines, hellos := cl.waitHellos(1)
	if !strings.HasPrefix(lines[0], "node="+node) {
		t.Errorf("hello line = %q; want it to start with node=%s", lines[0], node)
	}
	if hellos[0].Node != node || hellos[0].IP.IsValid() {
		t.Errorf("first hello = %+v; want node %s and no IP", hellos[0], node)
	}
	testkit.Eventually(t, "tunnel to be connected", s.Connected)
	if code, _ := scrape(t, s); code != http.StatusServiceUnavailable {
		t.Errorf("metrics before any lookup: status %d; want 503", code)
	}

	// 1. The lookup fails: still degraded, still connected.
	script.Feed(t, testkit.Result{Err: errors.New("no route to host")})
	testkit.Eventually(t, "first lookup failure", func() bool { return s.IPProvider().Status().Failures == 1 })
	code, body := scrape(t, s)
	if code != http.StatusServiceUnavailable || !strings.Contains(body, "degraded") || !strings.Contains(body, "no route to host") {
		t.Errorf("metrics while degraded: %d %q; want 503 with the reason", code, body)
	}
	if !s.Connected() {
		t.Error("tunnel dropped because of an IP lookup failure")
	}

	// 2. The lookup succeeds: the metrics recover without a restart.
	ip := netip.MustParseAddr("192.0.2.10")
	script.Feed(t, testkit.Result{Addr: ip})
	testkit.Eventually(t, "metrics to become ready", func() bool {
		code, _ := scrape(t, s)
		return code == http.StatusOK
	})
	_, body = scrape(t, s)
	wantInfo := `edgestream_node_info{node="edge-node-1",ip="192.0.2.10"} 1`
	if !strings.Contains(body, wantInfo) || !strings.Contains(body, "edgestream_tunnel_connected 1") {
		t.Errorf("metrics when ready:\n%s\nwant %s and a connected tunnel", body, wantInfo)
	}

	// 3. The lookup fails again: the cached address is kept.
	script.Feed(t, testkit.Result{Err: errors.New("interface went away")})
	testkit.Eventually(t, "second lookup failure", func() bool { return s.IPProvider().Status().Failures == 2 })
	code, body = scrape(t, s)
	if code != http.StatusOK || !strings.Contains(body, wantInfo) ||
		!strings.Contains(body, "edgestream_ip_lookup_failures_total 2") {
		t.Errorf("metrics after the lookup failed again: %d\n%s\nwant 200 with the cached address", code, body)
	}

	// The cloud drops the session. The module dials again, and the new
	// hello carries the cached IP.
	cl.dropAll()
	_, hellos = cl.waitHellos(2)
	if want := (stream.Hello{Node: node, IP: ip}); hellos[1] != want {
		t.Errorf("hello after reconnect = %+v; want %+v", hellos[1], want)
	}
	testkit.Eventually(t, "tunnel to reconnect", s.Connected)

	cancel()
	select {
	case names := <-done:
		if !slices.Equal(names, []string{stream.ModuleName}) {
			t.Errorf("StartAll() = %v; want [%s]", names, stream.ModuleName)
		}
	case <-time.After(testkit.Timeout):
		t.Fatal("StartAll did not return after cancel")
	}
	if s.Connected() {
		t.Error("still connected after Start returned")
	}
}

// probe is a module that reports when it has been started.
type probe struct{ started chan struct{} }

func (p *probe) Name() string  { return "probe" }
func (p *probe) Group() string { return "test" }
func (p *probe) Enable() bool  { return true }
func (p *probe) Start(ctx context.Context) {
	close(p.started)
	<-ctx.Done()
}

// TestRegisteredWhenDisabledButNotStarted checks that a disabled module is
// registered, and that nothing runs for it: no IP lookup, no dial.
func TestRegisteredWhenDisabledButNotStarted(t *testing.T) {
	cl := startCloud(t, nil, nil)
	var lookups atomic.Int32
	src := func(ctx context.Context) (netip.Addr, error) {
		lookups.Add(1)
		return netip.Addr{}, errors.New("no address")
	}
	cfg := testConfig(t, cl.addr(), src)
	cfg.Enable = false

	reg := framework.NewRegistry()
	s, err := stream.Register(reg, cfg, node, "")
	if err != nil {
		t.Fatalf("Register() = %v", err)
	}
	p := &probe{started: make(chan struct{})}
	if err := reg.Register(p); err != nil {
		t.Fatal(err)
	}
	if m, ok := reg.Lookup(stream.ModuleName); !ok || m != s || m.Enable() {
		t.Fatalf("Lookup(%s) = %v, %v; want the disabled module", stream.ModuleName, m, ok)
	}
	if s.Group() != stream.GroupName || s.NodeName() != node {
		t.Errorf("Group, NodeName = %q, %q", s.Group(), s.NodeName())
	}

	ctx, cancel := context.WithCancel(context.Background())
	run := reg.Start(ctx)
	if got := run.Names(); !slices.Equal(got, []string{"probe"}) {
		t.Errorf("started modules = %v; want [probe]", got)
	}
	select {
	case <-p.started:
	case <-time.After(testkit.Timeout):
		t.Fatal("probe module was not started")
	}
	cancel()
	run.Wait()

	if n := lookups.Load(); n != 0 {
		t.Errorf("disabled module looked up the IP %d times", n)
	}
	if n := cl.acceptCount(); n != 0 {
		t.Errorf("disabled module dialed the cloud %d times", n)
	}
	if code, _ := scrape(t, s); code != http.StatusServiceUnavailable {
		t.Errorf("metrics of a module that never ran: status %d; want 503", code)
	}
}

// TestTunnelRetriesUntilHeld has the cloud drop sessions until it has
// seen at least three and one of them carries the configured node IP.
func TestTunnelRetriesUntilHeld(t *testing.T) {
	want := netip.MustParseAddr("192.0.2.7")
	cl := startCloud(t, nil, func(h stream.Hello, n int) bool {
		return n >= 3 && h.IP == want
	})
	reg := framework.NewRegistry()
	s, err := stream.Register(reg, testConfig(t, cl.addr(), nil), node, " 192.0.2.7 ")
	if err != nil {
		t.Fatal(err)
	}
	startModule(t, s)

	testkit.Eventually(t, "cloud to hold a session", func() bool { return cl.heldCount() == 1 })
	testkit.Eventually(t, "tunnel to be connected", s.Connected)
	_, hellos := cl.helloList()
	if len(hellos) < 3 {
		t.Fatalf("got %d hellos; want at least 3", len(hellos))
	}
	for i, h := range hellos {
		if h.Node != node {
			t.Errorf("hello %d node = %q; want %q", i, h.Node, node)
		}
	}
	_, body := scrape(t, s)
	if strings.Contains(body, "edgestream_tunnel_failures_total 0\n") ||
		!strings.Contains(body, "edgestream_tunnel_sessions_total") {
		t.Errorf("metrics do not show the dropped sessions:\n%s", body)
	}
}

func TestTunnelTLS(t *testing.T) {
	serverTLS, clientTLS := selfSignedTLS(t)
	cl := startCloud(t, serverTLS, nil)
	cfg := testConfig(t, cl.addr(), testkit.NewScript().Source())
	cfg.TLSConfig = clientTLS

	s, err := stream.Register(framework.NewRegistry(), cfg, node, "")
	if err != nil {
		t.Fatal(err)
	}
	startModule(t, s)
	_, hellos := cl.waitHellos(1)
	if hellos[0].Node != node {
		t.Errorf("hello over TLS = %+v; want node %s", hellos[0], node)
	}
	testkit.Eventually(t, "TLS tunnel to be connected", s.Connected)
}

// TestStartStopsOnCancelWhileCloudDown dials a closed port, so every dial
// fails, and checks that Start still stops on cancel.
func TestStartStopsOnCancelWhileCloudDown(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()

	s, err := stream.Register(framework.NewRegistry(), testConfig(t, addr, nil), node, "192.0.2.8")
	if err != nil {
		t.Fatal(err)
	}
	stop := startModule(t, s)
	testkit.Eventually(t, "several failed dials", func() bool {
		code, body := scrape(t, s)
		return code == http.StatusOK && !strings.Contains(body, "edgestream_tunnel_failures_total 0\n") &&
			!strings.Contains(body, "edgestream_tunnel_failures_total 1\n")
	})

	// A second Start while running returns at once.
	second := make(chan struct{})
	go func() {
		defer close(second)
		s.Start(context.Background())
	}()
	select {
	case <-second:
	case <-time.After(testkit.Timeout):
		t.Fatal("second Start did not return")
	}

	stop()
	if s.Connected() {
		t.Error("connected to a closed port")
	}
}

func TestStartWithoutCloudAddrWaitsForCancel(t *testing.T) {
	s, err := stream.Register(framework.NewRegistry(), testConfig(t, "", nil), node, "192.0.2.9")
	if err != nil {
		t.Fatal(err)
	}
	stop := startModule(t, s)
	// The IP provider still runs, so the metrics recover.
	testkit.Eventually(t, "metrics to become ready", func() bool {
		code, _ := scrape(t, s)
		return code == http.StatusOK
	})
	stop()
}

func TestRegisterErrors(t *testing.T) {
	if _, err := stream.Register(nil, stream.Config{}, node, ""); err == nil {
		t.Error("Register(nil registry) succeeded")
	}
	reg := framework.NewRegistry()
	if _, err := stream.Register(reg, testConfig(t, "", nil), node, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := stream.Register(reg, testConfig(t, "", nil), node, ""); err == nil {
		t.Error("registering the module twice succeeded")
	}
}

func TestInvalidNodeIPFallsBackToSource(t *testing.T) {
	var lookups atomic.Int32
	want := netip.MustParseAddr("198.51.100.3")
	src := func(ctx context.Context) (netip.Addr, error) {
		lookups.Add(1)
		return want, nil
	}
	s, err := stream.Register(framework.NewRegistry(), testConfig(t, "", src), node, "not-an-ip")
	if err != nil {
		t.Fatalf("Register with an invalid node IP = %v; want success", err)
	}
	startModule(t, s)
	ctx, cancel := context.WithTimeout(context.Background(), testkit.Timeout)
	defer cancel()
	got, err := s.IPProvider().WaitReady(ctx)
	if err != nil || got != want || lookups.Load() == 0 {
		t.Fatalf("WaitReady() = %v, %v after %d lookups; want %v from the source", got, err, lookups.Load(), want)
	}
}

func TestEmptyHostnameOverrideUsesHostName(t *testing.T) {
	s, err := stream.Register(framework.NewRegistry(), testConfig(t, "", nil), "", "")
	if err != nil {
		t.Fatal(err)
	}
	if s.NodeName() != strings.ToLower(s.NodeName()) {
		t.Errorf("NodeName() = %q; want lower case", s.NodeName())
	}
}

func TestHelloRoundTrip(t *testing.T) {
	for _, h := range []stream.Hello{
		{Node: "edge-1"},
		{Node: "edge-1", IP: netip.MustParseAddr("10.0.0.7")},
		{Node: "odd name&x=y\n", IP: netip.MustParseAddr("2001:db8::7")},
	} {
		got, err := stream.ParseHello(h.String() + "\n")
		if err != nil || got != h {
			t.Errorf("ParseHello(%q) = %+v, %v; want %+v", h.String(), got, err, h)
		}
	}
	if got := (stream.Hello{Node: "edge-1"}).String(); got != "node=edge-1" {
		t.Errorf("String() = %q; want node=edge-1", got)
	}
	for _, bad := range []string{"", "ip=10.0.0.1", "node=a&ip=nope", "node=%zz"} {
		if _, err := stream.ParseHello(bad); err == nil {
			t.Errorf("ParseHello(%q) succeeded", bad)
		}
	}
}

func TestMetricsMethods(t *testing.T) {
	s, err := stream.Register(framework.NewRegistry(), testConfig(t, "", nil), node, "192.0.2.11")
	if err != nil {
		t.Fatal(err)
	}
	startModule(t, s)
	ctx, cancel := context.WithTimeout(context.Background(), testkit.Timeout)
	defer cancel()
	if _, err := s.IPProvider().WaitReady(ctx); err != nil {
		t.Fatal(err)
	}

	h := s.MetricsHandler()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/metrics", nil))
	if rec.Code != http.StatusMethodNotAllowed {
		t.Errorf("POST status = %d; want 405", rec.Code)
	}
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodHead, "/metrics", nil))
	if rec.Code != http.StatusOK || rec.Body.Len() != 0 {
		t.Errorf("HEAD = %d with %d body bytes; want 200 and no body", rec.Code, rec.Body.Len())
	}
}
