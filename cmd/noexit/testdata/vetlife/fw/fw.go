// Package fw registers modules; its API takes any, so its export data does
// not mention core.
package fw

import "example.com/vetlife/core"

var modules []core.Module

// Register records m if it is a core.Module.
func Register(m any) {
	if mod, ok := m.(core.Module); ok {
		modules = append(modules, mod)
	}
}
