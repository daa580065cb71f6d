package analyzer

import (
	"go/ast"
	"go/types"
	"slices"
	"strings"

	"github.com/noexit-lint/noexit/internal/catalogue"
	"golang.org/x/tools/go/types/typeutil"
)

// What a skipped deferred call can lose (README, "defer-skip"). An exit
// that skips only calls that lose nothing is not reported:
//
//   - lossless: recover() and the other built-ins, conversions, logging
//     calls that write at once (log, log/slog, klog, glog, logrus, zap,
//     logr; their arguments only compute the line), and the pure helpers
//     that format it (fmt.Sprint*, fmt.Errorf, time.Now ...). Never
//     counted.
//   - released: what the end of the process releases or resets just as
//     the call would: unlocking a mutex, WaitGroup.Done, a context's
//     cancel, stopping a timer or ticker, signal.Stop, the environment
//     and the working directory, prometheus metrics (not
//     WriteToTextfile), and closing an *os.File, a *net.TCPConn,
//     UDPConn, IPConn or UnixConn, a *net.TCPListener or an HTTP body
//     (the kernel closes every descriptor at exit; an *os.File buffers
//     nothing). Counted only with -defer-skip-all, as go-critic's
//     exitAfterDefer counts them. A net.Conn of unknown kind is counted:
//     it may be a *tls.Conn, whose Close tells the peer the stream is
//     complete, or a wrapper that flushes.
//   - flushes: a zap logger's Sync, klog.Flush. Counted unless the exit
//     is that logger's own Fatal, which syncs (zap) or flushes (klog)
//     before it ends the process.
//   - lost: everything else (Flush, Sync, Rollback, RemoveAll, Wait, a
//     net.Listener's Close, which unlinks a unix socket, a call through a
//     func value, any call of the program's own).
type loss uint8

const (
	lossless loss = iota
	released
	flushes
	lost
)

// A skip is what skipping one deferred call costs: its loss, and for
// flushes the logger families it flushes.
type skip struct {
	loss     loss
	family   string // flushes: "zap" or "klog"; "" when it flushes both
	released bool   // some call of the literal is released (under flushes)
}

// worse combines the costs of two calls made by one deferred literal.
func (s skip) worse(t skip) skip {
	rel := s.released || t.released || s.loss == released || t.loss == released
	switch {
	case s.loss == flushes && t.loss == flushes && s.family != t.family:
		s = skip{loss: lost}
	case t.loss > s.loss:
		s = t
	}
	s.released = rel
	return s
}

// releasedFuncs are the calls, by FullName, whose effect the end of the
// process has too.
var releasedFuncs = map[string]bool{
	"(*sync.Mutex).Unlock":    true,
	"(*sync.RWMutex).Unlock":  true,
	"(*sync.RWMutex).RUnlock": true,
	"(*sync.WaitGroup).Done":  true,
	"(*time.Timer).Stop":      true,
	"(*time.Ticker).Stop":     true,
	"os/signal.Stop":          true,
	"os/signal.Reset":         true,
	"os/signal.Ignore":        true,
	"os.Setenv":               true,
	"os.Unsetenv":             true,
	"os.Clearenv":             true,
	"os.Chdir":                true,
	"(*os.File).Close":        true,
	// TCPConn, UDPConn, IPConn and UnixConn close through the embedded
	// net.conn; a unix conn (not listener) unlinks nothing.
	"(*net.conn).Close":                       true,
	"(*net.TCPListener).Close":                true,
	"(*net/http.Client).CloseIdleConnections": true,
}

// releasedPkgs are packages all of whose calls, but those listed, only
// change state that dies with the process.
var releasedPkgs = map[string][]string{
	"github.com/prometheus/client_golang/prometheus": {"WriteToTextfile"},
}

// releasedPkg reports whether fn belongs to releasedPkgs and is not one
// of its exceptions.
func releasedPkg(fn *types.Func) bool {
	if fn.Pkg() == nil {
		return false
	}
	except, ok := releasedPkgs[fn.Pkg().Path()]
	return ok && !slices.Contains(except, fn.Name())
}

// pureFuncs are the helpers, by FullName, that compute a log line.
var pureFuncs = map[string]bool{
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

// flushing are the names of logging calls that are cleanup themselves.
var flushing = []string{"Flush", "Sync", "Close", "Stop", "Shutdown"}

// skipOf returns what skipping the deferred call of d costs.
func (g *graph) skipOf(d *ast.DeferStmt) skip {
	if s, ok := g.skips[d]; ok {
		return s
	}
	var s skip
	if lit, ok := ast.Unparen(d.Call.Fun).(*ast.FuncLit); ok {
		ast.Inspect(lit.Body, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || s.loss == lost {
				return s.loss != lost
			}
			c := g.skipCall(call)
			s = s.worse(c)
			// The arguments of a log call compute the line it writes.
			return c.loss != lossless || !g.isLogCall(call)
		})
	} else {
		s = g.skipCall(d.Call)
	}
	if g.skips == nil {
		g.skips = map[*ast.DeferStmt]skip{}
	}
	g.skips[d] = s
	return s
}

