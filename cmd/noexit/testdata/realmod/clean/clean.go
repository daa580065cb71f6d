// Package clean logs but never ends the process.
package clean

import (
	"errors"

	"k8s.io/klog/v2"
)

// Load returns an error instead of exiting.
func Load(path string) error {
	if path == "" {
		klog.Errorf("empty path")
		return errors.New("clean: empty path")
	}
	klog.Infof("loading %s", path)
	return nil
}
