package analyzer

// A Policy is a compiled Config's answer to the questions that other
// parts of noexit ask of the settings (the module-wide fixer: may this
// package exit?), so that every part decides them in exactly the same way
// as the analyzer does.
type Policy struct{ set *settings }

// Policy validates and compiles c.
func (c *Config) Policy() (*Policy, error) {
	set, err := c.compile()
	if err != nil {
		return nil, err
	}
	return &Policy{set}, nil
}

// Allowed reports whether exiting is the program's own decision in the
// package with this import path and name: package main, a package that an
// allow pattern matches (the defaults, .../cmd/... and test-support code,
// unless -default-allow=false, and the user's -allow patterns), or a
// trusted package. The analyzer reports nothing in such a package.
func (p *Policy) Allowed(pkgPath, pkgName string) bool {
	return allowed(p.set, pkgPath, pkgName)
}

func allowed(set *settings, pkgPath, pkgName string) bool {
	return pkgName == "main" || matchAny(set.allow, pkgPath) || set.trust.pkgTrusted(pkgPath)
}