// skipCall returns what skipping call, deferred or in a deferred
// literal, costs.
func (g *graph) skipCall(call *ast.CallExpr) skip {
	info := g.pass.TypesInfo
	if tv, ok := info.Types[call.Fun]; ok && tv.IsType() {
		return skip{} // a conversion
	}
	if isNamed(info.TypeOf(call.Fun), "context", "CancelFunc", "CancelCauseFunc") {
		return skip{loss: released}
	}
	switch obj := typeutil.Callee(info, call).(type) {
	case *types.Builtin:
		return skip{}
	case *types.Func:
		full := g.fullName(obj.Origin())
		switch {
		case pureFuncs[full]:
			return skip{}
		case releasedFuncs[full], releasedPkg(obj), isBodyClose(info, call):
			return skip{loss: released}
		case full == "(*go.uber.org/zap.Logger).Sync", full == "(*go.uber.org/zap.SugaredLogger).Sync":
			return skip{loss: flushes, family: "zap"}
		case full == "k8s.io/klog/v2.Flush", full == "k8s.io/klog.Flush":
			return skip{loss: flushes, family: "klog"}
		case g.isLogCall(call):
			return skip{}
		case returnsLogger(obj):
			return skip{} // a getter of the logger whose Sync follows
		}
		sig := obj.Signature()
		if sig.Recv() != nil && sig.Params().Len() == 0 && (obj.Name() == "String" || obj.Name() == "Error") {
			return skip{}
		}
	}
	return skip{loss: lost}
}

// isLogCall reports whether call is a logging call that writes at once:
// a function or method of a logging package whose name does not say it
// flushes, syncs, closes or stops.
func (g *graph) isLogCall(call *ast.CallExpr) bool {
	obj, ok := typeutil.Callee(g.pass.TypesInfo, call).(*types.Func)
	if !ok || obj.Pkg() == nil || !catalogue.Logging(obj.Pkg().Path()) {
		return false
	}
	for _, f := range flushing {
		if strings.Contains(obj.Name(), f) {
			return false
		}
	}
	return true
}

// returnsLogger reports whether fn takes no arguments and returns only a
// zap logger: cfg.GetLogger(), zap.L().
func returnsLogger(fn *types.Func) bool {
	sig := fn.Signature()
	if sig.Params().Len() != 0 || sig.Results().Len() != 1 {
		return false
	}
	p, ok := types.Unalias(sig.Results().At(0).Type()).(*types.Pointer)
	return ok && isNamed(p.Elem(), "go.uber.org/zap", "Logger", "SugaredLogger")
}

// isBodyClose reports whether call closes the Body of an
// *http.Response or *http.Request.
func isBodyClose(info *types.Info, call *ast.CallExpr) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Close" {
		return false
	}
	body, ok := ast.Unparen(sel.X).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	v, ok := info.Uses[body.Sel].(*types.Var)
	return ok && v.IsField() && v.Name() == "Body" && v.Pkg() != nil && v.Pkg().Path() == "net/http"
}

// isNamed reports whether t is the named type pkg.name for one of names.
func isNamed(t types.Type, pkg string, names ...string) bool {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || n.Obj().Pkg().Path() != pkg {
		return false
	}
	for _, name := range names {
		if n.Obj().Name() == name {
			return true
		}
	}
	return false
}

// counted reports whether an exit may lose what d defers, before knowing
// which exit: released calls count only with -defer-skip-all.
func (g *graph) counted(d *ast.DeferStmt) bool {
	return g.skipOf(d).loss > g.floor()
}

// flushedBy reports whether the exit of e flushes what d flushes: d only
// syncs zap loggers and e ends in a zap Fatal, which syncs its logger
// first, or d flushes klog and e ends in klog's Fatal or Exit. noexit
// cannot tell two zap loggers apart; programs rarely sync one and fail
// through another.
func (g *graph) flushedBy(d *ast.DeferStmt, e *edge) bool {
	s := g.skipOf(d)
	if s.loss != flushes || s.released && g.set.deferSkipAll {
		return false
	}
	var name string
	if e.kind == termCall {
		name = e.term
	} else if f, _ := g.skipsDefers(e); f != nil {
		name = f.terminal().Func
	}
	switch s.family {
	case "zap":
		return strings.HasPrefix(name, "(*go.uber.org/zap.") || strings.HasPrefix(name, "(*zap.")
	case "klog":
		return strings.HasPrefix(name, "k8s.io/klog.") || strings.HasPrefix(name, "k8s.io/klog/v2.") || strings.HasPrefix(name, "klog.")
	}
	return false
}

// floor is the highest loss that is not counted.
func (g *graph) floor() loss {
	if g.set.deferSkipAll {
		return lossless
	}
	return released
}
