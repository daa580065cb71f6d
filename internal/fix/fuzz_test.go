package fix_test

import (
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/noexit-lint/noexit/analyzer"
)

// FuzzFix generates small packages that mix result types, exits, calls,
// a dot-imported log and a windows-only file from the fuzz input, runs
// noexit on them and applies its fixes. Every offered fix must merge with
// the others; all of them, as a driver writes them (unused imports other
// than dot imports deleted), must type-check for linux and for windows
// and pass vet's analyzers; a second run must offer no fix; and each fix
// alone must type-check.
func FuzzFix(f *testing.F) {
	for _, seed := range []string{
		"\x00\x01\x02\x03\x04\x05",
		"\x03\x10\x21\x32\x43\x54\x65\x76",
		"\x07\x07\x07\x07\x11\x22\x33\x44\x55",
		"\x02\x09\x0a\x0b\x0c\x0d\x0e\x0f\x10\x11",
		"\x01\x05\x15\x25\x35\x45\x55\x65\x75\x85\x95",
	} {
		f.Add([]byte(seed))
	}
	// Type-check the imports from source once, before the first input: in
	// a loaded fuzzing worker, that first input would otherwise take long
	// enough to look hung.
	warm := "package fz\n\nimport (\n"
	for _, p := range fuzzImports {
		warm += "\t_ \"" + p + "\"\n"
	}
	if _, _, _, err := typeCheck(token.NewFileSet(), warm+")\n", false); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		g := generate(data)
		fset := token.NewFileSet()
		pkg, info, file, err := typeCheck(fset, g.src, false)
		if err != nil {
			return // not a valid program: nothing to fix
		}
		vetted := len(vet(t, fset, pkg, info, file)) == 0
		windows := g.windows != "" && checkWindows(g.src, g.windows) == nil
		if !windows {
			g.windows = ""
		}
		fixes := runNoexit(t, fset, pkg, info, file, g)
		var merged []analysis.TextEdit
		for i, fx := range fixes {
			m, ok := mergeEdits(merged, fx.TextEdits)
			if !ok {
				t.Fatalf("fix %d %q conflicts with the fixes before it: one run would not apply it\n%s\n%s", i, fx.Message, g.src, showEdits(fset, fixes[:i+1]))
			}
			merged = m
		}
		if len(merged) > 0 {
			out, err := applyEdits(fset, g.src, merged)
			if err != nil {
				t.Fatalf("merged fixes: %v\n%s", err, g.src)
			}
			out = dropUnused(out)
			fset2 := token.NewFileSet()
			pkg2, info2, file2, err := typeCheck(fset2, out, false)
			if err != nil {
				t.Fatalf("merged fixes do not type-check: %v\nbefore:\n%s\nafter:\n%s", err, g.src, out)
			}
			if windows {
				if err := checkWindows(out, g.windows); err != nil {
					t.Fatalf("merged fixes break the windows build: %v\nbefore:\n%s\nafter:\n%s\nb_windows.go:\n%s", err, g.src, out, g.windows)
				}
			}
			for _, d := range vet(t, fset2, pkg2, info2, file2) {
				if !vetted {
					break // the input already fails vet
				}
				t.Fatalf("vet on the fixed code: %s\nbefore:\n%s\nafter:\n%s", d, g.src, out)
			}
			if again := runNoexit(t, fset2, pkg2, info2, file2, genPkg{out, g.windows}); len(again) > 0 {
				t.Fatalf("a second run offers %q\nbefore:\n%s\nafter:\n%s", again[0].Message, g.src, out)
			}
		}
		for i, fx := range fixes {
			out, err := applyEdits(fset, g.src, fx.TextEdits)
			if err != nil {
				t.Fatalf("fix %d %q: %v\n%s", i, fx.Message, err, g.src)
			}
			ofset := token.NewFileSet()
			opkg, oinfo, ofile, err := typeCheck(ofset, out, false)
			if err != nil {
				t.Fatalf("fix %d %q does not type-check: %v\nbefore:\n%s\nafter:\n%s", i, fx.Message, err, g.src, out)
			}
			if v := vet(t, ofset, opkg, oinfo, ofile); vetted && len(v) > 0 {
				t.Fatalf("fix %d %q fails go vet: %v\nbefore:\n%s\nafter:\n%s", i, fx.Message, v, g.src, out)
			}
		}
	})
}

