package fix

import (
	"go/ast"
	"go/token"
	"go/types"
	"maps"
)

// dropDead deletes the statements of body that the rewrite makes
// unreachable, as go vet's unreachable check sees them; statements in
// done now return. Code that was unreachable before is left alone.
//
//	Have: switch k {             Want: switch k {
//	      case 1: return 1, nil        case 1: return 1, nil
//	      default: klog.Fatal(k)       default: return 0, fmt.Errorf(...)
//	      }                            }
//	      return 0, nil
//
// It returns why it cannot, or "".
func (b *builder) dropDead(body *ast.BlockStmt, done map[ast.Stmt]bool) string {
	info := b.pass.TypesInfo
	before := deadRuns(info, body, nil, b.dropped)
	for _, run := range deadRuns(info, body, done, b.dropped) {
		if before.has(run.first()) {
			continue
		}
		for _, s := range run.list {
			if done[s] {
				return "an exit would be left unreachable"
			}
		}
		pos, end := b.lineSpan(run.list[0], run.list[len(run.list)-1])
		b.replace(pos, end, "")
		b.dead = append(b.dead, span{pos, end})
		for _, s := range run.list {
			ast.Inspect(s, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.FuncLit:
					return false
				case *ast.ReturnStmt:
					b.dropped[n] = true
				}
				return true
			})
		}
	}
	return ""
}

// deadWithAll reports whether rewriting every exit of body, not just
// those in done, would leave more code unreachable than done alone.
func (b *builder) deadWithAll(body *ast.BlockStmt, done map[ast.Stmt]bool) bool {
	all := maps.Clone(done)
	for _, es := range b.exitStmts(body) {
		all[es] = true
	}
	alone := deadRuns(b.pass.TypesInfo, body, done, b.dropped)
	for _, r := range deadRuns(b.pass.TypesInfo, body, all, b.dropped) {
		if !alone.has(r.first()) {
			return true
		}
	}
	return false
}

// inDead reports whether dropDead deletes the text at pos.
func (b *builder) inDead(pos token.Pos) bool {
	for _, s := range b.dead {
		if s.pos <= pos && pos < s.end {
			return true
		}
	}
	return false
}

// lineSpan returns the text from the start of first's line, when only
// white space precedes it there, to the end of last's line, its newline
// included, when only white space follows it there.
func (b *builder) lineSpan(first, last ast.Node) (token.Pos, token.Pos) {
	pos, end := first.Pos(), last.End()
	data := b.file(pos)
	tf := b.pass.Fset.File(pos)
	if data == nil {
		return pos, end
	}
	start := tf.Offset(tf.LineStart(tf.Line(pos)))
	blank := true
	for _, c := range data[start:tf.Offset(pos)] {
		blank = blank && (c == ' ' || c == '\t')
	}
	if !blank {
		return pos, end
	}
	i := tf.Offset(end)
	for i < len(data) && (data[i] == ' ' || data[i] == '\t') {
		i++
	}
	if i < len(data) && data[i] == '\n' {
		return tf.Pos(start), tf.Pos(i + 1)
	}
	return pos, end
}

// deadRun is a run of unreachable statements: from the first one to the
// end of its statement list, or to a label that a goto jumps to.
type deadRun struct{ list []ast.Stmt }

func (r deadRun) first() ast.Stmt { return r.list[0] }

// deadRuns finds the unreachable statements of body as go vet's
// unreachable check does (passes/unreachable), with the statements in
// done counted as returns and those in skip as absent, and returns them
// as runs in source order.
func deadRuns(info *types.Info, body *ast.BlockStmt, done, skip map[ast.Stmt]bool) deadSet {
	d := &deadState{info: info, done: done, skip: skip, breaks: map[ast.Stmt]bool{}, gotos: map[string]bool{}, labels: map[string]ast.Stmt{}}
	d.findLabels(body)
	d.reachable = true
	d.findDead(body)
	return d.runs
}

// deadSet lists dead runs.
type deadSet []deadRun

// has reports whether a run starts at s.
func (ds deadSet) has(s ast.Stmt) bool {
	for _, r := range ds {
		if r.first() == s {
			return true
		}
	}
	return false
}

type deadState struct {
	info       *types.Info
	done, skip map[ast.Stmt]bool
	breaks     map[ast.Stmt]bool
	gotos      map[string]bool
	labels     map[string]ast.Stmt
	target     ast.Stmt
	reachable  bool
	runs       deadSet
}

