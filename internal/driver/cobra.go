package driver

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/noexit-lint/noexit/analyzer"
	"github.com/noexit-lint/noexit/internal/fix"
)

// analyzerOptions adapts the analyzer to the run: -fix and -diff also
// rewrite the exiting Run functions of cobra commands in allowed code
// (main, cmd/), which a plain run leaves alone.
func (o *options) analyzerOptions() []analyzer.Option {
	if o.fix || o.diff {
		return []analyzer.Option{analyzer.AllowedCobraFixes()}
	}
	return nil
}

// runToRunE returns the Run-like field of a cobra.Command that sf
// renames to its E twin (one edit replaces "Run" with "RunE", and so on),
// or "".
func runToRunE(sf analysis.SuggestedFix) string {
	for _, e := range sf.TextEdits {
		name, ok := strings.CutSuffix(string(e.NewText), "E")
		if ok && fix.IsCobraRunField(name) && int(e.End-e.Pos) == len(name) {
			return name
		}
	}
	return ""
}

// cobraOverride is a use, outside a composite literal, of a Run-like
// field of a cobra.Command: put.Run = ..., inner.Run(cmd, args).
type cobraOverride struct {
	pkg   string // the import path of the package that has it
	field string
	pos   token.Position
}

// cobraUses are the uses of Run-like fields of cobra.Command through a
// selector in every loaded package with syntax but cobra, and the package
// of each loaded file. The analyzer follows such uses within a package;
// one in another package may set the Run of a command an exported
// constructor returns, and cobra would run the RunE a fix gives it
// instead.
type cobraUses struct {
	uses  []cobraOverride
	pkgOf map[string]string // file -> import path
}

func newCobraUses(pkgs []*packages.Package) *cobraUses {
	c := &cobraUses{pkgOf: map[string]string{}}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, f := range p.GoFiles {
			if _, ok := c.pkgOf[f]; !ok && !strings.HasSuffix(p.PkgPath, "_test") {
				c.pkgOf[f] = p.PkgPath
			}
		}
		if p.TypesInfo == nil || p.PkgPath == fix.CobraPath {
			return
		}
		for _, f := range p.Syntax {
			ast.Inspect(f, func(n ast.Node) bool {
				sel, ok := n.(*ast.SelectorExpr)
				if !ok || !fix.IsCobraRunField(sel.Sel.Name) {
					return true
				}
				if v, ok := p.TypesInfo.Uses[sel.Sel].(*types.Var); ok && v.IsField() && v.Pkg() != nil && v.Pkg().Path() == fix.CobraPath {
					c.uses = append(c.uses, cobraOverride{p.PkgPath, sel.Sel.Name, p.Fset.Position(sel.Sel.Pos())})
				}
				return true
			})
		}
	})
	return c
}

// refusal says why the fix of field to its E twin in file cannot be
// applied: another package uses that field of a command, maybe of this
// one. "" when none does.
func (c *cobraUses) refusal(file, field string) string {
	path := c.pkgOf[file]
	for _, o := range c.uses {
		if o.pkg != path && o.field == field {
			return fmt.Sprintf("%s uses the %s field of a cobra.Command (%s:%d), which may be this command's", o.pkg, o.field, filepath.Base(o.pos.Filename), o.pos.Line)
		}
	}
	return ""
}
