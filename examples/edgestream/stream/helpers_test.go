package stream_test

import (
	"bufio"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"math/big"
	"net"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/noexit-lint/noexit/examples/edgestream/internal/testkit"
	"github.com/noexit-lint/noexit/examples/edgestream/stream"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

// cloud is a fake cloud stream server. It listens on 127.0.0.1 only.
type cloud struct {
	t  *testing.T
	ln net.Listener
	// keep decides whether to hold the n-th connection (counting from 1)
	// open after its hello. A nil keep holds every connection.
	keep func(h stream.Hello, n int) bool

	wg      sync.WaitGroup
	mu      sync.Mutex
	accepts int
	lines   []string
	hellos  []stream.Hello
	conns   []net.Conn
}

// startCloud starts a fake cloud. If tlsCfg is not nil, the server uses
// TLS. The server is shut down when the test ends.
func startCloud(t *testing.T, tlsCfg *tls.Config, keep func(stream.Hello, int) bool) *cloud {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("listen: %v", err)
	}
	if tlsCfg != nil {
		ln = tls.NewListener(ln, tlsCfg)
	}
	c := &cloud{t: t, ln: ln, keep: keep}
	c.wg.Go(c.acceptLoop)
	t.Cleanup(func() {
		ln.Close()
		c.wg.Wait()
		c.dropAll()
	})
	return c
}

func (c *cloud) addr() string { return c.ln.Addr().String() }

func (c *cloud) acceptLoop() {
	for {
		conn, err := c.ln.Accept()
		if err != nil {
			return // listener closed
		}
		c.mu.Lock()
		c.accepts++
		n := c.accepts
		c.mu.Unlock()
		c.wg.Go(func() { c.handle(conn, n) })
	}
}

// handle reads the hello line, records it and then holds or drops the
// connection.
func (c *cloud) handle(conn net.Conn, n int) {
	if err := conn.SetReadDeadline(time.Now().Add(testkit.Timeout)); err != nil {
		conn.Close()
		return
	}
	line, err := bufio.NewReader(conn).ReadString('\n')
	if err != nil {
		conn.Close()
		return
	}
	h, err := stream.ParseHello(line)
	if err != nil {
		c.t.Errorf("cloud got a bad hello %q: %v", line, err)
		conn.Close()
		return
	}
	_ = conn.SetReadDeadline(time.Time{})

	c.mu.Lock()
	defer c.mu.Unlock()
	c.lines = append(c.lines, line)
	c.hellos = append(c.hellos, h)
	if c.keep != nil && !c.keep(h, n) {
		conn.Close()
		return
	}
	c.conns = append(c.conns, conn)
}

// dropAll closes every connection the server is holding.
func (c *cloud) dropAll() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, conn := range c.conns {
		conn.Close()
	}
	c.conns = nil
}

func (c *cloud) acceptCount() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.accepts
}

func (c *cloud) heldCount() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.conns)
}

func (c *cloud) helloList() ([]string, []stream.Hello) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]string(nil), c.lines...), append([]stream.Hello(nil), c.hellos...)
}

// waitHellos waits until the server has recorded at least n hellos and
// returns them.
func (c *cloud) waitHellos(n int) ([]string, []stream.Hello) {
	c.t.Helper()
	testkit.Eventually(c.t, "cloud to receive hellos", func() bool {
		_, hs := c.helloList()
		return len(hs) >= n
	})
	return c.helloList()
}

// scrape calls the module's metrics handler in memory.
func scrape(t *testing.T, s *stream.EdgeStream) (int, string) {
	t.Helper()
	rec := httptest.NewRecorder()
	s.MetricsHandler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/metrics", nil))
	return rec.Code, rec.Body.String()
}

// startModule runs s.Start in the background. The returned stop function
// cancels it and fails the test if Start does not return. stop also runs
// when the test ends.
func startModule(t *testing.T, s *stream.EdgeStream) (stop func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		s.Start(ctx)
	}()
	stop = func() {
		cancel()
		select {
		case <-done:
		case <-time.After(testkit.Timeout):
			t.Fatal("Start did not return after cancel")
		}
	}
	t.Cleanup(stop)
	return stop
}

// selfSignedTLS returns a server config with a fresh self-signed
// certificate for 127.0.0.1, and a client config that trusts it.
func selfSignedTLS(t *testing.T) (server, client *tls.Config) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(1),
		Subject:               pkix.Name{CommonName: "test cloud"},
		NotBefore:             now.Add(-time.Hour),
		NotAfter:              now.Add(time.Hour),
		IPAddresses:           []net.IP{net.IPv4(127, 0, 0, 1)},
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		BasicConstraintsValid: true,
		IsCA:                  true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	pool.AddCert(cert)
	server = &tls.Config{
		Certificates: []tls.Certificate{{Certificate: [][]byte{der}, PrivateKey: key, Leaf: cert}},
		MinVersion:   tls.VersionTLS12,
	}
	client = &tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12}
	return server, client
}
