package fix

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/noexit-lint/noexit/internal/names"
	"github.com/noexit-lint/noexit/internal/rewrite"
)

// An exit in a goroutine that its starter waits for becomes a send of the
// error to the starter, which returns the first one after the wait:
//
//	Have: var wg sync.WaitGroup
//	      for _, p := range paths {
//	          wg.Add(1)
//	          go func() {
//	              defer wg.Done()
//	              if err := load(p); err != nil {
//	                  klog.Fatal(err)
//	              }
//	          }()
//	      }
//	      wg.Wait()
//	Want: var wg sync.WaitGroup
//	      errc := make(chan error, 1)
//	      for _, p := range paths {
//	          ...
//	              if err := load(p); err != nil {
//	                  select {
//	                  case errc <- err:
//	                  default:
//	                  }
//	                  return
//	              }
//	      }
//	      wg.Wait()
//	      select {
//	      case err := <-errc:
//	          return err
//	      default:
//	      }
//
// The send never blocks: the channel keeps the first error, later ones
// are dropped, and every goroutine still reaches its deferred Done.

// notWaited is the refusal for a goroutine that nothing waits for.
const notWaited = "the goroutine is not waited for: send the error to the caller on a channel, or restart the server in the goroutine"

// inGoroutine rewrites an exit in the body of a function literal started
// with go: a send to the waiting function, else a call of the fail
// handler, else nothing, saying why.
func (fx *fixer) inGoroutine(s Site, c *stmtCtx) (msg string, ok bool, why string) {
	w, why := fx.b.waitedFor(c)
	if w != nil {
		if msg, ok, why = fx.sendToWaiter(s, c, w); ok {
			return msg, true, ""
		}
	}
	if fx.b.cache.FailHandler != "" {
		return fx.callHandler(s, c)
	}
	return "", false, why
}

// waiter is where the function that starts a goroutine waits for it.
type waiter struct {
	outer funcOf   // the function with the go statement
	start *stmtCtx // the statement around the go statement, in the list of the Wait
	wait  *stmtCtx // wg.Wait()
	wg    string   // the WaitGroup's name
}

// waitedFor finds the wg.Wait() of the function that starts the goroutine
// around c, for a goroutine that defers wg.Done() before the exit, wg a
// variable of that function. It returns why not when there is none.
func (b *builder) waitedFor(c *stmtCtx) (*waiter, string) {
	info := b.pass.TypesInfo
	lit := c.fn.lit
	i := 0
	for i < len(c.path) && c.path[i] != lit {
		i++
	}
	if i+3 >= len(c.path) {
		return nil, notWaited
	}
	outer, ok := b.enclosingFunc(c.path[i+3:])
	if !ok {
		return nil, notWaited
	}
	// The statement of the literal's body that holds the exit.
	var top ast.Node
	for j := 0; j+1 < i; j++ {
		if c.path[j+1] == lit.Body {
			top = c.path[j]
		}
	}
	var wg *types.Var
	for _, st := range lit.Body.List {
		if st == top {
			break
		}
		if v := deferredDone(info, st); v != nil {
			wg = v
			break
		}
	}
	if wg == nil {
		if usesWaitGroup(info, lit.Body) {
			return nil, "the goroutine does not defer Done before the exit; defer it first, or send the error to the caller on a channel"
		}
		return nil, notWaited
	}
	if wg.Pos() < outer.body.Pos() || wg.Pos() >= outer.body.End() {
		return nil, wg.Name() + " is not a variable of the function that starts the goroutine; send the error to the caller on a channel"
	}
	// Climb from the go statement to the function's body, looking for
	// the nearest wg.Wait() after it in an enclosing statement list.
	for j := i + 2; j+1 < len(c.path) && c.path[j] != outer.body; j++ {
		st, ok := c.path[j].(ast.Stmt)
		if !ok {
			continue
		}
		list, ok := rewrite.StmtList(c.path[j+1])
		if !ok {
			continue
		}
		at := -1
		for k, t := range list {
			if t == st {
				at = k
			}
		}
		for k := at + 1; at >= 0 && k < len(list); k++ {
			if !isWait(info, list[k], wg) {
				continue
			}
			for _, t := range list[at:k] {
				if leaves(t) {
					return nil, "the function may return before " + wg.Name() + ".Wait(), and the goroutine's error would be lost"
				}
			}
			start, ok1 := b.stmtOf(c.file, st)
			wait, ok2 := b.stmtOf(c.file, list[k])
			if !ok1 || !ok2 || wait.fn.body != outer.body {
				return nil, notWaited
			}
			return &waiter{outer: outer, start: start, wait: wait, wg: wg.Name()}, ""
		}
	}
	return nil, notWaited
}