func (d *deadState) findLabels(stmt ast.Stmt) {
	switch x := stmt.(type) {
	case *ast.BlockStmt:
		for _, s := range x.List {
			d.findLabels(s)
		}
	case *ast.BranchStmt:
		switch x.Tok {
		case token.GOTO:
			if x.Label != nil {
				d.gotos[x.Label.Name] = true
			}
		case token.BREAK:
			s := d.target
			if x.Label != nil {
				s = d.labels[x.Label.Name]
			}
			if s != nil {
				d.breaks[s] = true
			}
		}
	case *ast.IfStmt:
		d.findLabels(x.Body)
		if x.Else != nil {
			d.findLabels(x.Else)
		}
	case *ast.LabeledStmt:
		d.labels[x.Label.Name] = x.Stmt
		d.findLabels(x.Stmt)
	case *ast.ForStmt:
		d.inTarget(x, x.Body)
	case *ast.RangeStmt:
		d.inTarget(x, x.Body)
	case *ast.SelectStmt:
		d.inTarget(x, x.Body)
	case *ast.SwitchStmt:
		d.inTarget(x, x.Body)
	case *ast.TypeSwitchStmt:
		d.inTarget(x, x.Body)
	case *ast.CommClause:
		for _, s := range x.Body {
			d.findLabels(s)
		}
	case *ast.CaseClause:
		for _, s := range x.Body {
			d.findLabels(s)
		}
	}
}

func (d *deadState) inTarget(s ast.Stmt, body *ast.BlockStmt) {
	outer := d.target
	d.target = s
	d.findLabels(body)
	d.target = outer
}

// list walks a statement list and records where a dead run starts.
func (d *deadState) list(list []ast.Stmt) {
	for i, s := range list {
		if d.skip[s] {
			continue
		}
		if l, ok := s.(*ast.LabeledStmt); ok && d.gotos[l.Label.Name] {
			d.reachable = true
		}
		if !d.reachable {
			if _, empty := s.(*ast.EmptyStmt); !empty {
				end := len(list)
				for j := i + 1; j < len(list); j++ {
					if l, ok := list[j].(*ast.LabeledStmt); ok && d.gotos[l.Label.Name] {
						end = j
						break
					}
				}
				d.runs = append(d.runs, deadRun{list: list[i:end]})
				d.reachable = true
			}
		}
		d.findDead(s)
	}
}

func (d *deadState) findDead(stmt ast.Stmt) {
	if d.done[stmt] {
		d.reachable = false
		return
	}
	switch x := stmt.(type) {
	case *ast.BlockStmt:
		d.list(x.List)
	case *ast.BranchStmt:
		switch x.Tok {
		case token.BREAK, token.GOTO, token.FALLTHROUGH, token.CONTINUE:
			d.reachable = false
		}
	case *ast.ExprStmt:
		// vet counts only the built-in panic, by name.
		if call, ok := x.X.(*ast.CallExpr); ok {
			if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "panic" {
				if _, builtin := d.info.Uses[id].(*types.Builtin); builtin {
					d.reachable = false
				}
			}
		}
	case *ast.ForStmt:
		d.findDead(x.Body)
		d.reachable = x.Cond != nil || d.breaks[x]
	case *ast.IfStmt:
		d.findDead(x.Body)
		if x.Else != nil {
			r := d.reachable
			d.reachable = true
			d.findDead(x.Else)
			d.reachable = d.reachable || r
		} else {
			d.reachable = true
		}
	case *ast.LabeledStmt:
		d.findDead(x.Stmt)
	case *ast.RangeStmt:
		d.findDead(x.Body)
		d.reachable = true
	case *ast.ReturnStmt:
		d.reachable = false
	case *ast.SelectStmt:
		live := false
		for _, c := range x.Body.List {
			d.reachable = true
			d.list(c.(*ast.CommClause).Body)
			live = live || d.reachable
		}
		d.reachable = live || d.breaks[x]
	case *ast.SwitchStmt:
		d.clauses(x, x.Body)
	case *ast.TypeSwitchStmt:
		d.clauses(x, x.Body)
	}
}

func (d *deadState) clauses(s ast.Stmt, body *ast.BlockStmt) {
	live, hasDefault := false, false
	for _, c := range body.List {
		cc := c.(*ast.CaseClause)
		if cc.List == nil {
			hasDefault = true
		}
		d.reachable = true
		d.list(cc.Body)
		live = live || d.reachable
	}
	d.reachable = live || !hasDefault || d.breaks[s]
}
