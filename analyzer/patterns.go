package analyzer

import (
	"fmt"
	"path"
	"regexp"
	"strings"
)

// qualifiedName is "pkgpath.Name" or, for methods, "(*pkgpath.T).Name".
type qualifiedName struct {
	pkg, recv, name string
	ptr             bool
}

var identRE = regexp.MustCompile(`^[\pL_][\pL\pN_]*$`)

// parseQualified parses a fully qualified function or type name as printed
// by types.Func.FullName. Methods are accepted only if allowMethod.
func parseQualified(s string, allowMethod bool) (qualifiedName, error) {
	var q qualifiedName
	rest := s
	if strings.HasPrefix(s, "(") {
		if !allowMethod {
			return q, fmt.Errorf("want a package-level name like example.com/pkg.Name")
		}
		end := strings.Index(s, ").")
		if end < 0 {
			return q, fmt.Errorf(`method form is "(*pkgpath.Type).Method"`)
		}
		recv := s[1:end]
		q.ptr = strings.HasPrefix(recv, "*")
		recv = strings.TrimPrefix(recv, "*")
		dot := strings.LastIndex(recv, ".")
		if dot <= 0 || !identRE.MatchString(recv[dot+1:]) {
			return q, fmt.Errorf(`method form is "(*pkgpath.Type).Method"`)
		}
		q.pkg, q.recv = recv[:dot], recv[dot+1:]
		rest = s[end+2:]
		if !identRE.MatchString(rest) {
			return q, fmt.Errorf("method name %q is not an identifier", rest)
		}
		q.name = rest
		return q, validPkgPath(q.pkg)
	}
	dot := strings.LastIndex(rest, ".")
	if dot <= 0 || !identRE.MatchString(rest[dot+1:]) {
		return q, fmt.Errorf("want a fully qualified name like example.com/pkg.Name")
	}
	q.pkg, q.name = rest[:dot], rest[dot+1:]
	return q, validPkgPath(q.pkg)
}

func validPkgPath(p string) error {
	if p == "" || strings.ContainsAny(p, " \t()*") || strings.HasPrefix(p, "/") || strings.HasSuffix(p, "/") || strings.Contains(p, "//") {
		return fmt.Errorf("%q is not an import path", p)
	}
	return nil
}

// entryPattern matches functions ("Register", "New*") or methods
// ("(*T).Start", "T.Start", "(T).*") by name, with path.Match globs.
type entryPattern struct {
	recv   string // "" for package-level functions
	name   string
	method bool
}

func parseEntryPattern(s string) (entryPattern, error) {
	var p entryPattern
	if s == "" {
		return p, fmt.Errorf("empty pattern")
	}
	recv, name := "", s
	if strings.HasPrefix(s, "(") {
		end := strings.Index(s, ").")
		if end < 0 {
			return p, fmt.Errorf(`method pattern is "(*T).Name" or "T.Name"`)
		}
		recv, name = strings.TrimPrefix(s[1:end], "*"), s[end+2:]
		p.method = true
	} else if r, n, ok := strings.Cut(s, "."); ok {
		recv, name = r, n
		p.method = true
	}
	for _, part := range []string{recv, name} {
		if strings.ContainsAny(part, "()*./ ") && strings.Trim(part, "*?[]^-\\"+identChars) != "" {
			return p, fmt.Errorf("%q is not a name or glob", part)
		}
		if _, err := path.Match(part, ""); err != nil {
			return p, fmt.Errorf("%q: %w", part, err)
		}
	}
	if p.method && (recv == "" || name == "") {
		return p, fmt.Errorf(`method pattern is "(*T).Name" or "T.Name"`)
	}
	p.recv, p.name = recv, name
	return p, nil
}

const identChars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_"

func (p entryPattern) match(recv, name string) bool {
	if p.method != (recv != "") {
		return false
	}
	if ok, _ := path.Match(p.name, name); !ok {
		return false
	}
	if p.method {
		ok, _ := path.Match(p.recv, recv)
		return ok
	}
	return true
}

// compilePkgPatterns compiles go-command style package patterns, where
// "..." matches any string (".../cmd/..." matches "a/cmd" and "a/cmd/b").
func compilePkgPatterns(setting string, pats []string) ([]*regexp.Regexp, error) {
	var res []*regexp.Regexp
	for _, p := range pats {
		if p == "" {
			continue
		}
		re, err := compilePkgPattern(p)
		if err != nil {
			return nil, fmt.Errorf("noexit: %s: %w", setting, err)
		}
		res = append(res, re)
	}
	return res, nil
}

func compilePkgPattern(p string) (*regexp.Regexp, error) {
	if strings.ContainsAny(p, " \t\\") || strings.Contains(p, "//") || strings.HasPrefix(p, "/") {
		return nil, fmt.Errorf("bad package pattern %q: not an import path pattern", p)
	}
	re := regexp.QuoteMeta(p)
	re = strings.ReplaceAll(re, `\.\.\.`, `.*`)
	// As in the go command, "x/..." also matches "x".
	if strings.HasSuffix(re, `/.*`) {
		re = strings.TrimSuffix(re, `/.*`) + `(/.*)?`
	}
	return regexp.Compile("^" + re + "$")
}

func matchAny(res []*regexp.Regexp, s string) bool {
	for _, re := range res {
		if re.MatchString(s) {
			return true
		}
	}
	return false
}
