package stream

import (
	"bufio"
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net"
	"net/netip"
	"net/url"
	"strings"
	"time"
)

// Hello is the first line the module sends after it connects. The cloud
// side uses Node as the session key. IP is extra information and may be
// missing.
type Hello struct {
	Node string
	IP   netip.Addr
}

// String encodes h as one line without the trailing newline, for example
// "node=edge-1" or "node=edge-1&ip=10.0.0.7". Values are query-escaped.
func (h Hello) String() string {
	var b strings.Builder
	b.WriteString("node=")
	b.WriteString(url.QueryEscape(h.Node))
	if h.IP.IsValid() {
		b.WriteString("&ip=")
		b.WriteString(url.QueryEscape(h.IP.String()))
	}
	return b.String()
}

// ParseHello decodes a line made by Hello.String. The trailing newline is
// optional. It returns an error if the node name is missing or the IP is
// present but cannot be parsed.
func ParseHello(line string) (Hello, error) {
	vals, err := url.ParseQuery(strings.TrimRight(line, "\r\n"))
	if err != nil {
		return Hello{}, fmt.Errorf("stream: bad hello: %w", err)
	}
	h := Hello{Node: vals.Get("node")}
	if h.Node == "" {
		return Hello{}, errors.New("stream: bad hello: missing node name")
	}
	if ip := vals.Get("ip"); ip != "" {
		if h.IP, err = netip.ParseAddr(ip); err != nil {
			return Hello{}, fmt.Errorf("stream: bad hello: %w", err)
		}
	}
	return h, nil
}

// runTunnel keeps a session open until ctx is done.
func (s *EdgeStream) runTunnel(ctx context.Context) {
	for {
		err := s.session(ctx)
		if ctx.Err() != nil {
			return
		}
		s.failures.Add(1)
		s.log.Warn("stream tunnel is down; will retry",
			"cloud", s.cfg.CloudAddr, "err", err, "retry_in", s.cfg.RetryInterval)

		t := time.NewTimer(s.cfg.RetryInterval)
		select {
		case <-ctx.Done():
			t.Stop()
			return
		case <-t.C:
		}
	}
}

// session dials the cloud, sends the hello line and reads until the
// connection ends. It always returns a non-nil error.
func (s *EdgeStream) session(ctx context.Context) error {
	conn, err := s.dial(ctx)
	if err != nil {
		return fmt.Errorf("dial %s: %w", s.cfg.CloudAddr, err)
	}
	defer conn.Close()
	// Closing the connection is what unblocks the read loop on shutdown.
	stop := context.AfterFunc(ctx, func() { conn.Close() })
	defer stop()

	hello := Hello{Node: s.nodeName}
	if addr, ok := s.ip.Addr(); ok {
		hello.IP = addr
	}
	if err := conn.SetWriteDeadline(time.Now().Add(s.cfg.DialTimeout)); err != nil {
		return fmt.Errorf("set write deadline: %w", err)
	}
	if _, err := io.WriteString(conn, hello.String()+"\n"); err != nil {
		return fmt.Errorf("send hello: %w", err)
	}
	if err := conn.SetWriteDeadline(time.Time{}); err != nil {
		return fmt.Errorf("clear write deadline: %w", err)
	}

	s.sessions.Add(1)
	s.connected.Store(true)
	defer s.connected.Store(false)
	s.log.Info("stream tunnel connected", "cloud", s.cfg.CloudAddr, "hello", hello.String())

	sc := bufio.NewScanner(conn)
	for sc.Scan() {
		s.log.Debug("message from cloud", "line", sc.Text())
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read: %w", err)
	}
	return errors.New("connection closed by cloud")
}

// dial opens a TCP connection to the cloud, with TLS if it is configured.
func (s *EdgeStream) dial(ctx context.Context) (net.Conn, error) {
	ctx, cancel := context.WithTimeout(ctx, s.cfg.DialTimeout)
	defer cancel()
	if s.cfg.TLSConfig != nil {
		d := &tls.Dialer{Config: s.cfg.TLSConfig}
		return d.DialContext(ctx, "tcp", s.cfg.CloudAddr)
	}
	var d net.Dialer
	return d.DialContext(ctx, "tcp", s.cfg.CloudAddr)
}
