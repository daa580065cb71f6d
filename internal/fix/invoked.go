package fix

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"github.com/noexit-lint/noexit/internal/catalogue"
	"github.com/noexit-lint/noexit/internal/names"
)

// runs says how fn runs the function passed as its parameter param: the
// catalogue for modeled packages, else the analyzer's inference. A literal
// run in a goroutine cannot hand its error to the caller: for the fixer it
// is not run.
func (b *builder) runs(fn *types.Func, param int) catalogue.Runs {
	r := catalogue.Invoked(fn.FullName(), param)
	switch {
	case r == catalogue.RunsInGoroutine:
		return catalogue.RunsNot
	case r == catalogue.RunsNot && b.cache.Invoked != nil && b.cache.Invoked(fn, param):
		return catalogue.RunsBefore
	}
	return r
}

// capture is the error variable that an exit in a function literal sets
// instead of returning it, when an invoker runs the literal and the
// function around the invoker returns the error after the call.
type capture struct {
	name string // the variable, as the literal spells it
	fn   string // the enclosing function, in words, for exit status errors
}

// exitReturn is the statement that replaces an exit: a return of the
// error, or, in a literal that captures it, an assignment and a return
// of the literal's zero values (none at the end of a literal without
// results, where a return would be redundant).
func (b *builder) exitReturn(c *stmtCtx, zs []string, errText string) string {
	if c.capture == nil {
		return "return " + strings.Join(append(zs, errText), ", ")
	}
	out := c.capture.name + " = " + errText
	last := c.path[1] == c.fn.body && (c.idx == len(c.list)-1 || c.idx == len(c.list)-2 && isReturn(c.list[c.idx+1]))
	if len(zs) > 0 || !last {
		out += "\n" + b.indent(c.stmt.Pos()) + strings.TrimSpace("return "+strings.Join(zs, ", "))
	}
	return out
}

// fnName names c's function in words for an exit status error.
func (c *stmtCtx) fnName() string {
	if c.capture != nil {
		return c.capture.fn
	}
	return c.fn.name()
}

// invokedCall returns the call that passes the literal of c's function
// directly as an argument, and the parameter it is passed to.
func (b *builder) invokedCall(c *stmtCtx) (call *ast.CallExpr, fn *types.Func, param int) {
	for i, n := range c.path {
		if n != c.fn.lit {
			continue
		}
		if i+1 >= len(c.path) {
			return nil, nil, 0
		}
		call, ok := c.path[i+1].(*ast.CallExpr)
		if !ok {
			return nil, nil, 0
		}
		for j, a := range call.Args {
			if ast.Unparen(a) != c.fn.lit {
				continue
			}
			fn := callee(b.pass.TypesInfo, call)
			if fn == nil {
				return nil, nil, 0
			}
			if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
				if s := b.pass.TypesInfo.Selections[sel]; s != nil && s.Kind() == types.MethodExpr {
					return nil, nil, 0 // (*sync.Once).Do(&once, f): rare, left alone
				}
			}
			if sig := fn.Signature(); sig.Variadic() && j >= sig.Params().Len()-1 {
				return nil, nil, 0
			}
			return call, fn, j
		}
	}
	return nil, nil, 0
}

