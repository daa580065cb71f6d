// want package:`lifecycle\(badlifecycle.Module\)`

// Package badlifecycle is configured with a lifecycle "interface" that is
// a struct: noexit says so instead of silently finding no implementers.
package badlifecycle // want `lifecycle interface badlifecycle\.Module cannot be resolved: badlifecycle\.Module is not an interface; its implementers here are not entry points`

type Module struct{}

func (Module) Start() {}
