package cfg

import "k8s.io/klog/v2"

// MustPort is exported inside internal/: package fixinternal/server calls
// it, so a per-package fix must not change its signature.
func MustPort(s string) int { // want MustPort:"mayExit"
	if s == "" {
		klog.Fatal("no port") // want `klog.Fatal ends the process, reached from exported cfg.MustPort -> klog.Fatal; .*\(no automatic fix: the error would change the signature of exported cfg.MustPort, which other packages may call\)`
	}
	return len(s)
}

// Host's helper is unexported: only this package can call it.
func Host() (string, error) { // want Host:"mayExit"
	return host("localhost"), nil
}

func host(s string) string {
	if s == "" {
		klog.Fatal("no host") // want `klog.Fatal ends the process`
	}
	return s
}
