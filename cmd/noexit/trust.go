package main

// A -trust entry that matches nothing loaded is most likely a typo, which
// would silently trust nothing. The analyzer's Session knows which entries
// matched once every package is analysed, but singlechecker.Main exits
// the process as soon as the run ends. So, standalone and only when
// -trust (or -modeled) is given, the command runs itself as a child that
// keeps the unmatched entries in a file after each package, and the
// parent warns about what is left once the child is done.

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/noexit-lint/noexit/analyzer"
)

const trustFileEnv = "NOEXIT_UNMATCHED_TRUST_FILE"

// checkTrustInChild runs the command as a child when args name trust
// entries outside the go vet / go fix protocol, warns about the entries
// the child found unmatched, and returns the child's exit code.
func checkTrustInChild(args []string) (code int, done bool) {
	if os.Getenv(trustFileEnv) != "" || !namesTrust(args[1:]) || toolProtocol(args[1:]) {
		return 0, false
	}
	f, err := os.CreateTemp("", "noexit-trust-")
	if err != nil {
		return 0, false // run without the check rather than not at all
	}
	f.Close()
	defer os.Remove(f.Name())
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	cmd.Env = append(os.Environ(), trustFileEnv+"="+f.Name())
	err = cmd.Run()
	var exit *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &exit) && exit.ExitCode() >= 0:
		code = exit.ExitCode()
	default:
		fmt.Fprintf(os.Stderr, "noexit: %v\n", err)
		return 1, true
	}
	data, _ := os.ReadFile(f.Name())
	for entry := range strings.Lines(string(data)) {
		fmt.Fprintf(os.Stderr, "noexit: warning: trust entry %q matches no loaded package or function\n", strings.TrimSuffix(entry, "\n"))
	}
	return code, true
}

// namesTrust reports whether args set -trust or -modeled.
func namesTrust(args []string) bool {
	for _, a := range args {
		name, _, _ := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if strings.HasPrefix(a, "-") && (name == "trust" || name == "modeled") {
			return true
		}
	}
	return false
}

// toolProtocol reports whether the go command runs noexit as a vet or fix
// tool: a .cfg file argument, -V=full or -flags.
func toolProtocol(args []string) bool {
	for _, a := range args {
		if strings.HasSuffix(a, ".cfg") || strings.HasPrefix(strings.TrimLeft(a, "-"), "V=") || strings.TrimLeft(a, "-") == "flags" {
			return true
		}
	}
	return false
}

// recordUnmatchedTrust makes a, in a child started by checkTrustInChild,
// write the session's unmatched trust entries to the file after each
// package.
func recordUnmatchedTrust(a *analysis.Analyzer, s *analyzer.Session) {
	file := os.Getenv(trustFileEnv)
	if file == "" {
		return
	}
	var (
		mu   sync.Mutex
		last []string
	)
	run := a.Run
	a.Run = func(pass *analysis.Pass) (any, error) {
		res, err := run(pass)
		mu.Lock()
		defer mu.Unlock()
		if u := s.UnmatchedTrust(); last == nil || !slices.Equal(u, last) {
			last = append([]string{}, u...)
			var b strings.Builder
			for _, e := range u {
				b.WriteString(e + "\n")
			}
			_ = os.WriteFile(file, []byte(b.String()), 0o600) // a lost warning must not fail the run
		}
		return res, err
	}
}
