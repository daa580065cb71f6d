package rewrite

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// An Insert puts Text at Pos.
type Insert struct {
	Pos  token.Pos
	Text string
}

// ErrorResult returns the insertions that make error the last result of
// the function type ft; name names it when the results are named. ok is
// false for an empty result list written "()".
//
//	func f()                  func f() error
//	func f() int          →   func f() (int, error)
//	func f() (int, bool)      func f() (int, bool, error)
//	func f() (n int)          func f() (n int, err error)
func ErrorResult(ft *ast.FuncType, name string) ([]Insert, bool) {
	res := ft.Results
	switch {
	case res == nil:
		return []Insert{{ft.Params.End(), " error"}}, true
	case len(res.List) == 0:
		return nil, false
	case len(res.List[0].Names) > 0:
		return []Insert{{res.Closing, ", " + name + " error"}}, true
	case !res.Opening.IsValid():
		return []Insert{{res.Pos(), "("}, {res.End(), ", error)"}}, true
	}
	return []Insert{{res.Closing, ", error"}}, true
}

// CheckedCall is the statement that replaces a call statement whose
// callee gained an error result: the call's results but the error are
// discarded, and handle (one or more lines) runs when the error is set.
//
//	Have: Register(x)     Want: if err := Register(x); err != nil {
//	                                <handle>
//	                            }
func CheckedCall(results int, errName, call, handle, indent string) string {
	return WithCall(results, errName, call, IfErr(errName, handle, indent))
}

// WithCall puts the call that sets errName into the header of check, an
// "if errName != nil {…}" statement.
func WithCall(results int, errName, call, check string) string {
	return "if " + strings.Repeat("_, ", results) + errName + " := " + call + "; " + strings.TrimPrefix(check, "if ")
}

// IfErr is "if errName != nil { handle }" at indent; handle may have
// several lines.
func IfErr(errName, handle, indent string) string {
	return "if " + errName + " != nil {\n" + indent + "\t" + strings.ReplaceAll(handle, "\n", "\n"+indent+"\t") + "\n" + indent + "}"
}

// IndentAt returns the leading white space of the line of src that holds
// offset.
func IndentAt(src []byte, offset int) string {
	start := min(offset, len(src))
	for start > 0 && src[start-1] != '\n' {
		start--
	}
	end := start
	for end < len(src) && (src[end] == ' ' || src[end] == '\t') {
		end++
	}
	return string(src[start:end])
}

// StmtList returns the statement list that parent holds, for a block or
// a case or select clause; ok is false for any other node (an if or for
// header, a labelled statement).
func StmtList(parent ast.Node) (list []ast.Stmt, ok bool) {
	switch p := parent.(type) {
	case *ast.BlockStmt:
		return p.List, true
	case *ast.CaseClause:
		return p.Body, true
	case *ast.CommClause:
		return p.Body, true
	}
	return nil, false
}

// IsNil reports whether e is the untyped nil.
func IsNil(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	return ok && tv.IsNil()
}
