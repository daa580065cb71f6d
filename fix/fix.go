// Package fix builds the suggested fixes that noexit offers: it rewrites a
// call that ends the process into code that returns an error. It decides
// how to rewrite, never whether something is wrong; the analyzer package
// reports.
package fix

import (
	"go/ast"
	"go/token"

	"golang.org/x/tools/go/analysis"
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
}

// ForTerminator returns the fixes for s, best first. When it offers none it
// may return a short reason, lower case, for the diagnostic's message
// ("no automatic fix: init cannot return an error").
func ForTerminator(s Site) (fixes []analysis.SuggestedFix, why string) {
	if s.Call == nil {
		return nil, ""
	}
	if s.Name == "flag.NewFlagSet" {
		return flagSet(s), ""
	}
	return nil, ""
}

// Have: flag.NewFlagSet(name, flag.ExitOnError)
// Want: flag.NewFlagSet(name, flag.ContinueOnError)
func flagSet(s Site) []analysis.SuggestedFix {
	if len(s.Call.Args) != 2 {
		return nil
	}
	arg := s.Call.Args[1]
	sel, ok := arg.(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "ExitOnError" {
		return nil
	}
	return []analysis.SuggestedFix{{
		Message: "Use flag.ContinueOnError",
		TextEdits: []analysis.TextEdit{{
			Pos: sel.Sel.Pos(), End: sel.Sel.End(), NewText: []byte("ContinueOnError"),
		}},
	}}
}