// deferredDone returns wg for "defer wg.Done()", a sync.WaitGroup
// variable; nil for anything else.
func deferredDone(info *types.Info, st ast.Stmt) *types.Var {
	d, ok := st.(*ast.DeferStmt)
	if !ok {
		return nil
	}
	return waitGroupCall(info, d.Call, "Done")
}

// isWait reports whether st is "wg.Wait()".
func isWait(info *types.Info, st ast.Stmt, wg *types.Var) bool {
	es, ok := st.(*ast.ExprStmt)
	if !ok {
		return false
	}
	call, ok := ast.Unparen(es.X).(*ast.CallExpr)
	return ok && waitGroupCall(info, call, "Wait") == wg
}

// waitGroupCall returns v for a call v.name() of the sync.WaitGroup
// method name on a variable v.
func waitGroupCall(info *types.Info, call *ast.CallExpr, name string) *types.Var {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || len(call.Args) != 0 || sel.Sel.Name != name {
		return nil
	}
	fn, ok := info.Uses[sel.Sel].(*types.Func)
	if !ok || fn.FullName() != "(*sync.WaitGroup)."+name {
		return nil
	}
	id, ok := ast.Unparen(sel.X).(*ast.Ident)
	if !ok {
		return nil
	}
	v, _ := info.Uses[id].(*types.Var)
	return v
}

// usesWaitGroup reports whether body calls a sync.WaitGroup method.
func usesWaitGroup(info *types.Info, body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			if fn, ok := calleeFunc(info, call); ok && strings.HasPrefix(fn.FullName(), "(*sync.WaitGroup).") {
				found = true
			}
		}
		return !found
	})
	return found
}

func calleeFunc(info *types.Info, call *ast.CallExpr) (*types.Func, bool) {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil, false
	}
	fn, ok := info.Uses[sel.Sel].(*types.Func)
	return fn, ok
}

// leaves reports whether control may leave the statement list that holds
// s from inside s, other than by running on: a return, a goto, a
// labelled branch, or a break or continue that no loop, switch or select
// inside s catches. Function literals do not count.
func leaves(s ast.Stmt) bool {
	found := false
	var walk func(n ast.Node, loops, breakables int)
	walk = func(n ast.Node, loops, breakables int) {
		ast.Inspect(n, func(m ast.Node) bool {
			if found || m == nil {
				return false
			}
			switch m := m.(type) {
			case *ast.FuncLit:
				return false
			case *ast.ReturnStmt:
				found = true
			case *ast.BranchStmt:
				switch {
				case m.Label != nil || m.Tok == token.GOTO:
					found = true
				case m.Tok == token.BREAK && breakables == 0, m.Tok == token.CONTINUE && loops == 0:
					found = true
				}
			case *ast.ForStmt, *ast.RangeStmt:
				if m != n {
					walk(m, loops+1, breakables+1)
					return false
				}
			case *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
				if m != n {
					walk(m, loops, breakables+1)
					return false
				}
			}
			return true
		})
	}
	// s itself, when a loop or switch, catches its own breaks.
	switch s.(type) {
	case *ast.ForStmt, *ast.RangeStmt:
		walk(s, 1, 1)
	case *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
		walk(s, 0, 1)
	default:
		walk(s, 0, 0)
	}
	return found
}

