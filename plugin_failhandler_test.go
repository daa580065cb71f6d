package noexit_test

import (
	"strings"
	"testing"

	"github.com/noexit-lint/noexit"
)

// TestFailHandlerSetting: the plugin decodes fail-handler strictly into
// the analyzer's Config, where the analyzer's flag shows it; a malformed
// value or a value of the wrong type stops New with an error naming it.
func TestFailHandlerSetting(t *testing.T) {
	a := build(t, map[string]any{"fail-handler": "example.com/core.Fail"})
	if f := a.Flags.Lookup("fail-handler"); f == nil || f.Value.String() != "example.com/core.Fail" {
		t.Errorf("analyzer flag fail-handler = %v, want example.com/core.Fail", f)
	}
	if f := build(t, map[string]any{}).Flags.Lookup("fail-handler"); f == nil || f.Value.String() != "" {
		t.Errorf("analyzer flag fail-handler without the setting = %v, want empty", f)
	}
	for _, c := range []struct {
		settings map[string]any
		want     []string
	}{
		{map[string]any{"fail-handler": "Fail"}, []string{"noexit", "fail-handler", `"Fail"`}},
		{map[string]any{"fail-handler": "(*example.com/core.T).Fail"}, []string{"noexit", "fail-handler", "method"}},
		{map[string]any{"fail-handler": []any{"example.com/core.Fail"}}, []string{"noexit", "fail-handler"}},
		{map[string]any{"fail-handlers": "example.com/core.Fail"}, []string{"noexit", `"fail-handlers"`}},
	} {
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

// TestDeferSkipAllSetting: the plugin decodes defer-skip-all into the
// analyzer's Config; a value that is not a boolean stops New.
func TestDeferSkipAllSetting(t *testing.T) {
	if f := build(t, map[string]any{"defer-skip-all": true}).Flags.Lookup("defer-skip-all"); f == nil || f.Value.String() != "true" {
		t.Errorf("analyzer flag defer-skip-all = %v, want true", f)
	}
	if f := build(t, map[string]any{}).Flags.Lookup("defer-skip-all"); f == nil || f.Value.String() != "" {
		t.Errorf("analyzer flag defer-skip-all without the setting = %v, want unset", f)
	}
	if p, err := noexit.New(map[string]any{"defer-skip-all": "sometimes"}); err == nil || !strings.Contains(err.Error(), "defer-skip-all") {
		t.Errorf("New(defer-skip-all: sometimes) = %v, %v; want an error naming defer-skip-all", p, err)
	}
}
