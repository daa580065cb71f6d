package zap

import (
	"fmt"

	"go.uber.org/zap/zapcore"
)

// A SugaredLogger wraps the base Logger functionality in a slower, but less
// verbose, API. All its logging methods go through the internal log/logln,
// which call (*Logger).Check and (*zapcore.CheckedEntry).Write; so Fatal*
// exits, Panic* panics and DPanic* panics in development only.
type SugaredLogger struct {
	base *Logger
}

// Desugar unwraps a SugaredLogger, exposing the original Logger.
func (s *SugaredLogger) Desugar() *Logger {
	base := s.base.clone()
	base.callerSkip -= 2
	return base
}

// Named adds a sub-scope to the logger's name.
func (s *SugaredLogger) Named(name string) *SugaredLogger {
	return &SugaredLogger{base: s.base.Named(name)}
}

// WithOptions clones the current SugaredLogger, applies the supplied Options,
// and returns the result.
func (s *SugaredLogger) WithOptions(opts ...Option) *SugaredLogger {
	return &SugaredLogger{base: s.base.WithOptions(opts...)}
}

// With adds a variadic number of fields to the logging context.
func (s *SugaredLogger) With(args ...interface{}) *SugaredLogger {
	return &SugaredLogger{base: s.base.With(s.sweetenFields(args)...)}
}

// WithLazy adds a variadic number of fields to the logging context lazily.
func (s *SugaredLogger) WithLazy(args ...interface{}) *SugaredLogger {
	return &SugaredLogger{base: s.base.WithLazy(s.sweetenFields(args)...)}
}

// Level reports the minimum enabled level for this logger.
func (s *SugaredLogger) Level() zapcore.Level { return s.base.Level() }

// Log logs the provided arguments at provided level.
func (s *SugaredLogger) Log(lvl zapcore.Level, args ...interface{}) { s.log(lvl, "", args, nil) }

// Debug logs the provided arguments at DebugLevel.
func (s *SugaredLogger) Debug(args ...interface{}) { s.log(DebugLevel, "", args, nil) }

// Info logs the provided arguments at InfoLevel.
func (s *SugaredLogger) Info(args ...interface{}) { s.log(InfoLevel, "", args, nil) }

// Warn logs the provided arguments at WarnLevel.
func (s *SugaredLogger) Warn(args ...interface{}) { s.log(WarnLevel, "", args, nil) }

// Error logs the provided arguments at ErrorLevel.
func (s *SugaredLogger) Error(args ...interface{}) { s.log(ErrorLevel, "", args, nil) }

// DPanic logs the provided arguments at DPanicLevel. In development, the
// logger then panics.
func (s *SugaredLogger) DPanic(args ...interface{}) { s.log(DPanicLevel, "", args, nil) }

// Panic constructs a message with the provided arguments and panics.
func (s *SugaredLogger) Panic(args ...interface{}) { s.log(PanicLevel, "", args, nil) }

// Fatal constructs a message with the provided arguments and calls os.Exit.
func (s *SugaredLogger) Fatal(args ...interface{}) { s.log(FatalLevel, "", args, nil) }

// Logf formats the message according to the format specifier and logs it at provided level.
func (s *SugaredLogger) Logf(lvl zapcore.Level, template string, args ...interface{}) {
	s.log(lvl, template, args, nil)
}

// Debugf formats the message according to the format specifier and logs it at DebugLevel.
func (s *SugaredLogger) Debugf(template string, args ...interface{}) {
	s.log(DebugLevel, template, args, nil)
}

// Infof formats the message according to the format specifier and logs it at InfoLevel.
func (s *SugaredLogger) Infof(template string, args ...interface{}) {
	s.log(InfoLevel, template, args, nil)
}

// Warnf formats the message according to the format specifier and logs it at WarnLevel.
func (s *SugaredLogger) Warnf(template string, args ...interface{}) {
	s.log(WarnLevel, template, args, nil)
}

// Errorf formats the message according to the format specifier and logs it at ErrorLevel.
func (s *SugaredLogger) Errorf(template string, args ...interface{}) {
	s.log(ErrorLevel, template, args, nil)
}

// DPanicf formats the message according to the format specifier and logs it
// at DPanicLevel. In development, the logger then panics.
func (s *SugaredLogger) DPanicf(template string, args ...interface{}) {
	s.log(DPanicLevel, template, args, nil)
}

// Panicf formats the message according to the format specifier and panics.
func (s *SugaredLogger) Panicf(template string, args ...interface{}) {
	s.log(PanicLevel, template, args, nil)
}

// Fatalf formats the message according to the format specifier and calls os.Exit.
func (s *SugaredLogger) Fatalf(template string, args ...interface{}) {
	s.log(FatalLevel, template, args, nil)
}

