package driver

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/noexit-lint/noexit/analyzer"
)

// options are the standalone command's settings: the analyzer's
// configuration plus the driver's own flags.
type options struct {
	cfg         analyzer.Config
	json        bool
	fix         bool
	diff        bool
	fixExported bool
	tests       bool
	tags        string
}

// flagSet binds o to a fresh flag set that reports errors to no one: the
// caller prints one line.
func (o *options) flagSet() *flag.FlagSet {
	fs := flag.NewFlagSet("noexit", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	o.cfg.RegisterFlags(fs)
	fs.BoolVar(&o.json, "json", false, "print the findings as JSON on stdout (same exit codes)")
	fs.BoolVar(&o.fix, "fix", false, "apply the suggested fixes and print the findings that could not be fixed, with the reason")
	fs.BoolVar(&o.diff, "diff", false, "print the fixes as a unified diff (git apply, patch -p1) instead of writing them")
	fs.BoolVar(&o.fixExported, "fix-exported", false,
		"with -fix or -diff, also change exported functions of the main module whose callers are all in it, updating every caller")
	fs.BoolVar(&o.tests, "test", true, "analyze the packages' tests too")
	fs.StringVar(&o.tags, "tags", "", "comma-separated build tags, as for go build")
	return fs
}

// check reports settings that parse but make no sense.
func (o *options) check() error {
	if o.cfg.Categories != nil && len(o.cfg.Categories) == 0 {
		return fmt.Errorf("-categories is empty: name at least one category (default exit,fatal-log,flag-exit)")
	}
	if o.fixExported && !o.fix && !o.diff {
		return fmt.Errorf("-fix-exported needs -fix or -diff")
	}
	if o.json && (o.fix || o.diff) {
		return fmt.Errorf("-json cannot be combined with -fix or -diff")
	}
	return o.cfg.Validate()
}

// usage writes the -help text.
func usage(w io.Writer, fs *flag.FlagSet) {
	fmt.Fprint(w, `noexit: report process exits reachable from a library's init paths

Usage:
  noexit [flags] packages...          report the findings
  noexit -fix [flags] packages...     apply the fixes; print the findings not fixed, with the reason
  noexit -diff [flags] packages...    print the fixes as a patch; write nothing
  go vet -vettool=$(which noexit) [flags] packages...
  go fix -fixtool=$(which noexit) packages...

Add -fix-exported to -fix or -diff to change exported functions of the
main module too: each gains an error result when all its callers are in
the module, and the callers are updated up to code that may exit (main,
cmd/) or a test (t.Fatal). The whole change is type-checked first.

Flags:
`)
	fs.SetOutput(w)
	fs.PrintDefaults()
	fs.SetOutput(io.Discard)
	fmt.Fprint(w, `
Exit codes:
  0  no findings (with -fix: every finding was fixed)
  1  an error: a bad flag, a package that does not load or type-check, a failed write
  3  findings remain (with -diff nothing is written, so every finding remains)

Directives, in comments of the checked code:
  //noexit:allow <reason>   on the exit's line, the line above, or a function's doc
                            comment: exiting here is intended (the reason is required)
  //noexit:terminates       in a function's doc comment: calling it ends the process
`)
}

// vetFlags is every flag the unitchecker protocol may pass: the ones
// singlechecker declares besides the analyzer's own. Bool flags map to
// true.
var vetFlags = map[string]bool{
	"json": true, "fix": true, "diff": true, "source": true, "v": true, "all": true,
	"test": true, "flags": true, "V": false, "c": false, "tags": false,
	"debug": false, "cpuprofile": false, "memprofile": false, "trace": false,
}

// CheckVetFlags validates the analyzer's flags among args, a go vet or go
// fix invocation, so that a bad value is one line from the command, not a
// usage text per package.
func CheckVetFlags(args []string) error {
	var o options
	fs := flag.NewFlagSet("noexit", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	o.cfg.RegisterFlags(fs)
	for name, isBool := range vetFlags {
		if isBool {
			fs.Bool(name, false, "")
		} else {
			fs.String(name, "", "")
		}
	}
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("noexit: %v", err)
	}
	if o.cfg.Categories != nil && len(o.cfg.Categories) == 0 {
		return fmt.Errorf("noexit: -categories is empty: name at least one category (default exit,fatal-log,flag-exit)")
	}
	if err := o.cfg.Validate(); err != nil {
		return err
	}
	return nil
}

// VetInvocation reports whether args come from go vet or go fix, as
// unitchecker detects them: a single *.cfg argument after the flags, or
// the -V=full and -flags queries.
func VetInvocation(args []string) bool {
	for _, a := range args {
		name := strings.TrimLeft(a, "-")
		if !strings.HasPrefix(a, "-") {
			break
		}
		if name == "flags" || name == "V" || strings.HasPrefix(name, "V=") {
			return true
		}
	}
	return len(args) > 0 && strings.HasSuffix(args[len(args)-1], ".cfg") && !strings.HasPrefix(args[len(args)-1], "-")
}
