// Package deferskipsync holds exits that sync or flush the logger whose
// flush is deferred, and those that do not.
package deferskipsync

import (
	"os"

	"go.uber.org/zap"
	"k8s.io/klog/v2"
)

// zapFatal: zap's Fatal syncs its logger before it exits.
func zapFatal(lg *zap.Logger) {
	defer lg.Sync()
	lg.Fatal("no")
}

type config struct{ lg *zap.Logger }

func (c *config) logger() *zap.Logger { return c.lg }

// getter syncs the logger a getter returns, in a literal.
func getter(c *config) {
	defer func() {
		if lg := c.logger(); lg != nil {
			_ = lg.Sync()
		}
	}()
	fail(c.lg)
}

// fail ends in a zap Fatal: its caller's deferred Sync is synced too.
func fail(lg *zap.Logger) {
	lg.Fatal("fail")
}

// zapExit: os.Exit does not sync.
func zapExit(lg *zap.Logger) {
	defer lg.Sync()
	os.Exit(1) // want `^os\.Exit skips the deferred lg\.Sync \(sync\.go:39\)`
}

// klogFatal: klog's Fatal and Exit flush every klog buffer.
func klogFatal() {
	defer klog.Flush()
	klog.Exitf("no")
}

// klogExit: os.Exit does not flush klog.
func klogExit() {
	defer klog.Flush()
	os.Exit(2) // want `^os\.Exit skips the deferred klog\.Flush \(sync\.go:51\)`
}

// mixed: a klog Fatal does not sync a zap logger.
func mixed(lg *zap.Logger) {
	defer lg.Sync()
	klog.Fatal("no") // want `^klog\.Fatal skips the deferred lg\.Sync \(sync\.go:57\)`
}
