package analyzer

import (
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
	// Categories of terminators to report; nil selects
	// exit, fatal-log and flag-exit.
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
	// Allow replaces the package patterns where exiting is allowed; nil
	// selects ".../cmd/...".
	Allow []string `json:"allow,omitempty"`
	// Deps reports calls into other packages' may-exit functions; nil is
	// true.
	Deps *bool `json:"deps,omitempty"`
	// Modeled adds package patterns whose exits are only the catalogued
	// ones (never inferred from their bodies).
	Modeled []string `json:"modeled,omitempty"`
}

// Default values, shown in flag help and the README.
var (
	defaultCategories = []string{catExit, catFatalLog, catFlagExit}
	defaultAllow      = []string{".../cmd/..."}
	defaultLifecycle  = []string{"github.com/kubeedge/beehive/pkg/core.Module"}
)

// RegisterFlags binds the fields of c to flags on fs, with the names the
// plugin settings use.
func (c *Config) RegisterFlags(fs *flag.FlagSet) {
	fs.Var(&listFlag{&c.Categories, checkCategory}, "categories",
		"comma-separated terminator categories to report: "+strings.Join(allCategories, ", ")+
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
		"comma-separated package patterns where exiting is allowed; replaces the default "+strings.Join(defaultAllow, ",")+
			" (an empty value allows none)")
	fs.Var(boolFlag{&c.Deps}, "deps",
		"report calls into other packages' functions that may end the process (default true)")
	fs.Var(&listFlag{&c.Modeled, checkPkgPattern}, "modeled",
		"comma-separated extra package patterns whose exits are only the catalogued terminators, never inferred")
}

// settings is a validated, compiled Config.
type settings struct {
	categories  map[string]bool
	terminators map[string]string // FullName -> category, extras included
	entries     []entryPattern
	defaults    bool
	lifecycle   []qualifiedName
	allow       []*regexp.Regexp
	deps        bool
	modeled     []*regexp.Regexp
	// singleFileFixes comes from an Option, not from Config.
	singleFileFixes bool
}

// compile validates c and returns its compiled form. Every error names the
// offending setting and value.
func (c *Config) compile() (*settings, error) {
	s := &settings{
		categories:  map[string]bool{},
		terminators: map[string]string{},
		defaults:    c.DefaultEntries == nil || *c.DefaultEntries,
		deps:        c.Deps == nil || *c.Deps,
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
	for name, cat := range catalogue {
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
	if allow == nil {
		allow = defaultAllow
	}
	var err error
	if s.allow, err = compilePkgPatterns("allow", allow); err != nil {
		return nil, err
	}
	if s.modeled, err = compilePkgPatterns("modeled", append(slices.Clone(modeledModules), c.Modeled...)); err != nil {
		return nil, err
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
