// Package modfix builds module-wide fixes for the noexit command
// (-fix -fix-exported): where the per-package fixer stops at an exported
// function, it lets that function gain an error result and updates its
// callers in every package of the main module, up the call chain, to a
// function that returns the error, a test (t.Fatal), or allowed code
// (main, cmd/), where the exit moves. Every fix is verified by
// type-checking the packages it touches, their tests included, under each
// GOOS/GOARCH that their files' build constraints name, before the driver
// writes anything.
package modfix

import (
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/noexit-lint/noexit/analyzer"
	"github.com/noexit-lint/noexit/internal/fix"
	"github.com/noexit-lint/noexit/internal/names"
	"github.com/noexit-lint/noexit/internal/rewrite"
)

// An Edit replaces bytes [Start, End) of a file with New.
type Edit struct {
	Start, End int
	New        string
}

// Edits are edits by absolute file name.
type Edits map[string][]Edit

// A Finding is a diagnostic at a terminator call that the per-package
// fixer could not fix.
type Finding struct {
	Fset *token.FileSet
	Diag analysis.Diagnostic
}

// Options configure Plan.
type Options struct {
	// Policy is the analyzer's compiled configuration: which packages
	// may exit (the error's exit moves there).
	Policy *analyzer.Policy
	// BuildFlags are passed to the go command (-tags).
	BuildFlags []string
	// Listing, if set, is the listing of the module's packages that the
	// driver started (ListModule); nil lists them when needed.
	Listing *Listing
	// Trial returns the content of the files that edits change, applied
	// on top of the fixes already accepted, or why they cannot be merged.
	Trial func(Edits) (map[string][]byte, string)
	// Accept records a fix that passed verification.
	Accept func(Edits)
}

// Result is the outcome for each finding given to Plan, by index: fixed
// (with the fix's message) or refused (with the reason). A finding that is
// not an exit this fixer rewrites (a call into another package's may-exit
// function, which is fixed with its callee) is in neither.
type Result struct {
	Fixed   map[int]string
	Refused map[int]string
}

// Plan builds, verifies and accepts (through opts.Accept) the module-wide
// fix of each finding.
func Plan(pkgs []*packages.Package, findings []Finding, opts Options) Result {
	res := Result{Fixed: map[int]string{}, Refused: map[int]string{}}
	m := newModule(pkgs, opts)
	type cand struct {
		i     int
		edits Edits
		msg   string
	}
	var cands []cand
	for i, f := range findings {
		edits, msg, why := m.plan(f)
		switch {
		case why != "":
			res.Refused[i] = why
		case len(edits) > 0:
			cands = append(cands, cand{i, edits, msg})
		}
	}
	if len(cands) == 0 {
		return res
	}
	// Verify candidates together, halving a group that fails: one
	// verification in the usual case, a few per fix that fails.
	var try func(cs []cand)
	try = func(cs []cand) {
		if len(cs) == 0 {
			return
		}
		all := Edits{}
		for _, c := range cs {
			all.add(c.edits)
		}
		why := m.verify(all)
		if why == "" {
			opts.Accept(all)
			for _, c := range cs {
				res.Fixed[c.i] = c.msg
			}
			return
		}
		if len(cs) == 1 {
			res.Refused[cs[0].i] = why
			return
		}
		try(cs[:len(cs)/2])
		try(cs[len(cs)/2:])
	}
	try(cands)
	return res
}

// add merges o into e, keeping identical edits once.
func (e Edits) add(o Edits) {
	for name, es := range o {
	next:
		for _, x := range es {
			for _, y := range e[name] {
				if x == y {
					continue next
				}
			}
			e[name] = append(e[name], x)
		}
	}
}

// plan builds the fix of one finding, unverified.
func (m *module) plan(f Finding) (Edits, string, string) {
	posn := f.Fset.Position(f.Diag.Pos)
	pkg, file := m.fileAt(posn.Filename)
	if pkg == nil {
		return nil, "", "no module-wide fix: " + filepath.Base(posn.Filename) + " is not in the main module"
	}
	tf := pkg.Fset.File(file.Pos())
	if tf == nil || posn.Offset > tf.Size() {
		return nil, "", "no module-wide fix: the file changed"
	}
	pos := tf.Pos(posn.Offset)
	var call *ast.CallExpr
	for _, n := range m.path(pkg, pos, pos) {
		if c, ok := n.(*ast.CallExpr); ok && c.Pos() == pos {
			call = c
			break
		}
	}
	if call == nil {
		return nil, "", "" // not a terminator call: a call into a may-exit function
	}
	callee := typeutil.StaticCallee(pkg.TypesInfo, call)
	if callee == nil {
		return nil, "", ""
	}
	var changed []*types.Func
	stop := ""
	cache := fix.NewCache()
	cache.Exported = func(g *types.Func) bool {
		if g.Signature().Recv() != nil {
			if why := implementsWhy(names.Func(g), m.implements(g)); why != "" {
				stop = why
				return false
			}
		}
		changed = append(changed, g)
		return true
	}
	unit := rewrite.FromPackage(pkg)
	// The module-wide fixer finds and checks the uses in files of other
	// platforms itself (see verify).
	unit.IgnoredFiles = nil
	fixes, why := fix.ForTerminator(fix.Site{
		Unit: unit, File: file, Call: call, Pos: call.Pos(),
		Name: callee.FullName(), Category: f.Diag.Category, Cache: cache,
	})
	if len(fixes) == 0 {
		if stop != "" {
			return nil, "", stop
		}
		// No refusal: not an exit this fixer rewrites (a call into
		// another package's may-exit function is fixed with its callee).
		return nil, "", why.Say("module-wide")
	}
	if len(changed) == 0 {
		return nil, "", "" // an in-package fix: the driver's first pass had it
	}
	c := m.newChange(pkg, exitFamily(pkg, m.path(pkg, call.Pos(), call.End()), call, callee))
	for _, te := range fixes[0].TextEdits {
		p, q := pkg.Fset.Position(te.Pos), pkg.Fset.Position(te.End)
		if !te.End.IsValid() {
			q = p
		}
		c.edit(p.Filename, p.Offset, q.Offset, string(te.NewText))
	}
	for _, g := range changed {
		c.changed[g.FullName()] = true
		c.queue = append(c.queue, changedFunc{g.FullName(), g.Name(), names.Func(g), g.Signature().Results().Len(), pkg.PkgPath, true})
	}
	if why := c.propagate(); why != "" {
		return nil, "", why
	}
	msg := "Return an error from " + names.Func(changed[len(changed)-1]) + " and update its callers in the module"
	return c.edits, msg, ""
}
