package fixgolangci

import "k8s.io/klog/v2"

func port() int {
	klog.Fatal("no port") // want `klog.Fatal ends the process, reached from exported fixgolangci.Open -> fixgolangci.port -> klog.Fatal; .*\(no automatic fix under golangci-lint: the fix also edits a.go \(noexit -fix applies it\)\)`
	return 0
}

// Name's fix edits this file only: golangci-lint gets it.
func Name(s string) (string, error) { // want Name:"mayExit"
	if s == "" {
		klog.Fatal("no name") // want `klog.Fatal ends the process`
	}
	return s, nil
}
