package fix

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/noexit-lint/noexit/internal/rewrite"
)

// field is one key=value pair that the error carries: key is the
// contents of the key's string literal, still escaped.
type field struct {
	key string
	val ast.Expr
}

// logContext returns what the logger expression of l adds to the log
// line, in source order: the fields of logrus' WithField, WithFields and
// WithError, and those of zap's With, written in the same expression.
//
//	logrus.WithError(err).WithField("path", p).Fatal("load")
//	        -> fields path=p, cause err
//	logger.With(zap.String("node", n)).Fatal("register")
//	        -> fields node=n
//
// A logger or entry held in a variable carries fields set elsewhere;
// those are the logger's context, not the error's, and are left out.
// ok is false when a field cannot be restated (a Fields map that is not
// a literal, a key that is not a string literal, an unknown zap field).
func (m *message) logContext(l *logCall) (fields []field, cause ast.Expr, ok bool) {
	info := m.b.pass.TypesInfo
	sel, isSel := ast.Unparen(l.call.Fun).(*ast.SelectorExpr)
	if !isSel {
		return nil, nil, true
	}
	var chain []*ast.CallExpr // outermost first
	for x := ast.Unparen(sel.X); ; {
		call, isCall := x.(*ast.CallExpr)
		if !isCall {
			break
		}
		fn := callee(info, call)
		if fn == nil || !contextMethod(fn) {
			break
		}
		chain = append(chain, call)
		s, isSel := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !isSel || fn.Signature().Recv() == nil {
			break
		}
		x = ast.Unparen(s.X)
	}
	for i := len(chain) - 1; i >= 0; i-- {
		call := chain[i]
		fn := callee(info, call)
		owner, name := splitFullName(fn.FullName())
		switch {
		case name == "WithError" && len(call.Args) == 1:
			if cause != nil {
				fields = append(fields, field{"error", cause})
			}
			cause = call.Args[0]
		case name == "WithField" && len(call.Args) == 2:
			k := stringLit(call.Args[0])
			if k == "" {
				return nil, nil, false
			}
			fields = append(fields, field{k, call.Args[1]})
		case name == "WithFields" && len(call.Args) == 1:
			lit, isLit := ast.Unparen(call.Args[0]).(*ast.CompositeLit)
			if !isLit {
				return nil, nil, false
			}
			// Source order, which the error keeps deterministic; logrus
			// itself prints fields sorted by key.
			for _, e := range lit.Elts {
				kv, isKV := e.(*ast.KeyValueExpr)
				if !isKV || stringLit(kv.Key) == "" {
					return nil, nil, false
				}
				fields = append(fields, field{stringLit(kv.Key), kv.Value})
			}
		case name == "With" && owner == "(*go.uber.org/zap.Logger)":
			if call.Ellipsis.IsValid() {
				return nil, nil, false
			}
			for _, a := range call.Args {
				f, isCause, ok := m.zapField(a)
				if !ok {
					return nil, nil, false
				}
				switch {
				case isCause && cause == nil:
					cause = f.val
				case f.val != nil:
					fields = append(fields, f)
				}
			}
		case name == "With" && owner == "(*go.uber.org/zap.SugaredLogger)":
			fs, ok := m.kvFields(call.Args, call.Ellipsis.IsValid())
			if !ok {
				return nil, nil, false
			}
			fields = append(fields, fs...)
		default:
			// WithContext, WithTime, Named: nothing for the error, but
			// their arguments must not hide an effect.
			for _, a := range call.Args {
				if m.b.impure(a) {
					return nil, nil, false
				}
			}
		}
	}
	return fields, cause, true
}

// contextMethod reports whether fn adds context to a logger: logrus'
// With* (package, *Logger, *Entry), zap's With, WithOptions and Named.
func contextMethod(fn *types.Func) bool {
	owner, name := splitFullName(fn.FullName())
	switch owner {
	case "github.com/sirupsen/logrus", "(*github.com/sirupsen/logrus.Logger)", "(*github.com/sirupsen/logrus.Entry)":
		return strings.HasPrefix(name, "With")
	case "(*go.uber.org/zap.Logger)", "(*go.uber.org/zap.SugaredLogger)":
		return name == "With" || name == "WithOptions" || name == "Named"
	}
	return false
}

// zapValues are the zap field constructors of the form F(key, value)
// whose value prints with %v as zap encodes it.
var zapValues = map[string]bool{
	"Any": true, "Reflect": true, "Bool": true, "ByteString": true, "Binary": true,
	"Duration": true, "Float32": true, "Float64": true, "Complex64": true, "Complex128": true,
	"Int": true, "Int8": true, "Int16": true, "Int32": true, "Int64": true,
	"Uint": true, "Uint8": true, "Uint16": true, "Uint32": true, "Uint64": true, "Uintptr": true,
	"String": true, "Stringer": true, "Time": true,
	"Strings": true, "Ints": true, "Int64s": true, "Bools": true, "Durations": true, "Errors": true,
}

