// Package logrus is a test stub for analysistest that mirrors the exported
// API shape of github.com/sirupsen/logrus (v1.10.2). It is not the real
// package.
//
// Bodies are minimal but keep the real control flow:
//   - Fatal, Fatalf, Fatalln and FatalFn (package level, *Logger and *Entry)
//     log and then call (*Logger).Exit(1), which runs the exit handlers and
//     calls os.Exit. Logrus' package-level Exit does the same.
//   - Panic, Panicf, Panicln and PanicFn log through the internal
//     (*Entry).log with panicAfter=true, which panics with the *Entry.
//   - Log, Logf, Logln and LogFn never exit or panic, whatever the level.
//
// The real (*Logger).Exit calls logger.ExitFunc (default os.Exit); the stub
// calls ExitFunc when set and then os.Exit, so the exit is statically visible.
package logrus

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"sync"
	"time"
)

// Fields type, used to pass to WithFields.
type Fields map[string]any

// Level type.
type Level uint32

// Convert the Level to a string. E.g. PanicLevel becomes "panic".
func (level Level) String() string {
	switch level {
	case TraceLevel:
		return "trace"
	case DebugLevel:
		return "debug"
	case InfoLevel:
		return "info"
	case WarnLevel:
		return "warning"
	case ErrorLevel:
		return "error"
	case FatalLevel:
		return "fatal"
	case PanicLevel:
		return "panic"
	default:
		return "unknown"
	}
}

