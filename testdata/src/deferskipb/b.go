// Package deferskipb ends the process on a bad input, two packages below
// the main that defers.
package deferskipb

import "k8s.io/klog/v2"

// Load ends the process when name is empty.
func Load(name string) string { // want Load:"mayExit"
	if name == "" {
		klog.Fatalf("load: empty name") // want `klog\.Fatalf ends the process, reached from exported deferskipb\.Load -> klog\.Fatalf`
	}
	return name
}
