package cfg

import "k8s.io/klog/v2"

// MustPort is exported, but only inside internal/: its signature may change.
func MustPort(s string) int { // want MustPort:"mayExit"
	if s == "" {
		klog.Fatal("no port") // want `klog.Fatal ends the process`
	}
	return len(s)
}

func Port() (int, error) { // want Port:"mayExit"
	return MustPort("80"), nil
}
