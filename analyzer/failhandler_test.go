package analyzer_test

import (
	"flag"
	"io"
	"strings"
	"testing"

	"github.com/noexit-lint/noexit/analyzer"
)

// TestFailHandlerConfig: -fail-handler and the fail-handler setting take
// a package-level function, fully qualified; anything else is an error
// naming the value, from the flag as it is parsed and from Validate.
func TestFailHandlerConfig(t *testing.T) {
	for _, ok := range []string{"", "example.com/core.Fail", "github.com/kubeedge/beehive/pkg/core.Fail", "example.com/x/v2.OnError"} {
		cfg := analyzer.Config{FailHandler: ok}
		if err := cfg.Validate(); err != nil {
			t.Errorf("Validate(FailHandler %q) = %v, want nil", ok, err)
		}
		var fcfg analyzer.Config
		fs := flag.NewFlagSet("noexit", flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		fcfg.RegisterFlags(fs)
		if err := fs.Parse([]string{"-fail-handler=" + ok}); err != nil || fcfg.FailHandler != ok {
			t.Errorf("-fail-handler=%s: err %v, FailHandler %q", ok, err, fcfg.FailHandler)
		}
	}
	for _, bad := range []string{"Fail", "core.", ".Fail", "(*example.com/core.T).Fail", "example.com/core.Fa il", "example.com//core.Fail", "example.com/core.9x"} {
		cfg := analyzer.Config{FailHandler: bad}
		err := cfg.Validate()
		if err == nil || !strings.Contains(err.Error(), "fail-handler") || !strings.Contains(err.Error(), bad) {
			t.Errorf("Validate(FailHandler %q) = %v, want an error naming fail-handler and the value", bad, err)
		}
		var fcfg analyzer.Config
		fs := flag.NewFlagSet("noexit", flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		fcfg.RegisterFlags(fs)
		if err := fs.Parse([]string{"-fail-handler=" + bad}); err == nil || !strings.Contains(err.Error(), bad) {
			t.Errorf("-fail-handler=%s: err = %v, want one naming the value", bad, err)
		}
	}
}
