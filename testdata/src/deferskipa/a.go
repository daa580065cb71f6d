// Package deferskipa calls deferskipb.
package deferskipa

import "deferskipb"

// Process may end the process through deferskipb.Load.
func Process(name string) string { // want Process:"mayExit"
	return deferskipb.Load(name) // want `deferskipb\.Load may end the process`
}
