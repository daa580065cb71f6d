//go:build noexitdemo

package svc

import "os"

// Demo exists only under the noexitdemo build tag.
func Demo() {
	os.Exit(4)
}
