package noexit_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/noexit-lint/noexit"
)

// src is one library package; each copy carries the diagnostics that one
// configuration must produce, so a plugin that leaked its settings into
// another would fail the other copy's want comments.
const src = `package %s

import (
	"log"
	"os"
)

func Register() { %s
	if len(os.Args) > 5 {
		os.Exit(1) %s
	}
	log.Fatal("no config") %s
}
`

const (
	wantExit  = "// want `os.Exit ends the process, reached from exported %s.Register -> os.Exit`"
	wantFatal = "// want `log.Fatal ends the process, reached from exported %s.Register -> log.Fatal`"
)

// writePkg writes package example.com/name under dir/src (a dotless path
// would pass for the standard library, which noexit models). exit says
// whether the os.Exit line must be reported, fatal the log.Fatal line; the
// may-exit fact on Register names the first of them that counts.
func writePkg(t *testing.T, dir, name string, exit, fatal bool) {
	t.Helper()
	want := func(on bool, format string) string {
		if !on {
			return ""
		}
		return fmt.Sprintf(format, name)
	}
	fact := fmt.Sprintf("// want Register:`mayExit\\(%s.Register -> log.Fatal\\)`", name)
	if exit {
		fact = fmt.Sprintf("// want Register:`mayExit\\(%s.Register -> os.Exit\\)`", name)
	}
	body := fmt.Sprintf(src, name, fact, want(exit, wantExit), want(fatal, wantFatal))
	pkg := filepath.Join(dir, "src", "example.com", name)
	if err := os.MkdirAll(pkg, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(pkg, name+".go"), []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

func build(t *testing.T, settings any) *analysis.Analyzer {
	t.Helper()
	p, err := noexit.New(settings)
	if err != nil {
		t.Fatalf("New(%v): %v", settings, err)
	}
	if got := p.GetLoadMode(); got != register.LoadModeTypesInfo {
		t.Errorf("GetLoadMode() = %q, want %q", got, register.LoadModeTypesInfo)
	}
	as, err := p.BuildAnalyzers()
	if err != nil || len(as) != 1 {
		t.Fatalf("BuildAnalyzers() = %v, %v; want one analyzer", as, err)
	}
	return as[0]
}

func TestRegistered(t *testing.T) {
	newPlugin, err := register.GetPlugin("noexit")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := newPlugin(nil); err != nil {
		t.Errorf("plugin with no settings: %v", err)
	}
}

func TestSettings(t *testing.T) {
	// Settings arrive as golangci-lint decoded them from YAML.
	ok := []any{
		nil,
		map[string]any{},
		map[string]any{
			"categories":      []any{"exit", "goexit"},
			"terminators":     []any{"example.com/x.Die", "(*example.com/x.Logger).Fatal"},
			"entry":           []any{"Register", "New*", "(*T).Start"},
			"default-entries": false,
			"lifecycle":       []any{"example.com/fw.Module"},
			"allow":           []any{},
			"deps":            true,
			"modeled":         []any{"example.com/log/..."},
		},
		map[string]any{
			"default-allow":  false,
			"deps":           "module",
			"trust":          []any{"github.com/emicklei/go-restful/...", "example.com/x.(*T).M", "(*example.com/x.T).M"},
			"baseline":       "noexit.baseline",
			"write-baseline": "",
		},
		map[string]any{"deps": "none"},
		map[string]any{"deps": false},
	}
	for _, s := range ok {
		if _, err := noexit.New(s); err != nil {
			t.Errorf("New(%v): %v", s, err)
		}
	}

	bad := []struct {
		settings any
		want     []string // substrings of the error
	}{
		{map[string]any{"bogus": 1}, []string{"noexit", `"bogus"`}},
		{map[string]any{"categories": []any{"nope"}}, []string{"noexit", "categories", `"nope"`}},
		{map[string]any{"categories": "exit"}, []string{"noexit", "categories"}},
		{map[string]any{"deps": "yes"}, []string{"noexit", "deps"}},
		{map[string]any{"terminators": []any{"Die"}}, []string{"noexit", "terminators", `"Die"`}},
		{map[string]any{"entry": []any{"(*T"}}, []string{"noexit", "entry", `"(*T"`}},
		{map[string]any{"lifecycle": []any{"(*x.T).M"}}, []string{"noexit", "lifecycle", `"(*x.T).M"`}},
		{map[string]any{"allow": []any{"/abs"}}, []string{"noexit", "allow", `"/abs"`}},
		{map[string]any{"modeled": []any{"a b"}}, []string{"noexit", "modeled", `"a b"`}},
		{map[string]any{"trust": []any{"x.(*T"}}, []string{"noexit", "trust", `"x.(*T"`}},
		{map[string]any{"deps": "some"}, []string{"noexit", "deps", `"some"`}},
		{map[string]any{"deps": 1}, []string{"noexit", "deps"}},
		{map[string]any{"default-allow": "no"}, []string{"noexit", "default-allow"}},
	}
	for _, c := range bad {
		p, err := noexit.New(c.settings)
		if err == nil {
			t.Errorf("New(%v) = %v, want an error", c.settings, p)
			continue
		}
		for _, w := range c.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("New(%v) error %q does not mention %s", c.settings, err, w)
			}
		}
	}
}

// TestIndependent runs two plugins with different settings side by side,
// and checks that flags set on one built analyzer reach neither the other
// plugin nor the next analyzer built by the same plugin.
func TestIndependent(t *testing.T) {
	dir := t.TempDir()
	writePkg(t, dir, "exitonly", true, false)
	writePkg(t, dir, "fatalonly", false, true)

	exitPlugin, err := noexit.New(map[string]any{"categories": []any{"exit"}})
	if err != nil {
		t.Fatal(err)
	}
	fatal := build(t, map[string]any{"categories": []any{"fatal-log"}})

	first, err := exitPlugin.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	// A host that drives flags must change only this analyzer.
	if err := first[0].Flags.Set("categories", "goexit"); err != nil {
		t.Fatal(err)
	}
	second, err := exitPlugin.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	if first[0] == second[0] {
		t.Fatal("BuildAnalyzers returned the same analyzer twice")
	}

	var wg sync.WaitGroup
	var results [2][]*analysistest.Result
	wg.Go(func() { results[0] = analysistest.Run(t, dir, second[0], "example.com/exitonly") })
	wg.Go(func() { results[1] = analysistest.Run(t, dir, fatal, "example.com/fatalonly") })
	wg.Wait()

	// golangci-lint would turn related positions into issues of their own.
	for _, rs := range results {
		for _, r := range rs {
			for _, d := range r.Diagnostics {
				if len(d.Related) > 0 {
					t.Errorf("%s: diagnostic %q keeps %d related positions", r.Pass.Pkg.Path(), d.Message, len(d.Related))
				}
			}
		}
	}
}
