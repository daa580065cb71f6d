package fixconstrained

import "k8s.io/klog/v2"

// Start reaches port, which port_windows.go also calls: changing port's
// signature would break the windows build.
func Start() (int, error) { // want Start:"mayExit"
	return port("80"), nil
}

func port(s string) int {
	if s == "" {
		klog.Fatal("no port") // want `klog.Fatal ends the process, reached from exported fixconstrained.Start -> fixconstrained.port -> klog.Fatal; .*\(no automatic fix: fixconstrained.port is also used in port_windows.go, which this build excludes\)`
	}
	return len(s)
}

// Host reaches host, which host_other.go (//go:build !linux) declares
// for darwin: the linux version cannot change alone.
func Host() (string, error) { // want Host:"mayExit"
	return host(), nil
}

// Name reaches name, which no excluded file mentions: fixed.
func Name() (string, error) { // want Name:"mayExit"
	return name(""), nil
}

func name(s string) string {
	if s == "" {
		klog.Fatal("no name") // want `klog.Fatal ends the process`
	}
	return s
}
