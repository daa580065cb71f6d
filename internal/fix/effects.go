package fix

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"
)

// keepEffects returns the statements that still evaluate, once and in
// order, the arguments the rewrite drops but whose evaluation has an
// effect: a call or a receive. kept are the arguments that the new error
// keeps, evaluated when the return runs; ind is the indentation of the
// return.
//
//	Have: if err != nil { os.Exit(report(err)) }
//	Want: if err != nil { _ = report(err); return err }
//
// It returns why it cannot keep the order: a dropped argument evaluated
// after a kept one with effects would now run first.
func (b *builder) keepEffects(dropped, kept []ast.Expr, ind string) (pre, why string) {
	first := token.NoPos
	for _, k := range kept {
		if b.impure(k) {
			first = k.Pos()
			break
		}
	}
	var out strings.Builder
	for _, d := range dropped {
		if !b.impure(d) {
			continue
		}
		if first.IsValid() && d.Pos() > first {
			return "", "the calls in the exit's arguments would run before those in the log line"
		}
		t := b.text(d)
		if t == "" {
			return "", "the exit's arguments cannot be kept"
		}
		b.kept = append(b.kept, span{d.Pos(), d.End()})
		out.WriteString("_ = " + t + "\n" + ind)
	}
	return out.String(), ""
}

// impure reports whether evaluating e may have an effect the program
// can observe: a call of anything but a conversion, a pure built-in or a
// zap field constructor, or a channel receive. Function literals are not
// entered: defining one has no effect.
func (b *builder) impure(e ast.Expr) bool {
	info := b.pass.TypesInfo
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.UnaryExpr:
			found = found || n.Op == token.ARROW
		case *ast.CallExpr:
			if tv, ok := info.Types[n.Fun]; ok && tv.IsType() {
				return true
			}
			if id := calleeIdent(n); id != nil {
				if bi, ok := info.Uses[id].(*types.Builtin); ok {
					switch bi.Name() {
					case "len", "cap", "complex", "real", "imag", "min", "max", "new", "make":
						return true
					}
				}
			}
			if fn := callee(info, n); fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "go.uber.org/zap" && fn.Signature().Recv() == nil {
				return true // zap.String("k", v), zap.Error(err): a field, no effect
			}
			found = true
		}
		return !found
	})
	return found
}

// inOrder reports whether the operands that have effects appear in
// source order, so that a new expression that lists them evaluates them
// as the old code did.
func (b *builder) inOrder(operands []ast.Expr) bool {
	last := token.NoPos
	for _, o := range operands {
		if !b.impure(o) {
			continue
		}
		if o.Pos() < last {
			return false
		}
		last = o.Pos()
	}
	return true
}
