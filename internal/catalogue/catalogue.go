// Package catalogue is noexit's one list of the functions that end the
// process and of the logging packages it knows: the analyzer reads the
// terminators and the modeled modules from it, the per-package fixer the
// loggers whose calls it restates as errors, and the module-wide fixer the
// loggers whose package-level Fatal ends the process where an exit moves.
// Adding a logger is one entry in Loggers.
package catalogue

// Terminator categories.
const (
	Exit     = "exit"
	FatalLog = "fatal-log"
	FlagExit = "flag-exit"
	Goexit   = "goexit"
	PanicLog = "panic-log"
)

// A Logger is a logging package.
type Logger struct {
	// Path is the import path.
	Path string
	// Modeled is the package pattern of the module whose exits are
	// exactly this catalogue: may-exit is never inferred from its
	// bodies. "" for none, and for the standard library (modeled as a
	// whole).
	Modeled string
	// PackageLogs: the package-level functions log (zap's build
	// fields: zap.Error(err) is no log call).
	PackageLogs bool
	// Receivers are the logger types whose methods log, as
	// types.TypeString spells them: "*log.Logger".
	Receivers []string
	// Funcs are the package-level functions that end the process, and
	// Methods those of Receivers (by receiver), by category.
	Funcs   map[string][]string
	Methods map[string]map[string][]string
	// MovesExit: the package has a Fatal(args ...any) that logs its
	// arguments and exits with status 1, which the module-wide fixer
	// calls where an exit moves (log.Fatal(err)).
	MovesExit bool
}

var (
	fatal3 = []string{"Fatal", "Fatalf", "Fatalln"}
	panic3 = []string{"Panic", "Panicf", "Panicln"}
	klog   = []string{
		"Fatal", "Fatalf", "Fatalln", "FatalDepth", "FatalfDepth", "FatallnDepth",
		"Exit", "Exitf", "Exitln", "ExitDepth", "ExitfDepth", "ExitlnDepth",
		"FlushAndExit",
	}
)

const (
	logrus = "github.com/sirupsen/logrus"
	zap    = "go.uber.org/zap"
	pflag  = "github.com/spf13/pflag"
)

// Loggers are the logging packages noexit knows.
var Loggers = []Logger{
	{
		Path: "log", PackageLogs: true, Receivers: []string{"*log.Logger"}, MovesExit: true,
		Funcs:   map[string][]string{FatalLog: fatal3, PanicLog: panic3},
		Methods: map[string]map[string][]string{"*log.Logger": {FatalLog: fatal3, PanicLog: panic3}},
	},
	{Path: "k8s.io/klog", PackageLogs: true, Modeled: "k8s.io/klog", MovesExit: true, Funcs: map[string][]string{FatalLog: klog}},
	{Path: "k8s.io/klog/v2", PackageLogs: true, Modeled: "k8s.io/klog/v2/...", MovesExit: true, Funcs: map[string][]string{FatalLog: klog}},
	{
		Path: "github.com/golang/glog", PackageLogs: true, Modeled: "github.com/golang/glog/...", MovesExit: true,
		Funcs: map[string][]string{FatalLog: {
			"Fatal", "Fatalf", "Fatalln", "FatalDepth", "FatalDepthf",
			"Exit", "Exitf", "Exitln", "ExitDepth", "ExitDepthf",
		}},
	},
	{
		Path: logrus, PackageLogs: true, Modeled: logrus + "/...", MovesExit: true,
		Receivers: []string{"*" + logrus + ".Logger", "*" + logrus + ".Entry"},
		Funcs: map[string][]string{
			FatalLog: {"Fatal", "Fatalf", "Fatalln", "FatalFn", "Exit"},
			PanicLog: {"Panic", "Panicf", "Panicln", "PanicFn"},
		},
		Methods: map[string]map[string][]string{
			"*" + logrus + ".Logger": {
				FatalLog: {"Fatal", "Fatalf", "Fatalln", "FatalFn", "Exit"},
				PanicLog: {"Panic", "Panicf", "Panicln", "PanicFn"},
			},
			"*" + logrus + ".Entry": {FatalLog: fatal3, PanicLog: panic3},
		},
	},
	{
		Path: zap, Modeled: zap + "/...",
		Receivers: []string{"*" + zap + ".Logger", "*" + zap + ".SugaredLogger"},
		Methods: map[string]map[string][]string{
			// Check and Log exit only at a constant FatalLevel (see the
			// analyzer's conditional terminators).
			"*" + zap + ".Logger": {FatalLog: {"Fatal", "Check", "Log"}, PanicLog: {"Panic", "DPanic"}},
			"*" + zap + ".SugaredLogger": {
				FatalLog: {"Fatal", "Fatalf", "Fatalw", "Fatalln", "Log", "Logf", "Logw", "Logln"},
				PanicLog: {"Panic", "Panicf", "Panicw", "Panicln", "DPanic", "DPanicf", "DPanicw", "DPanicln"},
			},
		},
	},
	// fmt logs to a stream: fmt.Fprintln(os.Stderr, err); os.Exit(1) is a
	// log-then-exit pair. It ends nothing itself.
	{Path: "fmt", PackageLogs: true},
	// Loggers that end nothing and whose calls the fixer does not
	// restate: their calls are logging all the same (a deferred one
	// loses nothing when an exit skips it).
	{Path: "log/slog"},
	{Path: "github.com/go-logr/logr"},
}

// Logging reports whether the package path is a logger: its calls log
// (fmt aside, which also formats).
func Logging(path string) bool {
	for _, l := range Loggers {
		if l.Path == path {
			return path != "fmt"
		}
	}
	return false
}

// Terminators maps the types.Func FullName of every built-in terminator
// to its category.
func Terminators() map[string]string {
	m := map[string]string{}
	add := func(cat string, names ...string) {
		for _, n := range names {
			m[n] = cat
		}
	}
	add(Exit, "os.Exit", "syscall.Exit", "golang.org/x/sys/unix.Exit")
	add(FlagExit, "flag.Parse", "flag.NewFlagSet", "(*flag.FlagSet).Init", "(*flag.FlagSet).Parse")
	add(FlagExit, pflag+".Parse", pflag+".ParseAll", pflag+".NewFlagSet")
	add(FlagExit, "(*"+pflag+".FlagSet).Init", "(*"+pflag+".FlagSet).Parse")
	add(Goexit, "runtime.Goexit")
	for _, l := range Loggers {
		for cat, names := range l.Funcs {
			for _, n := range names {
				add(cat, l.Path+"."+n)
			}
		}
		for recv, byCat := range l.Methods {
			for cat, names := range byCat {
				for _, n := range names {
					add(cat, "("+recv+")."+n)
				}
			}
		}
	}
	return m
}

// Modeled returns the package patterns of the modeled modules: the
// loggers', golang.org/x/sys and pflag.
func Modeled() []string {
	var out []string
	for _, l := range Loggers {
		if l.Modeled != "" {
			out = append(out, l.Modeled)
		}
	}
	return append(out, "golang.org/x/sys/...", pflag)
}

// LogOwners returns the packages and receiver types whose calls log: the
// per-package fixer restates their messages as errors.
func LogOwners() map[string]bool {
	out := map[string]bool{}
	for _, l := range Loggers {
		if l.PackageLogs {
			out[l.Path] = true
		}
		for _, r := range l.Receivers {
			out["("+r+")"] = true
		}
	}
	return out
}

// ExitMover reports whether the package path is a logger whose
// package-level Fatal ends the process where an exit moves.
func ExitMover(path string) bool {
	for _, l := range Loggers {
		if l.Path == path {
			return l.MovesExit
		}
	}
	return false
}
