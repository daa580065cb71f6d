package fixdot

import (
	_ "embed"

	. "k8s.io/klog/v2"
)

// Load's dot-imported Fatalf is the file's only use of klog: the fix
// removes the dot import with it. The blank import stays.
func Load(path string) (string, error) { // want Load:"mayExit"
	if path == "" {
		Fatalf("no path %q", path) // want `klog.Fatalf ends the process`
	}
	return path, nil
}
