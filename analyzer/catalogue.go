package analyzer

import (
	"go/ast"
	"go/constant"
	"go/types"
	"strings"

	"github.com/noexit-lint/noexit/internal/catalogue"
)

// Terminator categories (the built-in ones are the catalogue's).
const (
	catExit     = catalogue.Exit
	catFatalLog = catalogue.FatalLog
	catFlagExit = catalogue.FlagExit
	catGoexit   = catalogue.Goexit
	catPanicLog = catalogue.PanicLog
	catUser     = "user" // -terminators and //noexit:terminates; always on
)

var allCategories = []string{catExit, catFatalLog, catFlagExit, catGoexit, catPanicLog, catDeferSkip}

// Modeled modules: their exits are exactly the catalogue and may-exit is
// never inferred from their bodies. klog's Infof shares an output path
// with Fatalf that exits only at fatal severity; inference there would make
// every log call an exit. The standard library is modeled too (see
// isModeled).
var modeledModules = catalogue.Modeled()

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

// terminatorCatalogue maps types.Func.FullName of each built-in
// terminator to its category.
var terminatorCatalogue = catalogue.Terminators()

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