// sendToWaiter rewrites the exit of c into a send on an error channel
// that the waiting function w reads after its Wait and returns.
func (fx *fixer) sendToWaiter(s Site, c *stmtCtx, w *waiter) (msg string, ok bool, why string) {
	b := fx.b
	outer := w.outer
	var results []types.Type
	switch {
	case returnsError(outer.sig):
		results = resultTypes(outer.sig.Results())
	case outer.obj == nil:
		return "", false, "the function literal that waits for the goroutine does not return an error"
	default:
		if fx.ch == nil || !fx.ch.changed[outer.obj] {
			// Try on a chain of its own first: a chain that fails to
			// grow is left half-grown.
			if why := newChain(b).grow(outer.obj); why != "" {
				return "", false, why
			}
			if fx.ch == nil {
				fx.ch = newChain(b)
			}
			fx.ch.grow(outer.obj)
		}
		results = fx.ch.newResults(outer.obj)
	}
	if why := b.skipsCleanup(w.wait); why != "" {
		return "", false, why
	}
	saved := b.save()
	name, declared := fx.errChans[w.wait.stmt]
	if !declared {
		name = b.freshAcross(w.start.scope(b.pass.TypesInfo), "errc", w.start.stmt.Pos(), c.stmt.Pos(), w.wait.stmt.End())
	}
	sk := &sink{hand: func(err, ind string) string {
		return "select {\n" + ind + "case " + name + " <- " + err + ":\n" + ind + "default:\n" + ind + "}"
	}}
	b.sink = sk
	ok, why = b.rewriteExit(c, s.Call, append(resultTypes(c.fn.sig.Results()), errorType))
	b.sink = nil
	if !ok {
		b.restore(saved)
		return "", false, why
	}
	if !declared {
		zs, ok := b.zeros(w.wait.file, w.wait.stmt.Pos(), results[:len(results)-1])
		if !ok {
			b.restore(saved)
			return "", false, "a result's zero value cannot be written here"
		}
		ind := b.indent(w.start.stmt.Pos())
		b.insert(w.start.stmt.Pos(), name+" := make(chan error, 1)\n"+ind)
		// Replace the Wait rather than insert after it: a chain may
		// insert a final return at the same point.
		ind = b.indent(w.wait.stmt.Pos())
		b.replace(w.wait.stmt.Pos(), w.wait.stmt.End(), b.text(w.wait.stmt)+"\n"+ind+"select {\n"+ind+"case err := <-"+name+":\n"+ind+"\treturn "+
			strings.Join(append(zs, "err"), ", ")+"\n"+ind+"default:\n"+ind+"}", w.wait.stmt)
		if fx.errChans == nil {
			fx.errChans = map[ast.Stmt]string{}
		}
		fx.errChans[w.wait.stmt] = name
	}
	fx.done[c.stmt] = true
	if !fx.seen[c.fn.body] {
		fx.seen[c.fn.body] = true
		fx.bodies = append(fx.bodies, errBody{c.file, c.fn.body, append(resultTypes(c.fn.sig.Results()), errorType), sk})
	}
	who := "the function that waits for it"
	if outer.obj != nil {
		who = names.Func(outer.obj)
	}
	return "Send the error to " + who + ", which returns it after " + w.wg + ".Wait()", true, ""
}

// freshAcross returns a name, based on base, that is new in scope and
// refers to nothing at any of the positions at, and records it.
func (b *builder) freshAcross(scope *types.Scope, base string, at ...token.Pos) string {
	for i := 0; ; i++ {
		name := base
		if i > 0 {
			name = fmt.Sprintf("%s%d", base, i)
		}
		free := scope == nil || scope.Lookup(name) == nil
		for _, p := range at {
			if s := b.scopeAt(p); s != nil {
				if _, obj := s.LookupParent(name, p); obj != nil {
					free = false
				}
			}
		}
		for s := scope; s != nil && free; s = s.Parent() {
			free = !b.declared[s][name]
		}
		if free {
			b.declare(scope, name)
			return name
		}
	}
}
