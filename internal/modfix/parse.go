package modfix

import (
	"go/ast"
	"go/parser"
	"go/token"
)

func parserParse(fset *token.FileSet, name string, src []byte) (*ast.File, error) {
	return parser.ParseFile(fset, name, src, parser.ImportsOnly)
}
