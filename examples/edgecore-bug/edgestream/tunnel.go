package edgestream

import (
	"bufio"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"os"
	"time"

	"k8s.io/klog/v2"
)

// connect dials the cloud stream server over TLS, sends the session key
// (the node name) and reads until the session ends. It always returns a
// non-nil error.
func (e *edgeStream) connect() error {
	tlsConfig, err := e.tlsConfig()
	if err != nil {
		return err
	}
	timeout := time.Duration(e.config.HandshakeTimeout) * time.Second
	dialer := &tls.Dialer{NetDialer: &net.Dialer{Timeout: timeout}, Config: tlsConfig}
	conn, err := dialer.Dial("tcp", e.config.TunnelServer)
	if err != nil {
		return fmt.Errorf("dial %s: %w", e.config.TunnelServer, err)
	}
	defer conn.Close()

	// The cloud looks the session up by node name.
	hello := url.Values{"node": {e.hostnameOverride}}.Encode()
	if _, err := io.WriteString(conn, hello+"\n"); err != nil {
		return fmt.Errorf("send session key: %w", err)
	}
	e.metrics.sessions.Add(1)
	klog.Infof("stream tunnel to %s connected as %q", e.config.TunnelServer, e.hostnameOverride)

	sc := bufio.NewScanner(conn)
	for sc.Scan() {
		klog.V(4).Infof("stream message: %s", sc.Text())
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read: %w", err)
	}
	return errors.New("session closed by cloud")
}

// tlsConfig loads the tunnel's client certificate and the cloud's CA. It
// runs before every dial, since the certificates may appear later.
func (e *edgeStream) tlsConfig() (*tls.Config, error) {
	cert, err := tls.LoadX509KeyPair(e.config.TLSTunnelCertFile, e.config.TLSTunnelPrivateKeyFile)
	if err != nil {
		return nil, fmt.Errorf("load tunnel certificate: %w", err)
	}
	ca, err := os.ReadFile(e.config.TLSTunnelCAFile)
	if err != nil {
		return nil, fmt.Errorf("read tunnel CA: %w", err)
	}
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(ca) {
		return nil, fmt.Errorf("no certificates in %s", e.config.TLSTunnelCAFile)
	}
	return &tls.Config{Certificates: []tls.Certificate{cert}, RootCAs: pool, MinVersion: tls.VersionTLS12}, nil
}
