// Package pflag is a stub of github.com/spf13/pflag: the parts noexit's
// catalogue names.
package pflag

import "os"

// ErrorHandling says what Parse does on an error.
type ErrorHandling int

const (
	ContinueOnError ErrorHandling = iota
	ExitOnError
	PanicOnError
)

// A Flag is one flag.
type Flag struct{ Name string }

// A FlagSet is a set of flags.
type FlagSet struct {
	name     string
	handling ErrorHandling
}

// CommandLine exits on a bad flag.
var CommandLine = NewFlagSet(os.Args[0], ExitOnError)

func NewFlagSet(name string, errorHandling ErrorHandling) *FlagSet {
	return &FlagSet{name: name, handling: errorHandling}
}

func (f *FlagSet) Init(name string, errorHandling ErrorHandling) {
	f.name, f.handling = name, errorHandling
}

func (f *FlagSet) Parse(arguments []string) error {
	if len(arguments) > 0 && f.handling == ExitOnError {
		os.Exit(2)
	}
	return nil
}

func Parse() { CommandLine.Parse(os.Args[1:]) }

func ParseAll(fn func(flag *Flag, value string) error) { CommandLine.Parse(os.Args[1:]) }
