package fixdotpair

import . "k8s.io/klog/v2"

// Host and Port are the only users of the dot import: each fix alone
// keeps it, the two together leave it unused, and drivers keep unused
// dot imports. They are merged into one fix that deletes it.
func Host(s string) (string, error) { // want Host:"mayExit"
	if s == "" {
		Fatal("no host") // want `klog.Fatal ends the process`
	}
	return s, nil
}

func Port(s string) (string, error) { // want Port:"mayExit"
	if s == "" {
		Fatal("no port") // want `klog.Fatal ends the process`
	}
	return s, nil
}
