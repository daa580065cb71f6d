// Package cg uses cgo.
package cg

// #include <stdlib.h>
import "C"

import "log"

func Rand() int {
	r := int(C.rand())
	if r < 0 {
		log.Fatalf("rand: %d", r)
	}
	return r
}