// zapField decodes a zap field constructor call: zap.String("k", v) is
// k=v, zap.Error(err) the cause, zap.NamedError("k", err) k=err,
// zap.Skip() nothing (f.val nil).
func (m *message) zapField(e ast.Expr) (f field, isCause, ok bool) {
	call, isCall := ast.Unparen(e).(*ast.CallExpr)
	if !isCall || call.Ellipsis.IsValid() {
		return field{}, false, false
	}
	fn := callee(m.b.pass.TypesInfo, call)
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "go.uber.org/zap" || fn.Signature().Recv() != nil {
		return field{}, false, false
	}
	switch name := fn.Name(); {
	case name == "Skip" && len(call.Args) == 0:
		return field{}, false, true
	case name == "Error" && len(call.Args) == 1:
		return field{"error", call.Args[0]}, true, true
	case (name == "NamedError" || zapValues[name]) && len(call.Args) == 2:
		k := stringLit(call.Args[0])
		if k == "" {
			return field{}, false, false
		}
		return field{k, call.Args[1]}, false, true
	}
	return field{}, false, false
}

// kvFields turns alternating keys and values into fields; a value may
// also be a zap field, as the sugared logger allows.
func (m *message) kvFields(args []ast.Expr, spread bool) ([]field, bool) {
	if spread {
		return nil, false
	}
	var out []field
	for i := 0; i < len(args); {
		if f, isCause, ok := m.zapField(args[i]); ok {
			if isCause {
				f.key = "error"
			}
			if f.val != nil {
				out = append(out, f)
			}
			i++
			continue
		}
		k := stringLit(args[i])
		if k == "" || i+1 >= len(args) {
			return nil, false
		}
		out = append(out, field{k, args[i+1]})
		i += 2
	}
	return out, true
}

// render returns the error for a message format (the contents of a
// string literal) and its operands, followed by the fields as key=value
// and the cause wrapped with %w:
//
//	"load config path=%v: %w", path, err
func (m *message) render(format string, operands []ast.Expr, fields []field, cause ast.Expr) string {
	info := m.b.pass.TypesInfo
	var b strings.Builder
	b.WriteString(format)
	for _, f := range fields {
		verb := "%v"
		if isError(info.TypeOf(f.val)) {
			verb = "%w"
		}
		if format != "" || b.Len() > 0 {
			b.WriteString(" ")
		}
		b.WriteString(escapePercent(f.key) + "=" + verb)
		operands = append(operands, f.val)
	}
	if cause != nil && !rewrite.IsNil(info, cause) {
		if !isError(info.TypeOf(cause)) {
			return ""
		}
		b.WriteString(": %w")
		operands = append(operands, cause)
	}
	if b.Len() == 0 {
		return ""
	}
	return m.formatted(`"`+b.String()+`"`, operands)
}

// messageFormat returns the message of l as a format and operands, for
// render; ok is false if the message cannot be restated so.
func (m *message) messageFormat(l *logCall) (format string, operands []ast.Expr, ok bool) {
	info := m.b.pass.TypesInfo
	args := l.args
	if l.call.Ellipsis.IsValid() || len(args) == 0 {
		return "", nil, false
	}
	switch l.style {
	case printfStyle:
		lit, isLit := ast.Unparen(args[0]).(*ast.BasicLit)
		if !isLit || lit.Kind != token.STRING || !strings.HasPrefix(lit.Value, `"`) {
			return "", nil, false
		}
		text := wrapVerbs(lit.Value, func(i int) bool {
			return i+1 < len(args) && isError(info.TypeOf(args[i+1]))
		})
		text = strings.TrimSuffix(text[1:len(text)-1], `\n`)
		if strings.Contains(text, `\x`) || strings.Contains(text, `\u`) || strings.Contains(text, `\U`) || strings.Contains(text, `\0`) {
			return "", nil, false
		}
		return text, args[1:], true
	case printStyle, printlnStyle:
		f, ops := m.sprintFormat(args, l.style == printlnStyle)
		return f, ops, true
	}
	return "", nil, false
}

// structured rewrites a structured logging call, after the fields of its
// logger expression:
//
//	s.Fatalw("listen", "port", p)                 ->  "listen port=%v", p
//	klog.ErrorS(err, "serve", "port", p)          ->  "serve port=%v: %w", p, err
//	l.Fatal("listen", zap.Int("port", p), zap.Error(err))
//	                                              ->  "listen port=%v: %w", p, err
func (m *message) structured(l *logCall, fields []field, cause ast.Expr) string {
	args := l.args
	if l.call.Ellipsis.IsValid() || len(args) == 0 {
		return ""
	}
	msg, rest := args[0], args[1:]
	switch l.style {
	case errSStyle:
		if len(args) < 2 {
			return ""
		}
		if cause != nil {
			fields = append(fields, field{"error", cause})
		}
		msg, rest, cause = args[1], args[2:], args[0]
		fs, ok := m.kvFields(rest, false)
		if !ok {
			return ""
		}
		fields = append(fields, fs...)
	case kvStyle:
		fs, ok := m.kvFields(rest, false)
		if !ok {
			return ""
		}
		fields = append(fields, fs...)
	case fieldsStyle:
		for _, a := range rest {
			f, isCause, ok := m.zapField(a)
			switch {
			case !ok:
				m.why = "the log line's fields cannot be restated in the error"
				return ""
			case isCause && cause == nil:
				cause = f.val
			case f.val != nil:
				fields = append(fields, f)
			}
		}
	}
	info := m.b.pass.TypesInfo
	format := ""
	var operands []ast.Expr
	if s := stringLit(msg); s != "" {
		format = escapePercent(s)
	} else if isPlainString(info.TypeOf(msg)) {
		format, operands = "%s", []ast.Expr{msg}
	} else {
		return ""
	}
	return m.render(format, operands, fields, cause)
}