// ParseLevel takes a string level and returns the Logrus log level constant.
func ParseLevel(lvl string) (Level, error) {
	for _, l := range AllLevels {
		if strings.EqualFold(lvl, l.String()) {
			return l, nil
		}
	}
	if strings.EqualFold(lvl, "warn") {
		return WarnLevel, nil
	}
	return 0, fmt.Errorf("not a valid logrus Level: %q", lvl)
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (level *Level) UnmarshalText(text []byte) error {
	l, err := ParseLevel(string(text))
	if err != nil {
		return err
	}
	*level = l
	return nil
}

// MarshalText implements encoding.TextMarshaler.
func (level Level) MarshalText() ([]byte, error) {
	if level > TraceLevel {
		return nil, fmt.Errorf("not a valid logrus level %d", level)
	}
	return []byte(level.String()), nil
}

// AllLevels exposing all logging levels.
var AllLevels = []Level{
	PanicLevel,
	FatalLevel,
	ErrorLevel,
	WarnLevel,
	InfoLevel,
	DebugLevel,
	TraceLevel,
}

// These are the different logging levels.
const (
	// PanicLevel level, highest level of severity. Logs and then calls panic.
	PanicLevel Level = iota
	// FatalLevel level. Logs and then calls `logger.Exit(1)`.
	FatalLevel
	// ErrorLevel level.
	ErrorLevel
	// WarnLevel level.
	WarnLevel
	// InfoLevel level.
	InfoLevel
	// DebugLevel level.
	DebugLevel
	// TraceLevel level.
	TraceLevel
)

// StdLogger is what your logrus-enabled library should take, that way
// it'll accept a stdlib logger and a logrus logger.
type StdLogger interface {
	Print(args ...any)
	Printf(format string, args ...any)
	Println(args ...any)

	Fatal(args ...any)
	Fatalf(format string, args ...any)
	Fatalln(args ...any)

	Panic(args ...any)
	Panicf(format string, args ...any)
	Panicln(args ...any)
}

// FieldLogger extends the StdLogger interface, generalizing
// the Entry and Logger types.
type FieldLogger interface {
	WithField(key string, value any) *Entry
	WithFields(fields Fields) *Entry
	WithError(err error) *Entry

	StdLogger
	DebugLogger
	InfoLogger
	WarnLogger
	ErrorLogger

	Warning(args ...any)
	Warningf(format string, args ...any)
	Warningln(args ...any)
}

// DebugLogger provides convenience functions to log messages at level DebugLevel.
type DebugLogger interface {
	Debug(args ...any)
	Debugf(format string, args ...any)
	Debugln(args ...any)
}

// InfoLogger provides convenience functions to log messages at level InfoLevel.
type InfoLogger interface {
	Info(args ...any)
	Infof(format string, args ...any)
	Infoln(args ...any)
}

// WarnLogger provides convenience functions to log messages at level WarnLevel.
type WarnLogger interface {
	Warn(args ...any)
	Warnf(format string, args ...any)
	Warnln(args ...any)
}

// ErrorLogger provides convenience functions to log messages at level ErrorLevel.
type ErrorLogger interface {
	Error(args ...any)
	Errorf(format string, args ...any)
	Errorln(args ...any)
}

// TraceLogger provides convenience functions to log messages at level TraceLevel.
type TraceLogger interface {
	Trace(args ...any)
	Tracef(format string, args ...any)
	Traceln(args ...any)
}

// Ext1FieldLogger is FieldLogger extended with Trace-level methods.
type Ext1FieldLogger interface {
	FieldLogger
	TraceLogger
}

// Compile-time interface assertions, as in the real package.
var (
	_ StdLogger       = (*Entry)(nil)
	_ StdLogger       = (*Logger)(nil)
	_ FieldLogger     = (*Logger)(nil)
	_ FieldLogger     = (*Entry)(nil)
	_ Ext1FieldLogger = (*Logger)(nil)
	_ Ext1FieldLogger = (*Entry)(nil)
)

// Hook to be fired when logging on the logging levels returned from
// Levels() on your implementation of the interface.
type Hook interface {
	Levels() []Level
	Fire(*Entry) error
}

// LevelHooks is an internal type for storing the hooks on a logger instance.
type LevelHooks map[Level][]Hook

// Add a hook to an instance of logger.
func (hooks LevelHooks) Add(hook Hook) {
	for _, level := range hook.Levels() {
		hooks[level] = append(hooks[level], hook)
	}
}

// Fire all the hooks for the passed level.
func (hooks LevelHooks) Fire(level Level, entry *Entry) error {
	for _, hook := range hooks[level] {
		if err := hook.Fire(entry); err != nil {
			return err
		}
	}
	return nil
}

// Formatter is implemented by formatters that turn an *Entry into bytes.
type Formatter interface {
	Format(*Entry) ([]byte, error)
}

// TextFormatter formats logs into text.
type TextFormatter struct {
	ForceColors      bool
	DisableColors    bool
	DisableTimestamp bool
	FullTimestamp    bool
	TimestampFormat  string
	DisableQuote     bool
}

// Format renders a single log entry.
func (f *TextFormatter) Format(entry *Entry) ([]byte, error) {
	var b bytes.Buffer
	fmt.Fprintf(&b, "level=%s msg=%q", entry.Level, entry.Message)
	for k, v := range entry.Data {
		fmt.Fprintf(&b, " %s=%v", k, v)
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
}

// JSONFormatter formats logs into parsable json.
type JSONFormatter struct {
	TimestampFormat  string
	DisableTimestamp bool
	PrettyPrint      bool
}

// Format renders a single log entry.
func (f *JSONFormatter) Format(entry *Entry) ([]byte, error) {
	return []byte(fmt.Sprintf("{\"level\":%q,\"msg\":%q}\n", entry.Level.String(), entry.Message)), nil
}

// BufferPool is the pool of buffers used to format log entries.
type BufferPool interface {
	Put(*bytes.Buffer)
	Get() *bytes.Buffer
}

// LogFunction For big messages, it can be more efficient to pass a function
// and only call it if the log level is actually enabled.
type LogFunction func() []any

// Logger is the logrus logger.
type Logger struct {
	// The logs are `io.Copy`'d to this in a mutex.
	Out io.Writer
	// Hooks for the logger instance.
	Hooks LevelHooks
	// All log entries pass through the formatter before logged to Out.
	Formatter Formatter
	// Flag for whether to log caller info (off by default).
	ReportCaller bool
	// The logging level the logger should log at.
	Level Level

	mu sync.Mutex

	// Function to exit the application, defaults to `os.Exit()`.
	ExitFunc func(int)

	// The buffer pool used to format the log.
	BufferPool BufferPool
}

// New creates a new logger.
func New() *Logger {
	return &Logger{
		Out:          os.Stderr,
		Formatter:    new(TextFormatter),
		Hooks:        make(LevelHooks),
		Level:        InfoLevel,
		ExitFunc:     os.Exit,
		ReportCaller: false,
	}
}

func (logger *Logger) newEntry() *Entry { return NewEntry(logger) }

// WithField allocates a new entry and adds a field to it.
func (logger *Logger) WithField(key string, value any) *Entry {
	return logger.newEntry().WithField(key, value)
}

// WithFields adds a struct of fields to the log entry.
func (logger *Logger) WithFields(fields Fields) *Entry {
	return logger.newEntry().WithFields(fields)
}

// WithError adds an error as single field to the log entry.
func (logger *Logger) WithError(err error) *Entry {
	return logger.newEntry().WithError(err)
}

// WithContext add a context to the log entry.
func (logger *Logger) WithContext(ctx context.Context) *Entry {
	return logger.newEntry().WithContext(ctx)
}

// WithTime overrides the time of the log entry.
func (logger *Logger) WithTime(t time.Time) *Entry {
	return logger.newEntry().WithTime(t)
}

// Logf logs a formatted message at the specified level. It never panics or exits.
func (logger *Logger) Logf(level Level, format string, args ...any) {
	if logger.IsLevelEnabled(level) {
		logger.newEntry().Logf(level, format, args...)
	}
}

func (logger *Logger) Tracef(format string, args ...any)   { logger.Logf(TraceLevel, format, args...) }
func (logger *Logger) Debugf(format string, args ...any)   { logger.Logf(DebugLevel, format, args...) }
func (logger *Logger) Infof(format string, args ...any)    { logger.Logf(InfoLevel, format, args...) }
func (logger *Logger) Printf(format string, args ...any)   { logger.newEntry().Printf(format, args...) }
func (logger *Logger) Warnf(format string, args ...any)    { logger.Logf(WarnLevel, format, args...) }
func (logger *Logger) Warningf(format string, args ...any) { logger.Warnf(format, args...) }
func (logger *Logger) Errorf(format string, args ...any)   { logger.Logf(ErrorLevel, format, args...) }

func (logger *Logger) Fatalf(format string, args ...any) {
	logger.Logf(FatalLevel, format, args...)
	logger.Exit(1)
}

func (logger *Logger) Panicf(format string, args ...any) {
	if logger.IsLevelEnabled(PanicLevel) {
		logger.newEntry().Panicf(format, args...)
	}
}

// Log logs a message at the specified level. It never panics or exits.
func (logger *Logger) Log(level Level, args ...any) {
	if logger.IsLevelEnabled(level) {
		logger.newEntry().Log(level, args...)
	}
}

// LogFn logs a message returned by fn at the specified level. It never panics or exits.
func (logger *Logger) LogFn(level Level, fn LogFunction) {
	if logger.IsLevelEnabled(level) {
		logger.newEntry().Log(level, fn()...)
	}
}

func (logger *Logger) Trace(args ...any)   { logger.Log(TraceLevel, args...) }
func (logger *Logger) Debug(args ...any)   { logger.Log(DebugLevel, args...) }
func (logger *Logger) Info(args ...any)    { logger.Log(InfoLevel, args...) }
func (logger *Logger) Print(args ...any)   { logger.newEntry().Print(args...) }
func (logger *Logger) Warn(args ...any)    { logger.Log(WarnLevel, args...) }
func (logger *Logger) Warning(args ...any) { logger.Warn(args...) }
func (logger *Logger) Error(args ...any)   { logger.Log(ErrorLevel, args...) }

func (logger *Logger) Fatal(args ...any) {
	logger.Log(FatalLevel, args...)
	logger.Exit(1)
}

func (logger *Logger) Panic(args ...any) {
	if logger.IsLevelEnabled(PanicLevel) {
		logger.newEntry().Panic(args...)
	}
}

func (logger *Logger) TraceFn(fn LogFunction)   { logger.LogFn(TraceLevel, fn) }
func (logger *Logger) DebugFn(fn LogFunction)   { logger.LogFn(DebugLevel, fn) }
func (logger *Logger) InfoFn(fn LogFunction)    { logger.LogFn(InfoLevel, fn) }
func (logger *Logger) PrintFn(fn LogFunction)   { logger.newEntry().Print(fn()...) }
func (logger *Logger) WarnFn(fn LogFunction)    { logger.LogFn(WarnLevel, fn) }
func (logger *Logger) WarningFn(fn LogFunction) { logger.WarnFn(fn) }
func (logger *Logger) ErrorFn(fn LogFunction)   { logger.LogFn(ErrorLevel, fn) }

func (logger *Logger) FatalFn(fn LogFunction) {
	logger.LogFn(FatalLevel, fn)
	logger.Exit(1)
}

func (logger *Logger) PanicFn(fn LogFunction) {
	if logger.IsLevelEnabled(PanicLevel) {
		logger.newEntry().Panic(fn()...)
	}
}

// Logln logs a message at the specified level with Println-style spacing.
// It never panics or exits.
func (logger *Logger) Logln(level Level, args ...any) {
	if logger.IsLevelEnabled(level) {
		logger.newEntry().Logln(level, args...)
	}
}

func (logger *Logger) Traceln(args ...any)   { logger.Logln(TraceLevel, args...) }
func (logger *Logger) Debugln(args ...any)   { logger.Logln(DebugLevel, args...) }
func (logger *Logger) Infoln(args ...any)    { logger.Logln(InfoLevel, args...) }
func (logger *Logger) Println(args ...any)   { logger.newEntry().Println(args...) }
func (logger *Logger) Warnln(args ...any)    { logger.Logln(WarnLevel, args...) }
func (logger *Logger) Warningln(args ...any) { logger.Warnln(args...) }
func (logger *Logger) Errorln(args ...any)   { logger.Logln(ErrorLevel, args...) }

func (logger *Logger) Fatalln(args ...any) {
	logger.Logln(FatalLevel, args...)
	logger.Exit(1)
}

func (logger *Logger) Panicln(args ...any) {
	if logger.IsLevelEnabled(PanicLevel) {
		logger.newEntry().Panicln(args...)
	}
}

// Exit runs the exit handlers and terminates the program.
func (logger *Logger) Exit(code int) {
	runHandlers()
	if logger.ExitFunc != nil {
		logger.ExitFunc(code)
	}
	os.Exit(code)
}

// SetNoLock disables the lock.
func (logger *Logger) SetNoLock() {}

// SetLevel sets the logger level.
func (logger *Logger) SetLevel(level Level) { logger.Level = level }

// GetLevel returns the logger level.
func (logger *Logger) GetLevel() Level { return logger.Level }

// AddHook adds a hook to the logger hooks.
func (logger *Logger) AddHook(hook Hook) {
	logger.mu.Lock()
	defer logger.mu.Unlock()
	if logger.Hooks == nil {
		logger.Hooks = make(LevelHooks)
	}
	logger.Hooks.Add(hook)
}

// IsLevelEnabled checks if the log level of the logger is greater than the level param.
func (logger *Logger) IsLevelEnabled(level Level) bool { return logger.Level >= level }

// SetFormatter sets the logger formatter.
func (logger *Logger) SetFormatter(formatter Formatter) { logger.Formatter = formatter }

// SetOutput sets the logger output.
func (logger *Logger) SetOutput(output io.Writer) { logger.Out = output }

// SetReportCaller sets whether to report the caller.
func (logger *Logger) SetReportCaller(reportCaller bool) { logger.ReportCaller = reportCaller }

// ReplaceHooks replaces the logger hooks and returns the old ones.
func (logger *Logger) ReplaceHooks(hooks LevelHooks) LevelHooks {
	old := logger.Hooks
	logger.Hooks = hooks
	return old
}

// SetBufferPool sets the logger buffer pool.
func (logger *Logger) SetBufferPool(pool BufferPool) { logger.BufferPool = pool }

// ErrorKey defines the key when adding errors using WithError.
var ErrorKey = "error"

// Entry is the final or intermediate Logrus logging entry.
type Entry struct {
	Logger  *Logger
	Data    Fields
	Time    time.Time
	Level   Level
	Caller  *runtime.Frame
	Message string
	Buffer  *bytes.Buffer
	Context context.Context
}

// NewEntry creates a new Entry associated with the provided Logger.
func NewEntry(logger *Logger) *Entry {
	return &Entry{Logger: logger, Data: make(Fields, 6)}
}

// Dup creates a copy of the entry for further modification.
func (entry *Entry) Dup() *Entry {
	dup := *entry
	dup.Data = make(Fields, len(entry.Data))
	for k, v := range entry.Data {
		dup.Data[k] = v
	}
	return &dup
}

// Bytes returns the bytes representation of this entry from the formatter.
func (entry *Entry) Bytes() ([]byte, error) {
	return entry.Logger.Formatter.Format(entry)
}

// String returns the string representation from the reader and ultimately the formatter.
func (entry *Entry) String() (string, error) {
	b, err := entry.Bytes()
	return string(b), err
}

// WithError adds an error as single field (using the key defined in ErrorKey) to the Entry.
func (entry *Entry) WithError(err error) *Entry { return entry.WithField(ErrorKey, err) }

// WithContext adds a context to the Entry.
func (entry *Entry) WithContext(ctx context.Context) *Entry {
	dup := entry.Dup()
	dup.Context = ctx
	return dup
}

// WithField adds a single field to the Entry.
func (entry *Entry) WithField(key string, value any) *Entry {
	return entry.WithFields(Fields{key: value})
}

// WithFields adds a map of fields to the Entry.
func (entry *Entry) WithFields(fields Fields) *Entry {
	dup := entry.Dup()
	for k, v := range fields {
		dup.Data[k] = v
	}
	return dup
}

// WithTime overrides the time of the Entry.
func (entry *Entry) WithTime(t time.Time) *Entry {
	dup := entry.Dup()
	dup.Time = t
	return dup
}

// HasCaller returns true if the entry has caller information.
func (entry Entry) HasCaller() bool { return entry.Caller != nil }

func (entry *Entry) logArgs(level Level, panicAfter bool, args ...any) {
	entry.log(level, panicAfter, fmt.Sprint(args...))
}

func (entry *Entry) logf(level Level, panicAfter bool, format string, args ...any) {
	entry.log(level, panicAfter, fmt.Sprintf(format, args...))
}

func (entry *Entry) logln(level Level, panicAfter bool, args ...any) {
	msg := fmt.Sprintln(args...)
	entry.log(level, panicAfter, msg[:len(msg)-1])
}

// log writes msg at level. If panicAfter is true, it panics with the fully
// populated entry after hooks and output have completed. It never exits.
func (entry *Entry) log(level Level, panicAfter bool, msg string) {
	newEntry := entry.Dup()
	if newEntry.Time.IsZero() {
		newEntry.Time = time.Now()
	}
	newEntry.Level = level
	newEntry.Message = msg

	logger := newEntry.Logger
	if err := logger.Hooks.Fire(level, newEntry); err != nil {
		fmt.Fprintln(os.Stderr, "Failed to fire hook:", err)
	}
	if logger.Formatter != nil && logger.Out != nil {
		if b, err := logger.Formatter.Format(newEntry); err == nil {
			logger.mu.Lock()
			_, _ = logger.Out.Write(b)
			logger.mu.Unlock()
		}
	}

	if panicAfter {
		panic(newEntry)
	}
}

// Log logs a message at the specified level. It never panics or exits.
func (entry *Entry) Log(level Level, args ...any) {
	if entry.Logger.IsLevelEnabled(level) {
		entry.logArgs(level, false, args...)
	}
}

func (entry *Entry) Trace(args ...any)   { entry.Log(TraceLevel, args...) }
func (entry *Entry) Debug(args ...any)   { entry.Log(DebugLevel, args...) }
func (entry *Entry) Print(args ...any)   { entry.Info(args...) }
func (entry *Entry) Info(args ...any)    { entry.Log(InfoLevel, args...) }
func (entry *Entry) Warn(args ...any)    { entry.Log(WarnLevel, args...) }
func (entry *Entry) Warning(args ...any) { entry.Warn(args...) }
func (entry *Entry) Error(args ...any)   { entry.Log(ErrorLevel, args...) }

func (entry *Entry) Fatal(args ...any) {
	entry.Log(FatalLevel, args...)
	entry.Logger.Exit(1)
}

func (entry *Entry) Panic(args ...any) {
	if entry.Logger.IsLevelEnabled(PanicLevel) {
		entry.logArgs(PanicLevel, true, args...)
	}
}

// Logf logs a formatted message at the specified level. It never panics or exits.
func (entry *Entry) Logf(level Level, format string, args ...any) {
	if entry.Logger.IsLevelEnabled(level) {
		entry.logf(level, false, format, args...)
	}
}

func (entry *Entry) Tracef(format string, args ...any)   { entry.Logf(TraceLevel, format, args...) }
func (entry *Entry) Debugf(format string, args ...any)   { entry.Logf(DebugLevel, format, args...) }
func (entry *Entry) Infof(format string, args ...any)    { entry.Logf(InfoLevel, format, args...) }
func (entry *Entry) Printf(format string, args ...any)   { entry.Infof(format, args...) }
func (entry *Entry) Warnf(format string, args ...any)    { entry.Logf(WarnLevel, format, args...) }
func (entry *Entry) Warningf(format string, args ...any) { entry.Warnf(format, args...) }
func (entry *Entry) Errorf(format string, args ...any)   { entry.Logf(ErrorLevel, format, args...) }

func (entry *Entry) Fatalf(format string, args ...any) {
	entry.Logf(FatalLevel, format, args...)
	entry.Logger.Exit(1)
}

func (entry *Entry) Panicf(format string, args ...any) {
	if entry.Logger.IsLevelEnabled(PanicLevel) {
		entry.logf(PanicLevel, true, format, args...)
	}
}

// Logln logs a message at the specified level with Println-style spacing.
// It never panics or exits.
func (entry *Entry) Logln(level Level, args ...any) {
	if entry.Logger.IsLevelEnabled(level) {
		entry.logln(level, false, args...)
	}
}

func (entry *Entry) Traceln(args ...any)   { entry.Logln(TraceLevel, args...) }
func (entry *Entry) Debugln(args ...any)   { entry.Logln(DebugLevel, args...) }
func (entry *Entry) Infoln(args ...any)    { entry.Logln(InfoLevel, args...) }
func (entry *Entry) Println(args ...any)   { entry.Infoln(args...) }
func (entry *Entry) Warnln(args ...any)    { entry.Logln(WarnLevel, args...) }
func (entry *Entry) Warningln(args ...any) { entry.Warnln(args...) }
func (entry *Entry) Errorln(args ...any)   { entry.Logln(ErrorLevel, args...) }

func (entry *Entry) Fatalln(args ...any) {
	entry.Logln(FatalLevel, args...)
	entry.Logger.Exit(1)
}

func (entry *Entry) Panicln(args ...any) {
	if entry.Logger.IsLevelEnabled(PanicLevel) {
		entry.logln(PanicLevel, true, args...)
	}
}

var handlers = []func(){}

func runHandler(handler func()) {
	defer func() {
		if err := recover(); err != nil {
			fmt.Fprintln(os.Stderr, "Error: Logrus exit handler error:", err)
		}
	}()
	handler()
}

func runHandlers() {
	for _, handler := range handlers {
		runHandler(handler)
	}
}

// Exit runs all the Logrus atexit handlers and then terminates the program using os.Exit(code).
func Exit(code int) {
	runHandlers()
	os.Exit(code)
}

// RegisterExitHandler appends a Logrus Exit handler to the list of handlers.
func RegisterExitHandler(handler func()) {
	handlers = append(handlers, handler)
}

// DeferExitHandler prepends a Logrus Exit handler to the list of handlers.
func DeferExitHandler(handler func()) {
	handlers = append([]func(){handler}, handlers...)
}
