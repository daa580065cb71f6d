package driver

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/noexit-lint/noexit/analyzer"
	"github.com/noexit-lint/noexit/internal/modfix"
	"github.com/noexit-lint/noexit/internal/recheck"
)

// fixes applies (-fix) or prints (-diff) the first suggested fix of every
// finding, then, with -fix-exported, the module-wide fixes; it prints the
// findings that remain, with the reason they were not fixed.
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
	all := findings(g)
	var cobra *cobraUses         // built at the first cobra fix
	notes := map[string]string{} // finding key -> why it was not fixed
	var unfixed []modfix.Finding
	var unfixedKeys []string
	fixed := 0
	for _, f := range all {
		switch {
		case len(f.diag.SuggestedFixes) == 0:
			unfixed = append(unfixed, modfix.Finding{Fset: f.fset, Diag: f.diag})
			unfixedKeys = append(unfixedKeys, f.key())
		default:
			if field := runToRunE(f.diag.SuggestedFixes[0]); field != "" {
				if cobra == nil {
					cobra = newCobraUses(pkgs)
				}
				if why := cobra.refusal(f.fset.Position(f.diag.Pos).Filename, field); why != "" {
					notes[f.key()] = " (not fixed: " + why + ")"
					continue
				}
			}
			if why := set.add(f.fset, f.diag.SuggestedFixes[0]); why != "" {
				notes[f.key()] = " (not fixed: " + why + ")"
				continue
			}
			fixed++
		}
	}
	if r.opts.fixExported && len(unfixed) > 0 {
		// What the analysis left behind is garbage: collect it before the
		// module-wide fixer loads other platforms, so that the heap does
		// not grow to twice the loaded graph (peak memory is what a CI
		// runner limits).
		runtime.GC()
		policy, err := r.opts.cfg.Policy()
		if err != nil {
			r.fail("%v", err)
			return
		}
		res := modfix.Plan(pkgs, unfixed, modfix.Options{
			Policy:     policy,
			BuildFlags: buildFlags(r.opts),
			Listing:    r.listing,
			Trial: func(e modfix.Edits) (map[string][]byte, string) {
				trial := set.clone()
				if why := trial.addEdits(convert(e)); why != "" {
					return nil, why
				}
				_, news, err := trial.apply(importNames)
				if err != nil {
					return nil, err.Error()
				}
				return news, ""
			},
			Accept: func(e modfix.Edits) { set.addEdits(convert(e)) },
		})
		fixed += len(res.Fixed)
		for i, why := range res.Refused {
			notes[unfixedKeys[i]] = " (" + why + ")"
		}
	}
	olds, news, err := set.apply(importNames)
	if err != nil {
		r.fail("%v", err)
		return
	}
	names := slices.Sorted(maps.Keys(news))
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
	var left []finding
	if len(news) > 0 {
		// What remains is what the analyzer still finds in the fixed code
		// (in memory under -diff): a call into a function whose exit was
		// fixed is no longer a finding.
		runtime.GC() // the module-wide fixer's graphs of other platforms are garbage now
		if left, err = r.reanalyze(pkgs, news); err != nil {
			r.fail("checking the fixed code: %v", err)
			return
		}
	} else {
		left = slices.DeleteFunc(slices.Clone(all), func(f finding) bool { return len(f.diag.SuggestedFixes) > 0 && notes[f.key()] == "" })
	}
	for _, f := range left {
		f.print(r.stderr, notes[f.key()])
	}
	verb := "fixed"
	if r.opts.diff {
		verb = "would fix"
	}
	if fixed > 0 || len(left) > 0 {
		fmt.Fprintf(r.stderr, "noexit: %s %s in %s; %d remain\n", verb, plural(fixed, "finding"), plural(len(names), "file"), len(left))
	}
	if len(left) > 0 || r.opts.diff && fixed > 0 {
		r.code = max(r.code, ExitFindings)
	}
}

// reanalyze runs the analyzer again on pkgs with overlay in place. Only
// the packages that the overlay changes, and their importers, are
// type-checked again; the rest of the loaded graph is shared.
func (r *run) reanalyze(pkgs []*packages.Package, overlay map[string][]byte) ([]finding, error) {
	roots, changed := recheck.Overlay(pkgs, overlay, true)
	if errs := recheck.Errors(changed); len(errs) > 0 {
		return nil, fmt.Errorf("the fixed code does not type-check: %s", strings.Join(errs, "; "))
	}
	a := analyzer.New(&r.opts.cfg, r.opts.analyzerOptions()...)
	//noexit:allow x/tools exits only on a broken invariant (an analyzer fact type not registered, an unknown load mode), not on user input
	g, err := checker.Analyze([]*analysis.Analyzer{a}, roots, nil)
	if err != nil {
		return nil, err
	}
	return findings(g), nil
}

// key identifies a finding across a fix that moves lines: its file and
// message, with the numbers of function literals ("F.func2") left out,
// since a fix that rewrites one literal of a function renumbers the
// others.
func (f finding) key() string {
	return f.fset.Position(f.diag.Pos).Filename + "\x00" + litNumber.ReplaceAllString(f.diag.Message, ".func")
}

var litNumber = regexp.MustCompile(`\.func[0-9]+(\.[0-9]+)*\b`)

func convert(e modfix.Edits) map[string][]edit {
	out := map[string][]edit{}
	for name, es := range e {
		for _, x := range es {
			out[name] = append(out[name], edit{x.Start, x.End, x.New})
		}
	}
	return out
}

func (s *editSet) clone() *editSet {
	c := newEditSet(s.editable)
	for n, es := range s.files {
		c.files[n] = slices.Clone(es)
	}
	return c
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

// plural counts things in words: "1 finding", "3 findings".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
