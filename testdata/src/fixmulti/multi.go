package fixmulti

import (
	"os"

	"k8s.io/klog/v2"
)

// Load has two exits in a function without an error result: both fixes
// change load the same way and merge.
func Load() (int, error) { // want Load:"mayExit"
	n := load("a")
	return n, nil
}

func load(p string) int {
	if p == "" {
		klog.Fatal("empty path") // want `klog.Fatal ends the process`
	}
	data, err := os.ReadFile(p)
	if err != nil {
		klog.Fatalf("read %s: %v", p, err) // want `klog.Fatalf ends the process`
	}
	return len(data)
}

func Void() error { // want Void:"mayExit"
	check(1)
	return nil
}

// check falls off its end.
func check(n int) {
	switch n {
	case 0:
		return
	case 1:
		klog.Exitf("bad %d", n) // want `klog.Exitf ends the process`
	}
	klog.Info("checked")
}
