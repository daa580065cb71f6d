// Package flagsets parses flags in ways that end the process on a bad flag
// and in ways that do not.
package flagsets

import (
	"flag"
	"os"

	"github.com/spf13/pflag"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
)

func StdCommandLine() { // want StdCommandLine:"mayExit"
	flag.CommandLine.Parse(os.Args[1:]) // want `\(\*flag\.FlagSet\)\.Parse ends the process on a flag error, reached from exported flagsets\.StdCommandLine -> \(\*flag\.FlagSet\)\.Parse; parse a flag\.FlagSet created with flag\.ContinueOnError`
}

func StdOwnSet(fs *flag.FlagSet) error {
	return fs.Parse(os.Args[1:]) // the set's own handling, reported where it is made
}

func StdInit(fs *flag.FlagSet) { // want StdInit:"mayExit"
	fs.Init("tool", flag.ExitOnError) // want `\(\*flag\.FlagSet\)\.Init ends the process on a flag error, reached from exported flagsets\.StdInit -> \(\*flag\.FlagSet\)\.Init; use flag\.ContinueOnError`
}

func StdInitContinue(fs *flag.FlagSet) {
	fs.Init("tool", flag.ContinueOnError)
}

func PflagParse() { // want PflagParse:"mayExit"
	pflag.Parse() // want `pflag\.Parse ends the process on a flag error, reached from exported flagsets\.PflagParse -> pflag\.Parse; parse a pflag\.FlagSet created with pflag\.ContinueOnError`
}

func PflagParseAll() { // want PflagParseAll:"mayExit"
	pflag.ParseAll(nil) // want `pflag\.ParseAll ends the process on a flag error`
}

func PflagCommandLine() { // want PflagCommandLine:"mayExit"
	pflag.CommandLine.Parse(os.Args[1:]) // want `\(\*pflag\.FlagSet\)\.Parse ends the process on a flag error`
}

func PflagSet() *pflag.FlagSet { // want PflagSet:"mayExit"
	return pflag.NewFlagSet("tool", pflag.ExitOnError) // want `pflag\.NewFlagSet ends the process on a flag error, reached from exported flagsets\.PflagSet -> pflag\.NewFlagSet; use pflag\.ContinueOnError`
}

func PflagContinue() *pflag.FlagSet {
	return pflag.NewFlagSet("tool", pflag.ContinueOnError)
}

func PflagInit(fs *pflag.FlagSet) { // want PflagInit:"mayExit"
	fs.Init("tool", pflag.ExitOnError) // want `\(\*pflag\.FlagSet\)\.Init ends the process on a flag error`
}

func PflagOwnSet(fs *pflag.FlagSet) error {
	return fs.Parse(nil)
}

func ZapCheck(l *zap.Logger) bool { // want ZapCheck:"mayExit"
	return l.Check(zapcore.FatalLevel, "no config") != nil // want `\(\*zap\.Logger\)\.Check ends the process, reached from exported flagsets\.ZapCheck -> \(\*zap\.Logger\)\.Check`
}

func ZapLog(l *zap.Logger) { // want ZapLog:"mayExit"
	l.Log(zap.FatalLevel, "no config") // want `\(\*zap\.Logger\)\.Log ends the process`
}

func ZapSugarLog(s *zap.SugaredLogger) { // want ZapSugarLog:"mayExit"
	s.Logf(zapcore.FatalLevel, "no config %d", 1) // want `\(\*zap\.SugaredLogger\)\.Logf ends the process`
}

func ZapOtherLevels(l *zap.Logger, lvl zapcore.Level) {
	l.Check(zapcore.ErrorLevel, "retrying")
	l.Log(lvl, "not a constant: only a constant level is known to exit")
}
