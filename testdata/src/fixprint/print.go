package fixprint

import (
	"errors"
	"log"

	"github.com/golang/glog"
	"github.com/sirupsen/logrus"
	"go.uber.org/zap"
	"k8s.io/klog/v2"
)

var errBad = errors.New("bad")

func Err(err error) error { // want Err:"mayExit"
	if err != nil {
		klog.Fatal(err) // want `klog.Fatal ends the process`
	}
	return nil
}

func Msg(err error) error { // want Msg:"mayExit"
	if err != nil {
		klog.Fatal("cannot start: ", err) // want `klog.Fatal ends the process`
	}
	return nil
}

func Ln(name string, err error) error { // want Ln:"mayExit"
	if err != nil {
		klog.Fatalln("cannot load", name, err) // want `klog.Fatalln ends the process`
	}
	return nil
}

func Sprint(n int, name string) error { // want Sprint:"mayExit"
	if n > 1 {
		klog.Exit("got ", n, " for ", name, errBad) // want `klog.Exit ends the process`
	}
	return nil
}

func Depth(err error) error { // want Depth:"mayExit"
	if err != nil {
		klog.FatalDepth(1, err) // want `klog.FatalDepth ends the process`
	}
	return nil
}

func Glog(p string, err error) error { // want Glog:"mayExit"
	if err != nil {
		glog.Exitf("open %q: %s\n", p, err) // want `glog.Exitf ends the process`
	}
	return nil
}

func Logrus(err error) error { // want Logrus:"mayExit"
	if err != nil {
		logrus.Fatalf("run: %v", err) // want `logrus.Fatalf ends the process`
	}
	return nil
}

func Entry(err error) error { // want Entry:"mayExit"
	if err != nil {
		logrus.WithField("k", 1).Fatal(err) // want `\(\*logrus.Entry\).Fatal ends the process`
	}
	return nil
}

func Sugared(s *zap.SugaredLogger, port int, err error) error { // want Sugared:"mayExit"
	if err != nil {
		s.Fatalf("listen on %d: %v", port, err) // want `\(\*zap.SugaredLogger\).Fatalf ends the process`
	}
	return nil
}

func Sugaredw(s *zap.SugaredLogger, port int, err error) error { // want Sugaredw:"mayExit"
	if err != nil {
		s.Fatalw("listen failed", "port", port, "error", err) // want `\(\*zap.SugaredLogger\).Fatalw ends the process`
	}
	return nil
}

func Zap(l *zap.Logger, err error) error { // want Zap:"mayExit"
	if err != nil {
		l.Fatal("listen failed", zap.Error(err)) // want `\(\*zap.Logger\).Fatal ends the process`
	}
	return nil
}

func Logger(l *log.Logger, err error) error { // want Logger:"mayExit"
	if err != nil {
		l.Fatalf("serve: %+v", err) // want `\(\*log.Logger\).Fatalf ends the process`
	}
	return nil
}

func Spread(format string, args ...any) error { // want Spread:"mayExit"
	if len(args) > 3 {
		klog.Fatalf(format, args...) // want `klog.Fatalf ends the process`
	}
	return nil
}

func NonConst(msg string) error { // want NonConst:"mayExit"
	if msg != "" {
		log.Fatalf(msg) // want `log.Fatalf ends the process`
	}
	return nil
}
