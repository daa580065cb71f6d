// Package glog is a test stub for analysistest that mirrors the exported API
// shape of github.com/golang/glog (v1.2.5). It is not the real package.
//
// Bodies are minimal but keep the real control flow: Info*, Warning* and
// Error* (and the Verbose methods) only log, through the internal ctxlogf.
// The Fatal* family goes through ctxfatalf, which logs and then calls
// flushAndAbort (the real one raises SIGABRT and falls back to os.Exit(2);
// the stub calls os.Exit(2)). The Exit* family goes through ctxexitf, which
// logs and then calls os.Exit(1).
package glog

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"sync/atomic"
)

// severity mirrors logsink.Severity of the real package.
type severity int32

const (
	infoSev severity = iota
	warningSev
	errorSev
	fatalSev
)

const severityChar = "IWEF"

type stack bool

const (
	noStack   = stack(false)
	withStack = stack(true)
)

// Level is exported because it appears in the arguments to V and is
// the type of the v flag, which can be set programmatically.
type Level int32

// String is part of the flag.Value interface.
func (l *Level) String() string { return strconv.FormatInt(int64(atomic.LoadInt32((*int32)(l))), 10) }

// Get is part of the flag.Getter interface.
func (l *Level) Get() any { return Level(atomic.LoadInt32((*int32)(l))) }

// Set is part of the flag.Value interface.
func (l *Level) Set(value string) error {
	v, err := strconv.ParseInt(value, 10, 32)
	if err != nil {
		return err
	}
	atomic.StoreInt32((*int32)(l), int32(v))
	return nil
}

var verbosity Level

func verboseEnabled(callerDepth int, level Level) bool {
	_ = callerDepth
	return Level(atomic.LoadInt32((*int32)(&verbosity))) >= level
}

// defaultFormat returns a fmt.Printf format specifier that formats its
// arguments as if they were passed to fmt.Print.
func defaultFormat(args []any) string {
	n := len(args)
	switch n {
	case 0:
		return ""
	case 1:
		return "%v"
	}
	b := make([]byte, 0, n*3-1)
	wasString := true // Suppress leading space.
	for _, arg := range args {
		_, isString := arg.(string)
		if wasString || isString {
			b = append(b, "%v"...)
		} else {
			b = append(b, " %v"...)
		}
		wasString = isString
	}
	return string(b)
}

// lnFormat returns a fmt.Printf format specifier that formats its arguments
// as if they were passed to fmt.Println.
func lnFormat(args []any) string {
	if len(args) == 0 {
		return "\n"
	}
	b := make([]byte, 0, len(args)*3)
	for range args {
		b = append(b, "%v "...)
	}
	b[len(b)-1] = '\n' // Replace the last space with a newline.
	return string(b)
}

// logf acts as ctxlogf, but doesn't expect a context.
func logf(depth int, sev severity, verbose bool, stack stack, format string, args ...any) {
	ctxlogf(nil, depth+1, sev, verbose, stack, format, args...)
}

// ctxlogf writes a log message. It never exits.
func ctxlogf(ctx context.Context, depth int, sev severity, verbose bool, stack stack, format string, args ...any) {
	_, _, _, _ = ctx, depth, verbose, stack
	msg := fmt.Sprintf(format, args...)
	if len(msg) == 0 || msg[len(msg)-1] != '\n' {
		msg += "\n"
	}
	fmt.Fprintf(os.Stderr, "%c %s", severityChar[sev], msg)
}

// Flush flushes all pending log I/O.
func Flush() {}

// Verbose is a boolean type that implements Info, Infoln and Infof etc.
type Verbose bool

// V reports whether verbosity at the call site is at least the requested level.
func V(level Level) Verbose { return VDepth(1, level) }

// VDepth acts as V but uses depth to determine which call frame to check vmodule for.
func VDepth(depth int, level Level) Verbose { return Verbose(verboseEnabled(depth+1, level)) }

