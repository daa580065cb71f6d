package analyzer

import (
	"fmt"
	"go/types"
	"regexp"
	"slices"
	"strings"
	"sync"
)

// trustList holds the -trust entries: packages and functions whose exits
// the user accepts. A trusted package is not analysed and calls into it
// are not followed; a trusted function neither reports nor propagates.
type trustList struct {
	entries []trustEntry
	// funcs maps a function key ("pkg.T.M" or "pkg.F", see funcKey) to
	// the entries naming it.
	funcs map[string][]int

	mu      sync.Mutex
	matched []bool                  // by entry, across all passes of one analyzer
	visited map[*types.Package]bool // packages see has looked at
}

type trustEntry struct {
	text string
	// pkg matches the entry read as a package pattern. An entry such as
	// "gopkg.in/yaml.v3" also reads as a function (v3 in gopkg.in/yaml);
	// it is both, and matches whichever exists.
	pkg *regexp.Regexp
	fn  string // funcKey of the entry read as a function, or ""
}

// parseTrust parses one entry: a package pattern, "pkg.F", "pkg.(*T).M",
// "pkg.T.M" or "(*pkg.T).M".
func parseTrust(s string) (trustEntry, error) {
	e := trustEntry{text: s}
	if strings.Contains(s, "(") {
		key, err := methodKey(s)
		if err != nil {
			return e, fmt.Errorf("bad trust entry %q: %w", s, err)
		}
		e.fn = key
		return e, nil
	}
	re, err := compilePkgPattern(s)
	if err != nil {
		return e, fmt.Errorf("bad trust entry %q: %w", s, err)
	}
	e.pkg = re
	if strings.Contains(s, "...") {
		return e, nil
	}
	// Read as pkg.F or pkg.T.M: the dots after the last slash.
	slash := strings.LastIndex(s, "/")
	dir, last := s[:slash+1], s[slash+1:]
	parts := strings.Split(last, ".")
	if len(parts) >= 2 && len(parts) <= 3 && allIdents(parts[1:]) {
		e.fn = dir + strings.Join(parts, ".")
	}
	return e, nil
}

// methodKey turns "(*pkg.T).M", "(pkg.T).M", "pkg.(*T).M" and "pkg.(T).M"
// into "pkg.T.M".
func methodKey(s string) (string, error) {
	if strings.HasPrefix(s, "(") {
		q, err := parseQualified(s, true)
		if err != nil {
			return "", err
		}
		return q.pkg + "." + q.recv + "." + q.name, nil
	}
	pkg, rest, ok := strings.Cut(s, ".(")
	recv, name, ok2 := strings.Cut(rest, ").")
	recv = strings.TrimPrefix(recv, "*")
	if !ok || !ok2 || validPkgPath(pkg) != nil || !allIdents([]string{recv, name}) {
		return "", fmt.Errorf(`method form is "pkgpath.(*Type).Method" or "(*pkgpath.Type).Method"`)
	}
	return pkg + "." + recv + "." + name, nil
}

func allIdents(parts []string) bool {
	for _, p := range parts {
		if !identRE.MatchString(p) {
			return false
		}
	}
	return true
}

func compileTrust(list []string) (*trustList, error) {
	t := &trustList{funcs: map[string][]int{}}
	for _, s := range list {
		e, err := parseTrust(s)
		if err != nil {
			return nil, fmt.Errorf("noexit: trust: %w", err)
		}
		if e.fn != "" {
			t.funcs[e.fn] = append(t.funcs[e.fn], len(t.entries))
		}
		t.entries = append(t.entries, e)
	}
	t.matched = make([]bool, len(t.entries))
	t.visited = map[*types.Package]bool{}
	return t, nil
}

// funcKey is "pkg.F" or "pkg.T.M" for a method of T or *T.
func funcKey(fn *types.Func) string {
	if fn.Pkg() == nil {
		return ""
	}
	if recv := fn.Signature().Recv(); recv != nil {
		t := recv.Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		n, ok := types.Unalias(t).(*types.Named)
		if !ok {
			return ""
		}
		return fn.Pkg().Path() + "." + n.Obj().Name() + "." + fn.Name()
	}
	return fn.Pkg().Path() + "." + fn.Name()
}

// pkgTrusted reports whether a package pattern trusts path.
func (t *trustList) pkgTrusted(path string) bool {
	hit := false
	for i, e := range t.entries {
		if e.pkg != nil && e.pkg.MatchString(path) {
			t.mark(i)
			hit = true
		}
	}
	return hit
}

// funcTrusted reports whether fn, or its package, is trusted.
func (t *trustList) funcTrusted(fn *types.Func) bool {
	if len(t.entries) == 0 {
		return false
	}
	hit := fn.Pkg() != nil && t.pkgTrusted(fn.Pkg().Path())
	for _, i := range t.funcs[funcKey(fn)] {
		t.mark(i)
		hit = true
	}
	return hit
}

func (t *trustList) mark(i int) {
	t.mu.Lock()
	t.matched[i] = true
	t.mu.Unlock()
}

// see records the entries that match pkg or a package it imports,
// directly or not, or a function declared there, so that after a run
// unmatched names what matched nothing loaded.
func (t *trustList) see(pkg *types.Package) {
	if len(t.entries) == 0 {
		return
	}
	var visit func(p *types.Package)
	visit = func(p *types.Package) {
		t.mu.Lock()
		done := t.visited[p]
		t.visited[p] = true
		t.mu.Unlock()
		if done {
			return
		}
		t.pkgTrusted(p.Path())
		for i, e := range t.entries {
			if e.fn != "" && strings.HasPrefix(e.fn, p.Path()+".") && declares(p, e.fn[len(p.Path())+1:]) {
				t.mark(i)
			}
		}
		for _, imp := range p.Imports() {
			visit(imp)
		}
	}
	visit(pkg)
}

// declares reports whether p declares "F" or "T.M".
func declares(p *types.Package, name string) bool {
	tname, method, isMethod := strings.Cut(name, ".")
	obj := p.Scope().Lookup(tname)
	if !isMethod {
		_, ok := obj.(*types.Func)
		return ok
	}
	tn, ok := obj.(*types.TypeName)
	if !ok {
		return false
	}
	if n, ok := types.Unalias(tn.Type()).(*types.Named); ok {
		return slices.ContainsFunc(slices.Collect(n.Methods()), func(m *types.Func) bool { return m.Name() == method })
	}
	return false
}

// unmatched lists the entries that matched nothing.
func (t *trustList) unmatched() []string {
	t.mu.Lock()
	defer t.mu.Unlock()
	var out []string
	for i, e := range t.entries {
		if !t.matched[i] {
			out = append(out, e.text)
		}
	}
	return out
}
