package analyzer

import (
	"fmt"
	"strings"
)

// checkFailHandler checks the form of a -fail-handler value: a
// package-level function, fully qualified ("example.com/core.Fail"). That
// it is a func(error) is checked where a fix calls it, in the package
// that sees it.
func checkFailHandler(s string) error {
	if s == "" {
		return nil
	}
	if strings.HasPrefix(s, "(") {
		return fmt.Errorf("bad fail handler %q: want a package-level function like example.com/core.Fail, not a method", s)
	}
	q, err := parseQualified(s, false)
	if err != nil {
		return fmt.Errorf("bad fail handler %q: %w", s, err)
	}
	if !identRE.MatchString(q.name) || q.name == "_" {
		return fmt.Errorf("bad fail handler %q: %q is not a function name", s, q.name)
	}
	return nil
}

// failHandlerFlag is the -fail-handler flag: checked as it is parsed, so
// a malformed value stops the command before any loading.
type failHandlerFlag struct{ p *string }

func (f failHandlerFlag) String() string {
	if f.p == nil {
		return ""
	}
	return *f.p
}

func (f failHandlerFlag) Set(v string) error {
	v = strings.TrimSpace(v)
	if err := checkFailHandler(v); err != nil {
		return err
	}
	*f.p = v
	return nil
}
