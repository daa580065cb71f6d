// Package testutil is test-support code: exiting there is allowed by the
// default allow list, so the exit moves here.
package testutil

import "example.com/chain/svc"

// MustListen listens or ends the test binary.
func MustListen() {
	svc.Listen(":80")
}
