// Package exits calls each standard-library terminator from an exported
// function.
package exits

import (
	"flag"
	"log"
	"os"
	"syscall"
)

func OSExit() { // want OSExit:"mayExit"
	os.Exit(1) // want `os\.Exit ends the process, reached from exported\ exits\.OSExit -> os\.Exit; return an error instead`
}

func SyscallExit() { // want SyscallExit:"mayExit"
	syscall.Exit(2) // want `syscall\.Exit ends the process, reached from exported\ exits\.SyscallExit -> syscall\.Exit`
}

func LogFatal(err error) { // want LogFatal:"mayExit"
	log.Fatal(err)              // want `log\.Fatal ends the process`
	log.Fatalf("x: %v", err)    // want `log\.Fatalf ends the process`
	log.Fatalln("x", err)       // want `log\.Fatalln ends the process`
	log.Printf("fine: %v", err) // not a terminator
}

func LoggerFatal(l *log.Logger) { // want LoggerFatal:"mayExit"
	l.Fatal("x")   // want `\(\*log\.Logger\)\.Fatal ends the process, reached from exported\ exits\.LoggerFatal -> \(\*log\.Logger\)\.Fatal`
	l.Fatalf("x")  // want `\(\*log\.Logger\)\.Fatalf ends the process`
	l.Fatalln("x") // want `\(\*log\.Logger\)\.Fatalln ends the process`
}

func Flags() *flag.FlagSet { // want Flags:"mayExit"
	flag.Parse()                                   // want `flag\.Parse ends the process on a flag error, reached from exported\ exits\.Flags -> flag\.Parse; parse a flag\.FlagSet created with flag\.ContinueOnError and return its error`
	_ = flag.NewFlagSet("a", flag.ContinueOnError) // fine
	_ = flag.NewFlagSet("b", flag.PanicOnError)    // not an exit
	return flag.NewFlagSet("c", flag.ExitOnError)  // want `flag\.NewFlagSet ends the process on a flag error, reached from exported\ exits\.Flags -> flag\.NewFlagSet; use flag\.ContinueOnError and return the parse error`
}

func FlagSetParse(fs *flag.FlagSet) error {
	return fs.Parse(os.Args[1:]) // modeled: exits only under ExitOnError, reported where the set is made
}

func Panics() {
	log.Panicf("x") // panic-log is off by default
}