// Info is equivalent to the global Info function, guarded by the value of v.
func (v Verbose) Info(args ...any) { v.InfoDepth(1, args...) }

// InfoDepth is equivalent to the global InfoDepth function, guarded by the value of v.
func (v Verbose) InfoDepth(depth int, args ...any) {
	if v {
		logf(depth+1, infoSev, true, noStack, defaultFormat(args), args...)
	}
}

// InfoDepthf is equivalent to the global InfoDepthf function, guarded by the value of v.
func (v Verbose) InfoDepthf(depth int, format string, args ...any) {
	if v {
		logf(depth+1, infoSev, true, noStack, format, args...)
	}
}

// Infoln is equivalent to the global Infoln function, guarded by the value of v.
func (v Verbose) Infoln(args ...any) {
	if v {
		logf(1, infoSev, true, noStack, lnFormat(args), args...)
	}
}

// Infof is equivalent to the global Infof function, guarded by the value of v.
func (v Verbose) Infof(format string, args ...any) {
	if v {
		logf(1, infoSev, true, noStack, format, args...)
	}
}

// InfoContext is equivalent to the global InfoContext function, guarded by the value of v.
func (v Verbose) InfoContext(ctx context.Context, args ...any) { v.InfoContextDepth(ctx, 1, args...) }

// InfoContextf is equivalent to the global InfoContextf function, guarded by the value of v.
func (v Verbose) InfoContextf(ctx context.Context, format string, args ...any) {
	if v {
		ctxlogf(ctx, 1, infoSev, true, noStack, format, args...)
	}
}

// InfoContextDepth is equivalent to the global InfoContextDepth function, guarded by the value of v.
func (v Verbose) InfoContextDepth(ctx context.Context, depth int, args ...any) {
	if v {
		ctxlogf(ctx, depth+1, infoSev, true, noStack, defaultFormat(args), args...)
	}
}

// InfoContextDepthf is equivalent to the global InfoContextDepthf function, guarded by the value of v.
func (v Verbose) InfoContextDepthf(ctx context.Context, depth int, format string, args ...any) {
	if v {
		ctxlogf(ctx, depth+1, infoSev, true, noStack, format, args...)
	}
}

// Info logs to the INFO log.
func Info(args ...any) { InfoDepth(1, args...) }

// InfoDepth calls Info from a different depth in the call stack.
func InfoDepth(depth int, args ...any) {
	logf(depth+1, infoSev, false, noStack, defaultFormat(args), args...)
}

// InfoDepthf acts as InfoDepth but with format string.
func InfoDepthf(depth int, format string, args ...any) {
	logf(depth+1, infoSev, false, noStack, format, args...)
}

// Infoln logs to the INFO log.
func Infoln(args ...any) { logf(1, infoSev, false, noStack, lnFormat(args), args...) }

// Infof logs to the INFO log.
func Infof(format string, args ...any) { logf(1, infoSev, false, noStack, format, args...) }

// InfoContext is like Info, but with an extra context.Context parameter.
func InfoContext(ctx context.Context, args ...any) { InfoContextDepth(ctx, 1, args...) }

// InfoContextf is like Infof, but with an extra context.Context parameter.
func InfoContextf(ctx context.Context, format string, args ...any) {
	ctxlogf(ctx, 1, infoSev, false, noStack, format, args...)
}

// InfoContextDepth is like InfoDepth, but with an extra context.Context parameter.
func InfoContextDepth(ctx context.Context, depth int, args ...any) {
	ctxlogf(ctx, depth+1, infoSev, false, noStack, defaultFormat(args), args...)
}

// InfoContextDepthf is like InfoDepthf, but with an extra context.Context parameter.
func InfoContextDepthf(ctx context.Context, depth int, format string, args ...any) {
	ctxlogf(ctx, depth+1, infoSev, false, noStack, format, args...)
}

// Warning logs to the WARNING and INFO logs.
func Warning(args ...any) { WarningDepth(1, args...) }

