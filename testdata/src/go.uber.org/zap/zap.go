// Package zap is a test stub for analysistest that mirrors the exported API
// shape of go.uber.org/zap (v1.28.0). It is not the real package.
//
// Bodies are minimal but keep the real control flow: every logging method of
// Logger and SugaredLogger goes through the internal (*Logger).check, which
// attaches a terminal zapcore.CheckWriteHook for PanicLevel, FatalLevel and
// (in development mode) DPanicLevel; the returned (*zapcore.CheckedEntry).Write
// then writes the entry and runs that hook. So Fatal* calls os.Exit(1),
// Panic* panics, DPanic* panics only in development, and everything else
// (including Log/Logf/Logw/Logln at a non-terminal level) just logs.
// Must panics when its error argument is non-nil.
package zap

import (
	"errors"
	"fmt"
	"io"
	"log"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"go.uber.org/zap/zapcore"
)

// Field is an alias for zapcore.Field.
type Field = zapcore.Field

const (
	// DebugLevel logs are typically voluminous.
	DebugLevel = zapcore.DebugLevel
	// InfoLevel is the default logging priority.
	InfoLevel = zapcore.InfoLevel
	// WarnLevel logs are more important than Info.
	WarnLevel = zapcore.WarnLevel
	// ErrorLevel logs are high-priority.
	ErrorLevel = zapcore.ErrorLevel
	// DPanicLevel logs are particularly important errors. In development the
	// logger panics after writing the message.
	DPanicLevel = zapcore.DPanicLevel
	// PanicLevel logs a message, then panics.
	PanicLevel = zapcore.PanicLevel
	// FatalLevel logs a message, then calls os.Exit(1).
	FatalLevel = zapcore.FatalLevel
)

// LevelEnablerFunc is a convenient way to implement zapcore.LevelEnabler with
// an anonymous function.
type LevelEnablerFunc func(zapcore.Level) bool

// Enabled calls the wrapped function.
func (f LevelEnablerFunc) Enabled(lvl zapcore.Level) bool { return f(lvl) }

// An AtomicLevel is an atomically changeable, dynamic logging level.
type AtomicLevel struct {
	l *int32
}

// NewAtomicLevel creates an AtomicLevel with InfoLevel and above logging enabled.
func NewAtomicLevel() AtomicLevel { return NewAtomicLevelAt(InfoLevel) }

// NewAtomicLevelAt is a convenience function that creates an AtomicLevel
// and then calls SetLevel with the given level.
func NewAtomicLevelAt(l zapcore.Level) AtomicLevel {
	a := AtomicLevel{l: new(int32)}
	a.SetLevel(l)
	return a
}

// Enabled implements the zapcore.LevelEnabler interface.
func (lvl AtomicLevel) Enabled(l zapcore.Level) bool { return lvl.Level().Enabled(l) }

// Level returns the minimum enabled log level.
func (lvl AtomicLevel) Level() zapcore.Level { return zapcore.Level(int8(atomic.LoadInt32(lvl.l))) }

// SetLevel alters the logging level.
func (lvl AtomicLevel) SetLevel(l zapcore.Level) { atomic.StoreInt32(lvl.l, int32(l)) }

// String returns the string representation of the underlying Level.
func (lvl AtomicLevel) String() string { return lvl.Level().String() }

// writerCore is the stub's stand-in for zapcore.NewCore(encoder, ws, enab).
type writerCore struct {
	zapcore.LevelEnabler
	out    zapcore.WriteSyncer
	fields []Field
}

func (c *writerCore) With(fields []Field) zapcore.Core {
	clone := *c
	clone.fields = append(append([]Field{}, c.fields...), fields...)
	return &clone
}

func (c *writerCore) Check(ent zapcore.Entry, ce *zapcore.CheckedEntry) *zapcore.CheckedEntry {
	if c.Enabled(ent.Level) {
		return ce.AddCore(ent, c)
	}
	return ce
}

func (c *writerCore) Write(ent zapcore.Entry, fields []Field) error {
	_, err := fmt.Fprintf(c.out, "%s\t%s\t%s\n", ent.Level, ent.LoggerName, ent.Message)
	return err
}

