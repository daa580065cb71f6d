package fix

import (
	"go/ast"
	"go/types"
	"slices"
	"strings"

	"github.com/noexit-lint/noexit/internal/catalogue"
	"golang.org/x/tools/go/types/typeutil"
)

// style is how a logging call turns its arguments into a message.
type style int

const (
	printStyle   style = iota // fmt.Sprint(args...)
	printlnStyle              // fmt.Sprintln(args...)
	printfStyle               // fmt.Sprintf(format, args...)
	kvStyle                   // zap's Fatalw(msg, key, value, ...)
	errSStyle                 // klog's ErrorS(err, msg, key, value, ...)
	fieldsStyle               // zap's (*Logger).Fatal(msg, fields...)
)

// logCall is a call to a known logging function.
type logCall struct {
	call  *ast.CallExpr
	level string     // "Fatal", "Error", "Print", ...
	style style      // how the message is built
	args  []ast.Expr // the message arguments: no context, depth or writer
}

// dropped returns the arguments of the call that the message does not
// use: a context, a depth, the writer of fmt.Fprint*.
func (l *logCall) dropped() []ast.Expr {
	return slices.Clip(l.call.Args[:len(l.call.Args)-len(l.args)])
}

// ends reports whether the logging call ends the process (or panics):
// it is a terminator itself, not the first half of a log-then-exit pair.
func (l *logCall) ends() bool {
	switch l.level {
	case "Fatal", "Exit", "Panic", "DPanic":
		return true
	}
	return false
}

// loggers are the packages and receiver types whose logging calls noexit
// knows how to turn into errors.
var loggers = catalogue.LogOwners()

var levels = []string{"Fatal", "Exit", "DPanic", "Panic", "Error", "Warning", "Warn", "Info", "Print", "Debug", "Trace"}

// asLogCall recognises a call to a known logging function, such as
// klog.Errorf(format, args...) or fmt.Fprintln(os.Stderr, args...).
func asLogCall(info *types.Info, call *ast.CallExpr) *logCall {
	fn := callee(info, call)
	if fn == nil {
		return nil
	}
	owner, name := splitFullName(fn.FullName())
	if !loggers[owner] {
		return nil
	}
	args := call.Args
	level, rest := "", ""
	if owner == "fmt" {
		// Have: fmt.Fprintf(os.Stderr, ...), fmt.Println(...)
		if strings.HasPrefix(name, "Fprint") {
			if len(args) == 0 || !isStdStream(info, args[0]) {
				return nil
			}
			args, name = args[1:], name[1:]
		}
		if !strings.HasPrefix(name, "print") && !strings.HasPrefix(name, "Print") {
			return nil
		}
		level, rest = "Print", name[len("Print"):]
	} else {
		for _, l := range levels {
			if strings.HasPrefix(name, l) {
				level, rest = l, name[len(l):]
				break
			}
		}
	}
	if level == "" {
		return nil
	}
	skip := 0
	for _, tok := range []string{"Context", "Depth"} {
		if i := strings.Index(rest, tok); i >= 0 {
			rest = rest[:i] + rest[i+len(tok):]
			skip++
		}
	}
	if strings.Contains(name, "SDepth") {
		// Have: klog.ErrorSDepth(depth, err, msg, ...): depth comes first.
		rest = "S"
	}
	if len(args) < skip {
		return nil
	}
	l := &logCall{call: call, level: level, args: args[skip:]}
	switch rest {
	case "":
		l.style = printStyle
		if owner == "(*go.uber.org/zap.Logger)" {
			l.style = fieldsStyle
		}
		if owner == "(*github.com/sirupsen/logrus.Logger)" || owner == "github.com/sirupsen/logrus" {
			if level == "Exit" {
				return nil // logrus.Exit(code) is an exit, not a logging call
			}
		}
	case "f":
		l.style = printfStyle
	case "ln":
		l.style = printlnStyle
	case "w":
		l.style = kvStyle
	case "S":
		l.style = errSStyle
		if level != "Error" {
			l.style = kvStyle // InfoS(msg, kv...)
		}
	default:
		return nil
	}
	return l
}

// exitCode returns the exit code argument of a call that ends the process
// with a status: os.Exit(code), logrus.Exit(code), klog.FlushAndExit(d, code).
func exitCode(info *types.Info, call *ast.CallExpr) ast.Expr {
	fn := callee(info, call)
	if fn == nil {
		return nil
	}
	i := -1
	switch fn.FullName() {
	case "os.Exit", "syscall.Exit", "golang.org/x/sys/unix.Exit",
		"github.com/sirupsen/logrus.Exit", "(*github.com/sirupsen/logrus.Logger).Exit":
		i = 0
	case "k8s.io/klog.FlushAndExit", "k8s.io/klog/v2.FlushAndExit":
		i = 1
	}
	if i < 0 || len(call.Args) != i+1 {
		return nil
	}
	return call.Args[i]
}

// callee returns the function or method a call statically calls (the
// generic one for an instantiation).
func callee(info *types.Info, call *ast.CallExpr) *types.Func {
	return typeutil.StaticCallee(info, call)
}

// splitFullName splits "(*log.Logger).Fatal" into "(*log.Logger)" and
// "Fatal", and "k8s.io/klog/v2.Fatal" into "k8s.io/klog/v2" and "Fatal".
func splitFullName(full string) (owner, name string) {
	if strings.HasPrefix(full, "(") {
		if i := strings.LastIndex(full, ")."); i >= 0 {
			return full[:i+1], full[i+2:]
		}
		return "", ""
	}
	i := strings.LastIndex(full, ".")
	if i < 0 {
		return "", full
	}
	return full[:i], full[i+1:]
}

// isStdStream reports whether e is os.Stderr or os.Stdout.
func isStdStream(info *types.Info, e ast.Expr) bool {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	v, ok := info.Uses[sel.Sel].(*types.Var)
	return ok && v.Pkg() != nil && v.Pkg().Path() == "os" && (v.Name() == "Stderr" || v.Name() == "Stdout")
}
