// Package klog is a test stub for analysistest that mirrors the exported API
// shape of k8s.io/klog/v2 (v2.140.0). It is not the real package.
//
// Bodies are minimal, but the control flow of the real package is kept:
// every logging function (Info*, Warning*, Error*, Fatal*, Exit*, the
// structured InfoS/ErrorS and the Verbose methods) funnels into the single
// internal method (*loggingT).output, which calls os.Exit only when the
// severity is fatal. Only the Fatal* and Exit* families (and FlushAndExit)
// terminate the process.
//
// The real package uses logr.Logger for Logger; this stub uses a small
// logr-free stand-in struct with the most common methods.
package klog

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"sync/atomic"
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
// It allows Exit and relatives to use the Fatal logs.
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

// LogToStderr sets whether to log exclusively to stderr.
func LogToStderr(stderr bool) { logging.toStderr = stderr }

func (l *loggingT) print(s severity, args ...interface{}) {
	l.printDepth(s, 1, args...)
}

func (l *loggingT) printDepth(s severity, depth int, args ...interface{}) {
	l.output(s, depth+1, fmt.Sprint(args...))
}

func (l *loggingT) println(s severity, args ...interface{}) {
	l.printlnDepth(s, 1, args...)
}

func (l *loggingT) printlnDepth(s severity, depth int, args ...interface{}) {
	l.output(s, depth+1, fmt.Sprintln(args...))
}

func (l *loggingT) printf(s severity, format string, args ...interface{}) {
	l.printfDepth(s, 1, format, args...)
}

func (l *loggingT) printfDepth(s severity, depth int, format string, args ...interface{}) {
	l.output(s, depth+1, fmt.Sprintf(format, args...))
}

func (l *loggingT) infoS(depth int, msg string, keysAndValues ...interface{}) {
	l.printS(nil, infoLog, depth+1, msg, keysAndValues...)
}

func (l *loggingT) errorS(err error, depth int, msg string, keysAndValues ...interface{}) {
	l.printS(err, errorLog, depth+1, msg, keysAndValues...)
}

func (l *loggingT) printS(err error, s severity, depth int, msg string, keysAndValues ...interface{}) {
	text := strconv.Quote(msg)
	if err != nil {
		text += " err=" + strconv.Quote(err.Error())
	}
	for i := 0; i+1 < len(keysAndValues); i += 2 {
		text += fmt.Sprintf(" %v=%q", keysAndValues[i], fmt.Sprint(keysAndValues[i+1]))
	}
	l.output(s, depth+1, text)
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
			timeoutFlush(ExitFlushTimeout)
			os.Exit(1)
		}
		timeoutFlush(ExitFlushTimeout)
		os.Exit(255) // C++ uses -1, which is silly because it's anded with 255 anyway.
	}
}

// Verbose is a boolean type that implements Infof (like Printf) etc.
type Verbose struct {
	enabled bool
}

// V reports whether verbosity at the call site is at least the requested level.
func V(level Level) Verbose {
	return VDepth(1, level)
}

// VDepth is a variant of V that accepts a number of stack frames that will be
// skipped when checking the -vmodule patterns.
func VDepth(depth int, level Level) Verbose {
	_ = depth
	return Verbose{enabled: Level(atomic.LoadInt32((*int32)(&logging.verbosity))) >= level}
}

// Enabled will return true if this log level is enabled.
func (v Verbose) Enabled() bool { return v.enabled }

// Info is equivalent to the global Info function, guarded by the value of v.
func (v Verbose) Info(args ...interface{}) {
	if v.enabled {
		logging.print(infoLog, args...)
	}
}

// InfoDepth is equivalent to the global InfoDepth function, guarded by the value of v.
func (v Verbose) InfoDepth(depth int, args ...interface{}) {
	if v.enabled {
		logging.printDepth(infoLog, depth, args...)
	}
}

// Infoln is equivalent to the global Infoln function, guarded by the value of v.
func (v Verbose) Infoln(args ...interface{}) {
	if v.enabled {
		logging.println(infoLog, args...)
	}
}

// InfolnDepth is equivalent to the global InfolnDepth function, guarded by the value of v.
func (v Verbose) InfolnDepth(depth int, args ...interface{}) {
	if v.enabled {
		logging.printlnDepth(infoLog, depth, args...)
	}
}

// Infof is equivalent to the global Infof function, guarded by the value of v.
func (v Verbose) Infof(format string, args ...interface{}) {
	if v.enabled {
		logging.printf(infoLog, format, args...)
	}
}

// InfofDepth is equivalent to the global InfofDepth function, guarded by the value of v.
func (v Verbose) InfofDepth(depth int, format string, args ...interface{}) {
	if v.enabled {
		logging.printfDepth(infoLog, depth, format, args...)
	}
}

// InfoS is equivalent to the global InfoS function, guarded by the value of v.
func (v Verbose) InfoS(msg string, keysAndValues ...interface{}) {
	if v.enabled {
		logging.infoS(0, msg, keysAndValues...)
	}
}