// addInvoked rewrites an exit in a function literal that an invoker runs
// before it returns: the literal sets an error of the enclosing function
// and returns, and the enclosing function returns that error after the
// call. For sync.Once the error lives next to the Once, so that every
// later call returns the error of the first.
//
//	Have: func initConfig(c *Config) {
//	          once.Do(func() { if c.Addr == "" { klog.Exit("addr must be set") }; load(c) })
//	      }
//	Want: var onceErr error
//	      func initConfig(c *Config) error {
//	          once.Do(func() { if c.Addr == "" { onceErr = errors.New("addr must be set"); return }; load(c) })
//	          return onceErr
//	      }
//
//	Have: sort.Slice(xs, func(i, j int) bool { ...; log.Fatal(err); ... })
//	Want: var err error
//	      sort.Slice(xs, func(i, j int) bool { if err != nil { return false }; ...; err = err1; return false; ... })
//	      if err != nil { return err }
func (fx *fixer) addInvoked(c *stmtCtx) (msg string, ok bool, why string) {
	const noErr = "the function literal does not return an error"
	b := fx.b
	call, invoker, param := b.invokedCall(c)
	if call == nil {
		return "", false, noErr
	}
	kind := b.runs(invoker, param)
	if kind == catalogue.RunsNot {
		return "", false, noErr + ", and " + names.Func(invoker) + " may run it after returning"
	}
	outer, ok := b.stmtOf(c.file, call)
	if !ok || !directCall(outer.stmt, call) {
		return "", false, "the call to " + names.Func(invoker) + " cannot return an error where it is"
	}
	switch {
	case outer.fn.inGo:
		return "", false, "a goroutine cannot return an error to its caller"
	case outer.fn.inDefer:
		return "", false, "the error of a deferred function would be dropped"
	case outer.fn.decl != nil && outer.fn.decl.Recv == nil && outer.fn.decl.Name.Name == "init":
		return "", false, "init cannot return an error"
	case outer.fn.lit != nil && !returnsError(outer.fn.sig):
		return "", false, noErr + ", nor does the one that calls " + names.Func(invoker)
	}
	if why := b.skipsCleanup(outer); why != "" {
		return "", false, why
	}
	var results []types.Type
	if returnsError(outer.fn.sig) {
		results = resultTypes(outer.fn.sig.Results())
		msg = "Return the error after " + names.Func(invoker)
	} else {
		if fx.ch == nil {
			fx.ch = newChain(b)
		}
		ch := fx.ch
		before := len(ch.order)
		if !ch.changed[outer.fn.obj] {
			if why := ch.grow(outer.fn.obj); why != "" {
				return "", false, why
			}
		}
		results = ch.newResults(outer.fn.obj)
		msg = "Return an error from " + names.Func(outer.fn.obj)
		if len(ch.order)-before > 1 {
			msg += " and its callers"
		}
	}
	if fx.done[c.stmt] {
		return msg, true, "" // another exit of the literal rewrote it
	}
	var name string
	if kind == catalogue.RunsOnce {
		name, why = b.onceErr(c, outer, call)
	} else {
		name, why = b.localErr(c, outer)
	}
	if why != "" {
		return "", false, why
	}
	litResults := resultTypes(c.fn.sig.Results())
	cp := &capture{name: name, fn: outer.fn.name()}
	if why := fx.captureExits(c, cp, litResults); why != "" {
		return "", false, why
	}
	ind := b.indent(outer.stmt.Pos())
	zs, ok := b.zeros(outer.file, outer.stmt.Pos(), results[:len(results)-1])
	if !ok {
		return "", false, "a result's zero value cannot be written here"
	}
	ret := "return " + strings.Join(append(zs, name), ", ")
	if kind != catalogue.RunsOnce {
		// Have: an invoker that may run the literal again: once the
		// error is set, the later runs do nothing.
		lzs, ok := b.zeros(c.file, c.fn.lit.Pos(), litResults)
		if !ok {
			return "", false, "a result's zero value cannot be written here"
		}
		lind := b.indent(c.fn.lit.Body.Lbrace) + "\t"
		b.insert(c.fn.lit.Body.Lbrace+1, "\n"+lind+"if "+name+" != nil {\n"+lind+"\t"+strings.TrimSpace("return "+strings.Join(lzs, ", "))+"\n"+lind+"}")
		b.insert(outer.stmt.Pos(), "var "+name+" error\n"+ind)
	}
	if outer.path[1] == outer.fn.body && outer.idx == len(outer.list)-1 && outer.fn.sig.Results().Len() == 0 {
		// The call ends a function that gains its error result here.
		b.insert(outer.stmt.End(), "\n"+ind+ret)
		fx.done[outer.stmt] = true
	} else {
		b.insert(outer.stmt.End(), "\n"+ind+"if "+name+" != nil {\n"+ind+"\t"+ret+"\n"+ind+"}")
	}
	return msg, true, ""
}

// directCall reports whether s evaluates call whenever it runs, as the
// statement itself or a value it assigns or declares.
func directCall(s ast.Stmt, call *ast.CallExpr) bool {
	switch s := s.(type) {
	case *ast.ExprStmt:
		return ast.Unparen(s.X) == call
	case *ast.AssignStmt:
		for _, r := range s.Rhs {
			if ast.Unparen(r) == call {
				return true
			}
		}
	case *ast.DeclStmt:
		gd, ok := s.Decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.VAR {
			return false
		}
		for _, sp := range gd.Specs {
			for _, v := range sp.(*ast.ValueSpec).Values {
				if ast.Unparen(v) == call {
					return true
				}
			}
		}
	}
	return false
}

// captureExits rewrites every exit of c's literal, outside nested
// literals, into an assignment to the captured error: the one at c must
// succeed, the others are rewritten where they can be.
func (fx *fixer) captureExits(c *stmtCtx, cp *capture, litResults []types.Type) string {
	b := fx.b
	results := slices.Concat(litResults, []types.Type{errorType})
	for _, es := range b.exitStmts(c.fn.body) {
		call := ast.Unparen(es.X).(*ast.CallExpr)
		ec, ok := b.exprStmtOf(c.file, call)
		if !ok || ec.fn.lit != c.fn.lit {
			continue
		}
		ec.capture = cp
		saved := b.save()
		ok, why := b.rewriteExit(ec, call, results)
		switch {
		case ok:
			fx.done[ec.stmt] = true
		case ec.stmt == c.stmt:
			return why
		default:
			b.restore(saved)
		}
	}
	if !fx.done[c.stmt] {
		return "the exit cannot be rewritten where it is"
	}
	return b.dropDead(c.fn.body, fx.done)
}

// localErr declares a fresh error variable before the invoker's call
// that the literal can assign: neither the literal nor the code around
// it mentions the name.
func (b *builder) localErr(c, outer *stmtCtx) (string, string) {
	scope := outer.scope(b.pass.TypesInfo)
	if scope == nil {
		return "", "the call has no scope to declare an error in"
	}
	for i := 0; ; i++ {
		name := "err"
		if i > 0 {
			name = "err" + string(rune('0'+i%10))
			if i >= 10 {
				return "", "no free name for the error"
			}
		}
		if mentions(c.fn.lit, name) || b.declared[scope][name] {
			continue
		}
		if _, obj := scope.LookupParent(name, outer.stmt.Pos()); obj != nil || scope.Lookup(name) != nil {
			continue
		}
		b.declare(scope, name)
		return name, ""
	}
}
