// Package dead exits only in code that no entry point reaches.
package dead

import "os"

func helper() { os.Exit(1) }

func other() { helper() }

type t struct{}

func (t) m() { other() }

func Clean() int { return 42 }
