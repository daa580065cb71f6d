package server

import "fixinternal/internal/cfg"

// Port is a sibling's caller of cfg.MustPort; it would stop compiling if
// a fix of package cfg changed MustPort's signature.
func Port() int { // want Port:"mayExit"
	return cfg.MustPort("80") // want `cfg.MustPort may end the process`
}