func (c *writerCore) Sync() error { return c.out.Sync() }

// A Logger provides fast, leveled, structured logging.
type Logger struct {
	core zapcore.Core

	development bool
	addCaller   bool
	onPanic     zapcore.CheckWriteHook // default is WriteThenPanic
	onFatal     zapcore.CheckWriteHook // default is WriteThenFatal

	name        string
	errorOutput zapcore.WriteSyncer

	callerSkip int
}

// New constructs a new Logger from the provided zapcore.Core and Options.
func New(core zapcore.Core, options ...Option) *Logger {
	if core == nil {
		return NewNop()
	}
	log := &Logger{core: core, errorOutput: zapcore.AddSync(os.Stderr)}
	return log.WithOptions(options...)
}

// NewNop returns a no-op Logger. It never writes out logs or internal errors,
// but Panic and Fatal still panic and exit.
func NewNop() *Logger {
	return &Logger{core: zapcore.NewNopCore(), errorOutput: zapcore.AddSync(io.Discard)}
}

// NewProduction builds a sensible production Logger that writes InfoLevel and
// above logs to standard error.
func NewProduction(options ...Option) (*Logger, error) {
	return NewProductionConfig().Build(options...)
}

// NewDevelopment builds a development Logger that writes DebugLevel and above
// logs to standard error.
func NewDevelopment(options ...Option) (*Logger, error) {
	return NewDevelopmentConfig().Build(options...)
}

// Must is a helper that wraps a call to a function returning (*Logger, error)
// and panics if the error is non-nil.
func Must(logger *Logger, err error) *Logger {
	if err != nil {
		panic(err)
	}
	return logger
}

// NewExample builds a Logger that's designed for use in zap's testable examples.
func NewExample(options ...Option) *Logger {
	core := &writerCore{LevelEnabler: DebugLevel, out: zapcore.AddSync(os.Stdout)}
	return New(core).WithOptions(options...)
}

// Sugar wraps the Logger to provide a more ergonomic, but slightly slower, API.
func (log *Logger) Sugar() *SugaredLogger {
	core := log.clone()
	core.callerSkip += 2
	return &SugaredLogger{core}
}

// Named adds a new path segment to the logger's name.
func (log *Logger) Named(s string) *Logger {
	if s == "" {
		return log
	}
	l := log.clone()
	if log.name == "" {
		l.name = s
	} else {
		l.name = log.name + "." + s
	}
	return l
}

// WithOptions clones the current Logger, applies the supplied Options, and
// returns the resulting Logger.
func (log *Logger) WithOptions(opts ...Option) *Logger {
	c := log.clone()
	for _, opt := range opts {
		opt.apply(c)
	}
	return c
}

// With creates a child logger and adds structured context to it.
func (log *Logger) With(fields ...Field) *Logger {
	if len(fields) == 0 {
		return log
	}
	l := log.clone()
	l.core = l.core.With(fields)
	return l
}

// WithLazy creates a child logger and adds structured context to it lazily.
func (log *Logger) WithLazy(fields ...Field) *Logger { return log.With(fields...) }

// Level reports the minimum enabled level for this logger.
func (log *Logger) Level() zapcore.Level {
	for l := DebugLevel; l <= FatalLevel; l++ {
		if log.core.Enabled(l) {
			return l
		}
	}
	return FatalLevel + 1
}

// Check returns a CheckedEntry if logging a message at the specified level
// is enabled.
func (log *Logger) Check(lvl zapcore.Level, msg string) *zapcore.CheckedEntry {
	return log.check(lvl, msg)
}

// Log logs a message at the specified level.
func (log *Logger) Log(lvl zapcore.Level, msg string, fields ...Field) {
	if ce := log.check(lvl, msg); ce != nil {
		ce.Write(fields...)
	}
}

// Debug logs a message at DebugLevel.
func (log *Logger) Debug(msg string, fields ...Field) {
	if ce := log.check(DebugLevel, msg); ce != nil {
		ce.Write(fields...)
	}
}

