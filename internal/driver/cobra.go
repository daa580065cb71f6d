package driver

import "github.com/noexit-lint/noexit/analyzer"

// analyzerOptions adapts the analyzer to the run: -fix and -diff also
// rewrite the exiting Run functions of cobra commands in allowed code
// (main, cmd/), which a plain run leaves alone.
func (o *options) analyzerOptions() []analyzer.Option {
	if o.fix || o.diff {
		return []analyzer.Option{analyzer.AllowedCobraFixes()}
	}
	return nil
}
