package fix

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"
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
			return false, "no automatic fix: exit status 0 ends the process successfully"
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
				return false, "no automatic fix: the exit status is not a constant, and 0 would mean success"
			}
			errText = m.exitStatus(c.fn.name(), code)
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
			return false, "no automatic fix: the message cannot be restated as an error: " + reason
		}
		return false, "no automatic fix: the message cannot be restated as an error"
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
		return false, "no automatic fix: statements follow the exit"
	}
	zs, ok := b.zeros(c.file, m.pos, results[:len(results)-1])
	if !ok {
		return false, "no automatic fix: a result's zero value cannot be written here"
	}
	ret := pre + "return " + strings.Join(append(zs, errText), ", ")
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

// terminating reports whether s is a terminating statement in the sense
// of the spec, counting the statements in done as returns.
func terminating(info *types.Info, s ast.Stmt, done map[ast.Stmt]bool) bool {
	return terminatingL(info, s, done, "")
}

// terminatingL is terminating for s labelled label ("" for none): a
// labelled break names the statement it leaves.
func terminatingL(info *types.Info, s ast.Stmt, done map[ast.Stmt]bool, label string) bool {
	if done[s] {
		return true
	}
	switch s := s.(type) {
	case *ast.ReturnStmt:
		return true
	case *ast.BranchStmt:
		return s.Tok == token.GOTO || s.Tok == token.FALLTHROUGH
	case *ast.ExprStmt:
		return isPanic(info, s)
	case *ast.BlockStmt:
		return lastTerminating(info, s.List, done)
	case *ast.LabeledStmt:
		return terminatingL(info, s.Stmt, done, s.Label.Name)
	case *ast.IfStmt:
		return s.Else != nil && terminating(info, s.Body, done) && terminating(info, s.Else, done)
	case *ast.ForStmt:
		return s.Cond == nil && !breaksOut(s.Body, label)
	case *ast.RangeStmt:
		return false
	case *ast.SwitchStmt:
		return clausesTerminate(info, s.Body, done, true, label)
	case *ast.TypeSwitchStmt:
		return clausesTerminate(info, s.Body, done, true, label)
	case *ast.SelectStmt:
		return clausesTerminate(info, s.Body, done, false, label)
	}
	return false
}

// isPanic reports whether s is a call of the built-in panic.
func isPanic(info *types.Info, s *ast.ExprStmt) bool {
	call, ok := ast.Unparen(s.X).(*ast.CallExpr)
	if !ok {
		return false
	}
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return false
	}
	_, builtin := info.Uses[id].(*types.Builtin)
	return builtin && id.Name == "panic"
}

func lastTerminating(info *types.Info, list []ast.Stmt, done map[ast.Stmt]bool) bool {
	for len(list) > 0 {
		if _, empty := list[len(list)-1].(*ast.EmptyStmt); !empty {
			break
		}
		list = list[:len(list)-1]
	}
	return len(list) > 0 && terminating(info, list[len(list)-1], done)
}

func clausesTerminate(info *types.Info, body *ast.BlockStmt, done map[ast.Stmt]bool, needDefault bool, label string) bool {
	if breaksOut(body, label) {
		return false
	}
	hasDefault := !needDefault
	for _, cl := range body.List {
		var list []ast.Stmt
		switch cl := cl.(type) {
		case *ast.CaseClause:
			list = cl.Body
			hasDefault = hasDefault || cl.List == nil
		case *ast.CommClause:
			list = cl.Body
		}
		if !lastTerminating(info, list, done) {
			return false
		}
	}
	return hasDefault
}

// breaksOut reports whether body, the body of a for, switch or select
// statement labelled label ("" for none), holds a break that leaves that
// statement: an unlabelled break outside any nested for, switch or
// select, or a break with its label. A break that only leaves a nested
// select, as in "for { select { case <-c: break } }", does not count.
func breaksOut(body ast.Node, label string) bool {
	found := false
	var walk func(n ast.Node, inner bool)
	walk = func(n ast.Node, inner bool) {
		ast.Inspect(n, func(m ast.Node) bool {
			if found {
				return false
			}
			switch m := m.(type) {
			case *ast.FuncLit:
				return false
			case *ast.BranchStmt:
				if m.Tok == token.BREAK && (m.Label == nil && !inner || m.Label != nil && m.Label.Name == label && label != "") {
					found = true
				}
			case *ast.ForStmt, *ast.RangeStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
				if m != n && !inner {
					walk(m, true)
					return false
				}
			}
			return true
		})
	}
	walk(body, false)
	return found
}
