package fixcause

import (
	"fmt"
	"os"

	"github.com/sirupsen/logrus"
	"go.uber.org/zap"
	"k8s.io/klog/v2"
)

// LoadConfig: the error logrus carried is wrapped, not lost.
func LoadConfig(path string, err error) error { // want LoadConfig:"mayExit"
	if err != nil {
		logrus.WithError(err).Fatal("load config") // want `\(\*logrus.Entry\).Fatal ends the process`
	}
	return nil
}

// Fields: fields become key=value, in source order.
func Fields(path string, n int, err error) error { // want Fields:"mayExit"
	if err != nil {
		logrus.WithFields(logrus.Fields{"path": path, "size": n}).WithError(err).Fatalf("read %s", path) // want `\(\*logrus.Entry\).Fatalf ends the process`
	}
	return nil
}

// Logger logs through a logger's entry, then exits.
func Logger(l *logrus.Logger, node string, err error) error { // want Logger:"mayExit"
	if err != nil {
		l.WithField("node", node).WithError(err).Error("register")
		os.Exit(1) // want `os.Exit ends the process`
	}
	return nil
}

// Zap: context fields, then the call's fields, then the cause.
func Zap(l *zap.Logger, node string, err error) error { // want Zap:"mayExit"
	if err != nil {
		l.With(zap.String("node", node)).Fatal("register", zap.Int("port", 80), zap.Error(err)) // want `\(\*zap.Logger\).Fatal ends the process`
	}
	return nil
}

// Sugar: the sugared logger's With takes key-value pairs.
func Sugar(s *zap.SugaredLogger, node string, err error) error { // want Sugar:"mayExit"
	if err != nil {
		s.With("node", node).Fatalw("register", "error", err) // want `\(\*zap.SugaredLogger\).Fatalw ends the process`
	}
	return nil
}

// Klog: klog's structured error line before an exit.
func Klog(port int, err error) error { // want Klog:"mayExit"
	if err != nil {
		klog.ErrorS(err, "serve", "port", port, "node", fmt.Sprint(port))
		os.Exit(1) // want `os.Exit ends the process`
	}
	return nil
}

// FieldVar: a field held in a variable cannot be restated.
func FieldVar(l *zap.Logger, err error) error { // want FieldVar:"mayExit"
	f := zap.Error(err)
	if err != nil {
		l.Fatal("stop", f) // want `\(no automatic fix: the log line's fields cannot be restated in the error\)`
	}
	return nil
}

// MapVar: a Fields map that is not a literal cannot be restated.
func MapVar(fs logrus.Fields) error { // want MapVar:"mayExit"
	if len(fs) > 0 {
		logrus.WithFields(fs).Fatal("stop") // want `\(no automatic fix: the log line's fields cannot be restated in the error\)`
	}
	return nil
}