// Info logs a message at InfoLevel.
func (log *Logger) Info(msg string, fields ...Field) {
	if ce := log.check(InfoLevel, msg); ce != nil {
		ce.Write(fields...)
	}
}

// Warn logs a message at WarnLevel.
func (log *Logger) Warn(msg string, fields ...Field) {
	if ce := log.check(WarnLevel, msg); ce != nil {
		ce.Write(fields...)
	}
}

// Error logs a message at ErrorLevel.
func (log *Logger) Error(msg string, fields ...Field) {
	if ce := log.check(ErrorLevel, msg); ce != nil {
		ce.Write(fields...)
	}
}

// DPanic logs a message at DPanicLevel. If the logger is in development mode,
// it then panics.
func (log *Logger) DPanic(msg string, fields ...Field) {
	if ce := log.check(DPanicLevel, msg); ce != nil {
		ce.Write(fields...)
	}
}

// Panic logs a message at PanicLevel, then panics.
func (log *Logger) Panic(msg string, fields ...Field) {
	if ce := log.check(PanicLevel, msg); ce != nil {
		ce.Write(fields...)
	}
}

// Fatal logs a message at FatalLevel, then calls os.Exit(1).
func (log *Logger) Fatal(msg string, fields ...Field) {
	if ce := log.check(FatalLevel, msg); ce != nil {
		ce.Write(fields...)
	}
}

// Sync calls the underlying Core's Sync method.
func (log *Logger) Sync() error { return log.core.Sync() }

// Core returns the Logger's underlying zapcore.Core.
func (log *Logger) Core() zapcore.Core { return log.core }

// Name returns the Logger's underlying name, or an empty string if the logger is unnamed.
func (log *Logger) Name() string { return log.name }

func (log *Logger) clone() *Logger {
	clone := *log
	return &clone
}

func (log *Logger) check(lvl zapcore.Level, msg string) *zapcore.CheckedEntry {
	// Since Panic and higher may exit, we skip the optimization for those levels.
	if lvl < zapcore.DPanicLevel && !log.core.Enabled(lvl) {
		return nil
	}

	ent := zapcore.Entry{
		LoggerName: log.name,
		Time:       time.Now(),
		Level:      lvl,
		Message:    msg,
	}
	ce := log.core.Check(ent, nil)

	// Set up any required terminal behavior.
	switch ent.Level {
	case zapcore.PanicLevel:
		ce = ce.After(ent, terminalHookOverride(zapcore.WriteThenPanic, log.onPanic))
	case zapcore.FatalLevel:
		ce = ce.After(ent, terminalHookOverride(zapcore.WriteThenFatal, log.onFatal))
	case zapcore.DPanicLevel:
		if log.development {
			ce = ce.After(ent, terminalHookOverride(zapcore.WriteThenPanic, log.onPanic))
		}
	}
	if ce != nil {
		ce.ErrorOutput = log.errorOutput
	}
	return ce
}

func terminalHookOverride(defaultHook, override zapcore.CheckWriteHook) zapcore.CheckWriteHook {
	// A nil or WriteThenNoop hook would lead to continued execution after a
	// Panic or Fatal log entry, which is unexpected.
	if override == nil || override == zapcore.WriteThenNoop {
		return defaultHook
	}
	return override
}

// An Option configures a Logger.
type Option interface {
	apply(*Logger)
}

type optionFunc func(*Logger)

func (f optionFunc) apply(log *Logger) { f(log) }

// WrapCore wraps or replaces the Logger's underlying zapcore.Core.
func WrapCore(f func(zapcore.Core) zapcore.Core) Option {
	return optionFunc(func(log *Logger) { log.core = f(log.core) })
}

// Fields adds fields to the Logger.
func Fields(fs ...Field) Option {
	return optionFunc(func(log *Logger) { log.core = log.core.With(fs) })
}

// ErrorOutput sets the destination for errors generated by the Logger.
func ErrorOutput(w zapcore.WriteSyncer) Option {
	return optionFunc(func(log *Logger) { log.errorOutput = w })
}

