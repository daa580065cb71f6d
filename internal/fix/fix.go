// Package fix builds the suggested fixes that noexit offers: it rewrites a
// call that ends the process into code that returns an error. It decides
// how to rewrite, never whether something is wrong; the analyzer package
// reports.
package fix

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/noexit-lint/noexit/internal/names"
	"github.com/noexit-lint/noexit/internal/rewrite"
)

// Site is a reported terminator: a call (or reference) to a function that
// ends the process, inside code that an entry point reaches.
type Site struct {
	Unit     *rewrite.Unit
	File     *ast.File
	Call     *ast.CallExpr // nil when the terminator is referenced, not called
	Pos      token.Pos     // start of the terminator expression
	Name     string        // types.Func.FullName of the terminator, e.g. "os.Exit"
	Category string        // "exit", "fatal-log", "flag-exit", "goexit", "panic-log", "user"
	Cache    *Cache        // shared by the sites of one package; nil for none
}

// ForTerminator returns the fixes for s, best first. When it offers none it
// may return a short reason, lower case, for the diagnostic's message
// ("init cannot return an error").
//
// Every fix is checked: the package, with the fix applied, must still
// type-check, or the fix is dropped.
func ForTerminator(s Site) (fixes []analysis.SuggestedFix, why *rewrite.Refusal) {
	if s.Call == nil || s.Unit == nil || s.File == nil || s.Unit.TypesInfo == nil {
		return nil, nil
	}
	fx := newFixer(s.Unit, s.Cache)
	msg, ok, text := fx.add(s)
	if !ok {
		return nil, rewrite.Refuse(text)
	}
	if text := fx.finish(); text != "" {
		return nil, rewrite.Refuse(text)
	}
	return fx.b.fix(msg)
}

// fixer builds one fix for one or more sites of a package: sites whose
// separate fixes would overlap are rewritten together, in one builder and
// one chain, so that their edits agree (see Settle).
type fixer struct {
	b    *builder
	ch   *chain // nil until a site needs a signature change
	done map[ast.Stmt]bool
	// bodies of functions that already return an error and whose exits
	// this fix rewrites, once each: finish removes what the new returns
	// leave unreachable.
	bodies []errBody
	seen   map[*ast.BlockStmt]bool
	// errChans names the error channel of each wg.Wait() that goroutines
	// of this fix send to (goroutine.go).
	errChans map[ast.Stmt]string
}

type errBody struct {
	file    *ast.File
	body    *ast.BlockStmt
	results []types.Type
	sink    *sink // where the body's exits send the error; nil to return it
}

func newFixer(pass *rewrite.Unit, cache *Cache) *fixer {
	return &fixer{b: newBuilder(pass, cache), done: map[ast.Stmt]bool{}, seen: map[*ast.BlockStmt]bool{}}
}

// add rewrites the exit at s and, if its function must gain an error
// result, grows the chain of functions that do. ok is false when s gets no
// fix; why may then say why.
func (fx *fixer) add(s Site) (msg string, ok bool, why string) {
	b := fx.b
	if s.Name == "flag.NewFlagSet" {
		// flagSet builds its fix alone; its edits join this builder's.
		fs, why := flagSet(s)
		if len(fs) == 0 {
			return "", false, why
		}
		b.edits = append(b.edits, fs[0].TextEdits...)
		return fs[0].Message, true, ""
	}
	if !rewritable(s.Unit.TypesInfo, s.Call) {
		return "", false, ""
	}
	c, ok := b.exprStmtOf(s.File, s.Call)
	switch {
	case !ok:
		return "", false, ""
	case c.fn.inGo:
		return fx.inGoroutine(s, c)
	case c.fn.inDefer:
		return "", false, "the error of a deferred function would be dropped"
	case c.fn.decl != nil && c.fn.decl.Recv == nil && c.fn.decl.Name.Name == "init":
		return "", false, "init cannot return an error"
	}
	if returnsError(c.fn.sig) {
		if ok, why := b.rewriteExit(c, s.Call, resultTypes(c.fn.sig.Results())); !ok {
			return "", false, why
		}
		fx.done[c.stmt] = true
		if !fx.seen[c.fn.body] {
			fx.seen[c.fn.body] = true
			fx.bodies = append(fx.bodies, errBody{c.file, c.fn.body, resultTypes(c.fn.sig.Results()), nil})
		}
		return "Return the error instead", true, ""
	}
	if c.fn.lit != nil {
		if fx.isCobraRun(c) {
			return fx.addCobraRun(c)
		}
		return fx.addInvoked(c)
	}
	if b.cache.FailHandler != "" && b.fixedSignature(c.fn) != "" {
		return fx.callHandler(s, c)
	}
	if fx.ch == nil {
		fx.ch = newChain(b)
	}
	ch := fx.ch
	before := len(ch.order)
	if !ch.changed[c.fn.obj] {
		if why := ch.grow(c.fn.obj); why != "" {
			return "", false, why
		}
	}
	if ok, why := b.rewriteExit(c, s.Call, ch.newResults(c.fn.obj)); !ok {
		return "", false, why
	}
	fx.done[c.stmt] = true
	msg = "Return an error from " + names.Func(c.fn.obj)
	if len(ch.order)-before > 1 {
		msg += " and its callers"
	}
	return msg, true, ""
}

// finish completes the chain: the other exits of its functions, the calls
// that pass the error on and the new signatures.
func (fx *fixer) finish() string {
	b := fx.b
	for _, eb := range fx.bodies {
		if b.deadWithAll(eb.body, fx.done) {
			// The other exits of the function, rewritten too, leave
			// code unreachable that these alone do not: rewrite them in
			// this fix as well, so that merged fixes agree.
			b.sink = eb.sink
			b.rewriteOthers(eb.file, eb.body, eb.results, fx.done)
			b.sink = nil
		}
		if why := b.dropDead(eb.body, fx.done); why != "" {
			return why
		}
	}
	ch := fx.ch
	if ch == nil {
		return ""
	}
	for _, g := range ch.order {
		ch.resultName(g)
		ch.rewriteExits(g, fx.done)
	}
	for _, g := range ch.order {
		if why := b.dropDead(ch.decls[g].Body, fx.done); why != "" {
			return why
		}
	}
	for _, cs := range ch.calls {
		if b.inDead(cs.call.Pos()) {
			continue
		}
		if why := ch.passOn(cs); why != "" {
			return why
		}
	}
	for _, g := range ch.order {
		if why := ch.addErrorResult(g, fx.done); why != "" {
			return why
		}
	}
	return ""
}

// fix finishes the edits and checks them; a fix that would not type-check
// is no fix.
func (b *builder) fix(msg string) ([]analysis.SuggestedFix, *rewrite.Refusal) {
	b.finishImports()
	edits := b.result()
	if len(edits) == 0 {
		return nil, nil
	}
	if !b.cache.Batch && !b.typeChecks(edits) {
		return nil, noCompile("")
	}
	return []analysis.SuggestedFix{{Message: msg, TextEdits: edits}}, nil
}

// noCompile is the refusal of a fix that would not type-check; more says
// in what company.
func noCompile(more string) *rewrite.Refusal {
	return &rewrite.Refusal{Kind: rewrite.NoCompile, Text: "the rewrite would not compile" + more}
}
