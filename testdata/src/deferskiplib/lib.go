// Package deferskiplib is library code: a defer-skip finding comes with
// the usual one where an entry reaches the exit.
package deferskiplib

import (
	"os"

	"k8s.io/klog/v2"
)

// Save is an entry point.
func Save(path string, data []byte) error { // want Save:"mayExit"
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer os.Remove(path + ".lock")
	if _, err := f.Write(data); err != nil {
		klog.Fatalf("write %s: %v", path, err) // want `klog\.Fatalf ends the process, reached from exported deferskiplib\.Save` `^klog\.Fatalf skips the deferred os\.Remove \(lib\.go:17\): the process ends before it runs; return the error instead$`
	}
	return nil
}

// save is reached from no entry point: only the defer is reported, and
// of its two defers only the one the exit loses: the kernel closes f.
func save(path string) {
	f, _ := os.Create(path)
	defer os.Remove(path)
	defer f.Close()
	klog.Fatal("no") // want `^klog\.Fatal skips the deferred os\.Remove \(lib\.go:28\): the process ends before it runs`
}