// Development puts the logger in development mode, which makes DPanic-level
// logs panic instead of simply logging an error.
func Development() Option {
	return optionFunc(func(log *Logger) { log.development = true })
}

// AddCaller configures the Logger to annotate each message with the caller.
func AddCaller() Option { return WithCaller(true) }

// WithCaller configures the Logger to annotate each message with the caller,
// or not, depending on the value of enabled.
func WithCaller(enabled bool) Option {
	return optionFunc(func(log *Logger) { log.addCaller = enabled })
}

// AddCallerSkip increases the number of callers skipped by caller annotation.
func AddCallerSkip(skip int) Option {
	return optionFunc(func(log *Logger) { log.callerSkip += skip })
}

// AddStacktrace configures the Logger to record a stack trace for all messages
// at or above a given level.
func AddStacktrace(lvl zapcore.LevelEnabler) Option {
	return optionFunc(func(log *Logger) { _ = lvl })
}

// WithPanicHook sets a CheckWriteHook to run on Panic/DPanic logs.
func WithPanicHook(hook zapcore.CheckWriteHook) Option {
	return optionFunc(func(log *Logger) { log.onPanic = hook })
}

// OnFatal sets the action to take on fatal logs.
//
// Deprecated: Use WithFatalHook instead.
func OnFatal(action zapcore.CheckWriteAction) Option { return WithFatalHook(action) }

// WithFatalHook sets a CheckWriteHook to run on fatal logs.
func WithFatalHook(hook zapcore.CheckWriteHook) Option {
	return optionFunc(func(log *Logger) { log.onFatal = hook })
}

// Config offers a declarative way to construct a logger.
type Config struct {
	Level             AtomicLevel            `json:"level" yaml:"level"`
	Development       bool                   `json:"development" yaml:"development"`
	DisableCaller     bool                   `json:"disableCaller" yaml:"disableCaller"`
	DisableStacktrace bool                   `json:"disableStacktrace" yaml:"disableStacktrace"`
	Encoding          string                 `json:"encoding" yaml:"encoding"`
	OutputPaths       []string               `json:"outputPaths" yaml:"outputPaths"`
	ErrorOutputPaths  []string               `json:"errorOutputPaths" yaml:"errorOutputPaths"`
	InitialFields     map[string]interface{} `json:"initialFields" yaml:"initialFields"`
}

// NewProductionConfig builds a reasonable default production logging configuration.
func NewProductionConfig() Config {
	return Config{
		Level:            NewAtomicLevelAt(InfoLevel),
		Encoding:         "json",
		OutputPaths:      []string{"stderr"},
		ErrorOutputPaths: []string{"stderr"},
	}
}

// NewDevelopmentConfig builds a reasonable default development logging configuration.
func NewDevelopmentConfig() Config {
	return Config{
		Level:            NewAtomicLevelAt(DebugLevel),
		Development:      true,
		Encoding:         "console",
		OutputPaths:      []string{"stderr"},
		ErrorOutputPaths: []string{"stderr"},
	}
}

// Build constructs a logger from the Config and Options.
func (cfg Config) Build(opts ...Option) (*Logger, error) {
	if cfg.Level.l == nil {
		return nil, errors.New("missing Level")
	}
	log := New(&writerCore{LevelEnabler: cfg.Level, out: zapcore.AddSync(os.Stderr)})
	if cfg.Development {
		log = log.WithOptions(Development())
	}
	if !cfg.DisableCaller {
		log = log.WithOptions(AddCaller())
	}
	return log.WithOptions(opts...), nil
}

var (
	_globalMu sync.RWMutex
	_globalL  = NewNop()
	_globalS  = _globalL.Sugar()
)

// L returns the global Logger, which can be reconfigured with ReplaceGlobals.
func L() *Logger {
	_globalMu.RLock()
	l := _globalL
	_globalMu.RUnlock()
	return l
}

// S returns the global SugaredLogger, which can be reconfigured with ReplaceGlobals.
func S() *SugaredLogger {
	_globalMu.RLock()
	s := _globalS
	_globalMu.RUnlock()
	return s
}

