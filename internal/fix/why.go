package fix

import (
	"fmt"
	"go/ast"
	"go/token"
	"strings"
	"unicode"

	"github.com/noexit-lint/noexit/internal/rewrite"
)

// whyNoMessage says which part of a logging call keeps it from being
// restated as an error, for the "no automatic fix" reason:
//
//	logger.Fatal("bad", zap.String("k", v))  ->  "argument 2 is a zap field other than zap.Error(err)"
func (m *message) whyNoMessage(l *logCall) string {
	info := m.b.pass.TypesInfo
	for _, pkg := range []string{"fmt", "errors"} {
		if _, ok := m.b.importName(m.file, m.pos, pkg, pkg); !ok {
			return "the name " + pkg + " means something else here"
		}
	}
	if l == nil {
		return ""
	}
	args := l.args
	// argN numbers the arguments as the user wrote them: l.args leaves out
	// a leading context, depth or writer.
	skip := len(l.call.Args) - len(args)
	argN := func(i int) string { return fmt.Sprintf("argument %d", i+1+skip) }
	if len(args) == 0 {
		return "the call has no message"
	}
	if l.call.Ellipsis.IsValid() && l.style != printfStyle {
		return argN(len(args)-1) + " is spread with ..."
	}
	switch l.style {
	case printfStyle:
		if lit, ok := ast.Unparen(args[0]).(*ast.BasicLit); ok && lit.Kind == token.STRING {
			return argN(0) + ", the format, cannot be copied"
		}
		return argN(0) + ", the format, is neither a constant nor a string"
	case fieldsStyle:
		if len(args) > 2 {
			return argN(2) + " and later are zap fields; only one zap.Error(err) can be restated"
		}
		return argN(1) + " is a zap field other than zap.Error(err)"
	case kvStyle, errSStyle:
		first := 0
		if l.style == errSStyle {
			if len(args) < 2 {
				return "the call has no message"
			}
			if !rewrite.IsNil(info, args[0]) && !isError(info.TypeOf(args[0])) {
				return argN(0) + " is not an error"
			}
			first = 1
		}
		if stringLit(args[first]) == "" && !isPlainString(info.TypeOf(args[first])) {
			return argN(first) + ", the message, is not a string"
		}
		kvs := args[first+1:]
		if len(kvs)%2 != 0 {
			return argN(len(args)-1) + " is a key without a value"
		}
		for i := 0; i < len(kvs); i += 2 {
			if stringLit(kvs[i]) == "" {
				return argN(first+1+i) + ", a key, is not a string literal"
			}
		}
	}
	return ""
}

// words splits a Go identifier into lower-case words: "checkConfig" ->
// "check config", "serveHTTP2" -> "serve http2", "URLFor" -> "url for".
func words(name string) string {
	rs := []rune(strings.Trim(name, "_"))
	var b strings.Builder
	for i, r := range rs {
		if r == '_' {
			if !strings.HasSuffix(b.String(), " ") {
				b.WriteRune(' ')
			}
			continue
		}
		if i > 0 && unicode.IsUpper(r) && rs[i-1] != '_' {
			prevLower := unicode.IsLower(rs[i-1]) || unicode.IsDigit(rs[i-1])
			nextLower := i+1 < len(rs) && unicode.IsLower(rs[i+1])
			if prevLower || nextLower && unicode.IsUpper(rs[i-1]) {
				b.WriteRune(' ')
			}
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}
