// Package noexit is the golangci-lint v2 module plugin for the noexit
// analyzer. A golangci-lint built with this package (.custom-gcl.yml,
// scripts/build-golangci.sh) offers the linter "noexit", whose settings
// under linters.settings.custom.noexit.settings take the keys of the
// noexit command's flags: categories, terminators, entry, default-entries,
// lifecycle, allow, default-allow, deps, trust, modeled (deprecated),
// baseline, write-baseline, fail-handler, defer-skip-all. The analysis lives in package
// analyzer.
package noexit

import (
	"fmt"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/noexit-lint/noexit/analyzer"
)

func init() { register.Plugin("noexit", New) }

// plugin holds one validated configuration. It is never mutated after New,
// so plugins with different settings can live in one process.
type plugin struct {
	cfg analyzer.Config
}

// New decodes golangci-lint settings strictly into an analyzer.Config: an
// unknown key or a bad value is an error that names it.
func New(settings any) (register.LinterPlugin, error) {
	cfg, err := register.DecodeSettings[analyzer.Config](settings)
	if err != nil {
		return nil, fmt.Errorf("noexit: bad settings: %w", err)
	}
	if err := cfg.Validate(); err != nil {
		return nil, err // already "noexit: <setting> <value> ..."
	}
	return &plugin{cfg: cfg}, nil
}

// BuildAnalyzers returns a fresh analyzer; analyzer.New binds a private
// copy of the configuration to the analyzer's flags, so nothing a host
// does through them leaks into another instance.
func (p *plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	cfg := p.cfg
	// golangci-lint applies only the edits of a fix that lie in the
	// reported file: offer no fix that spans files.
	a := analyzer.New(&cfg, analyzer.SingleFileFixes())
	a.Run = withoutRelated(a.Run)
	return []*analysis.Analyzer{a}, nil
}

// withoutRelated drops each diagnostic's related information. golangci-lint
// turns every related position into an issue of its own, which a
// //nolint:noexit on the reported line does not reach; the message already
// spells out the whole path.
func withoutRelated(run func(*analysis.Pass) (any, error)) func(*analysis.Pass) (any, error) {
	return func(pass *analysis.Pass) (any, error) {
		p := *pass
		p.Report = func(d analysis.Diagnostic) {
			d.Related = nil
			pass.Report(d)
		}
		return run(&p)
	}
}

// GetLoadMode asks for type information: may-exit facts follow calls
// through types.Func identities across packages.
func (*plugin) GetLoadMode() string { return register.LoadModeTypesInfo }
