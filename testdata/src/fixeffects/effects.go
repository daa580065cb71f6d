package fixeffects

import (
	"fmt"
	"os"

	"k8s.io/klog/v2"
)

// reports counts the calls of report: each must still run once.
var reports int

func report(err error) int {
	reports++
	fmt.Fprintln(os.Stderr, "report:", err)
	return 3
}

func describe(err error) string {
	reports++
	return "described " + err.Error()
}

// Check exits with the status report returns: report must still run.
func Check(err error) error { // want Check:"mayExit"
	if err != nil {
		os.Exit(report(err)) // want `os.Exit ends the process`
	}
	return nil
}

// Pair logs, then exits with report's status: the log line's argument
// is pure, so report runs first, then the error is built.
func Pair(err error) error { // want Pair:"mayExit"
	if err != nil {
		klog.Errorf("pair: %v", err)
		os.Exit(report(err)) // want `os.Exit ends the process`
	}
	return nil
}

// Described keeps the call in the log line: it runs once, in the error.
func Described(err error) error { // want Described:"mayExit"
	if err != nil {
		klog.Fatalf("stop: %s", describe(err)) // want `klog.Fatalf ends the process`
	}
	return nil
}

// Both has calls in the log line and in the exit: the exit's call would
// run first, so there is no fix.
func Both(err error) error { // want Both:"mayExit"
	if err != nil {
		klog.Errorf("both: %s", describe(err))
		os.Exit(report(err)) // want `\(no automatic fix: the calls in the exit's arguments would run before those in the log line\)`
	}
	return nil
}
