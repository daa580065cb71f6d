package fixpair

import (
	"fmt"
	"log"
	"os"

	"k8s.io/klog/v2"
)

func Klog(path string) (string, error) { // want Klog:"mayExit"
	data, err := os.ReadFile(path)
	if err != nil {
		klog.Errorf("read %s: %v", path, err)
		os.Exit(1) // want `os.Exit ends the process`
	}
	return string(data), nil
}

func Stderr(n int) (int, error) { // want Stderr:"mayExit"
	if n < 0 {
		fmt.Fprintf(os.Stderr, "negative: %d\n", n)
		os.Exit(2) // want `os.Exit ends the process`
	}
	return n, nil
}

func Log(err error) error { // want Log:"mayExit"
	if err != nil {
		log.Printf("stop: %v", err) // the reason
		// exit now
		os.Exit(1) // want `os.Exit ends the process`
	}
	return nil
}

func ErrorS(err error) error { // want ErrorS:"mayExit"
	if err != nil {
		klog.ErrorS(err, "cannot serve", "port", 80)
		klog.FlushAndExit(klog.ExitFlushTimeout, 1) // want `klog.FlushAndExit ends the process`
	}
	return nil
}
