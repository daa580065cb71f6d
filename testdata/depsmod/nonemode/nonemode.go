// Package nonemode is checked with -deps=none: calls into other packages
// are not reported, but still make the caller may-exit.
package nonemode

import (
	"example.com/app/inner"
	"example.com/dep"
)

func Start(err error) { // want Start:"mayExit"
	dep.Must(err)
	inner.Check(err)
}
