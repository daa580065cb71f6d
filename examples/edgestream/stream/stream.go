// Package stream is the patched edge stream module.
//
// Register builds the module and adds it to a framework.Registry. It does
// not look up an IP address, does not dial, and does not start goroutines,
// so registration succeeds even when the host has no usable address and
// even when the module is disabled. Start dials the cloud side and
// identifies the session by node name. The node IP is an optional extra:
// an ipsource.Provider finds it in the background, and until it does, only
// the metrics endpoint reports that it is degraded.
package stream

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"log/slog"
	"net/netip"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/noexit-lint/noexit/examples/edgestream/framework"
	"github.com/noexit-lint/noexit/examples/edgestream/ipsource"
)

// Module identity, as reported by Name and Group.
const (
	ModuleName = "edgestream"
	GroupName  = "stream"
)

// Defaults used when the matching Config field is zero.
const (
	DefaultRetryInterval = 2 * time.Second
	DefaultDialTimeout   = 10 * time.Second
)

// Config configures the stream module.
type Config struct {
	// Enable says whether the registry should start the module. A
	// disabled module is still registered.
	Enable bool
	// CloudAddr is the host:port of the cloud stream server.
	CloudAddr string
	// TLSConfig, if not nil, makes the tunnel use TLS. If its ServerName
	// is empty, the host part of CloudAddr is used.
	TLSConfig *tls.Config
	// RetryInterval is the wait between a failed or dropped tunnel and the
	// next dial. It defaults to DefaultRetryInterval.
	RetryInterval time.Duration
	// DialTimeout limits each dial, including the TLS handshake, and the
	// write of the hello line. It defaults to DefaultDialTimeout.
	DialTimeout time.Duration
	// IPSource looks up the node IP when Register gets an empty or
	// invalid nodeIP. Nil means ipsource.Host().
	IPSource ipsource.Source
	// IP sets the retry timing of the node IP lookup.
	IP ipsource.Options
	// Logger receives the module's logs. It defaults to slog.Default().
	Logger *slog.Logger
}

// EdgeStream is the stream module. It implements framework.Module.
type EdgeStream struct {
	cfg      Config
	nodeName string
	ip       *ipsource.Provider
	log      *slog.Logger

	running   atomic.Bool
	connected atomic.Bool
	sessions  atomic.Uint64 // tunnel sessions established
	failures  atomic.Uint64 // failed dials and dropped sessions
}

var _ framework.Module = (*EdgeStream)(nil)

// Register builds the stream module and adds it to reg, whether or not it
// is enabled. hostnameOverride is the node name. If it is empty, the host
// name is used. nodeIP is optional. If it is empty or cannot be parsed,
// the address is looked up in the background once the module starts.
//
// Register never exits the process and never fails because an IP address
// is missing. It returns an error only if reg is nil or already has a
// module with the same name.
func Register(reg *framework.Registry, cfg Config, hostnameOverride, nodeIP string) (*EdgeStream, error) {
	if reg == nil {
		return nil, errors.New("stream: nil registry")
	}
	s := newEdgeStream(cfg, hostnameOverride, nodeIP)
	if err := reg.Register(s); err != nil {
		return nil, fmt.Errorf("stream: %w", err)
	}
	return s, nil
}

// newEdgeStream builds the module. In the original code this is where the
// local IP was looked up and the process exited on error. Here the lookup
// is only set up. It runs in Start.
func newEdgeStream(cfg Config, hostnameOverride, nodeIP string) *EdgeStream {
	if cfg.RetryInterval <= 0 {
		cfg.RetryInterval = DefaultRetryInterval
	}
	if cfg.DialTimeout <= 0 {
		cfg.DialTimeout = DefaultDialTimeout
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	logger := cfg.Logger.With("module", ModuleName)
	if cfg.IP.Logger == nil {
		cfg.IP.Logger = logger
	}

	src := cfg.IPSource
	if nodeIP = strings.TrimSpace(nodeIP); nodeIP != "" {
		if addr, err := netip.ParseAddr(nodeIP); err == nil {
			src = ipsource.Static(addr.Unmap())
		} else {
			logger.Warn("ignoring invalid node IP; it will be looked up instead",
				"node_ip", nodeIP, "err", err)
		}
	}

	return &EdgeStream{
		cfg:      cfg,
		nodeName: nodeName(hostnameOverride, logger),
		ip:       ipsource.NewProvider(src, cfg.IP),
		log:      logger,
	}
}

// nodeName returns hostnameOverride, or the host name (in lower case) if
// hostnameOverride is empty. If both are empty, it logs the problem and
// returns "". Start then refuses to dial.
func nodeName(hostnameOverride string, logger *slog.Logger) string {
	if name := strings.TrimSpace(hostnameOverride); name != "" {
		return name
	}
	host, err := os.Hostname()
	if err != nil {
		logger.Error("cannot determine node name", "err", err)
		return ""
	}
	return strings.ToLower(strings.TrimSpace(host))
}

// Name returns ModuleName.
func (s *EdgeStream) Name() string { return ModuleName }

// Group returns GroupName.
func (s *EdgeStream) Group() string { return GroupName }

// Enable reports Config.Enable.
func (s *EdgeStream) Enable() bool { return s.cfg.Enable }

// NodeName returns the node name used as the session key.
func (s *EdgeStream) NodeName() string { return s.nodeName }

// IPProvider returns the provider that tracks the node IP.
func (s *EdgeStream) IPProvider() *ipsource.Provider { return s.ip }

// Connected reports whether a tunnel session is up right now.
func (s *EdgeStream) Connected() bool { return s.connected.Load() }

// Start runs the module until ctx is done. It looks up the node IP in the
// background and keeps a tunnel to the cloud open, dialing again after
// Config.RetryInterval when a dial fails or a session drops. Problems are
// logged and never end the process. A second call while the module is
// running logs an error and returns at once.
func (s *EdgeStream) Start(ctx context.Context) {
	if !s.running.CompareAndSwap(false, true) {
		s.log.Error("module is already running")
		return
	}
	defer s.running.Store(false)

	var wg sync.WaitGroup
	wg.Go(func() {
		if err := s.ip.Run(ctx); err != nil && ctx.Err() == nil {
			s.log.Error("node IP provider stopped", "err", err)
		}
	})
	defer wg.Wait()

	switch {
	case s.nodeName == "":
		s.log.Error("no node name; the stream tunnel is not started")
		return
	case s.cfg.CloudAddr == "":
		s.log.Error("no cloud address configured; the stream tunnel is not started")
		return
	}
	s.runTunnel(ctx)
}
