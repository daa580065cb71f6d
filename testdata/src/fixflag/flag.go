package fixflag

import (
	"flag"
	"os"
)

// Flags returns its set: whoever parses it may ignore the error.
func Flags() *flag.FlagSet { // want Flags:"mayExit"
	return flag.NewFlagSet("x", flag.ExitOnError) // want `flag.NewFlagSet ends the process on a flag error.*\(no automatic fix: the flag set leaves the function, so its Parse error could be ignored\)`
}

// Parse ignores what Parse returns: the fix returns it.
func Parse(args []string) (bool, error) { // want Parse:"mayExit"
	fs := flag.NewFlagSet("parse", flag.ExitOnError) // want `flag.NewFlagSet ends the process on a flag error`
	v := fs.Bool("v", false, "verbose")
	fs.Parse(args)
	return *v, nil
}

// Checked already handles the error: only the mode changes.
func Checked(args []string) error { // want Checked:"mayExit"
	var fs = flag.NewFlagSet("checked", flag.ExitOnError) // want `flag.NewFlagSet ends the process on a flag error`
	if err := fs.Parse(args); err != nil {
		return err
	}
	return nil
}

// Void cannot return the error of Parse.
func Void() { // want Void:"mayExit"
	fs := flag.NewFlagSet("void", flag.ExitOnError) // want `\(no automatic fix: the flag set's Parse error would be ignored, and fixflag.Void cannot return it\)`
	fs.Parse(os.Args[1:])
}

// Discard throws the error away on purpose.
func Discard() error { // want Discard:"mayExit"
	fs := flag.NewFlagSet("discard", flag.ExitOnError) // want `\(no automatic fix: the flag set's Parse error is discarded\)`
	_ = fs.Parse(os.Args[1:])
	return nil
}
