// Package aliases reaches terminators through renamed and dot imports,
// function values and method values.
package aliases

import (
	"log"
	. "os"
	osx "os"
)

func Renamed() { // want Renamed:"mayExit"
	osx.Exit(1) // want `os\.Exit ends the process, reached from exported\ aliases\.Renamed -> os\.Exit`
}

func Dot() { // want Dot:"mayExit"
	Exit(1) // want `os\.Exit ends the process, reached from exported\ aliases\.Dot -> os\.Exit`
}

func FuncValue() func(int) { // want FuncValue:"mayExit"
	return osx.Exit // want `os\.Exit ends the process, reached from exported\ aliases\.FuncValue -> os\.Exit`
}

func MethodValue(l *log.Logger) { // want MethodValue:"mayExit"
	fatal := l.Fatalf // want `\(\*log\.Logger\)\.Fatalf ends the process, reached from exported\ aliases\.MethodValue -> \(\*log\.Logger\)\.Fatalf`
	fatal("x")
}

func MethodExpr(l *log.Logger) { // want MethodExpr:"mayExit"
	(*log.Logger).Fatal(l, "x") // want `\(\*log\.Logger\)\.Fatal ends the process`
}

type exiter func(int)

var byVar exiter = Exit // want `os\.Exit ends the process, reached from the initialiser of aliases\.byVar -> os\.Exit`
