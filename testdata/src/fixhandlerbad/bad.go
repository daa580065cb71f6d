// want package:`lifecycle\(github.com/kubeedge/beehive/pkg/core.Module\)`

// Package fixhandlerbad is checked with -fail-handler=failhook.Bad, which
// is not a func(error): no fix, and the message says why.
package fixhandlerbad

import (
	"github.com/kubeedge/beehive/pkg/core"
	"k8s.io/klog/v2"
)

type mod struct{}

// Register hands the module to the framework.
func Register() {
	core.Register(mod{})
}

func (mod) Name() string  { return "mod" }
func (mod) Group() string { return "group" }
func (mod) Enable() bool  { return true }

func (mod) Start() { // want Start:"mayExit"
	klog.Fatal("cannot start") // want `\(no automatic fix: -fail-handler failhook.Bad is func\(msg string\), want func\(error\)\)`
}
