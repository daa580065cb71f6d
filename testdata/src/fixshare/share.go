package fixshare

import (
	"strconv"

	"k8s.io/klog/v2"
)

// Load reaches two exits whose fixes share "return parse(s)": parse's
// fix restates it, load's own fix would add ", nil" to it. They become
// one fix, which both diagnostics offer.
func Load(s string) (int, error) { // want Load:"mayExit"
	return load(s), nil
}

func load(s string) int {
	if s == "" {
		klog.Fatal("empty input") // want `klog.Fatal ends the process`
	}
	return parse(s)
}

func parse(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		klog.Fatalf("parse %q: %v", s, err) // want `klog.Fatalf ends the process`
	}
	return n
}