// WarningDepth acts as Warning but uses depth to determine which call frame to log.
func WarningDepth(depth int, args ...any) {
	logf(depth+1, warningSev, false, noStack, defaultFormat(args), args...)
}

// WarningDepthf acts as Warningf but uses depth to determine which call frame to log.
func WarningDepthf(depth int, format string, args ...any) {
	logf(depth+1, warningSev, false, noStack, format, args...)
}

// Warningln logs to the WARNING and INFO logs.
func Warningln(args ...any) { logf(1, warningSev, false, noStack, lnFormat(args), args...) }

// Warningf logs to the WARNING and INFO logs.
func Warningf(format string, args ...any) { logf(1, warningSev, false, noStack, format, args...) }

// WarningContext is like Warning, but with an extra context.Context parameter.
func WarningContext(ctx context.Context, args ...any) { WarningContextDepth(ctx, 1, args...) }

// WarningContextf is like Warningf, but with an extra context.Context parameter.
func WarningContextf(ctx context.Context, format string, args ...any) {
	ctxlogf(ctx, 1, warningSev, false, noStack, format, args...)
}

// WarningContextDepth is like WarningDepth, but with an extra context.Context parameter.
func WarningContextDepth(ctx context.Context, depth int, args ...any) {
	ctxlogf(ctx, depth+1, warningSev, false, noStack, defaultFormat(args), args...)
}

// WarningContextDepthf is like WarningDepthf, but with an extra context.Context parameter.
func WarningContextDepthf(ctx context.Context, depth int, format string, args ...any) {
	ctxlogf(ctx, depth+1, warningSev, false, noStack, format, args...)
}

// Error logs to the ERROR, WARNING, and INFO logs.
func Error(args ...any) { ErrorDepth(1, args...) }

// ErrorDepth acts as Error but uses depth to determine which call frame to log.
func ErrorDepth(depth int, args ...any) {
	logf(depth+1, errorSev, false, noStack, defaultFormat(args), args...)
}

// ErrorDepthf acts as Errorf but uses depth to determine which call frame to log.
func ErrorDepthf(depth int, format string, args ...any) {
	logf(depth+1, errorSev, false, noStack, format, args...)
}

// Errorln logs to the ERROR, WARNING, and INFO logs.
func Errorln(args ...any) { logf(1, errorSev, false, noStack, lnFormat(args), args...) }

// Errorf logs to the ERROR, WARNING, and INFO logs.
func Errorf(format string, args ...any) { logf(1, errorSev, false, noStack, format, args...) }

// ErrorContext is like Error, but with an extra context.Context parameter.
func ErrorContext(ctx context.Context, args ...any) { ErrorContextDepth(ctx, 1, args...) }

// ErrorContextf is like Errorf, but with an extra context.Context parameter.
func ErrorContextf(ctx context.Context, format string, args ...any) {
	ctxlogf(ctx, 1, errorSev, false, noStack, format, args...)
}

// ErrorContextDepth is like ErrorDepth, but with an extra context.Context parameter.
func ErrorContextDepth(ctx context.Context, depth int, args ...any) {
	ctxlogf(ctx, depth+1, errorSev, false, noStack, defaultFormat(args), args...)
}

// ErrorContextDepthf is like ErrorDepthf, but with an extra context.Context parameter.
func ErrorContextDepthf(ctx context.Context, depth int, format string, args ...any) {
	ctxlogf(ctx, depth+1, errorSev, false, noStack, format, args...)
}

func ctxfatalf(ctx context.Context, depth int, format string, args ...any) {
	ctxlogf(ctx, depth+1, fatalSev, false, withStack, format, args...)
	flushAndAbort()
}

// flushAndAbort terminates the process. The real one first raises SIGABRT
// and only falls back to os.Exit(2); the stub exits directly.
func flushAndAbort() {
	Flush()
	os.Exit(2) // Exit with the same code as the default SIGABRT handler.
}

