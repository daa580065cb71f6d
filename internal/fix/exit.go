package fix

import (
	"go/ast"
	"go/constant"
	"go/types"
	"slices"
)

// rewritable reports whether call is a terminator this package rewrites:
// an exit with a status, or a fatal (or panicking) logging call.
func rewritable(info *types.Info, call *ast.CallExpr) bool {
	if exitCode(info, call) != nil {
		return true
	}
	l := asLogCall(info, call)
	return l != nil && l.ends()
}

// rewriteExit turns the terminator statement of c into a return of an
// error; results are the function's results after the fix, error last.
//
//	Have: klog.Fatalf("load %s: %v", p, err)
//	Want: return nil, fmt.Errorf("load %s: %w", p, err)
//
//	Have: klog.Errorf("load: %v", err)
//	      os.Exit(1)
//	Want: return nil, fmt.Errorf("load: %w", err)
//
//	Have: if err != nil { os.Exit(1) }
//	Want: if err != nil { return nil, err }
func (b *builder) rewriteExit(c *stmtCtx, call *ast.CallExpr, results []types.Type) (ok bool, why string) {
	info := b.pass.TypesInfo
	m := &message{b: b, file: c.file, pos: c.stmt.Pos()}
	var (
		errText string
		logStmt ast.Stmt // the log line of a log-then-exit pair
		logged  *logCall // the call whose message errText restates
		// dropped are the arguments the rewrite no longer evaluates,
		// kept those the error still does (keepEffects).
		dropped, kept []ast.Expr
	)
	if code := exitCode(info, call); code != nil {
		if tv, ok := info.Types[code]; ok && tv.Value != nil && tv.Value.Kind() == constant.Int && constant.Sign(tv.Value) == 0 {
			return false, "exit status 0 ends the process successfully"
		}
		dropped = call.Args
		switch l := b.logBefore(c); {
		case l != nil:
			logStmt = c.list[c.idx-1]
			m.pos = logStmt.Pos()
			errText, logged = m.errorExpr(l), l
			dropped = slices.Concat(l.dropped(), call.Args)
			kept = l.args
		case b.errCheck(c) != nil:
			x := b.errCheck(c)
			b.kept = append(b.kept, span{x.Pos(), x.End()})
			errText = b.text(x)
		default:
			// Have: os.Exit(code). A status that may be 0 means success:
			// only a constant, non-zero one becomes an error.
			if tv, ok := info.Types[code]; !ok || tv.Value == nil {
				return false, "the exit status is not a constant, and 0 would mean success"
			}
			errText = m.exitStatus(c.fnName(), code)
			dropped = call.Args[:len(call.Args)-1]
		}
	} else if l := asLogCall(info, call); l != nil && l.ends() {
		errText = m.errorExpr(l)
		logged = l
		dropped, kept = l.dropped(), l.args
	} else {
		return false, ""
	}
	if m.why != "" {
		return false, m.why
	}
	if !validExpr(errText) {
		if reason := m.whyNoMessage(logged); reason != "" {
			return false, "the message cannot be restated as an error: " + reason
		}
		return false, "the message cannot be restated as an error"
	}
	if why := b.skipsCleanup(c); why != "" {
		return false, why
	}
	pre, why := b.keepEffects(dropped, kept, b.indent(c.stmt.Pos()))
	if why != "" {
		return false, why
	}
	end := c.stmt.End()
	switch rest := c.list[c.idx+1:]; {
	case len(rest) == 0:
	case len(rest) == 1 && isReturn(rest[0]):
		// Have: klog.Fatal(err); return nil  (the return only pleases the compiler)
		end = rest[0].End()
		b.dropped[rest[0]] = true
	default:
		return false, "statements follow the exit"
	}
	zs, ok := b.zeros(c.file, m.pos, results[:len(results)-1])
	if !ok {
		return false, "a result's zero value cannot be written here"
	}
	ret := pre + b.exitReturn(c, zs, errText)
	if b.sink != nil {
		ret = pre + b.sinkReturn(c, zs, errText)
	}
	if logStmt == nil {
		b.replace(c.stmt.Pos(), end, ret)
		return true, ""
	}
	// Comments on the lines between the log line and the exit move above
	// the return; one at the end of the log line stays there.
	tf := b.pass.Fset.File(logStmt.Pos())
	from, above := logStmt.End(), ""
	for _, cg := range c.file.Comments {
		for _, cm := range cg.List {
			if cm.Pos() < logStmt.End() || cm.End() > c.stmt.Pos() {
				continue
			}
			if tf.Line(cm.Pos()) == tf.Line(logStmt.End()) {
				from = cm.End()
			} else {
				above += cm.Text + "\n" + b.indent(logStmt.Pos())
			}
		}
	}
	b.replace(logStmt.Pos(), logStmt.End(), above+ret)
	b.replace(from, end, "")
	return true, ""
}

func isReturn(s ast.Stmt) bool {
	_, ok := s.(*ast.ReturnStmt)
	return ok
}

// logBefore returns the logging call just before the exit in c, the first
// half of a log-then-exit pair.
func (b *builder) logBefore(c *stmtCtx) *logCall {
	if c.idx == 0 {
		return nil
	}
	es, ok := c.list[c.idx-1].(*ast.ExprStmt)
	if !ok {
		return nil
	}
	call, ok := ast.Unparen(es.X).(*ast.CallExpr)
	if !ok {
		return nil
	}
	l := asLogCall(b.pass.TypesInfo, call)
	if l == nil || l.ends() {
		return nil
	}
	return l
}
