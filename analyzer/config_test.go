package analyzer_test

import (
	"flag"
	"io"
	"strings"
	"testing"

	"github.com/noexit-lint/noexit/analyzer"
)

func TestValidateNamesBadValue(t *testing.T) {
	for _, tc := range []struct {
		cfg  analyzer.Config
		want string
	}{
		{analyzer.Config{Categories: []string{"exit", "nope"}}, `unknown category "nope"`},
		{analyzer.Config{Terminators: []string{"Die"}}, `terminators: bad terminator "Die"`},
		{analyzer.Config{Terminators: []string{"(*x.T.Fatal"}}, `bad terminator "(*x.T.Fatal"`},
		{analyzer.Config{Terminators: []string{"(*x.T).Fa tal"}}, `bad terminator "(*x.T).Fa tal"`},
		{analyzer.Config{Entry: []string{"(*T"}}, `bad entry pattern "(*T"`},
		{analyzer.Config{Entry: []string{"New["}}, `bad entry pattern "New["`},
		{analyzer.Config{Entry: []string{""}}, `bad entry pattern ""`},
		{analyzer.Config{Lifecycle: []string{"Module"}}, `bad lifecycle interface "Module"`},
		{analyzer.Config{Lifecycle: []string{"(*x.T).M"}}, `bad lifecycle interface "(*x.T).M"`},
		{analyzer.Config{Allow: []string{"/abs/..."}}, `allow: bad package pattern "/abs/..."`},
		{analyzer.Config{Modeled: []string{"a b"}}, `modeled: bad trust entry "a b"`},
		{analyzer.Config{Trust: []string{"x.(*T"}}, `trust: bad trust entry "x.(*T"`},
		{analyzer.Config{Trust: []string{"(*x.T).M("}}, `trust: bad trust entry "(*x.T).M("`},
		{analyzer.Config{Deps: "some"}, `deps: unknown mode "some"`},
	} {
		err := tc.cfg.Validate()
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Validate(%+v) = %v, want error containing %s", tc.cfg, err, tc.want)
		}
	}
}

func TestValidateAccepts(t *testing.T) {
	for _, cfg := range []analyzer.Config{
		{},
		{Categories: []string{"goexit", "panic-log", "exit"}},
		{Terminators: []string{"example.com/x.Die", "(*example.com/x.Logger).Fatal", "(example.com/x/v2.T).Exit"}},
		{Entry: []string{"Register", "New*", "(*T).Start", "T.Run", "(*Server).*", "(*server).start"}},
		{Lifecycle: []string{"example.com/fw.Module"}},
		{Allow: []string{}},
		{Allow: []string{"example.com/tools/...", ".../internal/cli"}},
		{Trust: []string{"github.com/x/y/...", "example.com/x.(*T).M", "(*example.com/x.T).M", "example.com/x.F", "gopkg.in/yaml.v3"}},
		{Deps: "module"}, {Deps: "all"}, {Deps: "none"}, {Deps: "true"}, {Deps: "false"},
	} {
		if err := cfg.Validate(); err != nil {
			t.Errorf("Validate(%+v) = %v, want nil", cfg, err)
		}
	}
}

// TestFlags checks that flags fill the same Config the plugin decodes:
// lists are comma-separated and an empty -allow replaces the default.
func TestFlags(t *testing.T) {
	var cfg analyzer.Config
	fs := flag.NewFlagSet("noexit", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	cfg.RegisterFlags(fs)
	err := fs.Parse([]string{
		"-categories=exit,goexit", "-entry=Register, New*", "-default-entries=false",
		"-deps=false", "-allow=", "-terminators=example.com/x.Die",
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(cfg.Entry, "|"); got != "Register|New*" {
		t.Errorf("Entry = %q", got)
	}
	if cfg.Allow == nil || len(cfg.Allow) != 0 {
		t.Errorf("Allow = %#v, want empty non-nil", cfg.Allow)
	}
	if cfg.DefaultEntries == nil || *cfg.DefaultEntries || cfg.Deps != "false" {
		t.Errorf("booleans not set: %v %v", cfg.DefaultEntries, cfg.Deps)
	}
	if err := cfg.Validate(); err != nil {
		t.Error(err)
	}
	for _, arg := range []string{
		"-deps=maybe", "-trust=x.(*T", "-categories=exit,nope", "-entry=(*T", "-terminators=Die",
		"-lifecycle=Module", "-allow=a b", "-modeled=/abs",
	} {
		_, bad, _ := strings.Cut(arg, "=")
		bad = bad[strings.LastIndex(bad, ",")+1:]
		if err := fs.Parse([]string{arg}); err == nil || !strings.Contains(err.Error(), bad) {
			t.Errorf("flag %s: err = %v, want one naming %q", arg, err, bad)
		}
	}
}

// TestNewCopiesConfig: New binds a copy of the configuration to the
// analyzer's flags. Binding keeps every value already set (it used to
// reset string fields such as -baseline), and setting a flag changes the
// analyzer's copy, never the caller's struct.
func TestNewCopiesConfig(t *testing.T) {
	cfg := analyzer.Config{Baseline: "base.json", WriteBaseline: "out.json", Allow: []string{"example.com/a"}}
	a := analyzer.New(&cfg)
	if got := a.Flags.Lookup("baseline").Value.String(); got != "base.json" {
		t.Errorf("-baseline after New = %q, want base.json", got)
	}
	if cfg.Baseline != "base.json" || cfg.WriteBaseline != "out.json" {
		t.Errorf("New reset the caller's config: %+v", cfg)
	}
	if err := a.Flags.Set("allow", "example.com/b"); err != nil {
		t.Fatal(err)
	}
	if err := a.Flags.Set("baseline", "other.json"); err != nil {
		t.Fatal(err)
	}
	if len(cfg.Allow) != 1 || cfg.Allow[0] != "example.com/a" || cfg.Baseline != "base.json" {
		t.Errorf("a flag of the analyzer changed the caller's config: %+v", cfg)
	}
}
