// Package framework is a minimal module framework for the edgestream
// example.
//
// Registering a module only records it. The Registry calls Start only for
// enabled modules, when the caller asks it to start. So a disabled or
// broken module can never stop the process while modules are being
// registered.
package framework

import (
	"context"
	"errors"
	"fmt"
	"sync"
)

// Module is one part of the edge agent that runs on its own.
type Module interface {
	// Name identifies the module. It must be unique within a Registry.
	Name() string
	// Group is the group the module belongs to, for example "stream".
	Group() string
	// Enable reports whether the module should be started.
	Enable() bool
	// Start runs the module until ctx is done. It must return soon after
	// ctx is cancelled. It reports problems by logging them and must not
	// exit the process.
	Start(ctx context.Context)
}

// Registry holds registered modules in the order they were added. The zero
// value is an empty registry that is ready to use. It is safe to use from
// several goroutines at once.
type Registry struct {
	mu      sync.Mutex
	modules []Module
}

// NewRegistry returns an empty Registry.
func NewRegistry() *Registry { return &Registry{} }

// Register adds m to the registry. Disabled modules are added too, so they
// can be listed. Register never starts m. It returns an error if m is nil
// or if a module with the same name is already registered.
func (r *Registry) Register(m Module) error {
	if m == nil {
		return errors.New("framework: cannot register a nil module")
	}
	name := m.Name()
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, existing := range r.modules {
		if existing.Name() == name {
			return fmt.Errorf("framework: module %q is already registered", name)
		}
	}
	r.modules = append(r.modules, m)
	return nil
}

// Modules returns the registered modules in registration order.
func (r *Registry) Modules() []Module {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := make([]Module, len(r.modules))
	copy(out, r.modules)
	return out
}

// Lookup returns the module registered under name.
func (r *Registry) Lookup(name string) (Module, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, m := range r.modules {
		if m.Name() == name {
			return m, true
		}
	}
	return nil, false
}

// Running is a set of modules started by Registry.Start.
type Running struct {
	names []string
	wg    sync.WaitGroup
}

// Names returns the names of the started modules in registration order.
func (r *Running) Names() []string {
	out := make([]string, len(r.names))
	copy(out, r.names)
	return out
}

// Wait blocks until every started module's Start method has returned.
func (r *Running) Wait() { r.wg.Wait() }

// Start calls Start in a new goroutine for each enabled module, passing
// ctx, and returns right away. Disabled modules are skipped. To stop the
// modules, cancel ctx and then call Wait on the result.
func (r *Registry) Start(ctx context.Context) *Running {
	run := &Running{}
	for _, m := range r.Modules() {
		if !m.Enable() {
			continue
		}
		run.names = append(run.names, m.Name())
		run.wg.Go(func() { m.Start(ctx) })
	}
	return run
}

// StartAll starts every enabled module in its own goroutine. It then
// blocks until ctx is done and every started module has returned. It
// returns the names of the modules it started.
func (r *Registry) StartAll(ctx context.Context) []string {
	run := r.Start(ctx)
	<-ctx.Done()
	run.Wait()
	return run.Names()
}
