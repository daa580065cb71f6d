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

// cobraPath is the import path of the cobra command library.
const cobraPath = "github.com/spf13/cobra"

// runFields are the Run-like fields of cobra.Command that the analyzer's
// fix turns into their E twins.
var runFields = map[string]bool{
	"Run": true, "PreRun": true, "PostRun": true, "PersistentPreRun": true, "PersistentPostRun": true,
}

// runToRunE returns the Run-like field of a cobra.Command that fix
// renames to its E twin (one edit replaces "Run" with "RunE", and so on),
// or "".
func runToRunE(fix analysis.SuggestedFix) string {
	for _, e := range fix.TextEdits {
		name, ok := strings.CutSuffix(string(e.NewText), "E")
		if ok && runFields[name] && int(e.End-e.Pos) == len(name) {
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

// cobraOverrides lists the uses of Run-like fields of cobra.Command
// through a selector in every loaded package with syntax but cobra. The
// analyzer follows such uses within a package; one in another package may
// set the Run of a command an exported constructor returns, and cobra
// would run the RunE a fix gives it instead.
func cobraOverrides(pkgs []*packages.Package) []cobraOverride {
	var out []cobraOverride
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		if p.TypesInfo == nil || p.PkgPath == cobraPath {
			return
		}
		for _, f := range p.Syntax {
			ast.Inspect(f, func(n ast.Node) bool {
				sel, ok := n.(*ast.SelectorExpr)
				if !ok || !runFields[sel.Sel.Name] {
					return true
				}
				if v, ok := p.TypesInfo.Uses[sel.Sel].(*types.Var); ok && v.IsField() && v.Pkg() != nil && v.Pkg().Path() == cobraPath {
					out = append(out, cobraOverride{p.PkgPath, sel.Sel.Name, p.Fset.Position(sel.Sel.Pos())})
				}
				return true
			})
		}
	})
	return out
}

// cobraRefusal says why the fix of field to its E twin, in the package
// at path, cannot be applied: another package uses that field of a
// command, maybe of this one. "" when none does.
func cobraRefusal(path, field string, overrides []cobraOverride) string {
	for _, o := range overrides {
		if o.pkg != path && o.field == field {
			return fmt.Sprintf("%s uses the %s field of a cobra.Command (%s:%d), which may be this command's", o.pkg, o.field, filepath.Base(o.pos.Filename), o.pos.Line)
		}
	}
	return ""
}
