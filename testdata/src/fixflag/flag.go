package fixflag

import "flag"

func Flags() *flag.FlagSet { // want Flags:"mayExit"
	return flag.NewFlagSet("x", flag.ExitOnError) // want `flag.NewFlagSet ends the process on a flag error`
}