// InfoSDepth is equivalent to the global InfoSDepth function, guarded by the value of v.
func (v Verbose) InfoSDepth(depth int, msg string, keysAndValues ...interface{}) {
	if v.enabled {
		logging.infoS(depth, msg, keysAndValues...)
	}
}

// Error is equivalent to the global Error function, guarded by the value of v.
//
// Deprecated: Use ErrorS instead.
func (v Verbose) Error(err error, msg string, args ...interface{}) {
	if v.enabled {
		logging.errorS(err, 0, msg, args...)
	}
}

// ErrorS is equivalent to the global ErrorS function, guarded by the value of v.
func (v Verbose) ErrorS(err error, msg string, keysAndValues ...interface{}) {
	if v.enabled {
		logging.errorS(err, 0, msg, keysAndValues...)
	}
}

// Info logs to the INFO log.
func Info(args ...interface{}) { logging.print(infoLog, args...) }

// InfoDepth acts as Info but uses depth to determine which call frame to log.
func InfoDepth(depth int, args ...interface{}) { logging.printDepth(infoLog, depth, args...) }

// Infoln logs to the INFO log.
func Infoln(args ...interface{}) { logging.println(infoLog, args...) }

// InfolnDepth acts as Infoln but uses depth to determine which call frame to log.
func InfolnDepth(depth int, args ...interface{}) { logging.printlnDepth(infoLog, depth, args...) }

// Infof logs to the INFO log.
func Infof(format string, args ...interface{}) { logging.printf(infoLog, format, args...) }

// InfofDepth acts as Infof but uses depth to determine which call frame to log.
func InfofDepth(depth int, format string, args ...interface{}) {
	logging.printfDepth(infoLog, depth, format, args...)
}

// InfoS structured logs to the INFO log.
func InfoS(msg string, keysAndValues ...interface{}) { logging.infoS(0, msg, keysAndValues...) }

// InfoSDepth acts as InfoS but uses depth to determine which call frame to log.
func InfoSDepth(depth int, msg string, keysAndValues ...interface{}) {
	logging.infoS(depth, msg, keysAndValues...)
}

// Warning logs to the WARNING and INFO logs.
func Warning(args ...interface{}) { logging.print(warningLog, args...) }

// WarningDepth acts as Warning but uses depth to determine which call frame to log.
func WarningDepth(depth int, args ...interface{}) { logging.printDepth(warningLog, depth, args...) }

// Warningln logs to the WARNING and INFO logs.
func Warningln(args ...interface{}) { logging.println(warningLog, args...) }

// WarninglnDepth acts as Warningln but uses depth to determine which call frame to log.
func WarninglnDepth(depth int, args ...interface{}) {
	logging.printlnDepth(warningLog, depth, args...)
}

// Warningf logs to the WARNING and INFO logs.
func Warningf(format string, args ...interface{}) { logging.printf(warningLog, format, args...) }

// WarningfDepth acts as Warningf but uses depth to determine which call frame to log.
func WarningfDepth(depth int, format string, args ...interface{}) {
	logging.printfDepth(warningLog, depth, format, args...)
}

// Error logs to the ERROR, WARNING, and INFO logs.
func Error(args ...interface{}) { logging.print(errorLog, args...) }

// ErrorDepth acts as Error but uses depth to determine which call frame to log.
func ErrorDepth(depth int, args ...interface{}) { logging.printDepth(errorLog, depth, args...) }

// Errorln logs to the ERROR, WARNING, and INFO logs.
func Errorln(args ...interface{}) { logging.println(errorLog, args...) }

// ErrorlnDepth acts as Errorln but uses depth to determine which call frame to log.
func ErrorlnDepth(depth int, args ...interface{}) { logging.printlnDepth(errorLog, depth, args...) }

// Errorf logs to the ERROR, WARNING, and INFO logs.
func Errorf(format string, args ...interface{}) { logging.printf(errorLog, format, args...) }

// ErrorfDepth acts as Errorf but uses depth to determine which call frame to log.
func ErrorfDepth(depth int, format string, args ...interface{}) {
	logging.printfDepth(errorLog, depth, format, args...)
}

// ErrorS structured logs to the ERROR, WARNING, and INFO logs.
func ErrorS(err error, msg string, keysAndValues ...interface{}) {
	logging.errorS(err, 0, msg, keysAndValues...)
}

// ErrorSDepth acts as ErrorS but uses depth to determine which call frame to log.
func ErrorSDepth(depth int, err error, msg string, keysAndValues ...interface{}) {
	logging.errorS(err, depth, msg, keysAndValues...)
}

// Fatal logs to the FATAL, ERROR, WARNING, and INFO logs, prints stack trace(s),
// then calls os.Exit(255).
func Fatal(args ...interface{}) { logging.print(fatalLog, args...) }

// FatalDepth acts as Fatal but uses depth to determine which call frame to log.
func FatalDepth(depth int, args ...interface{}) { logging.printDepth(fatalLog, depth, args...) }

// Fatalln logs to the FATAL, ERROR, WARNING, and INFO logs, then calls os.Exit(255).
func Fatalln(args ...interface{}) { logging.println(fatalLog, args...) }

