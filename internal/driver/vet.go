package driver

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
)

// ReportVetFlagError reports err, a bad flag value under go vet or go fix,
// and returns the exit code. The go command runs the tool once per
// package, dependencies included (for their facts): a dependency gets an
// empty facts file and exit code 0, so that the error is printed once per
// package named on the command line, not for every dependency.
func ReportVetFlagError(args []string, err error, stderr io.Writer) int {
	if len(args) > 0 && strings.HasSuffix(args[len(args)-1], ".cfg") {
		var cfg struct {
			VetxOnly   bool
			VetxOutput string
		}
		data, rerr := os.ReadFile(args[len(args)-1])
		if rerr == nil && json.Unmarshal(data, &cfg) == nil && cfg.VetxOnly && cfg.VetxOutput != "" {
			if werr := os.WriteFile(cfg.VetxOutput, nil, 0o666); werr == nil {
				return ExitClean
			}
		}
	}
	fmt.Fprintln(stderr, err)
	return ExitError
}
