package analyzer

import (
	"go/ast"
	"go/constant"
	"go/types"
	"strings"
)

// Terminator categories.
const (
	catExit     = "exit"
	catFatalLog = "fatal-log"
	catFlagExit = "flag-exit"
	catGoexit   = "goexit"
	catPanicLog = "panic-log"
	catUser     = "user" // -terminators and //noexit:terminates; always on
)

var allCategories = []string{catExit, catFatalLog, catFlagExit, catGoexit, catPanicLog, catDeferSkip}

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
	"github.com/spf13/pflag",
}

const (
	pflag = "github.com/spf13/pflag"
	zap   = "go.uber.org/zap"
)

// conditional holds the terminators that end the process only with
// certain constant arguments; a call that does not match is no exit.
var conditional = map[string]func(*types.Info, *ast.CallExpr) bool{
	// Have: flag.NewFlagSet(name, flag.ExitOnError)
	"flag.NewFlagSet":               constArg(1, exitOnError),
	pflag + ".NewFlagSet":           constArg(1, exitOnError),
	"(*flag.FlagSet).Init":          constArg(1, exitOnError),
	"(*" + pflag + ".FlagSet).Init": constArg(1, exitOnError),
	// Have: flag.CommandLine.Parse(args); CommandLine exits on a bad flag.
	"(*flag.FlagSet).Parse":          onCommandLine("flag"),
	"(*" + pflag + ".FlagSet).Parse": onCommandLine(pflag),
	// Have: logger.Check(zapcore.FatalLevel, msg); its Write exits.
	"(*" + zap + ".Logger).Check":        constArg(0, fatalLevel),
	"(*" + zap + ".Logger).Log":          constArg(0, fatalLevel),
	"(*" + zap + ".SugaredLogger).Log":   constArg(0, fatalLevel),
	"(*" + zap + ".SugaredLogger).Logf":  constArg(0, fatalLevel),
	"(*" + zap + ".SugaredLogger).Logw":  constArg(0, fatalLevel),
	"(*" + zap + ".SugaredLogger).Logln": constArg(0, fatalLevel),
}

// The constant values that make a conditional terminator exit:
// flag.ExitOnError and pflag.ExitOnError are 1, zapcore.FatalLevel is 5.
const (
	exitOnError = 1
	fatalLevel  = 5
)

// constArg matches a call whose i-th argument is the integer constant want.
func constArg(i int, want int64) func(*types.Info, *ast.CallExpr) bool {
	return func(info *types.Info, call *ast.CallExpr) bool {
		if call == nil || len(call.Args) <= i {
			return false
		}
		tv, ok := info.Types[call.Args[i]]
		if !ok || tv.Value == nil {
			return false
		}
		v, exact := constant.Int64Val(tv.Value)
		return exact && v == want
	}
}

// onCommandLine matches pkg.CommandLine.Parse(...): the receiver is the
// package's exit-on-error CommandLine set.
func onCommandLine(pkg string) func(*types.Info, *ast.CallExpr) bool {
	return func(info *types.Info, call *ast.CallExpr) bool {
		if call == nil {
			return false
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			return false
		}
		var id *ast.Ident
		switch x := ast.Unparen(sel.X).(type) {
		case *ast.SelectorExpr:
			id = x.Sel
		case *ast.Ident:
			id = x // dot import
		default:
			return false
		}
		v, ok := info.Uses[id].(*types.Var)
		return ok && v.Name() == "CommandLine" && v.Pkg() != nil && v.Pkg().Path() == pkg
	}
}

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
	add(catFatalLog, methods("*"+zap+".Logger", "Fatal", "Check", "Log")...)
	add(catFatalLog, methods("*"+zap+".SugaredLogger", "Log", "Logf", "Logw", "Logln")...)
	add(catFatalLog, methods("*"+zap+".SugaredLogger", "Fatal", "Fatalf", "Fatalw", "Fatalln")...)

	add(catFlagExit, "flag.Parse", "flag.NewFlagSet", "(*flag.FlagSet).Init", "(*flag.FlagSet).Parse")
	add(catFlagExit, pflag+".Parse", pflag+".ParseAll", pflag+".NewFlagSet")
	add(catFlagExit, methods("*"+pflag+".FlagSet", "Init", "Parse")...)

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
	pkg := "flag"
	if strings.HasPrefix(name, pflag) || strings.HasPrefix(name, "(*"+pflag) {
		pkg = "pflag"
	}
	switch name {
	case "flag.NewFlagSet", "(*flag.FlagSet).Init", pflag + ".NewFlagSet", "(*" + pflag + ".FlagSet).Init":
		return "use " + pkg + ".ContinueOnError and return the parse error"
	case "flag.Parse", "(*flag.FlagSet).Parse", pflag + ".Parse", pflag + ".ParseAll", "(*" + pflag + ".FlagSet).Parse":
		return "parse a " + pkg + ".FlagSet created with " + pkg + ".ContinueOnError and return its error"
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