// FatallnDepth acts as Fatalln but uses depth to determine which call frame to log.
func FatallnDepth(depth int, args ...interface{}) { logging.printlnDepth(fatalLog, depth, args...) }

// Fatalf logs to the FATAL, ERROR, WARNING, and INFO logs, then calls os.Exit(255).
func Fatalf(format string, args ...interface{}) { logging.printf(fatalLog, format, args...) }

// FatalfDepth acts as Fatalf but uses depth to determine which call frame to log.
func FatalfDepth(depth int, format string, args ...interface{}) {
	logging.printfDepth(fatalLog, depth, format, args...)
}

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

// ExitlnDepth acts as Exitln but uses depth to determine which call frame to log.
func ExitlnDepth(depth int, args ...interface{}) {
	atomic.StoreUint32(&fatalNoStacks, 1)
	logging.printlnDepth(fatalLog, depth, args...)
}

// Exitf logs to the FATAL, ERROR, WARNING, and INFO logs, then calls os.Exit(1).
func Exitf(format string, args ...interface{}) {
	atomic.StoreUint32(&fatalNoStacks, 1)
	logging.printf(fatalLog, format, args...)
}

// ExitfDepth acts as Exitf but uses depth to determine which call frame to log.
func ExitfDepth(depth int, format string, args ...interface{}) {
	atomic.StoreUint32(&fatalNoStacks, 1)
	logging.printfDepth(fatalLog, depth, format, args...)
}

// Logger is a logr-free stand-in for the real klog.Logger (= logr.Logger).
// Its methods log through the same internal output path and never exit.
type Logger struct {
	name  string
	level int
	kv    []interface{}
}

// Enabled reports whether this Logger is enabled.
func (l Logger) Enabled() bool { return VDepth(1, Level(l.level)).Enabled() }

// Info logs a non-error message with the given key/value pairs as context.
func (l Logger) Info(msg string, keysAndValues ...interface{}) {
	if l.Enabled() {
		logging.infoS(1, msg, append(append([]interface{}{}, l.kv...), keysAndValues...)...)
	}
}

// Error logs an error, with the given message and key/value pairs as context.
func (l Logger) Error(err error, msg string, keysAndValues ...interface{}) {
	logging.errorS(err, 1, msg, append(append([]interface{}{}, l.kv...), keysAndValues...)...)
}

// V returns a new Logger instance for a specific verbosity level.
func (l Logger) V(level int) Logger {
	l.level += level
	return l
}

// GetV returns the verbosity level of the logger.
func (l Logger) GetV() int { return l.level }

// WithValues returns a new Logger instance with additional key/value pairs.
func (l Logger) WithValues(keysAndValues ...interface{}) Logger {
	l.kv = append(append([]interface{}{}, l.kv...), keysAndValues...)
	return l
}

// WithName returns a new Logger instance with the specified name element added.
func (l Logger) WithName(name string) Logger {
	if l.name != "" {
		name = l.name + "/" + name
	}
	l.name = name
	return l
}

type contextKey struct{}

// NewKlogr returns a Logger that is functionally identical to
// klogr.NewWithOptions(klogr.FormatKlog).
func NewKlogr() Logger { return Logger{} }

// Background retrieves the fallback logger.
func Background() Logger { return Logger{} }

// TODO should be used temporarily when adding a Logger parameter to a function.
func TODO() Logger { return Background() }

// FromContext retrieves a logger set by the caller or, if not set, falls back
// to the program's global logger.
func FromContext(ctx context.Context) Logger {
	if l, ok := ctx.Value(contextKey{}).(Logger); ok {
		return l
	}
	return Background()
}

// NewContext returns a new context derived from ctx that embeds the Logger.
func NewContext(ctx context.Context, logger Logger) context.Context {
	return context.WithValue(ctx, contextKey{}, logger)
}

// LoggerWithValues returns logger.WithValues(...kv).
func LoggerWithValues(logger Logger, kv ...interface{}) Logger { return logger.WithValues(kv...) }

// LoggerWithName returns logger.WithName(name).
func LoggerWithName(logger Logger, name string) Logger { return logger.WithName(name) }

// KMetadata is a subset of the kubernetes k8s.io/apimachinery/pkg/apis/meta/v1.Object interface.
type KMetadata interface {
	GetName() string
	GetNamespace() string
}

// ObjectRef references a kubernetes object.
type ObjectRef struct {
	Name      string `json:"name"`
	Namespace string `json:"namespace,omitempty"`
}

func (ref ObjectRef) String() string {
	if ref.Namespace != "" {
		return ref.Namespace + "/" + ref.Name
	}
	return ref.Name
}

// KObj returns ObjectRef from ObjectMeta.
func KObj(obj KMetadata) ObjectRef {
	if obj == nil {
		return ObjectRef{}
	}
	return ObjectRef{Name: obj.GetName(), Namespace: obj.GetNamespace()}
}

// KRef returns ObjectRef from name and namespace.
func KRef(namespace, name string) ObjectRef {
	return ObjectRef{Name: name, Namespace: namespace}
}
