package fixshare

import (
	"os"

	"k8s.io/klog/v2"
)

// Name and Dir are the file's only users of klog, and each fix adds a
// different import at the same place: the fixes are merged into one,
// which also deletes the klog import that neither deletes alone.
func Name(s string) (string, error) { // want Name:"mayExit"
	if s == "" {
		klog.Fatal("no name") // want `klog.Fatal ends the process`
	}
	return s, nil
}

func Dir(s string) (string, error) { // want Dir:"mayExit"
	fi, err := os.Stat(s)
	if err != nil {
		klog.Fatalf("stat %s: %v", s, err) // want `klog.Fatalf ends the process`
	}
	return fi.Name(), nil
}