// generate builds a package from data: functions f0..f3 with result
// types, exits and calls to each other chosen by the bytes, and an
// exported entry point F.
func generate(data []byte) genPkg {
	next := func() int {
		if len(data) == 0 {
			return 0
		}
		b := int(data[0])
		data = data[1:]
		return b
	}
	results := []string{"", "int", "error", "(int, error)", "string", "*T", "T", "[]int", "(n int)", "(s string, err error)", "bool", "map[string]int", "[2]int", "any", "(int, string)"}
	zero := map[string]string{"int": "0", "error": "nil", "string": `""`, "*T": "nil", "T": "T{}", "[]int": "nil", "bool": "false", "map[string]int": "nil", "[2]int": "[2]int{}", "any": "nil"}
	exits := []string{
		`log.Fatal("x")`,
		`log.Fatalf("bad %v", e)`,
		`os.Exit(1)`,
		"log.Printf(\"p %d\", 1)\n\tos.Exit(2)",
		"fmt.Fprintf(os.Stderr, \"q\\n\")\n\tos.Exit(3)",
		`os.Exit(0)`,
		`log.Fatalln("a", e)`,
		`log.Fatal("load: ", e)`,
		// Calls inside the exit's or the log line's arguments.
		`os.Exit(code(e))`,
		"log.Printf(\"p %s\", desc(e))\n\tos.Exit(code(e))",
		`log.Fatalf("bad %s", desc(e))`,
		// Structured loggers: the cause and the fields.
		`logrus.WithError(e).WithField("k", 1).Fatal("load")`,
		`zl.With(zap.String("k", "v")).Fatal("load", zap.Int("n", 1), zap.Error(e))`,
		"klog.ErrorS(e, \"load\", \"k\", 1)\n\tos.Exit(1)",
	}
	n := 1 + next()%4
	res := make([]string, n)
	for i := range res {
		res[i] = results[next()%len(results)]
	}
	var b strings.Builder
	b.WriteString("type T struct{ A int }\n\n")
	b.WriteString("var (\n\tcalls int\n\tmu    sync.Mutex\n\tch    chan int\n\tzl    = zap.NewNop()\n)\n\n")
	b.WriteString("func code(e error) int { calls++; return 1 }\n\n")
	b.WriteString("func desc(e error) string { calls++; return fmt.Sprint(e) }\n\n")
	zeros := func(r string) string {
		r = strings.Trim(r, "()")
		if r == "" {
			return ""
		}
		var zs []string
		for _, part := range strings.Split(r, ", ") {
			f := strings.Fields(part)
			zs = append(zs, zero[f[len(f)-1]])
		}
		return strings.Join(zs, ", ")
	}
	count := func(r string) int {
		if r == "" {
			return 0
		}
		return strings.Count(r, ",") + 1
	}
	named := func(r string) bool {
		return len(strings.Fields(strings.Split(strings.Trim(r, "()"), ",")[0])) == 2
	}
	for i := range n {
		fmt.Fprintf(&b, "func f%d(c bool, e error) %s {\n", i, res[i])
		for k := next() % 4; k >= 0; k-- {
			j := next() % n
			call := fmt.Sprintf("f%d(c, e)", j)
			switch next() % 13 {
			case 0, 1:
				cond := "c"
				if next()%2 == 0 {
					cond = "e != nil"
				}
				fmt.Fprintf(&b, "\tif %s {\n\t%s\n\t}\n", cond, exits[next()%len(exits)])
			case 2:
				fmt.Fprintf(&b, "\t%s\n", call)
			case 3:
				if count(res[j]) == 1 {
					fmt.Fprintf(&b, "\tv%d := %s\n\t_ = v%d\n", k, call, k)
				}
			case 4:
				if count(res[j]) == 1 {
					fmt.Fprintf(&b, "\tvar w%d %s\n\tw%d = %s\n\t_ = w%d\n", k, strings.Fields(strings.Trim(res[j], "()"))[len(strings.Fields(strings.Trim(res[j], "()")))-1], k, call, k)
				}
			case 5:
				if count(res[j]) == 2 {
					fmt.Fprintf(&b, "\t_, _ = %s\n", call)
				}
			case 6:
				if res[j] == "int" || res[j] == "(n int)" {
					fmt.Fprintf(&b, "\tif %s > 1 {\n\t\tprintln()\n\t}\n", call)
				}
			case 7:
				if res[i] == res[j] && res[i] != "" {
					fmt.Fprintf(&b, "\tif c {\n\t\treturn %s\n\t}\n", call)
				}
			case 9:
				// An exit in a default case: the code after the
				// switch may become unreachable.
				first := "println()"
				if next()%2 == 0 {
					first = exits[next()%len(exits)] // every branch may exit
				}
				fmt.Fprintf(&b, "\tswitch {\n\tcase c:\n\t%s\n\tdefault:\n\t%s\n\t}\n", first, exits[next()%len(exits)])
			case 10:
				// Cleanup after the exit: no return may skip it.
				fmt.Fprintf(&b, "\tmu.Lock()\n\tif c {\n\t%s\n\t}\n\tmu.Unlock()\n", exits[next()%len(exits)])
			case 11:
				fmt.Fprintf(&b, "\tfs%d := flag.NewFlagSet(\"x\", flag.ExitOnError)\n\tfs%d.Parse(nil)\n", k, k)
			case 12:
				// A loop that never ends; its break only leaves the select.
				fmt.Fprintf(&b, "\tfor {\n\t\tselect {\n\t\tcase <-ch:\n\t\t\tbreak\n\t\tdefault:\n\t%s\n\t\t}\n\t}\n}\n\n", exits[next()%len(exits)])
				goto done
			case 8:
				fmt.Fprintf(&b, "\t%s\n", exits[next()%len(exits)])
				if named(res[i]) {
					b.WriteString("\treturn\n")
				} else if z := zeros(res[i]); z != "" {
					fmt.Fprintf(&b, "\treturn %s\n", z)
				}
				b.WriteString("}\n\n")
				goto done
			}
		}
		switch {
		case named(res[i]):
			b.WriteString("\treturn\n")
		case res[i] != "":
			fmt.Fprintf(&b, "\treturn %s\n", zeros(res[i]))
		}
		b.WriteString("}\n\n")
	done:
	}
	entry := "error"
	if next()%3 == 0 {
		entry = ""
	}
	// shape: bit 0 dot-imports log, bit 1 adds a windows-only file that
	// calls one of the functions.
	shape := next()
	fmt.Fprintf(&b, "func F() %s {\n\tf0(true, nil)\n", entry)
	if entry != "" {
		b.WriteString("\treturn nil\n")
	}
	b.WriteString("}\n")
	body := b.String()
	var imports []string
	for _, p := range fuzzImports {
		name := p[strings.LastIndex(p, "/")+1:]
		if name == "v2" {
			name = "klog"
		}
		use := regexp.MustCompile(`\b` + name + `\.`)
		if !use.MatchString(body) {
			continue
		}
		if p == "log" && shape&1 != 0 {
			body = use.ReplaceAllString(body, "")
			imports = append(imports, "\t. \"log\"\n")
			continue
		}
		imports = append(imports, "\t\""+p+"\"\n")
	}
	var other string
	if shape&2 != 0 {
		// A typed reference: it stops compiling if the signature changes.
		j := next() % n
		other = fmt.Sprintf("package fz\n\nvar _ func(bool, error) %s = f%d\n", res[j], j)
	}
	return genPkg{"package fz\n\nimport (\n" + strings.Join(imports, "") + ")\n\n" + body, other}
}

