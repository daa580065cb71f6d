package rewrite

import (
	"go/ast"
	"go/token"
	"go/types"
)

// Terminating reports whether s is a terminating statement in the sense
// of the spec, counting the statements in done as returns.
func Terminating(info *types.Info, s ast.Stmt, done map[ast.Stmt]bool) bool {
	return terminatingL(info, s, done, "")
}

// terminatingL is Terminating for s labelled label ("" for none): a
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
		return IsPanic(info, s)
	case *ast.BlockStmt:
		return LastTerminating(info, s.List, done)
	case *ast.LabeledStmt:
		return terminatingL(info, s.Stmt, done, s.Label.Name)
	case *ast.IfStmt:
		return s.Else != nil && Terminating(info, s.Body, done) && Terminating(info, s.Else, done)
	case *ast.ForStmt:
		return s.Cond == nil && !BreaksOut(s.Body, label)
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

// IsPanic reports whether s is a call of the built-in panic.
func IsPanic(info *types.Info, s *ast.ExprStmt) bool {
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

// LastTerminating reports whether the last statement of list (empty
// statements aside) is terminating: a body that ends so needs no final
// return, and a "return nil" after it would be unreachable.
func LastTerminating(info *types.Info, list []ast.Stmt, done map[ast.Stmt]bool) bool {
	for len(list) > 0 {
		if _, empty := list[len(list)-1].(*ast.EmptyStmt); !empty {
			break
		}
		list = list[:len(list)-1]
	}
	return len(list) > 0 && Terminating(info, list[len(list)-1], done)
}

func clausesTerminate(info *types.Info, body *ast.BlockStmt, done map[ast.Stmt]bool, needDefault bool, label string) bool {
	if BreaksOut(body, label) {
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
		if !LastTerminating(info, list, done) {
			return false
		}
	}
	return hasDefault
}

// BreaksOut reports whether body, the body of a for, switch or select
// statement labelled label ("" for none), holds a break that leaves that
// statement: an unlabelled break outside any nested for, switch or
// select, or a break with its label. A break that only leaves a nested
// select, as in "for { select { case <-c: break } }", does not count.
func BreaksOut(body ast.Node, label string) bool {
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
