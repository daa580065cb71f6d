// Command noexit reports process exits reachable from a library's init
// paths. It runs standalone (noexit ./...), as a vet tool
// (go vet -vettool=$(which noexit) ./...) and as a fix tool
// (go fix -fixtool=$(which noexit) ./...).
package main

import (
	"os"

	"golang.org/x/tools/go/analysis/singlechecker"

	"github.com/noexit-lint/noexit/analyzer"
)

func main() {
	if code, done := checkTrustInChild(os.Args); done {
		os.Exit(code)
	}
	a, session := analyzer.NewSession(new(analyzer.Config))
	recordUnmatchedTrust(a, session)
	singlechecker.Main(a)
}
