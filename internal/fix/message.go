package fix

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// message builds the error expression that replaces a logging call:
//
//	klog.Fatalf("read %s: %v", p, err)  ->  fmt.Errorf("read %s: %w", p, err)
//	klog.Fatal(err)                      ->  err
//	klog.Fatal("load failed: ", err)     ->  fmt.Errorf("load failed: %w", err)
//	zap.S().Fatalw("bad", "port", p)     ->  fmt.Errorf("bad port=%v", p)
//
// It returns "" when it cannot say the same thing safely.
type message struct {
	b    *builder
	file *ast.File
	pos  token.Pos // where the expression goes, for name lookups
	why  string    // why the message cannot be restated, when known
}

// errorExpr returns the error expression for l, or "".
func (m *message) errorExpr(l *logCall) string {
	args := l.args
	spread := l.call.Ellipsis.IsValid()
	fields, cause, ok := m.logContext(l)
	if !ok {
		m.why = "the log line's fields cannot be restated in the error"
		return ""
	}
	switch l.style {
	case kvStyle, errSStyle, fieldsStyle:
		return m.structured(l, fields, cause)
	}
	if len(fields) > 0 || cause != nil {
		// Have: logrus.WithError(err).WithField("path", p).Fatal("load")
		// Want: fmt.Errorf("load path=%v: %w", p, err)
		if l.style != printfStyle && len(args) == 1 && cause == nil && isError(m.b.pass.TypesInfo.TypeOf(args[0])) {
			// Have: logrus.WithField("path", p).Fatal(err)
			// Want: fmt.Errorf("path=%v: %w", p, err)
			return m.render("", nil, fields, args[0])
		}
		format, operands, ok := m.messageFormat(l)
		if !ok {
			m.why = "the log line's fields cannot be restated in the error"
			return ""
		}
		return m.render(format, operands, fields, cause)
	}
	switch l.style {
	case printfStyle:
		if len(args) == 0 {
			return ""
		}
		return m.errorf(args[0], args[1:], spread)
	case printStyle, printlnStyle:
		if spread {
			if len(args) == 0 {
				return ""
			}
			return m.call("errors", "New", m.call("fmt", "Sprint", m.list(args)+"..."))
		}
		return m.sprint(args, l.style == printlnStyle)
	}
	return ""
}

// errorf rewrites a printf-style call; error operands printed with %v or
// %s are wrapped with %w.
func (m *message) errorf(format ast.Expr, args []ast.Expr, spread bool) string {
	info := m.b.pass.TypesInfo
	lit, isLit := ast.Unparen(format).(*ast.BasicLit)
	if !isLit || lit.Kind != token.STRING {
		if len(args) == 0 {
			if tv, ok := info.Types[format]; ok && tv.Value != nil {
				return m.call("fmt", "Errorf", m.list([]ast.Expr{format}))
			}
			// A non-constant format alone is a message (vet's printf check).
			if !isString(info.TypeOf(format)) {
				return ""
			}
			return m.call("errors", "New", m.list([]ast.Expr{format}))
		}
		return m.call("fmt", "Errorf", m.list(append([]ast.Expr{format}, args...))+dots(spread))
	}
	text := m.b.text(lit)
	if text == "" {
		return ""
	}
	text = wrapVerbs(text, func(i int) bool {
		if i >= len(args) || spread && i >= len(args)-1 {
			return false
		}
		return isError(info.TypeOf(args[i]))
	})
	// klog and log add the newline themselves; an error should not end in one.
	if strings.HasSuffix(text, `\n"`) && !strings.HasPrefix(text, "`") {
		text = text[:len(text)-3] + `"`
	}
	if len(args) == 0 && !strings.Contains(text, "%") {
		return m.call("errors", "New", text)
	}
	m.b.kept = append(m.b.kept, spanOf(args)...)
	if len(args) == 0 {
		return m.call("fmt", "Errorf", text)
	}
	return m.call("fmt", "Errorf", text+", "+m.list(args)+dots(spread))
}

// wrapVerbs returns the format literal src with each bare %v or %s whose
// operand isErr turns into %w. It changes nothing if the format uses
// explicit argument indexes or escapes that could spell a percent sign.
func wrapVerbs(src string, isErr func(int) bool) string {
	if strings.HasPrefix(src, "`") {
		if strings.Contains(src, "%[") {
			return src
		}
	} else if strings.Contains(src, `\x`) || strings.Contains(src, `\u`) || strings.Contains(src, `\U`) || strings.Contains(src, `\0`) || strings.Contains(src, "%[") {
		return src
	}
	out := []byte(src)
	arg := 0
	for i := 0; i < len(src); i++ {
		if src[i] != '%' {
			continue
		}
		i++
		if i < len(src) && src[i] == '%' {
			continue
		}
		plain := true
		for i < len(src) && strings.IndexByte("+-# 0123456789.*", src[i]) >= 0 {
			if src[i] == '*' {
				arg++
			}
			plain = false
			i++
		}
		if i >= len(src) {
			break
		}
		if plain && (src[i] == 'v' || src[i] == 's') && isErr(arg) {
			out[i] = 'w'
		}
		arg++
	}
	return string(out)
}

