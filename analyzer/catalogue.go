package analyzer

import "strings"

// Terminator categories.
const (
	catExit     = "exit"
	catFatalLog = "fatal-log"
	catFlagExit = "flag-exit"
	catGoexit   = "goexit"
	catPanicLog = "panic-log"
	catUser     = "user" // -terminators and //noexit:terminates; always on
)

var allCategories = []string{catExit, catFatalLog, catFlagExit, catGoexit, catPanicLog}

// Modeled modules: their exits are exactly the catalogue below and may-exit
// is never inferred from their bodies. klog's Infof shares an output path
// with Fatalf that exits only at fatal severity; inference there would make
// every log call an exit. The standard library is modeled too (see
// isModeled).
var modeledModules = []string{
	"k8s.io/klog", "k8s.io/klog/v2/...",
	"github.com/golang/glog/...",
	"github.com/sirupsen/logrus/...",
	"go.uber.org/zap/...",
	"golang.org/x/sys/...",
}

// flagNewFlagSet is a terminator only when its second argument is
// flag.ExitOnError; see exitOnError.
const flagNewFlagSet = "flag.NewFlagSet"

// catalogue maps types.Func.FullName of each built-in terminator to its
// category.
var catalogue = buildCatalogue()

func buildCatalogue() map[string]string {
	m := map[string]string{}
	add := func(cat string, names ...string) {
		for _, n := range names {
			m[n] = cat
		}
	}
	funcs := func(pkg string, names ...string) []string {
		var out []string
		for _, n := range names {
			out = append(out, pkg+"."+n)
		}
		return out
	}
	methods := func(recv string, names ...string) []string {
		var out []string
		for _, n := range names {
			out = append(out, "("+recv+")."+n)
		}
		return out
	}
	fatal3 := []string{"Fatal", "Fatalf", "Fatalln"}
	panic3 := []string{"Panic", "Panicf", "Panicln"}

	add(catExit, "os.Exit", "syscall.Exit", "golang.org/x/sys/unix.Exit")

	add(catFatalLog, funcs("log", fatal3...)...)
	add(catFatalLog, methods("*log.Logger", fatal3...)...)
	klogNames := []string{
		"Fatal", "Fatalf", "Fatalln", "FatalDepth", "FatalfDepth", "FatallnDepth",
		"Exit", "Exitf", "Exitln", "ExitDepth", "ExitfDepth", "ExitlnDepth",
		"FlushAndExit",
	}
	for _, pkg := range []string{"k8s.io/klog", "k8s.io/klog/v2"} {
		add(catFatalLog, funcs(pkg, klogNames...)...)
	}
	add(catFatalLog, funcs("github.com/golang/glog",
		"Fatal", "Fatalf", "Fatalln", "FatalDepth", "FatalDepthf",
		"Exit", "Exitf", "Exitln", "ExitDepth", "ExitDepthf")...)
	const logrus = "github.com/sirupsen/logrus"
	add(catFatalLog, funcs(logrus, "Fatal", "Fatalf", "Fatalln", "FatalFn", "Exit")...)
	add(catFatalLog, methods("*"+logrus+".Logger", "Fatal", "Fatalf", "Fatalln", "FatalFn", "Exit")...)
	add(catFatalLog, methods("*"+logrus+".Entry", fatal3...)...)
	const zap = "go.uber.org/zap"
	add(catFatalLog, methods("*"+zap+".Logger", "Fatal")...)
	add(catFatalLog, methods("*"+zap+".SugaredLogger", "Fatal", "Fatalf", "Fatalw", "Fatalln")...)

	add(catFlagExit, "flag.Parse", flagNewFlagSet)

	add(catGoexit, "runtime.Goexit")

	add(catPanicLog, funcs("log", panic3...)...)
	add(catPanicLog, methods("*log.Logger", panic3...)...)
	add(catPanicLog, funcs(logrus, "Panic", "Panicf", "Panicln", "PanicFn")...)
	add(catPanicLog, methods("*"+logrus+".Logger", "Panic", "Panicf", "Panicln", "PanicFn")...)
	add(catPanicLog, methods("*"+logrus+".Entry", panic3...)...)
	add(catPanicLog, methods("*"+zap+".Logger", "Panic", "DPanic")...)
	add(catPanicLog, methods("*"+zap+".SugaredLogger",
		"Panic", "Panicf", "Panicw", "Panicln", "DPanic", "DPanicf", "DPanicw", "DPanicln")...)
	return m
}

// verb says what a terminator of the category does, for messages.
func verb(cat string) string {
	switch cat {
	case catGoexit:
		return "ends the goroutine"
	case catPanicLog:
		return "panics"
	case catFlagExit:
		return "ends the process on a flag error"
	default:
		return "ends the process"
	}
}

// advice says what to do instead, for messages.
func advice(name string) string {
	switch name {
	case flagNewFlagSet:
		return "use flag.ContinueOnError and return the parse error"
	case "flag.Parse":
		return "parse a flag.FlagSet created with flag.ContinueOnError and return its error"
	default:
		return "return an error instead"
	}
}

// isStd reports whether path is a standard-library import path: its first
// element has no dot, as the go command requires of non-std paths.
func isStd(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".")
}
