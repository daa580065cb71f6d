package fixdot

import . "k8s.io/klog/v2"

// Open still logs through the dot import after the fix: it stays.
func Open(name string) (int, error) { // want Open:"mayExit"
	Infof("open %s", name)
	if name == "" {
		Fatal("no name") // want `klog.Fatal ends the process`
	}
	return len(name), nil
}