// ReplaceGlobals replaces the global Logger and SugaredLogger, and returns a
// function to restore the original values.
func ReplaceGlobals(logger *Logger) func() {
	_globalMu.Lock()
	prev := _globalL
	_globalL = logger
	_globalS = logger.Sugar()
	_globalMu.Unlock()
	return func() { ReplaceGlobals(prev) }
}

type loggerWriter struct {
	logFunc func(msg string, fields ...Field)
}

func (l *loggerWriter) Write(p []byte) (int, error) {
	l.logFunc(string(p))
	return len(p), nil
}

// NewStdLog returns a *log.Logger which writes to the supplied zap Logger at InfoLevel.
func NewStdLog(l *Logger) *log.Logger {
	return log.New(&loggerWriter{l.Info}, "" /* prefix */, 0 /* flags */)
}

// RedirectStdLog redirects output from the standard library's package-global
// logger to the supplied logger at InfoLevel.
func RedirectStdLog(l *Logger) func() {
	flags, prefix := log.Flags(), log.Prefix()
	log.SetFlags(0)
	log.SetPrefix("")
	log.SetOutput(&loggerWriter{l.Info})
	return func() {
		log.SetFlags(flags)
		log.SetPrefix(prefix)
		log.SetOutput(os.Stderr)
	}
}

// Skip constructs a no-op field.
func Skip() Field { return Field{Type: zapcore.SkipType} }

// Any takes a key and an arbitrary value and chooses the best way to represent them as a field.
func Any(key string, value interface{}) Field {
	return Field{Key: key, Type: zapcore.ReflectType, Interface: value}
}

// Reflect constructs a field with the given key and an arbitrary object.
func Reflect(key string, val interface{}) Field {
	return Field{Key: key, Type: zapcore.ReflectType, Interface: val}
}

// Bool constructs a field that carries a bool.
func Bool(key string, val bool) Field {
	var i int64
	if val {
		i = 1
	}
	return Field{Key: key, Type: zapcore.BoolType, Integer: i}
}

// Duration constructs a field with the given key and value.
func Duration(key string, val time.Duration) Field {
	return Field{Key: key, Type: zapcore.DurationType, Integer: int64(val)}
}

// Error is shorthand for the common idiom NamedError("error", err).
func Error(err error) Field { return NamedError("error", err) }

// NamedError constructs a field that lazily stores err.Error() under the provided key.
func NamedError(key string, err error) Field {
	if err == nil {
		return Skip()
	}
	return Field{Key: key, Type: zapcore.ErrorType, Interface: err}
}

// Float64 constructs a field that carries a float64.
func Float64(key string, val float64) Field {
	return Field{Key: key, Type: zapcore.ReflectType, Interface: val}
}

// Int constructs a field with the given key and value.
func Int(key string, val int) Field { return Int64(key, int64(val)) }

// Int32 constructs a field with the given key and value.
func Int32(key string, val int32) Field { return Int64(key, int64(val)) }

// Int64 constructs a field with the given key and value.
func Int64(key string, val int64) Field {
	return Field{Key: key, Type: zapcore.Int64Type, Integer: val}
}

// Uint constructs a field with the given key and value.
func Uint(key string, val uint) Field { return Int64(key, int64(val)) }

// Uint64 constructs a field with the given key and value.
func Uint64(key string, val uint64) Field { return Int64(key, int64(val)) }

// String constructs a field with the given key and value.
func String(key string, val string) Field {
	return Field{Key: key, Type: zapcore.StringType, String: val}
}

// Strings constructs a field that carries a slice of strings.
func Strings(key string, ss []string) Field {
	return Field{Key: key, Type: zapcore.ReflectType, Interface: ss}
}

// Stringer constructs a field with the given key and the output of the value's String method.
func Stringer(key string, val fmt.Stringer) Field {
	return Field{Key: key, Type: zapcore.ReflectType, Interface: val}
}

// Time constructs a Field with the given key and value.
func Time(key string, val time.Time) Field {
	return Field{Key: key, Type: zapcore.ReflectType, Interface: val}
}
