// Package core declares a module framework's lifecycle interface, like
// beehive's core.Module.
package core

type Module interface {
	Name() string
	Start()
}
