package deferskipall

import (
	"os"

	"go.uber.org/zap"
)

// mixed closes a file and syncs the logger whose Fatal ends the process:
// the Sync is the exit's own, the Close is released.
func mixed(f *os.File, lg *zap.Logger) {
	defer func() {
		f.Close()
		lg.Sync()
	}()
	lg.Fatal("no") // want `^\(\*zap\.Logger\)\.Fatal skips the deferred function literal calling f\.Close \(mixed\.go:12\)`
}
