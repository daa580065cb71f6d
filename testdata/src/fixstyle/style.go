package fixstyle

import (
	"errors"
	"fmt"
	"log"
	"os"

	"k8s.io/klog/v2"
)

// Config is a type of this package: an error may start with its name.
type Config struct{ Name string }

var errEmpty = errors.New("empty")

// Encode: error strings start lower case and end without punctuation
// (staticcheck ST1005), unless the first word is a name.
func Encode(c Config) ([]byte, error) { // want Encode:"mayExit"
	switch c.Name {
	case "":
		log.Fatal("Marshal config error") // want `log.Fatal ends the process`
	case "http":
		log.Fatal("HTTP server failed.") // want `log.Fatal ends the process`
	case "cfg":
		log.Fatal("Config is invalid") // want `log.Fatal ends the process`
	case "x":
		klog.Fatalf("Failed to load %s!\n", c.Name) // want `klog.Fatalf ends the process`
	}
	return []byte(fmt.Sprint(c.Name)), nil
}

// Load keeps the comment between the log line and the exit above the
// new return.
func Load(path string) error { // want Load:"mayExit"
	if _, err := os.Stat(path); err != nil {
		klog.Errorf("stat %s: %v", path, err) // the reason
		// nothing works without the file
		os.Exit(1) // want `os.Exit ends the process`
	}
	return nil
}

// Stdout: a message printed to standard output just before the exit is
// the log line too; it becomes the error.
func Stdout(n int) error { // want Stdout:"mayExit"
	if n < 0 {
		fmt.Println("negative count:", n)
		os.Exit(2) // want `os.Exit ends the process`
	}
	return errEmpty
}

// Bounds assigns two results of a helper to its named results: a
// propagation site like any other.
func Bounds(s string) (lo, hi int, err error) { // want Bounds:"mayExit"
	lo, hi = window(s)
	return
}

func window(s string) (int, int) {
	if s == "" {
		klog.Fatalf("empty window %q", s) // want `klog.Fatalf ends the process`
	}
	return 0, len(s)
}

// Span assigns two results into named results and gains an error.
func Span(s string) error { // want Span:"mayExit"
	a, b := span(s)
	_, _ = a, b
	return nil
}

func span(s string) (lo, hi int) {
	lo, hi = window2(s)
	return
}

func window2(s string) (int, int) {
	if s == "" {
		klog.Fatalf("empty window %q", s) // want `klog.Fatalf ends the process`
	}
	return 0, len(s)
}
