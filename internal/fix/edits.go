package fix

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"maps"
	"os"
	"sort"

	"github.com/noexit-lint/noexit/internal/rewrite"
	"golang.org/x/tools/go/analysis"
)

// builder accumulates the edits of one suggested fix. Edits may span the
// files of the package; imports are added and removed once, at the end,
// from what the edits leave behind (see imports.go).
type builder struct {
	pass  *rewrite.Unit
	src   map[*token.File][]byte
	edits []analysis.TextEdit
	// gone are source ranges whose text the edits delete; kept are
	// ranges inside them copied verbatim into new text (call arguments).
	gone, kept []span
	// need are imports the new text refers to, by file and path.
	need map[*ast.File]map[string]bool
	// names declared by this fix, per scope, to keep fresh names fresh.
	declared map[*types.Scope]map[string]bool
	// dropped are statements the edits delete.
	dropped map[ast.Stmt]bool
	// dead are the ranges of statements deleted as unreachable.
	dead  []span
	cache *Cache
	// sink, when set, hands the error of the exit being rewritten to
	// someone else, for a function that cannot return it (sink.go).
	sink *sink
}

type span struct{ pos, end token.Pos }

func newBuilder(pass *rewrite.Unit, cache *Cache) *builder {
	if cache == nil {
		cache = NewCache()
	}
	return &builder{
		pass:     pass,
		cache:    cache,
		src:      map[*token.File][]byte{},
		need:     map[*ast.File]map[string]bool{},
		declared: map[*types.Scope]map[string]bool{},
		dropped:  map[ast.Stmt]bool{},
	}
}

// text returns the source text of n, or "" if the file cannot be read.
func (b *builder) text(n interface {
	Pos() token.Pos
	End() token.Pos
}) string {
	data := b.file(n.Pos())
	tf := b.pass.Fset.File(n.Pos())
	if data == nil || tf == nil || !n.End().IsValid() || tf.Base()+tf.Size() < int(n.End()) {
		return ""
	}
	return string(data[tf.Offset(n.Pos()):tf.Offset(n.End())])
}

// file returns the contents of the file that holds pos, nil if unreadable
// or not the content the package was type-checked from.
func (b *builder) file(pos token.Pos) []byte {
	tf := b.pass.Fset.File(pos)
	if tf == nil {
		return nil
	}
	if data, ok := b.src[tf]; ok {
		return data
	}
	read := b.pass.ReadFile
	if read == nil {
		read = os.ReadFile
	}
	data, err := read(tf.Name())
	if err != nil || len(data) != tf.Size() {
		data = nil
	}
	b.src[tf] = data
	return data
}

// indent returns the leading white space of the line that holds pos.
func (b *builder) indent(pos token.Pos) string {
	data := b.file(pos)
	if data == nil {
		return ""
	}
	return rewrite.IndentAt(data, b.pass.Fset.File(pos).Offset(pos))
}

// replace replaces the text from pos to end; copied lists the parts of
// the old text that text repeats verbatim, so that their identifiers still
// count as uses.
func (b *builder) replace(pos, end token.Pos, text string, copied ...ast.Node) {
	b.edits = append(b.edits, analysis.TextEdit{Pos: pos, End: end, NewText: []byte(text)})
	if pos < end {
		b.gone = append(b.gone, span{pos, end})
	}
	for _, n := range copied {
		b.kept = append(b.kept, span{n.Pos(), n.End()})
	}
}

func (b *builder) insert(pos token.Pos, text string) {
	b.replace(pos, pos, text)
}

// removed reports whether the edits delete the text at pos.
func (b *builder) removed(pos token.Pos) bool {
	in := func(spans []span) bool {
		for _, s := range spans {
			if s.pos <= pos && pos < s.end {
				return true
			}
		}
		return false
	}
	return in(b.gone) && !in(b.kept)
}

// require records that new text in f refers to the package path.
func (b *builder) require(f *ast.File, path string) {
	if b.need[f] == nil {
		b.need[f] = map[string]bool{}
	}
	b.need[f][path] = true
}

// result returns the edits in file and position order, without
// duplicates, or nil if two of them overlap.
func (b *builder) result() []analysis.TextEdit {
	edits := append([]analysis.TextEdit(nil), b.edits...)
	sort.SliceStable(edits, func(i, j int) bool {
		if edits[i].Pos != edits[j].Pos {
			return edits[i].Pos < edits[j].Pos
		}
		return edits[i].End < edits[j].End
	})
	var out []analysis.TextEdit
	for _, e := range edits {
		if n := len(out); n > 0 {
			last := out[n-1]
			if last.Pos == e.Pos && last.End == e.End && bytes.Equal(last.NewText, e.NewText) {
				continue
			}
			if last.End > e.Pos || last.Pos == e.Pos && last.End == e.End && e.Pos == e.End {
				return nil // overlapping, or two insertions at one point
			}
		}
		out = append(out, e)
	}
	return out
}

// state is a snapshot of a builder, to undo a tentative rewrite.
type state struct {
	edits, gone, kept int
	need              map[*ast.File]map[string]bool
}

func (b *builder) save() state {
	need := map[*ast.File]map[string]bool{}
	for f, m := range b.need {
		need[f] = maps.Clone(m)
	}
	return state{len(b.edits), len(b.gone), len(b.kept), need}
}

func (b *builder) restore(s state) {
	b.edits, b.gone, b.kept = b.edits[:s.edits], b.gone[:s.gone], b.kept[:s.kept]
	b.need = s.need
}

// declare records that the fix declares name in scope s.
func (b *builder) declare(s *types.Scope, name string) {
	if b.declared[s] == nil {
		b.declared[s] = map[string]bool{}
	}
	b.declared[s][name] = true
}

// fresh returns a name, based on base, that new code at pos can declare
// in scope inner without clashing with or shadowing anything, and records
// it.
func (b *builder) fresh(inner *types.Scope, pos token.Pos, base string) string {
	for i := 0; ; i++ {
		name := base
		if i > 0 {
			name = fmt.Sprintf("%s%d", base, i)
		}
		if inner == nil {
			return name
		}
		if _, obj := inner.LookupParent(name, pos); obj != nil || inner.Lookup(name) != nil {
			continue
		}
		taken := false
		for s := inner; s != nil; s = s.Parent() {
			taken = taken || b.declared[s][name]
		}
		if !taken {
			b.declare(inner, name)
			return name
		}
	}
}
