package driver

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"

	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// fixes applies (-fix) or prints (-diff) the first suggested fix of every
// finding, and prints the findings it could not fix with the reason.
func (r *run) fixes(g *checker.Graph, pkgs []*packages.Package) {
	editable := map[string]bool{}
	importNames := map[string]string{}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, f := range p.GoFiles {
			editable[f] = true
		}
		importNames[p.PkgPath] = p.Name
	})
	set := newEditSet(editable)
	var left []finding
	var notes []string
	fixed := 0
	for _, f := range findings(g) {
		if len(f.diag.SuggestedFixes) == 0 {
			left, notes = append(left, f), append(notes, "")
			continue
		}
		if why := set.add(f.fset, f.diag.SuggestedFixes[0]); why != "" {
			left, notes = append(left, f), append(notes, " (not fixed: "+why+")")
			continue
		}
		fixed++
	}
	olds, news, err := set.apply(importNames)
	if err != nil {
		r.fail("%v", err)
		return
	}
	names := slices.Sorted(func(yield func(string) bool) {
		for n := range news {
			if !yield(n) {
				return
			}
		}
	})
	if r.opts.diff {
		cwd, _ := os.Getwd()
		for _, n := range names {
			if err := Unified(r.stdout, relPath(cwd, n), olds[n], news[n]); err != nil {
				r.fail("%v", err)
			}
		}
	} else {
		for _, n := range names {
			if err := writeFile(n, news[n]); err != nil {
				r.fail("%v", err)
			}
		}
	}
	for i, f := range left {
		f.print(r.stderr, notes[i])
	}
	verb := "fixed"
	if r.opts.diff {
		verb = "would fix"
	}
	if fixed > 0 || len(left) > 0 {
		fmt.Fprintf(r.stderr, "noexit: %s %d of %d findings in %d files; %d not fixed\n", verb, fixed, fixed+len(left), len(names), len(left))
	}
	if len(left) > 0 || r.opts.diff && fixed > 0 {
		r.code = max(r.code, ExitFindings)
	}
}

// relPath is name relative to dir, in slash form, for patch headers.
func relPath(dir, name string) string {
	if rel, err := filepath.Rel(dir, name); err == nil {
		return filepath.ToSlash(rel)
	}
	return filepath.ToSlash(name)
}

// writeFile replaces name's content, keeping its permissions.
func writeFile(name string, data []byte) error {
	info, err := os.Stat(name)
	if err != nil {
		return err
	}
	return os.WriteFile(name, data, info.Mode().Perm())
}