// fuzzImports are the packages a generated program may import.
var fuzzImports = []string{"flag", "fmt", "log", "os", "sync", "github.com/sirupsen/logrus", "go.uber.org/zap", "k8s.io/klog/v2"}

// genPkg is a generated package: its file and, unless empty, the text of
// a file that only windows builds compile (b_windows.go).
type genPkg struct{ src, windows string }

var (
	stdOnce sync.Once
	stdImp  types.Importer
	stdMu   sync.Mutex
)

// typeCheck parses and checks src; lenient ignores unused imports.
func typeCheck(fset *token.FileSet, src string, lenient bool) (*types.Package, *types.Info, *ast.File, error) {
	file, err := parser.ParseFile(fset, "/fz/a.go", src, parser.ParseComments)
	if err != nil {
		return nil, nil, nil, err
	}
	stdOnce.Do(func() { stdImp = importer.ForCompiler(token.NewFileSet(), "source", nil) })
	info := &types.Info{
		Types:      map[ast.Expr]types.TypeAndValue{},
		Defs:       map[*ast.Ident]types.Object{},
		Uses:       map[*ast.Ident]types.Object{},
		Implicits:  map[ast.Node]types.Object{},
		Scopes:     map[ast.Node]*types.Scope{},
		Selections: map[*ast.SelectorExpr]*types.Selection{},
	}
	var first error
	conf := types.Config{
		Importer: importerFunc(func(path string) (*types.Package, error) {
			stdMu.Lock()
			defer stdMu.Unlock()
			return importStub(path)
		}),
		Error: func(err error) {
			if lenient && strings.Contains(err.Error(), "imported and not used") {
				return
			}
			if first == nil {
				first = err
			}
		},
	}
	pkg, _ := conf.Check("example.com/fz", fset, []*ast.File{file}, info)
	return pkg, info, file, first
}

