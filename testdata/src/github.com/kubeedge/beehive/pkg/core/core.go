// Package core is a test stub for analysistest that mirrors the module
// framework of github.com/kubeedge/beehive/pkg/core (as vendored in kubeedge,
// staging/src/github.com/kubeedge/beehive). It is not the real package.
//
// Modules implement Module and are registered with Register; StartModules
// runs every enabled module's Start method in its own goroutine. Nothing in
// this package exits the process.
//
// Module has the method set of beehive from kubeedge v1.2 onwards. Newer
// beehive versions add RestartPolicy() *ModuleRestartPolicy to Module; the
// stub omits it from the interface so that modules written against either
// shape satisfy it, but it provides the ModuleRestartPolicy type.
package core

import (
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"
)

// Module interface.
type Module interface {
	Name() string
	Group() string
	Start()
	Enable() bool
}

// RestartType is the restart type of a module.
type RestartType string

// Restart types.
const (
	RestartTypeAlways    RestartType = "Always"
	RestartTypeOnFailure RestartType = "OnFailure"
)

// ModuleRestartPolicy is the restart policy of a module (newer beehive only).
type ModuleRestartPolicy struct {
	RestartType            RestartType
	Retries                int32
	IntervalSecond         int32
	IntervalTimeGrowthRate float64
	RestartIntervalLimit   time.Duration
	ErrorHandler           func(err error)
}

var (
	// Modules map.
	modules         = make(map[string]Module)
	disabledModules = make(map[string]Module)
)

// Register registers a module. Newer beehive versions accept an optional
// context type ("channel" or "unixsocket") as opts[0]; the stub ignores it.
func Register(m Module, opts ...string) {
	_ = opts
	if m.Enable() {
		modules[m.Name()] = m
		fmt.Fprintf(os.Stderr, "Module %s registered successfully\n", m.Name())
	} else {
		disabledModules[m.Name()] = m
		fmt.Fprintf(os.Stderr, "Module %s is disabled, do not register\n", m.Name())
	}
}

// GetModules gets modules map.
func GetModules() map[string]Module {
	return modules
}

// StartModules starts modules that are registered.
func StartModules() {
	for name, module := range GetModules() {
		go module.Start()
		fmt.Fprintf(os.Stderr, "starting module %s\n", name)
	}
}

// GracefulShutdown waits for a termination signal and then returns.
func GracefulShutdown() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGINT, syscall.SIGHUP, syscall.SIGTERM,
		syscall.SIGQUIT, syscall.SIGILL, syscall.SIGTRAP, syscall.SIGABRT)
	s := <-c
	fmt.Fprintf(os.Stderr, "Get os signal %v\n", s.String())
}

// Run starts the modules and in the end does module cleanup.
func Run() {
	StartModules()
	GracefulShutdown()
}
