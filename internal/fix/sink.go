package fix

import (
	"go/ast"
	"strings"
)

// A sink takes the error of an exit whose function cannot return it to
// someone who can act on it, and the function returns:
//
//	Have: go func() { defer wg.Done(); if err := run(); err != nil { klog.Fatal(err) } }()
//	Want: go func() { defer wg.Done(); if err := run(); err != nil { select { case errc <- err: default: }; return } }()
//
//	Have: func (m *mod) Start() { if !synced() { klog.Fatal("cache not synced") } ... }
//	Want: func (m *mod) Start() { if !synced() { core.Fail(errors.New("cache not synced")); return } ... }
type sink struct {
	// hand returns the statement that hands err on, at the indentation
	// ind of the exit it replaces.
	hand func(err, ind string) string
}

// sinkReturn is the text that replaces the exit of c under b.sink: the
// hand-off, then a return of zero values. A function without results
// whose body ends with the exit needs no return.
func (b *builder) sinkReturn(c *stmtCtx, zeros []string, errText string) string {
	ind := b.indent(c.stmt.Pos())
	out := b.sink.hand(errText, ind)
	if len(zeros) == 0 && b.endsBody(c) {
		return out
	}
	ret := "return"
	if len(zeros) > 0 {
		ret += " " + strings.Join(zeros, ", ")
	}
	return out + "\n" + ind + ret
}

// endsBody reports whether the statement of c is the last of its
// function's body, but for a return that the rewrite drops.
func (b *builder) endsBody(c *stmtCtx) bool {
	if len(c.path) < 2 || c.path[1] != c.fn.body {
		return false
	}
	rest := c.list[c.idx+1:]
	return len(rest) == 0 || len(rest) == 1 && isReturn(rest[0]) && len(rest[0].(*ast.ReturnStmt).Results) == 0
}