type importerFunc func(string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// runNoexit runs the analyzer on one checked file and returns the first
// fix of each diagnostic.
func runNoexit(t *testing.T, fset *token.FileSet, pkg *types.Package, info *types.Info, file *ast.File, g genPkg) []analysis.SuggestedFix {
	a := analyzer.New(&analyzer.Config{})
	var fixes []analysis.SuggestedFix
	pass := &analysis.Pass{
		Analyzer:   a,
		Fset:       fset,
		Files:      []*ast.File{file},
		Pkg:        pkg,
		TypesInfo:  info,
		TypesSizes: types.SizesFor("gc", "amd64"),
		ResultOf:   map[*analysis.Analyzer]any{},
		ReadFile: func(name string) ([]byte, error) {
			if name == windowsFile {
				return []byte(g.windows), nil
			}
			return []byte(g.src), nil
		},
		Report:            func(d analysis.Diagnostic) { fixes = append(fixes, d.SuggestedFixes...) },
		ImportObjectFact:  func(types.Object, analysis.Fact) bool { return false },
		ExportObjectFact:  func(types.Object, analysis.Fact) {},
		ImportPackageFact: func(*types.Package, analysis.Fact) bool { return false },
		ExportPackageFact: func(analysis.Fact) {},
		AllObjectFacts:    func() []analysis.ObjectFact { return nil },
		AllPackageFacts:   func() []analysis.PackageFact { return nil },
	}
	if g.windows != "" {
		pass.IgnoredFiles = []string{windowsFile}
	}
	if _, err := a.Run(pass); err != nil {
		t.Fatal(err)
	}
	return fixes
}

// windowsFile is the name of the generated windows-only file.
const windowsFile = "/fz/b_windows.go"

// applyEdits applies the edits of one file, which must be in bounds and
// must not overlap.
func applyEdits(fset *token.FileSet, src string, edits []analysis.TextEdit) (string, error) {
	sorted := append([]analysis.TextEdit(nil), edits...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Pos < sorted[j].Pos })
	tf := fset.File(sorted[0].Pos)
	var out strings.Builder
	last := 0
	for _, e := range sorted {
		start, end := tf.Offset(e.Pos), tf.Offset(e.End)
		if start < last || end < start || end > len(src) {
			return "", fmt.Errorf("bad edit [%d,%d) after %d", start, end, last)
		}
		out.WriteString(src[last:start])
		out.Write(e.NewText)
		last = end
	}
	out.WriteString(src[last:])
	return out.String(), nil
}

// mergeEdits adds y to x as the drivers do: identical edits coalesce; a
// fix that overlaps what is there already, or inserts other text where x
// inserts, is skipped.
func mergeEdits(x, y []analysis.TextEdit) ([]analysis.TextEdit, bool) {
	out := append([]analysis.TextEdit(nil), x...)
next:
	for _, e := range y {
		for _, o := range x {
			if o.Pos == e.Pos && o.End == e.End && string(o.NewText) == string(e.NewText) {
				continue next
			}
		}
		for _, o := range x {
			inserts := e.Pos == e.End && o.Pos == o.End
			if e.Pos < o.End && o.Pos < e.End || inserts && e.Pos == o.Pos {
				return x, false
			}
			if e.Pos == e.End && o.Pos < e.Pos && e.Pos < o.End || o.Pos == o.End && e.Pos < o.Pos && o.Pos < e.End {
				return x, false // an insertion inside a replaced range
			}
		}
		out = append(out, e)
	}
	return out, true
}
