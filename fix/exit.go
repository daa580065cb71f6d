package fix

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
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
	)
	if code := exitCode(info, call); code != nil {
		if tv, ok := info.Types[code]; ok && tv.Value != nil && tv.Value.Kind() == constant.Int && constant.Sign(tv.Value) == 0 {
			return false, "no automatic fix: exit status 0 ends the process successfully"
		}
		switch l := b.logBefore(c); {
		case l != nil:
			logStmt = c.list[c.idx-1]
			m.pos = logStmt.Pos()
			errText, logged = m.errorExpr(l), l
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
		}
	} else if l := asLogCall(info, call); l != nil && l.ends() {
		errText = m.errorExpr(l)
		logged = l
	} else {
		return false, ""
	}
	if !validExpr(errText) {
		if reason := m.whyNoMessage(logged); reason != "" {
			return false, "no automatic fix: the message cannot be restated as an error: " + reason
		}
		return false, "no automatic fix: the message cannot be restated as an error"
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
	ret := "return " + strings.Join(append(zs, errText), ", ")
	if logStmt == nil {
		b.replace(c.stmt.Pos(), end, ret)
		return true, ""
	}
	b.replace(logStmt.Pos(), logStmt.End(), ret)
	from := logStmt.End()
	if end := lastCommentBetween(c.file, from, c.stmt.Pos()); end.IsValid() {
		from = end
	}
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
	if done[s] {
		return true
	}
	switch s := s.(type) {
	case *ast.ReturnStmt:
		return true
	case *ast.BranchStmt:
		return s.Tok == token.GOTO || s.Tok == token.FALLTHROUGH
	case *ast.ExprStmt:
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
	case *ast.BlockStmt:
		return lastTerminating(info, s.List, done)
	case *ast.LabeledStmt:
		return terminating(info, s.Stmt, done)
	case *ast.IfStmt:
		return s.Else != nil && terminating(info, s.Body, done) && terminating(info, s.Else, done)
	case *ast.ForStmt:
		return s.Cond == nil && !hasBreak(s.Body)
	case *ast.RangeStmt:
		return false
	case *ast.SwitchStmt:
		return clausesTerminate(info, s.Body, done, true)
	case *ast.TypeSwitchStmt:
		return clausesTerminate(info, s.Body, done, true)
	case *ast.SelectStmt:
		return clausesTerminate(info, s.Body, done, false)
	}
	return false
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

func clausesTerminate(info *types.Info, body *ast.BlockStmt, done map[ast.Stmt]bool, needDefault bool) bool {
	if hasBreak(body) {
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

// hasBreak reports whether body holds a break statement, conservatively:
// any break, labelled or not, at any depth outside function literals.
func hasBreak(body ast.Node) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.BranchStmt:
			if n.Tok == token.BREAK {
				found = true
			}
		}
		return !found
	})
	return found
}