// Logw logs a message with some additional context.
func (s *SugaredLogger) Logw(lvl zapcore.Level, msg string, keysAndValues ...interface{}) {
	s.log(lvl, msg, nil, keysAndValues)
}

// Debugw logs a message with some additional context.
func (s *SugaredLogger) Debugw(msg string, keysAndValues ...interface{}) {
	s.log(DebugLevel, msg, nil, keysAndValues)
}

// Infow logs a message with some additional context.
func (s *SugaredLogger) Infow(msg string, keysAndValues ...interface{}) {
	s.log(InfoLevel, msg, nil, keysAndValues)
}

// Warnw logs a message with some additional context.
func (s *SugaredLogger) Warnw(msg string, keysAndValues ...interface{}) {
	s.log(WarnLevel, msg, nil, keysAndValues)
}

// Errorw logs a message with some additional context.
func (s *SugaredLogger) Errorw(msg string, keysAndValues ...interface{}) {
	s.log(ErrorLevel, msg, nil, keysAndValues)
}

// DPanicw logs a message with some additional context. In development, the
// logger then panics.
func (s *SugaredLogger) DPanicw(msg string, keysAndValues ...interface{}) {
	s.log(DPanicLevel, msg, nil, keysAndValues)
}

// Panicw logs a message with some additional context, then panics.
func (s *SugaredLogger) Panicw(msg string, keysAndValues ...interface{}) {
	s.log(PanicLevel, msg, nil, keysAndValues)
}

// Fatalw logs a message with some additional context, then calls os.Exit.
func (s *SugaredLogger) Fatalw(msg string, keysAndValues ...interface{}) {
	s.log(FatalLevel, msg, nil, keysAndValues)
}

// Logln logs a message at provided level. Spaces are always added between arguments.
func (s *SugaredLogger) Logln(lvl zapcore.Level, args ...interface{}) { s.logln(lvl, args, nil) }

// Debugln logs a message at DebugLevel.
func (s *SugaredLogger) Debugln(args ...interface{}) { s.logln(DebugLevel, args, nil) }

// Infoln logs a message at InfoLevel.
func (s *SugaredLogger) Infoln(args ...interface{}) { s.logln(InfoLevel, args, nil) }

// Warnln logs a message at WarnLevel.
func (s *SugaredLogger) Warnln(args ...interface{}) { s.logln(WarnLevel, args, nil) }

// Errorln logs a message at ErrorLevel.
func (s *SugaredLogger) Errorln(args ...interface{}) { s.logln(ErrorLevel, args, nil) }

// DPanicln logs a message at DPanicLevel. In development, the logger then panics.
func (s *SugaredLogger) DPanicln(args ...interface{}) { s.logln(DPanicLevel, args, nil) }

// Panicln logs a message at PanicLevel and panics.
func (s *SugaredLogger) Panicln(args ...interface{}) { s.logln(PanicLevel, args, nil) }

// Fatalln logs a message at FatalLevel and calls os.Exit.
func (s *SugaredLogger) Fatalln(args ...interface{}) { s.logln(FatalLevel, args, nil) }

// Sync flushes any buffered log entries.
func (s *SugaredLogger) Sync() error { return s.base.Sync() }

// log message with Sprint, Sprintf, or neither.
func (s *SugaredLogger) log(lvl zapcore.Level, template string, fmtArgs []interface{}, context []interface{}) {
	// If logging at this level is completely disabled, skip the overhead of
	// string formatting.
	if lvl < DPanicLevel && !s.base.Core().Enabled(lvl) {
		return
	}

	msg := getMessage(template, fmtArgs)
	if ce := s.base.Check(lvl, msg); ce != nil {
		ce.Write(s.sweetenFields(context)...)
	}
}

// logln message with Sprintln.
func (s *SugaredLogger) logln(lvl zapcore.Level, fmtArgs []interface{}, context []interface{}) {
	if lvl < DPanicLevel && !s.base.Core().Enabled(lvl) {
		return
	}

	msg := fmt.Sprintln(fmtArgs...)
	msg = msg[:len(msg)-1]
	if ce := s.base.Check(lvl, msg); ce != nil {
		ce.Write(s.sweetenFields(context)...)
	}
}

func getMessage(template string, fmtArgs []interface{}) string {
	if len(fmtArgs) == 0 {
		return template
	}
	if template != "" {
		return fmt.Sprintf(template, fmtArgs...)
	}
	return fmt.Sprint(fmtArgs...)
}

func (s *SugaredLogger) sweetenFields(args []interface{}) []Field {
	fields := make([]Field, 0, len(args))
	for i := 0; i < len(args); {
		if f, ok := args[i].(Field); ok {
			fields = append(fields, f)
			i++
			continue
		}
		if i == len(args)-1 {
			fields = append(fields, Any("ignored", args[i]))
			break
		}
		key, _ := args[i].(string)
		fields = append(fields, Any(key, args[i+1]))
		i += 2
	}
	return fields
}