// sprint rewrites print-style arguments with fmt.Sprint (or Sprintln)
// spacing: a single error is returned as is; string literals become part
// of the format.
func (m *message) sprint(args []ast.Expr, ln bool) string {
	info := m.b.pass.TypesInfo
	switch {
	case len(args) == 0:
		return ""
	case len(args) == 1 && isError(info.TypeOf(args[0])):
		m.b.kept = append(m.b.kept, spanOf(args)...)
		return m.b.text(args[0])
	case len(args) == 1 && isPlainString(info.TypeOf(args[0])):
		m.b.kept = append(m.b.kept, spanOf(args)...)
		return m.call("errors", "New", m.b.text(args[0]))
	case len(args) == 2 && !ln && stringLit(args[0]) != "" && isError(info.TypeOf(args[1])):
		// Have: klog.Fatal("cannot start: ", err)
		msg := strings.TrimRight(stringLit(args[0]), " ")
		msg = strings.TrimSuffix(msg, ":")
		return m.formatted(`"`+escapePercent(msg)+`: %w"`, args[1:])
	}
	format, operands := m.sprintFormat(args, ln)
	return m.formatted(`"`+format+`"`, operands)
}

// sprintFormat restates print-style arguments as the contents of a format
// literal and its operands, with fmt.Sprint (or Sprintln) spacing.
func (m *message) sprintFormat(args []ast.Expr, ln bool) (string, []ast.Expr) {
	info := m.b.pass.TypesInfo
	var format strings.Builder
	var operands []ast.Expr
	for i, a := range args {
		if i > 0 && (ln || !isStringKind(info.TypeOf(args[i-1])) && !isStringKind(info.TypeOf(a))) {
			format.WriteString(" ")
		}
		if s := stringLit(a); s != "" {
			format.WriteString(escapePercent(s))
			continue
		}
		if isError(info.TypeOf(a)) {
			format.WriteString("%w")
		} else {
			format.WriteString("%v")
		}
		operands = append(operands, a)
	}
	return format.String(), operands
}

// formatted returns fmt.Errorf(format, operands...), or errors.New for a
// format without operands.
func (m *message) formatted(format string, operands []ast.Expr) string {
	if len(operands) == 0 {
		return m.call("errors", "New", strings.ReplaceAll(format, "%%", "%"))
	}
	if !m.b.inOrder(operands) {
		m.why = "the error would evaluate the log line's arguments in another order"
		return ""
	}
	m.b.kept = append(m.b.kept, spanOf(operands)...)
	return m.call("fmt", "Errorf", format+", "+m.list(operands))
}

// exitStatus is the error for a bare exit outside an error check.
func (m *message) exitStatus(fn string, code ast.Expr) string {
	m.b.kept = append(m.b.kept, spanOf([]ast.Expr{code})...)
	return m.call("fmt", "Errorf", `"`+fn+`: exit status %d", `+m.b.text(code))
}

// call returns pkg.name(args), with pkg as the file names it; "" if the
// file cannot name it.
func (m *message) call(path, name, args string) string {
	if args == "" || strings.Contains(args, "\x00") {
		return ""
	}
	q, ok := m.b.importName(m.file, m.pos, path, path)
	if !ok {
		return "\x00" // poison: the caller checks validExpr
	}
	if q != "" {
		q += "."
	}
	if path == "errors" && name == "New" || path == "fmt" && name == "Errorf" {
		args = errorStyle(args, m.b.pass.Pkg)
	}
	return q + name + "(" + args + ")"
}

// list returns the source text of exprs, separated by commas.
func (m *message) list(exprs []ast.Expr) string {
	var parts []string
	for _, e := range exprs {
		t := m.b.text(e)
		if t == "" {
			return "\x00"
		}
		parts = append(parts, t)
	}
	m.b.kept = append(m.b.kept, spanOf(exprs)...)
	return strings.Join(parts, ", ")
}

func dots(spread bool) string {
	if spread {
		return "..."
	}
	return ""
}

func spanOf(exprs []ast.Expr) []span {
	var out []span
	for _, e := range exprs {
		out = append(out, span{e.Pos(), e.End()})
	}
	return out
}

// stringLit returns the contents, between the quotes and still escaped,
// of an interpreted string literal; "" for anything else.
func stringLit(e ast.Expr) string {
	lit, ok := ast.Unparen(e).(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING || len(lit.Value) < 3 || lit.Value[0] != '"' {
		return ""
	}
	s := lit.Value[1 : len(lit.Value)-1]
	if strings.Contains(s, `\x`) || strings.Contains(s, `\u`) || strings.Contains(s, `\U`) || strings.Contains(s, `\0`) {
		return "" // could spell a percent sign
	}
	return s
}

func escapePercent(s string) string { return strings.ReplaceAll(s, "%", "%%") }

var errorType = types.Universe.Lookup("error").Type()

// isError reports whether values of t are errors: t implements error and
// is not an untyped nil.
func isError(t types.Type) bool {
	if t == nil {
		return false
	}
	if b, ok := t.(*types.Basic); ok && b.Kind() == types.UntypedNil {
		return false
	}
	if _, ok := t.Underlying().(*types.TypeParam); ok {
		return false
	}
	return types.Implements(t, errorType.Underlying().(*types.Interface))
}

// isPlainString reports whether t is string or an untyped string: what
// errors.New accepts.
func isPlainString(t types.Type) bool {
	b, ok := t.(*types.Basic)
	return ok && (b.Kind() == types.String || b.Kind() == types.UntypedString)
}

// isStringKind reports whether fmt.Sprint treats a value of t as a string.
func isStringKind(t types.Type) bool {
	if t == nil {
		return false
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

func isString(t types.Type) bool { return isPlainString(t) }

// validExpr reports whether s is a usable expression text.
func validExpr(s string) bool { return s != "" && !strings.Contains(s, "\x00") }
