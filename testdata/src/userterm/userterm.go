// Package userterm uses a terminator named with -terminators.
package userterm

type Logger struct{}

func (*Logger) Crash(msg string) { panic(msg) } // want Crash:"terminates"

func Abort() {} // want Abort:"terminates"

func Run(l *Logger) { // want Run:"mayExit"
	l.Crash("x") // want `\(\*userterm\.Logger\)\.Crash ends the process, reached from exported\ userterm\.Run -> \(\*userterm\.Logger\)\.Crash`
	Abort()      // want `userterm\.Abort ends the process, reached from exported\ userterm\.Run -> userterm\.Abort`
}
