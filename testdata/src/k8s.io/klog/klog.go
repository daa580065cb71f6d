// Package klog is a test stub for analysistest that mirrors the exported API
// shape of k8s.io/klog v1 (v1.0.0). It is not the real package.
//
// Bodies are minimal, but the control flow of the real package is kept:
// every logging function (Info*, Warning*, Error*, Fatal*, Exit* and the
// Verbose methods) funnels into the single internal method
// (*loggingT).output, which calls os.Exit only when the severity is fatal.
// Only the Fatal* and Exit* families terminate the process.
package klog

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"sync/atomic"
	"time"
)

// severity identifies the sort of log: info, warning etc.
type severity int32

const (
	infoLog severity = iota
	warningLog
	errorLog
	fatalLog
	numSeverity = 4
)

const severityChar = "IWEF"

// Level specifies a level of verbosity for V logs. It implements flag.Value.
type Level int32

// String is part of the flag.Value interface.
func (l *Level) String() string { return strconv.FormatInt(int64(atomic.LoadInt32((*int32)(l))), 10) }

// Get is part of the flag.Getter interface.
func (l *Level) Get() interface{} { return Level(atomic.LoadInt32((*int32)(l))) }

// Set is part of the flag.Value interface.
func (l *Level) Set(value string) error {
	v, err := strconv.ParseInt(value, 10, 32)
	if err != nil {
		return err
	}
	atomic.StoreInt32((*int32)(l), int32(v))
	return nil
}

type loggingT struct {
	out       io.Writer
	toStderr  bool
	verbosity Level
}

var logging = loggingT{out: os.Stderr, toStderr: true}

// fatalNoStacks is non-zero if we are to exit without dumping goroutine stacks.
var fatalNoStacks uint32

// InitFlags is for explicitly initializing the flags.
func InitFlags(flagset *flag.FlagSet) {
	if flagset == nil {
		flagset = flag.CommandLine
	}
	flagset.Var(&logging.verbosity, "v", "number for the log level verbosity")
	flagset.BoolVar(&logging.toStderr, "logtostderr", logging.toStderr, "log to standard error instead of files")
}

// Flush flushes all pending log I/O.
func Flush() {}

// SetOutput sets the output destination for all severities.
func SetOutput(w io.Writer) { logging.out = w }

// SetOutputBySeverity sets the output destination for specific severity.
func SetOutputBySeverity(name string, w io.Writer) {
	_ = name
	logging.out = w
}

func (l *loggingT) print(s severity, args ...interface{}) {
	l.printDepth(s, 1, args...)
}

func (l *loggingT) printDepth(s severity, depth int, args ...interface{}) {
	l.output(s, depth+1, fmt.Sprint(args...))
}

func (l *loggingT) println(s severity, args ...interface{}) {
	l.output(s, 1, fmt.Sprintln(args...))
}

func (l *loggingT) printf(s severity, format string, args ...interface{}) {
	l.output(s, 1, fmt.Sprintf(format, args...))
}

// output writes the data to the log and, as in the real klog, terminates the
// process when the severity is fatal: exit code 1 when reached via the Exit*
// family, 255 when reached via the Fatal* family.
func (l *loggingT) output(s severity, depth int, text string) {
	_ = depth
	if len(text) == 0 || text[len(text)-1] != '\n' {
		text += "\n"
	}
	if w := l.out; w != nil {
		fmt.Fprint(w, severityChar[s:s+1], " ", text)
	}
	if s == fatalLog {
		// If we got here via Exit rather than Fatal, print no stacks.
		if atomic.LoadUint32(&fatalNoStacks) > 0 {
			timeoutFlush(10 * time.Second)
			os.Exit(1)
		}
		timeoutFlush(10 * time.Second)
		os.Exit(255) // C++ uses -1, which is silly because it's anded with 255 anyway.
	}
}

// timeoutFlush calls Flush and returns when it completes or after timeout
// elapses, whichever happens first.
func timeoutFlush(timeout time.Duration) {
	_ = timeout
	Flush()
}

// Verbose is a boolean type that implements Infof (like Printf) etc.
type Verbose bool

