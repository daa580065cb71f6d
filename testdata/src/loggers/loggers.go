// Package loggers reaches every catalogued logging family; their other log
// calls share an output path with the fatal ones but do not exit.
package loggers

import (
	"errors"

	"github.com/golang/glog"
	"github.com/sirupsen/logrus"
	"go.uber.org/zap"
	"golang.org/x/sys/unix"
	klogv1 "k8s.io/klog"
	"k8s.io/klog/v2"
)

var errBoom = errors.New("boom")

func Klog() { // want Klog:`mayExit\(loggers\.Klog -> klog\.Fatalf\)`
	klog.Infof("starting %d", 1)
	klog.Errorf("failed: %v", errBoom)
	klog.ErrorS(errBoom, "failed")
	klog.V(2).Infof("verbose")
	klog.Fatalf("fatal: %v", errBoom)           // want `klog\.Fatalf ends the process, reached from exported\ loggers\.Klog -> klog\.Fatalf; return an error instead`
	klog.Exit("bye")                            // want `klog\.Exit ends the process`
	klog.FatalDepth(1, "deep")                  // want `klog\.FatalDepth ends the process`
	klog.FlushAndExit(klog.ExitFlushTimeout, 1) // want `klog\.FlushAndExit ends the process`
}

func KlogV1() { // want KlogV1:"mayExit"
	klogv1.Info("fine")
	klogv1.Exitf("bye %d", 1) // want `klog\.Exitf ends the process, reached from exported\ loggers\.KlogV1 -> klog\.Exitf`
}

func Glog() { // want Glog:"mayExit"
	glog.Warning("fine")
	glog.Exitln("bye") // want `glog\.Exitln ends the process`
}

func Logrus(l *logrus.Logger) { // want Logrus:"mayExit"
	logrus.Info("fine")
	logrus.WithField("k", 1).Error("fine")
	logrus.WithField("k", 1).Fatal("bye") // want `\(\*logrus\.Entry\)\.Fatal ends the process, reached from exported\ loggers\.Logrus -> \(\*logrus\.Entry\)\.Fatal`
	l.Fatalf("bye %d", 1)                 // want `\(\*logrus\.Logger\)\.Fatalf ends the process`
	logrus.Panic("not by default")
}

func LogrusInterface(l logrus.FieldLogger) {
	l.Fatal("dynamic call: not followed")
}

func Zap(log *zap.Logger) { // want Zap:"mayExit"
	log.Info("fine")
	log.Error("fine", zap.Error(errBoom))
	fatalw := log.Sugar().Fatalw // want `\(\*zap\.SugaredLogger\)\.Fatalw ends the process, reached from exported\ loggers\.Zap -> \(\*zap\.SugaredLogger\)\.Fatalw`
	fatalw("bye", "k", 1)
	log.Fatal("bye") // want `\(\*zap\.Logger\)\.Fatal ends the process`
	log.DPanic("not by default")
}

func Unix() { // want Unix:"mayExit"
	unix.Exit(1) // want `unix\.Exit ends the process, reached from exported\ loggers\.Unix -> unix\.Exit`
}
