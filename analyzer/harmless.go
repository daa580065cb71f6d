package analyzer

import (
	"go/ast"
	"go/types"
	"strings"

	"github.com/noexit-lint/noexit/internal/catalogue"
	"golang.org/x/tools/go/types/typeutil"
)

// Deferred calls whose skipping loses nothing outside the process, so
// that an exit which skips them is not reported (README, "defer-skip"):
//
//   - recover() and the other built-ins: the process is gone, there is
//     nothing left to recover or to close a channel for;
//   - logging calls that write at once (log, log/slog, klog, glog, logrus,
//     zap, logr), except those that flush, sync, close or stop;
//   - unlocking a sync.Mutex or sync.RWMutex and sync.WaitGroup.Done: no
//     one outside the process can wait on them;
//   - a literal whose body calls nothing else, or only pure helpers that
//     format the line it logs (fmt.Sprint*, fmt.Errorf, time.Now,
//     time.Since, String and Error methods, conversions).
//
// Everything else (Close, Flush, Sync, Rollback, RemoveAll, cancel, Wait,
// Stop, a call through a func value ...) may hold data or state that the
// exit loses, and is reported.

// flushing are the names of logging calls that are cleanup themselves.
var flushing = []string{"Flush", "Sync", "Close", "Stop", "Shutdown"}

// harmlessFuncs are the calls, by FullName, that lose nothing when
// skipped.
var harmlessFuncs = map[string]bool{
	"(*sync.Mutex).Unlock":         true,
	"(*sync.RWMutex).Unlock":       true,
	"(*sync.RWMutex).RUnlock":      true,
	"(*sync.WaitGroup).Done":       true,
	"fmt.Sprint":                   true,
	"fmt.Sprintf":                  true,
	"fmt.Sprintln":                 true,
	"fmt.Errorf":                   true,
	"time.Now":                     true,
	"time.Since":                   true,
	"(time.Duration).String":       true,
	"(time.Duration).Seconds":      true,
	"(time.Time).Sub":              true,
	"(time.Duration).Milliseconds": true,
}

// harmless reports whether skipping the deferred call of d loses
// nothing.
func (g *graph) harmless(d *ast.DeferStmt) bool {
	if lit, ok := ast.Unparen(d.Call.Fun).(*ast.FuncLit); ok {
		ok := true
		ast.Inspect(lit.Body, func(n ast.Node) bool {
			if call, isCall := n.(*ast.CallExpr); isCall && !g.harmlessCall(call) {
				ok = false
			}
			return ok
		})
		return ok
	}
	return g.harmlessCall(d.Call)
}

// harmlessCall reports whether call, deferred or in a deferred literal,
// loses nothing when skipped.
func (g *graph) harmlessCall(call *ast.CallExpr) bool {
	info := g.pass.TypesInfo
	if tv, ok := info.Types[call.Fun]; ok && tv.IsType() {
		return true // a conversion
	}
	switch obj := typeutil.Callee(info, call).(type) {
	case *types.Builtin:
		return true
	case *types.Func:
		full := g.fullName(obj.Origin())
		if harmlessFuncs[full] {
			return true
		}
		if obj.Pkg() != nil && catalogue.Logging(obj.Pkg().Path()) {
			for _, f := range flushing {
				if strings.Contains(obj.Name(), f) {
					return false
				}
			}
			return true
		}
		sig := obj.Signature()
		if sig.Recv() != nil && sig.Params().Len() == 0 && (obj.Name() == "String" || obj.Name() == "Error") {
			return true
		}
	}
	return false
}
