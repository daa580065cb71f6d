package analyzer

import (
	"go/ast"
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"
)

const (
	allowDirective      = "//noexit:allow"
	terminatesDirective = "//noexit:terminates"
)

// directives holds the //noexit: comments of one file.
type directives struct {
	// allowLines maps the line of each well-formed allow directive to
	// whether the comment stands alone on its line: a trailing comment
	// allows its own line only, a standalone one also the next.
	allowLines map[int]bool
	bad        []analysis.Diagnostic
}

// parseDirectives collects the directives of f. An allow without a reason
// and an unknown //noexit: directive are diagnostics, not silently ignored.
func parseDirectives(fset *token.FileSet, f *ast.File) *directives {
	d := &directives{allowLines: map[int]bool{}}
	var codeLines map[int]bool // lines where some code ends, built on demand
	for _, cg := range f.Comments {
		for _, c := range cg.List {
			if !strings.HasPrefix(c.Text, "//noexit:") {
				continue
			}
			verb, arg := cutDirective(c.Text)
			switch verb {
			case allowDirective:
				if reason(arg) == "" {
					d.bad = append(d.bad, analysis.Diagnostic{
						Pos: c.Pos(), End: c.End(),
						Message: "noexit:allow needs a reason: //noexit:allow <why exiting is right here>",
					})
					continue
				}
				if codeLines == nil {
					codeLines = linesWithCode(fset, f)
				}
				line := fset.Position(c.Slash).Line
				d.allowLines[line] = !codeLines[line]
			case terminatesDirective:
			default:
				d.bad = append(d.bad, analysis.Diagnostic{
					Pos: c.Pos(), End: c.End(),
					Message: "unknown directive " + verb + " (known: " + allowDirective + " <reason>, " + terminatesDirective + ")",
				})
			}
		}
	}
	return d
}

// allowsLine reports whether pos is on, or right below, a line with an
// allow directive.
func (d *directives) allowsLine(fset *token.FileSet, pos token.Pos) bool {
	if d == nil || len(d.allowLines) == 0 {
		return false
	}
	line := fset.Position(pos).Line
	_, own := d.allowLines[line]
	return own || d.allowLines[line-1]
}

// linesWithCode returns the lines on which a statement, declaration or
// spec ends: a comment on such a line trails code.
func linesWithCode(fset *token.FileSet, f *ast.File) map[int]bool {
	lines := map[int]bool{}
	ast.Inspect(f, func(n ast.Node) bool {
		switch n.(type) {
		case ast.Stmt, ast.Decl, ast.Spec, *ast.Field:
			lines[fset.Position(n.End()).Line] = true
		}
		return true
	})
	return lines
}

// cutDirective splits "//noexit:allow reason" at the first space or tab.
func cutDirective(text string) (verb, arg string) {
	if i := strings.IndexAny(text, " \t"); i >= 0 {
		return text[:i], text[i+1:]
	}
	return text, ""
}

// allowsDecl reports whether the doc comment of decl allows exiting.
func (d *directives) allowsDecl(decl *ast.FuncDecl) bool {
	return hasDirective(decl.Doc, allowDirective, true)
}

// terminatesDecl reports whether the doc comment of decl declares the
// function a terminator.
func (d *directives) terminatesDecl(decl *ast.FuncDecl) bool {
	return hasDirective(decl.Doc, terminatesDirective, false)
}

func hasDirective(doc *ast.CommentGroup, directive string, needArg bool) bool {
	if doc == nil {
		return false
	}
	for _, c := range doc.List {
		verb, arg := cutDirective(c.Text)
		if verb == directive && (!needArg || reason(arg) != "") {
			return true
		}
	}
	return false
}

// reason returns the text after a directive up to any trailing "//"
// comment: "//noexit:allow //nolint" has no reason.
func reason(arg string) string {
	if i := strings.Index(arg, "//"); i >= 0 {
		arg = arg[:i]
	}
	return strings.TrimSpace(arg)
}
