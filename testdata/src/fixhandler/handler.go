// want package:`lifecycle\(github.com/kubeedge/beehive/pkg/core.Module\)`

// Package fixhandler has exits where no error can be returned: a
// lifecycle method, an interface implementation with a result, a
// goroutine nothing waits for and a function only started with go. With
// -fail-handler=failhook.Fail each calls the handler and returns; the
// package does not import failhook yet.
package fixhandler

import (
	"errors"
	"fmt"
	"log"
	"os"

	"github.com/kubeedge/beehive/pkg/core"
	"k8s.io/klog/v2"
)

var errCheck = errors.New("check failed")

func check(addr string) error {
	if addr == "" {
		return errCheck
	}
	return nil
}

type mod struct {
	addr    string
	started bool
}

// Register hands the module to the framework, which calls its methods.
func Register(addr string) {
	core.Register(&mod{addr: addr})
}

func (m *mod) Name() string  { return "mod" }
func (m *mod) Group() string { return "group" }

// Enable exits with status 0: that refusal stays.
func (m *mod) Enable() bool { // want Enable:"mayExit"
	if m.addr == "-" {
		os.Exit(0) // want `\(no automatic fix: exit status 0 ends the process successfully\)`
	}
	return true
}

// Start is a core.Module method: it cannot return an error.
func (m *mod) Start() { // want Start:"mayExit"
	if err := check(m.addr); err != nil {
		klog.Fatalf("start %s: %v", m.Name(), err) // want `klog.Fatalf ends the process`
	}
	m.started = true
}

// Watch reports the errors of ch from a goroutine nothing waits for.
func (m *mod) Watch(ch <-chan error) { // want Watch:"mayExit"
	go func() {
		for err := range ch {
			if err != nil {
				klog.Fatal(err) // want `klog.Fatal ends the process`
			}
		}
	}()
}

type name string

// String implements fmt.Stringer, whose result stays.
func (n name) String() string { // want String:"mayExit"
	if n == "" {
		klog.Error("empty name")
		os.Exit(1) // want `os.Exit ends the process`
	}
	return string(n)
}

// Show returns a name as a fmt.Stringer.
func Show(n string) fmt.Stringer {
	return name(n)
}

// loop is only ever started with go.
func loop(ch <-chan error, done chan<- struct{}) {
	defer close(done)
	for err := range ch {
		if err != nil {
			log.Fatalf("loop: %v", err) // want `log.Fatalf ends the process`
		}
	}
}

// Run starts loop.
func Run(ch <-chan error) <-chan struct{} { // want Run:"mayExit"
	done := make(chan struct{})
	go loop(ch, done)
	return done
}

type store interface{ Defrag() }

type db struct{ n int }

// NewStore returns a db as a store: its methods are entry points.
func NewStore(n int) store { return &db{n: n} }

// Defrag implements store; its helper gains an error result, and Defrag
// hands the error to the handler.
func (d *db) Defrag() { // want Defrag:"mayExit"
	d.defrag()
	d.n++
}

func (d *db) defrag() {
	if d.n < 0 {
		klog.Fatalf("defrag: negative size %d", d.n) // want `klog.Fatalf ends the process`
	}
}

type logger interface {
	Fatalf(format string, args ...any)
}

type stdLogger struct{}

// NewLogger returns a logger whose Fatalf must not return: no handler.
func NewLogger() logger { return stdLogger{} }

func (stdLogger) Fatalf(format string, args ...any) { // want Fatalf:"mayExit"
	log.Fatalf(format, args...) // want `\(no automatic fix: the error would change the signature of exported \(fixhandler.stdLogger\).Fatalf\)`
}
