// Package deferskipall holds exits that skip only cleanup the end of the
// process does too. By default none is reported; with -defer-skip-all
// each is, as go-critic's exitAfterDefer reports them.
package deferskipall

import (
	"context"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// closes opens a file and exits: the kernel closes it, and an *os.File
// buffers nothing.
func closes(path string) {
	f, err := os.Create(path)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteString("x"); err != nil {
		log.Fatal(err) // want `^log\.Fatal skips the deferred f\.Close \(all\.go:26\): the process ends before it runs`
	}
}

// cancels defers a context's cancel and a signal.Stop.
func cancels() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt)
	defer signal.Stop(sig)
	<-ctx.Done()
	os.Exit(1) // want `^os\.Exit skips the deferred cancel \(all\.go:35\) and 1 more`
}

type server struct {
	mu     sync.Mutex
	cancel context.CancelCauseFunc
	active prometheus.Gauge
}

// serve defers an unlock, a cancel held in a field, a ticker's Stop and a
// metric update.
func (s *server) serve(conn *net.TCPConn, l *net.TCPListener) {
	s.mu.Lock()
	defer s.mu.Unlock()
	defer s.cancel(nil)
	t := time.NewTicker(time.Second)
	defer t.Stop()
	s.active.Inc()
	defer s.active.Dec()
	defer conn.Close()
	defer l.Close()
	<-t.C
	log.Fatal("stop") // want `^log\.Fatal skips the deferred s\.mu\.Unlock \(all\.go:53\) and 5 more`
}

// fetch closes a response body.
func fetch(url string) {
	resp, err := http.Get(url)
	if err != nil {
		log.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		log.Fatalf("%s: %s", url, resp.Status) // want `^log\.Fatalf skips the deferred resp\.Body\.Close \(all\.go:71\)`
	}
}

// environ sets the environment for its own run.
func environ(dir string) {
	os.Setenv("MODE", "x")
	defer os.Unsetenv("MODE")
	old, _ := os.Getwd()
	os.Chdir(dir)
	defer os.Chdir(old)
	defer func() {
		if err := os.Chdir(old); err != nil {
			log.Printf("chdir: %v", err)
		}
	}()
	log.Fatal("no") // want `^log\.Fatal skips the deferred os\.Unsetenv \(all\.go:80\) and 2 more`
}
