package klog

import (
	"os"
	"time"
)

var (
	// ExitFlushTimeout is the timeout that klog has traditionally used during
	// calls like Fatal or Exit when flushing log data right before exiting.
	ExitFlushTimeout = 10 * time.Second

	// OsExit is the function called by FlushAndExit to terminate the program
	// in the real klog. The stub keeps the variable for API compatibility but
	// calls os.Exit directly so that the exit is statically visible.
	OsExit = os.Exit
)

// FlushAndExit flushes log data for a certain amount of time and then calls
// os.Exit.
func FlushAndExit(flushTimeout time.Duration, exitCode int) {
	timeoutFlush(flushTimeout)
	os.Exit(exitCode)
}

// timeoutFlush calls Flush and returns when it completes or after timeout
// elapses, whichever happens first.
func timeoutFlush(timeout time.Duration) {
	_ = timeout
	Flush()
}
