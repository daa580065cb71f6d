// Package core is a tiny module framework shaped like KubeEdge's beehive
// (github.com/kubeedge/beehive/pkg/core): modules register at start-up and
// the framework later starts every enabled module in its own goroutine.
package core

import (
	"os"
	"os/signal"
	"syscall"

	"k8s.io/klog/v2"
)

// Module is one part of edgecore that runs on its own.
type Module interface {
	Name() string
	Group() string
	Start()
	Enable() bool
}

var (
	modules         = map[string]Module{}
	disabledModules = map[string]Module{}
)

// Register records a module. It never starts it.
func Register(m Module) {
	if m.Enable() {
		modules[m.Name()] = m
		klog.Infof("module %s registered successfully", m.Name())
		return
	}
	disabledModules[m.Name()] = m
	klog.Warningf("module %s is disabled, do not register", m.Name())
}

// StartModules starts every enabled module in its own goroutine.
func StartModules() {
	for name, m := range modules {
		go m.Start()
		klog.Infof("starting module %s", name)
	}
}

// Run starts the modules and returns when the process is asked to stop.
func Run() {
	StartModules()
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGINT, syscall.SIGTERM)
	klog.Infof("get os signal %v", <-c)
}
