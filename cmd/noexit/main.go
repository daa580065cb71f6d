// Command noexit reports process exits reachable from a library's init
// paths. It runs standalone (noexit ./...), as a vet tool
// (go vet -vettool=$(which noexit) ./...) and as a fix tool
// (go fix -fixtool=$(which noexit) ./...). The standalone driver is
// internal/driver; go vet and go fix speak singlechecker's protocol.
package main

import (
	"os"

	"golang.org/x/tools/go/analysis/singlechecker"

	"github.com/noexit-lint/noexit/analyzer"
	"github.com/noexit-lint/noexit/internal/driver"
)

func main() {
	args := os.Args[1:]
	if driver.VetInvocation(args) {
		if err := driver.CheckVetFlags(args); err != nil {
			os.Exit(driver.ReportVetFlagError(args, err, os.Stderr))
		}
		singlechecker.Main(analyzer.Analyzer)
	}
	os.Exit(driver.Run(args, os.Stdout, os.Stderr))
}
