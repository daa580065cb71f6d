package rewrite_test

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"testing"

	"github.com/noexit-lint/noexit/internal/rewrite"
)

// checked parses and type-checks src as package p (importing only the
// standard library) and returns its file and types.
func checked(t *testing.T, src string) (*token.FileSet, *ast.File, *types.Package, *types.Info) {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{
		Types:     map[ast.Expr]types.TypeAndValue{},
		Defs:      map[*ast.Ident]types.Object{},
		Uses:      map[*ast.Ident]types.Object{},
		Implicits: map[ast.Node]types.Object{},
		Scopes:    map[ast.Node]*types.Scope{},
	}
	conf := types.Config{Importer: importer.ForCompiler(fset, "source", nil)}
	pkg, err := conf.Check("example.com/p", fset, []*ast.File{f}, info)
	if err != nil {
		t.Fatal(err)
	}
	return fset, f, pkg, info
}

func funcBody(f *ast.File, name string) *ast.BlockStmt {
	for _, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Name.Name == name {
			return fd.Body
		}
	}
	return nil
}

func TestLastTerminating(t *testing.T) {
	src := `package p

func panicked() int { panic("x") }

func shadowed() int {
	panic := func(string) {}
	panic("x")
	return 0
}

func shadowedBody() {
	panic := func(string) {}
	panic("x")
}

func forever() { for {} }

func breaks() {
	for {
		break
	}
}

func selectBreak(c chan int) {
	for {
		select {
		case <-c:
			break
		}
	}
}

func labelled(c chan int) {
loop:
	for {
		select {
		case <-c:
			break loop
		}
	}
}

func otherLabel(c chan int) {
outer:
	for {
	inner:
		for {
			break inner
		}
		_ = 0
		continue outer
	}
}

func ifElse(b bool) int {
	if b {
		return 1
	} else {
		return 2
	}
}

func ifOnly(b bool) {
	if b {
		return
	}
}

func switchDefault(x int) int {
	switch x {
	case 1:
		return 1
	default:
		return 0
	}
}

func switchNoDefault(x int) {
	switch x {
	case 1:
		return
	}
}

func gotoEnd() {
top:
	goto top
}

func empty() {}

func trailingEmpty() { return; }
`
	_, f, _, info := checked(t, src)
	for name, want := range map[string]bool{
		"panicked":        true,
		"shadowedBody":    false, // a local func named panic is not the builtin
		"forever":         true,
		"breaks":          false,
		"selectBreak":     true, // the break leaves the select, not the loop
		"labelled":        false,
		"otherLabel":      true, // break inner leaves only the inner loop
		"ifElse":          true,
		"ifOnly":          false,
		"switchDefault":   true,
		"switchNoDefault": false,
		"gotoEnd":         true,
		"empty":           false,
		"trailingEmpty":   true,
	} {
		body := funcBody(f, name)
		if got := rewrite.LastTerminating(info, body.List, nil); got != want {
			t.Errorf("LastTerminating(%s) = %v, want %v", name, got, want)
		}
	}
	// A statement in done counts as a return.
	body := funcBody(f, "ifOnly")
	ifs := body.List[0].(*ast.IfStmt)
	if rewrite.LastTerminating(info, body.List, map[ast.Stmt]bool{ifs: true}) != true {
		t.Errorf("a done statement should count as terminating")
	}
}

