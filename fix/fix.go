// Package fix builds the suggested fixes that noexit offers: it rewrites a
// call that ends the process into code that returns an error. It decides
// how to rewrite, never whether something is wrong; the analyzer package
// reports.
package fix

import (
	"go/ast"
	"go/token"

	"golang.org/x/tools/go/analysis"

	"github.com/noexit-lint/noexit/internal/names"
)

// Site is a reported terminator: a call (or reference) to a function that
// ends the process, inside code that an entry point reaches.
type Site struct {
	Pass     *analysis.Pass
	File     *ast.File
	Call     *ast.CallExpr // nil when the terminator is referenced, not called
	Pos      token.Pos     // start of the terminator expression
	Name     string        // types.Func.FullName of the terminator, e.g. "os.Exit"
	Category string        // "exit", "fatal-log", "flag-exit", "goexit", "panic-log", "user"
	Cache    *Cache        // shared by the sites of one package; nil for none
}

// ForTerminator returns the fixes for s, best first. When it offers none it
// may return a short reason, lower case, for the diagnostic's message
// ("no automatic fix: init cannot return an error").
//
// Every fix is checked: the package, with the fix applied, must still
// type-check, or the fix is dropped.
func ForTerminator(s Site) (fixes []analysis.SuggestedFix, why string) {
	if s.Call == nil || s.Pass == nil || s.File == nil || s.Pass.TypesInfo == nil {
		return nil, ""
	}
	if s.Name == "flag.NewFlagSet" {
		return flagSet(s)
	}
	b := newBuilder(s.Pass, s.Cache)
	if !rewritable(s.Pass.TypesInfo, s.Call) {
		return nil, ""
	}
	c, ok := b.exprStmtOf(s.File, s.Call)
	switch {
	case !ok:
		return nil, ""
	case c.fn.inGo:
		return nil, "no automatic fix: a goroutine cannot return an error to its caller"
	case c.fn.inDefer:
		return nil, "no automatic fix: the error of a deferred function would be dropped"
	case c.fn.decl != nil && c.fn.decl.Recv == nil && c.fn.decl.Name.Name == "init":
		return nil, "no automatic fix: init cannot return an error"
	}
	if returnsError(c.fn.sig) {
		if ok, why := b.rewriteExit(c, s.Call, resultTypes(c.fn.sig.Results())); !ok {
			return nil, why
		}
		done := map[ast.Stmt]bool{c.stmt: true}
		if b.deadWithAll(c.fn.body, done) {
			// The other exits of the function, rewritten too, leave
			// code unreachable that this one alone does not: rewrite
			// them in this fix as well, so that merged fixes agree.
			b.rewriteOthers(c.file, c.fn.body, resultTypes(c.fn.sig.Results()), done)
		}
		if why := b.dropDead(c.fn.body, done); why != "" {
			return nil, why
		}
		return b.fix("Return the error instead")
	}
	if c.fn.lit != nil {
		return nil, "no automatic fix: the function literal does not return an error"
	}
	ch := newChain(b)
	if why := ch.grow(c.fn.obj); why != "" {
		return nil, why
	}
	done := map[ast.Stmt]bool{c.stmt: true}
	if ok, why := b.rewriteExit(c, s.Call, ch.newResults(c.fn.obj)); !ok {
		return nil, why
	}
	for _, g := range ch.order {
		ch.resultName(g)
		ch.rewriteExits(g, done)
	}
	for _, g := range ch.order {
		if why := b.dropDead(ch.decls[g].Body, done); why != "" {
			return nil, why
		}
	}
	for _, cs := range ch.calls {
		if b.inDead(cs.call.Pos()) {
			continue
		}
		if why := ch.passOn(cs); why != "" {
			return nil, why
		}
	}
	for _, g := range ch.order {
		if why := ch.addErrorResult(g, done); why != "" {
			return nil, why
		}
	}
	msg := "Return an error from " + names.Func(c.fn.obj)
	if len(ch.order) > 1 {
		msg += " and its callers"
	}
	return b.fix(msg)
}

// fix finishes the edits and checks them; a fix that would not type-check
// is no fix.
func (b *builder) fix(msg string) ([]analysis.SuggestedFix, string) {
	b.finishImports()
	edits := b.result()
	if len(edits) == 0 {
		return nil, ""
	}
	if !b.cache.Batch && !b.typeChecks(edits) {
		return nil, NoCompile
	}
	return []analysis.SuggestedFix{{Message: msg, TextEdits: edits}}, ""
}

// NoCompile is the reason given for a fix that would not type-check.
const NoCompile = "no automatic fix: the rewrite would not compile"