func fatalf(depth int, format string, args ...any) {
	ctxfatalf(nil, depth+1, format, args...)
}

// Fatal logs to the FATAL, ERROR, WARNING, and INFO logs,
// including a stack trace of all running goroutines, then calls os.Exit(2).
func Fatal(args ...any) { FatalDepth(1, args...) }

// FatalDepth acts as Fatal but uses depth to determine which call frame to log.
func FatalDepth(depth int, args ...any) { fatalf(depth+1, defaultFormat(args), args...) }

// FatalDepthf acts as Fatalf but uses depth to determine which call frame to log.
func FatalDepthf(depth int, format string, args ...any) { fatalf(depth+1, format, args...) }

// Fatalln logs to the FATAL, ERROR, WARNING, and INFO logs, then calls os.Exit(2).
func Fatalln(args ...any) { fatalf(1, lnFormat(args), args...) }

// Fatalf logs to the FATAL, ERROR, WARNING, and INFO logs, then calls os.Exit(2).
func Fatalf(format string, args ...any) { fatalf(1, format, args...) }

// FatalContext is like Fatal, but with an extra context.Context parameter.
func FatalContext(ctx context.Context, args ...any) { FatalContextDepth(ctx, 1, args...) }

// FatalContextf is like Fatalf, but with an extra context.Context parameter.
func FatalContextf(ctx context.Context, format string, args ...any) {
	ctxfatalf(ctx, 1, format, args...)
}

// FatalContextDepth is like FatalDepth, but with an extra context.Context parameter.
func FatalContextDepth(ctx context.Context, depth int, args ...any) {
	ctxfatalf(ctx, depth+1, defaultFormat(args), args...)
}

// FatalContextDepthf is like FatalDepthf, but with an extra context.Context parameter.
func FatalContextDepthf(ctx context.Context, depth int, format string, args ...any) {
	ctxfatalf(ctx, depth+1, format, args...)
}

func ctxexitf(ctx context.Context, depth int, format string, args ...any) {
	ctxlogf(ctx, depth+1, fatalSev, false, noStack, format, args...)
	Flush()
	os.Exit(1)
}

func exitf(depth int, format string, args ...any) {
	ctxexitf(nil, depth+1, format, args...)
}

// Exit logs to the FATAL, ERROR, WARNING, and INFO logs, then calls os.Exit(1).
func Exit(args ...any) { ExitDepth(1, args...) }

// ExitDepth acts as Exit but uses depth to determine which call frame to log.
func ExitDepth(depth int, args ...any) { exitf(depth+1, defaultFormat(args), args...) }

// ExitDepthf acts as Exitf but uses depth to determine which call frame to log.
func ExitDepthf(depth int, format string, args ...any) { exitf(depth+1, format, args...) }

// Exitln logs to the FATAL, ERROR, WARNING, and INFO logs, then calls os.Exit(1).
func Exitln(args ...any) { exitf(1, lnFormat(args), args...) }

// Exitf logs to the FATAL, ERROR, WARNING, and INFO logs, then calls os.Exit(1).
func Exitf(format string, args ...any) { exitf(1, format, args...) }

// ExitContext is like Exit, but with an extra context.Context parameter.
func ExitContext(ctx context.Context, args ...any) { ExitContextDepth(ctx, 1, args...) }

// ExitContextf is like Exitf, but with an extra context.Context parameter.
func ExitContextf(ctx context.Context, format string, args ...any) {
	ctxexitf(ctx, 1, format, args...)
}

// ExitContextDepth is like ExitDepth, but with an extra context.Context parameter.
func ExitContextDepth(ctx context.Context, depth int, args ...any) {
	ctxexitf(ctx, depth+1, defaultFormat(args), args...)
}

// ExitContextDepthf is like ExitDepthf, but with an extra context.Context parameter.
func ExitContextDepthf(ctx context.Context, depth int, format string, args ...any) {
	ctxexitf(ctx, depth+1, format, args...)
}