func TestZero(t *testing.T) {
	src := `package p

import (
	"net/http"
	str "strings"
	"sync"
)

type T struct{ a int }
type N int
type S string
type F func()

var (
	vInt     int
	vN       N
	vS       S
	vBool    bool
	vPtr     *T
	vT       T
	vArr     [2]T
	vMap     map[string]int
	vFunc    F
	vErr     error
	vClient  http.Client
	vBuilder str.Builder
	vOnce    sync.Once
	vAnon    struct{ x int }
	vTagged  struct{ x int "json:\"x\"" }
	vMutex   sync.Mutex
)

func shadow() {
	type T struct{ b string }
	_ = T{}
	_ = 0 // pos: here
}
`
	fset, f, pkg, info := checked(t, src)
	name := func(q *types.Package) (string, bool) { return rewrite.ImportedAs(info, f, q.Path()) }
	at := f.Decls[len(f.Decls)-1].(*ast.FuncDecl).Body.List[2].Pos() // inside shadow
	top := f.Decls[len(f.Decls)-1].Pos()
	_ = fset
	for _, c := range []struct {
		v    string
		pos  token.Pos
		want string // "" for no spelling
	}{
		{"vInt", top, "0"},
		{"vN", top, "0"},
		{"vS", top, `""`},
		{"vBool", top, "false"},
		{"vPtr", top, "nil"},
		{"vT", top, "T{}"},
		{"vArr", top, "[2]T{}"},
		{"vMap", top, "nil"},
		{"vFunc", top, "nil"},
		{"vErr", top, "nil"},
		{"vClient", top, "http.Client{}"},
		{"vBuilder", top, "str.Builder{}"}, // the file's own name for strings
		{"vOnce", top, "sync.Once{}"},
		{"vAnon", top, "struct{x int}{}"},
		{"vTagged", top, ""}, // field tags: refused rather than copied
		{"vT", at, ""},       // T is shadowed by a local type here
	} {
		obj := pkg.Scope().Lookup(c.v)
		scope := pkg.Scope().Innermost(c.pos)
		got, ok := rewrite.Zero(obj.Type(), func(t types.Type) (string, bool) {
			return rewrite.Spell(t, pkg, scope, c.pos, name)
		})
		if !ok {
			got = ""
		}
		if got != c.want {
			t.Errorf("Zero(%s) = %q, want %q", c.v, got, c.want)
		}
	}
}

// TestZeroUnexported: a struct type with an unexported field of another
// package can be spelled T{}, but an unexported type of another package
// cannot be named at all.
func TestZeroUnexported(t *testing.T) {
	other := types.NewPackage("example.com/other", "other")
	hidden := types.NewNamed(types.NewTypeName(token.NoPos, other, "hidden", nil), types.NewStruct(nil, nil), nil)
	pkg := types.NewPackage("example.com/p", "p")
	name := func(q *types.Package) (string, bool) { return q.Name(), true }
	spell := func(t types.Type) (string, bool) { return rewrite.Spell(t, pkg, nil, token.NoPos, name) }
	if z, ok := rewrite.Zero(hidden, spell); ok {
		t.Errorf("Zero(other.hidden) = %q, want no spelling", z)
	}
	if z, ok := rewrite.Zero(types.NewPointer(hidden), spell); !ok || z != "nil" {
		t.Errorf("Zero(*other.hidden) = %q, %v; want nil", z, ok)
	}
	internal := types.NewPackage("example.com/lib/internal/x", "x")
	named := types.NewNamed(types.NewTypeName(token.NoPos, internal, "T", nil), types.NewStruct(nil, nil), nil)
	if z, ok := rewrite.Zero(named, spell); ok {
		t.Errorf("Zero(internal x.T) from example.com/p = %q, want no spelling", z)
	}
}

func TestImportedAs(t *testing.T) {
	src := `package p

import (
	_ "embed"
	. "fmt"
	str "strings"
	"net/http"
	klog "log"
)

var _ = Sprint
var _ = str.Repeat
var _ http.Client
var _ = klog.Print
`
	_, f, _, info := checked(t, src)
	for _, c := range []struct {
		path, name string
		ok         bool
	}{
		{"fmt", "", true}, // dot import: unqualified
		{"strings", "str", true},
		{"net/http", "http", true},
		{"log", "klog", true}, // renamed: the collision a fix must not repeat
		{"embed", "", false},  // blank import: cannot be used
		{"os", "", false},     // not imported
	} {
		name, ok := rewrite.ImportedAs(info, f, c.path)
		if name != c.name || ok != c.ok {
			t.Errorf("ImportedAs(%q) = %q, %v; want %q, %v", c.path, name, ok, c.name, c.ok)
		}
	}
	for path, want := range map[string]string{"k8s.io/klog/v2": "klog", "github.com/sirupsen/logrus": "logrus", "os": "os", "example.com/v": "v"} {
		if got := rewrite.DefaultName(path); got != want {
			t.Errorf("DefaultName(%q) = %q, want %q", path, got, want)
		}
	}
}