// V reports whether verbosity at the call site is at least the requested level.
func V(level Level) Verbose {
	return Verbose(Level(atomic.LoadInt32((*int32)(&logging.verbosity))) >= level)
}

// Info is equivalent to the global Info function, guarded by the value of v.
func (v Verbose) Info(args ...interface{}) {
	if v {
		logging.print(infoLog, args...)
	}
}

// Infoln is equivalent to the global Infoln function, guarded by the value of v.
func (v Verbose) Infoln(args ...interface{}) {
	if v {
		logging.println(infoLog, args...)
	}
}

// Infof is equivalent to the global Infof function, guarded by the value of v.
func (v Verbose) Infof(format string, args ...interface{}) {
	if v {
		logging.printf(infoLog, format, args...)
	}
}

// Info logs to the INFO log.
func Info(args ...interface{}) { logging.print(infoLog, args...) }

// InfoDepth acts as Info but uses depth to determine which call frame to log.
func InfoDepth(depth int, args ...interface{}) { logging.printDepth(infoLog, depth, args...) }

// Infoln logs to the INFO log.
func Infoln(args ...interface{}) { logging.println(infoLog, args...) }

// Infof logs to the INFO log.
func Infof(format string, args ...interface{}) { logging.printf(infoLog, format, args...) }

// Warning logs to the WARNING and INFO logs.
func Warning(args ...interface{}) { logging.print(warningLog, args...) }

// WarningDepth acts as Warning but uses depth to determine which call frame to log.
func WarningDepth(depth int, args ...interface{}) { logging.printDepth(warningLog, depth, args...) }

// Warningln logs to the WARNING and INFO logs.
func Warningln(args ...interface{}) { logging.println(warningLog, args...) }

// Warningf logs to the WARNING and INFO logs.
func Warningf(format string, args ...interface{}) { logging.printf(warningLog, format, args...) }

// Error logs to the ERROR, WARNING, and INFO logs.
func Error(args ...interface{}) { logging.print(errorLog, args...) }

// ErrorDepth acts as Error but uses depth to determine which call frame to log.
func ErrorDepth(depth int, args ...interface{}) { logging.printDepth(errorLog, depth, args...) }

// Errorln logs to the ERROR, WARNING, and INFO logs.
func Errorln(args ...interface{}) { logging.println(errorLog, args...) }

// Errorf logs to the ERROR, WARNING, and INFO logs.
func Errorf(format string, args ...interface{}) { logging.printf(errorLog, format, args...) }

// Fatal logs to the FATAL, ERROR, WARNING, and INFO logs, then calls os.Exit(255).
func Fatal(args ...interface{}) { logging.print(fatalLog, args...) }

// FatalDepth acts as Fatal but uses depth to determine which call frame to log.
func FatalDepth(depth int, args ...interface{}) { logging.printDepth(fatalLog, depth, args...) }

// Fatalln logs to the FATAL, ERROR, WARNING, and INFO logs, then calls os.Exit(255).
func Fatalln(args ...interface{}) { logging.println(fatalLog, args...) }

// Fatalf logs to the FATAL, ERROR, WARNING, and INFO logs, then calls os.Exit(255).
func Fatalf(format string, args ...interface{}) { logging.printf(fatalLog, format, args...) }

// Exit logs to the FATAL, ERROR, WARNING, and INFO logs, then calls os.Exit(1).
func Exit(args ...interface{}) {
	atomic.StoreUint32(&fatalNoStacks, 1)
	logging.print(fatalLog, args...)
}

// ExitDepth acts as Exit but uses depth to determine which call frame to log.
func ExitDepth(depth int, args ...interface{}) {
	atomic.StoreUint32(&fatalNoStacks, 1)
	logging.printDepth(fatalLog, depth, args...)
}

// Exitln logs to the FATAL, ERROR, WARNING, and INFO logs, then calls os.Exit(1).
func Exitln(args ...interface{}) {
	atomic.StoreUint32(&fatalNoStacks, 1)
	logging.println(fatalLog, args...)
}

// Exitf logs to the FATAL, ERROR, WARNING, and INFO logs, then calls os.Exit(1).
func Exitf(format string, args ...interface{}) {
	atomic.StoreUint32(&fatalNoStacks, 1)
	logging.printf(fatalLog, format, args...)
}
