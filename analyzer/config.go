package analyzer

import (
	"encoding/json"
	"flag"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// Config is the one configuration of noexit. Command-line flags and
// golangci-lint plugin settings both fill it; compile validates it in one
// place. The zero value means "all defaults": nil slices and nil booleans
// select the built-in value, so settings decoded from an empty YAML map and
// an empty flag set behave the same.
type Config struct {
	// Categories to report: terminator families, and defer-skip for
	// exits that skip deferred calls; nil selects exit, fatal-log,
	// flag-exit and defer-skip.
	Categories []string `json:"categories,omitempty"`
	// Terminators adds functions that end the process, fully qualified:
	// "example.com/x.Die", "(*example.com/x.Logger).Fatal".
	Terminators []string `json:"terminators,omitempty"`
	// Entry adds entry-point name patterns: "Register", "New*",
	// "(*T).Start", "T.Run".
	Entry []string `json:"entry,omitempty"`
	// DefaultEntries keeps the default entry points (init, package
	// variable initialisers, exported functions and methods); nil is true.
	DefaultEntries *bool `json:"default-entries,omitempty"`
	// Lifecycle adds interfaces, fully qualified ("example.com/fw.Module"),
	// whose implementers' methods are all entry points.
	Lifecycle []string `json:"lifecycle,omitempty"`
	// Allow adds package patterns where exiting is allowed.
	Allow []string `json:"allow,omitempty"`
	// DefaultAllow keeps the default allowed packages (".../cmd/..." and
	// test-support code); nil is true.
	DefaultAllow *bool `json:"default-allow,omitempty"`
	// Deps selects which calls into other packages' may-exit functions
	// are reported: "module" (the default), "all" or "none".
	Deps DepsMode `json:"deps,omitempty"`
	// Trust lists packages ("github.com/x/y/...") and functions
	// ("example.com/x.(*T).M", "(*example.com/x.T).M") whose exits the
	// user accepts: they are neither reported nor propagated.
	Trust []string `json:"trust,omitempty"`
	// Modeled is the deprecated name of Trust; its entries are trusted.
	Modeled []string `json:"modeled,omitempty"`
	// Baseline names a file of recorded findings that are not reported.
	Baseline string `json:"baseline,omitempty"`
	// WriteBaseline names a file to record the current findings in,
	// instead of reporting them.
	WriteBaseline string `json:"write-baseline,omitempty"`
	// FailHandler names a function func(error) of the user's,
	// "example.com/core.Fail": where an exit sits in a lifecycle method,
	// an interface implementation or a goroutine body that cannot return
	// an error, the fix calls it and returns. "" (the default) offers no
	// such fix.
	FailHandler string `json:"fail-handler,omitempty"`
	// DeferSkipAll makes defer-skip also report exits that skip only
	// calls whose effect the end of the process has too (closing files
	// and sockets, cancel, unlocking, stopping timers, the environment),
	// as go-critic's exitAfterDefer does; nil is false.
	DeferSkipAll *bool `json:"defer-skip-all,omitempty"`
}

// Default values, shown in flag help and the README.
var (
	defaultCategories = []string{catExit, catFatalLog, catFlagExit, catDeferSkip}
	defaultAllow      = []string{
		".../cmd/...",
		// test-support code
		".../test/...", ".../tests/...", ".../e2e/...", ".../testing/...",
		".../testutil/...", ".../testutils/...", ".../testhelpers/...",
	}
	defaultLifecycle = []string{"github.com/kubeedge/beehive/pkg/core.Module"}
)

// RegisterFlags binds the fields of c to flags on fs, with the names the
// plugin settings use. Binding keeps the values c already holds.
func (c *Config) RegisterFlags(fs *flag.FlagSet) {
	fs.Var(&listFlag{&c.Categories, checkCategory}, "categories",
		"comma-separated categories to report: terminator families and "+catDeferSkip+" (exits that skip deferred calls, in any function, main included): "+strings.Join(allCategories, ", ")+
			" (default "+strings.Join(defaultCategories, ",")+")")
	fs.Var(&listFlag{&c.Terminators, checkTerminator}, "terminators",
		"comma-separated extra terminators, fully qualified: example.com/x.Die,(*example.com/x.Logger).Fatal")
	fs.Var(&listFlag{&c.Entry, checkEntry}, "entry",
		"comma-separated extra entry-point name patterns: Register,New*,(*T).Start")
	fs.Var(boolFlag{&c.DefaultEntries}, "default-entries",
		"treat init, package variable initialisers and exported functions and methods as entry points (default true)")
	fs.Var(&listFlag{&c.Lifecycle, checkLifecycle}, "lifecycle",
		"comma-separated extra lifecycle interfaces, fully qualified; every method of an implementer is an entry point (always includes "+
			strings.Join(defaultLifecycle, ",")+")")
	fs.Var(&listFlag{&c.Allow, checkPkgPattern}, "allow",
		"comma-separated package patterns where exiting is allowed, in addition to the defaults")
	fs.Var(boolFlag{&c.DefaultAllow}, "default-allow",
		"allow exiting in "+strings.Join(defaultAllow, ",")+" (default true)")
	fs.Var(&c.Deps, "deps",
		"which calls into other packages' functions that may end the process to report: "+
			"module (every call whose exit lies in this module; once per package and exit site otherwise), all, none; true=all, false=none (default module)")
	fs.Var(&listFlag{&c.Trust, checkTrust}, "trust",
		"comma-separated packages (example.com/x/...) and functions (example.com/x.(*T).M) whose exits are accepted: neither reported nor propagated")
	fs.Var(&listFlag{&c.Modeled, checkTrust}, "modeled",
		"deprecated: use -trust")
	fs.StringVar(&c.Baseline, "baseline", c.Baseline,
		"file of recorded findings not to report (written by -write-baseline); a relative path is resolved against the module root")
	fs.StringVar(&c.WriteBaseline, "write-baseline", c.WriteBaseline,
		"record the current findings in this file instead of reporting them; a relative path is resolved against the module root")
	fs.Var(boolFlag{&c.DeferSkipAll}, "defer-skip-all",
		"defer-skip: also report exits that skip only cleanup the end of the process does too (closing files and sockets, cancel, unlocking, timers, the environment), as go-critic's exitAfterDefer does (default false)")
	fs.Var(failHandlerFlag{&c.FailHandler}, "fail-handler",
		"a function func(error), fully qualified (example.com/core.Fail): fix exits in lifecycle methods, interface implementations and goroutines by calling it and returning; changes behaviour: the process no longer ends there")
}

// Clone returns a copy of c that shares no memory with it.
func (c Config) Clone() Config {
	c.Categories = slices.Clone(c.Categories)
	c.Terminators = slices.Clone(c.Terminators)
	c.Entry = slices.Clone(c.Entry)
	c.Lifecycle = slices.Clone(c.Lifecycle)
	c.Allow = slices.Clone(c.Allow)
	c.Trust = slices.Clone(c.Trust)
	c.Modeled = slices.Clone(c.Modeled)
	c.DefaultEntries = clonePtr(c.DefaultEntries)
	c.DefaultAllow = clonePtr(c.DefaultAllow)
	c.DeferSkipAll = clonePtr(c.DeferSkipAll)
	return c
}

func clonePtr[T any](p *T) *T {
	if p == nil {
		return nil
	}
	v := *p
	return &v
}

// settings is a validated, compiled Config.
type settings struct {
	categories   map[string]bool
	terminators  map[string]string // FullName -> category, extras included
	entries      []entryPattern
	defaults     bool
	lifecycle    []qualifiedName
	allow        []*regexp.Regexp
	deps         DepsMode
	modeled      []*regexp.Regexp
	trust        *trustList
	baseline     *baseline // nil without -baseline
	writeTo      string    // -write-baseline
	failHandler  string    // -fail-handler, checked; "" for none
	deferSkipAll bool      // -defer-skip-all
	// singleFileFixes and allowedCobra come from Options, not from Config.
	singleFileFixes bool
	allowedCobra    bool
}

// compile validates c and returns its compiled form. Every error names the
// offending setting and value.
func (c *Config) compile() (*settings, error) {
	s := &settings{
		categories:   map[string]bool{},
		terminators:  map[string]string{},
		defaults:     c.DefaultEntries == nil || *c.DefaultEntries,
		deps:         c.Deps.mode(),
		writeTo:      c.WriteBaseline,
		deferSkipAll: c.DeferSkipAll != nil && *c.DeferSkipAll,
	}
	if err := c.Deps.check(); err != nil {
		return nil, fmt.Errorf("noexit: deps: %w", err)
	}
	cats := c.Categories
	if cats == nil {
		cats = defaultCategories
	}
	for _, cat := range cats {
		if err := checkCategory(cat); err != nil {
			return nil, fmt.Errorf("noexit: categories: %w", err)
		}
		s.categories[cat] = true
	}
	for name, cat := range terminatorCatalogue {
		if s.categories[cat] {
			s.terminators[name] = cat
		}
	}
	for _, t := range c.Terminators {
		if err := checkTerminator(t); err != nil {
			return nil, fmt.Errorf("noexit: terminators: %w", err)
		}
		s.terminators[t] = catUser
	}
	for _, e := range c.Entry {
		p, err := parseEntryPattern(e)
		if err != nil {
			return nil, fmt.Errorf("noexit: entry: bad entry pattern %q: %w", e, err)
		}
		s.entries = append(s.entries, p)
	}
	for _, l := range append(slices.Clone(defaultLifecycle), c.Lifecycle...) {
		q, err := parseQualified(l, false)
		if err != nil {
			return nil, fmt.Errorf("noexit: lifecycle: bad lifecycle interface %q: %w", l, err)
		}
		s.lifecycle = append(s.lifecycle, q)
	}
	allow := c.Allow
	if c.DefaultAllow == nil || *c.DefaultAllow {
		allow = append(slices.Clone(defaultAllow), allow...)
	}
	var err error
	if s.allow, err = compilePkgPatterns("allow", allow); err != nil {
		return nil, err
	}
	if s.modeled, err = compilePkgPatterns("modeled", modeledModules); err != nil {
		return nil, err
	}
	for _, m := range c.Modeled {
		if err := checkTrust(m); err != nil {
			return nil, fmt.Errorf("noexit: modeled: %w", err)
		}
	}
	if s.trust, err = compileTrust(append(slices.Clone(c.Trust), c.Modeled...)); err != nil {
		return nil, err
	}
	if err := checkFailHandler(c.FailHandler); err != nil {
		return nil, fmt.Errorf("noexit: fail-handler: %w", err)
	}
	s.failHandler = c.FailHandler
	if c.Baseline != "" && c.WriteBaseline == "" {
		s.baseline = &baseline{path: c.Baseline, files: map[string]map[string]bool{}}
	}
	return s, nil
}

// listFlag is a comma-separated list whose elements are checked as the
// flag is parsed, so a bad value stops the command before any loading.
// Setting it to "" yields an empty, non-nil list, which replaces a default.
type listFlag struct {
	p     *[]string
	check func(string) error
}

func (l *listFlag) String() string {
	if l == nil || l.p == nil {
		return ""
	}
	return strings.Join(*l.p, ",")
}

func (l *listFlag) Set(v string) error {
	list := []string{}
	for _, part := range strings.Split(v, ",") {
		if part = strings.TrimSpace(part); part == "" {
			continue
		}
		if err := l.check(part); err != nil {
			return err
		}
		list = append(list, part)
	}
	*l.p = list
	return nil
}

// Checks of single values, shared by the flags and compile.

func checkCategory(s string) error {
	if !slices.Contains(allCategories, s) {
		return fmt.Errorf("unknown category %q (known: %s)", s, strings.Join(allCategories, ", "))
	}
	return nil
}

func checkTerminator(s string) error {
	if _, err := parseQualified(s, true); err != nil {
		return fmt.Errorf("bad terminator %q: %w", s, err)
	}
	return nil
}

func checkEntry(s string) error {
	if _, err := parseEntryPattern(s); err != nil {
		return fmt.Errorf("bad entry pattern %q: %w", s, err)
	}
	return nil
}

func checkLifecycle(s string) error {
	if _, err := parseQualified(s, false); err != nil {
		return fmt.Errorf("bad lifecycle interface %q: %w", s, err)
	}
	return nil
}

func checkTrust(s string) error {
	_, err := parseTrust(s)
	return err
}

func checkPkgPattern(s string) error {
	_, err := compilePkgPattern(s)
	return err
}

// boolFlag is a tri-state boolean: nil means "default".
type boolFlag struct{ p **bool }

func (b boolFlag) String() string {
	if b.p == nil || *b.p == nil {
		return ""
	}
	return strconv.FormatBool(**b.p)
}

func (b boolFlag) Set(v string) error {
	x, err := strconv.ParseBool(v)
	if err != nil {
		return fmt.Errorf("want true or false")
	}
	*b.p = &x
	return nil
}

func (b boolFlag) IsBoolFlag() bool { return true }

// Validate reports the first bad value in c, naming the setting and value.
func (c *Config) Validate() error {
	_, err := c.compile()
	return err
}

// DepsMode says which calls into other packages' may-exit functions are
// reported: "module", "all" or "none"; "" is "module", and "true" and
// "false" are kept as "all" and "none". In YAML and JSON it is a string
// or a boolean.
type DepsMode string

// The -deps modes.
const (
	DepsModule DepsMode = "module"
	DepsAll    DepsMode = "all"
	DepsNone   DepsMode = "none"
)

func (d DepsMode) mode() DepsMode {
	switch d {
	case "", DepsModule:
		return DepsModule
	case "true", DepsAll:
		return DepsAll
	case "false", DepsNone:
		return DepsNone
	}
	return d
}

func (d DepsMode) check() error {
	switch d.mode() {
	case DepsModule, DepsAll, DepsNone:
		return nil
	}
	return fmt.Errorf("unknown mode %q (want module, all or none)", string(d))
}

// String returns the mode as set, for flag help.
func (d *DepsMode) String() string {
	if d == nil {
		return ""
	}
	return string(*d)
}

// Set checks and sets the mode, for flag parsing.
func (d *DepsMode) Set(v string) error {
	if err := DepsMode(v).check(); err != nil {
		return err
	}
	*d = DepsMode(v)
	return nil
}

// IsBoolFlag lets a bare -deps mean -deps=true, as before.
func (d *DepsMode) IsBoolFlag() bool { return true }

// UnmarshalJSON accepts a mode name or a boolean.
func (d *DepsMode) UnmarshalJSON(b []byte) error {
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	switch v := v.(type) {
	case bool:
		*d = DepsMode(strconv.FormatBool(v))
	case string:
		*d = DepsMode(v)
	default:
		return fmt.Errorf("deps: want module, all, none, true or false, not %s", b)
	}
	if err := d.check(); err != nil {
		return fmt.Errorf("deps: %w", err)
	}
	return nil
}