func TestImportInsertion(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"package p\n\nimport (\n\t\"os\"\n)\n", "package p\n\nimport (\n\t\"errors\"\n\t\"fmt\"\n\t\"os\"\n)\n"},
		{"package p\n\nimport \"os\"\n", "package p\n\nimport \"errors\"\nimport \"fmt\"\nimport \"os\"\n"},
		{"package p\n\nfunc f() {}\n", "package p\n\nimport (\n\t\"errors\"\n\t\"fmt\"\n)\n\nfunc f() {}\n"},
	} {
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, "p.go", c.src, 0)
		if err != nil {
			t.Fatal(err)
		}
		pos, text := rewrite.ImportInsertion(f, []string{"errors", "fmt"})
		off := fset.Position(pos).Offset
		if got := c.src[:off] + text + c.src[off:]; got != c.want {
			t.Errorf("ImportInsertion(%q):\n got %q\nwant %q", c.src, got, c.want)
		}
	}
}

func TestErrorResult(t *testing.T) {
	for _, c := range []struct{ sig, name, want string }{
		{"func f()", "", "func f() error"},
		{"func f() int", "", "func f() (int, error)"},
		{"func f() (int, bool)", "", "func f() (int, bool, error)"},
		{"func f() (n int)", "err", "func f() (n int, err error)"},
		{"func f() ()", "", ""},
	} {
		src := "package p\n\n" + c.sig + " {}\n"
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, "p.go", src, 0)
		if err != nil {
			t.Fatal(err)
		}
		ins, ok := rewrite.ErrorResult(f.Decls[0].(*ast.FuncDecl).Type, c.name)
		got := ""
		if ok {
			out := src
			for i := len(ins) - 1; i >= 0; i-- {
				off := fset.Position(ins[i].Pos).Offset
				out = out[:off] + ins[i].Text + out[off:]
			}
			got = strings.TrimSuffix(strings.TrimPrefix(out, "package p\n\n"), " {}\n")
		}
		if got != c.want {
			t.Errorf("ErrorResult(%q) = %q, want %q", c.sig, got, c.want)
		}
	}
}

func TestCheckedCall(t *testing.T) {
	got := rewrite.CheckedCall(1, "err", "lib.New(x)", "fmt.Fprintln(os.Stderr, err)\nos.Exit(2)", "\t")
	want := "if _, err := lib.New(x); err != nil {\n\t\tfmt.Fprintln(os.Stderr, err)\n\t\tos.Exit(2)\n\t}"
	if got != want {
		t.Errorf("CheckedCall:\n got %q\nwant %q", got, want)
	}
	if got := rewrite.IndentAt([]byte("a\n\t\tb := 1\n"), 5); got != "\t\t" {
		t.Errorf("IndentAt = %q", got)
	}
}

func TestRefusal(t *testing.T) {
	r := rewrite.Refuse("init cannot return an error")
	if got := r.Say("automatic"); got != "no automatic fix: init cannot return an error" {
		t.Errorf("Say = %q", got)
	}
	if got := r.Say("module-wide"); got != "no module-wide fix: init cannot return an error" {
		t.Errorf("Say = %q", got)
	}
	if rewrite.Refuse("") != nil {
		t.Errorf("an empty refusal should be nil")
	}
	o := &rewrite.Refusal{Kind: rewrite.OtherFile, Text: "the fix also edits a.go"}
	if got := o.Say("automatic"); got != "no automatic fix under golangci-lint: the fix also edits a.go" {
		t.Errorf("Say = %q", got)
	}
}
