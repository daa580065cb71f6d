package fixgenerated

import "k8s.io/klog/v2"

// Start reaches port, which a generated file also calls: the fix would
// change port's signature in a file that drivers never edit.
func Start() (int, error) { // want Start:"mayExit"
	return port("80"), nil
}

func port(s string) int {
	if s == "" {
		klog.Fatal("no port") // want `klog.Fatal ends the process, reached from exported fixgenerated.Start -> fixgenerated.port -> klog.Fatal; .*\(no automatic fix: fixgenerated.port is called from generated file zz_generated.go\)`
	}
	return len(s)
}

// Name's exit needs no signature change: its fix stays.
func Name(s string) (string, error) { // want Name:"mayExit"
	if s == "" {
		klog.Fatal("no name") // want `klog.Fatal ends the process`
	}
	return s, nil
}
