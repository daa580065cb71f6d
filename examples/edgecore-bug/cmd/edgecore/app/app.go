// Package app is edgecore's start-up code: it registers the modules and
// runs the framework.
package app

import (
	"k8s.io/klog/v2"

	"example.com/edgecore-bug/beehive/core"
	"example.com/edgecore-bug/config/v1alpha1"
	"example.com/edgecore-bug/edgestream"
)

// Run registers the stream module and runs the framework.
func Run(cfg *v1alpha1.EdgeStream, hostname, nodeIP string) {
	klog.Infof("registering modules for %s", hostname)
	edgestream.Register(cfg, hostname, nodeIP)
	core.Run()
}
