// Package driver is the noexit command's standalone driver: it parses the
// command line, loads the packages with go/packages, runs the analyzer
// through x/tools' go/analysis/checker, prints the findings, and applies
// or prints the fixes. The go vet and go fix protocol stays with
// singlechecker and unitchecker (see VetInvocation).
package driver

import (
	"errors"
	"flag"
	"fmt"
	"go/token"
	"go/types"
	"io"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/noexit-lint/noexit/analyzer"
	"github.com/noexit-lint/noexit/internal/modfix"
)

// Exit codes of the standalone command, in every mode.
const (
	ExitClean    = 0 // no findings remain
	ExitError    = 1 // bad flags, packages that do not load, failed writes
	ExitFindings = 3 // findings remain
)

// Run is the standalone command: args are the command-line arguments
// without the program name. It returns the exit code.
func Run(args []string, stdout, stderr io.Writer) int {
	var o options
	fs := o.flagSet()
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			usage(stdout, fs)
			return ExitClean
		}
		fmt.Fprintf(stderr, "noexit: %v (noexit -help lists the flags)\n", err)
		return ExitError
	}
	if err := o.check(); err != nil {
		fmt.Fprintf(stderr, "noexit: %v\n", strings.TrimPrefix(err.Error(), "noexit: "))
		return ExitError
	}
	if fs.NArg() == 0 {
		usage(stderr, fs)
		return ExitError
	}
	r := &run{opts: &o, stdout: stdout, stderr: stderr}
	return r.main(fs.Args())
}

// run is one standalone invocation.
type run struct {
	opts           *options
	stdout, stderr io.Writer
	code           int
	listing        *modfix.Listing // -fix-exported: the module's packages
}

func (r *run) fail(format string, args ...any) {
	fmt.Fprintf(r.stderr, "noexit: "+format+"\n", args...)
	r.code = max(r.code, ExitError)
}

func (r *run) main(patterns []string) int {
	pkgs, err := load(patterns, r.opts)
	if err != nil {
		r.fail("%v", err)
		return r.code
	}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			fmt.Fprintln(r.stderr, e)
			r.code = ExitError
		}
	})
	r.warnTerminators(pkgs)
	if r.opts.fixExported {
		// The module-wide fixer needs every package of the module: list
		// them while the analysis runs.
		r.listing = modfix.ListModule(modfix.ModuleDir(pkgs), buildFlags(r.opts))
	}
	a, session := analyzer.NewSession(&r.opts.cfg, r.opts.analyzerOptions()...)
	//noexit:allow x/tools exits only on a broken invariant (an analyzer fact type not registered, an unknown load mode), not on user input
	graph, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil)
	if err != nil {
		r.fail("%v", err)
		return r.code
	}
	for act := range graph.All() {
		if act.Err != nil {
			r.fail("%s: %v", act.Package.ID, act.Err)
		}
	}
	// A -trust entry that matched nothing is most likely a typo.
	for _, entry := range session.UnmatchedTrust() {
		fmt.Fprintf(r.stderr, "noexit: warning: trust entry %q matches no loaded package or function\n", entry)
	}
	switch {
	case r.opts.fix || r.opts.diff:
		r.fixes(graph, pkgs)
	case r.opts.json:
		if err := graph.PrintJSON(r.stdout); err != nil {
			r.fail("%v", err)
		}
		if len(findings(graph)) > 0 {
			r.code = max(r.code, ExitFindings)
		}
	default:
		fs := findings(graph)
		for _, f := range fs {
			f.print(r.stderr, "")
		}
		if len(fs) > 0 {
			r.code = max(r.code, ExitFindings)
		}
	}
	return r.code
}

// load loads the packages with everything the analyzer's facts need. The
// fixed code is not loaded anew: it is checked and analysed again on top
// of this graph (see reanalyze).
func load(patterns []string, o *options) ([]*packages.Package, error) {
	conf := &packages.Config{
		Mode: packages.LoadAllSyntax | packages.NeedModule,
		// The module-wide fixer updates and checks the callers in tests.
		Tests:      o.tests || o.fixExported,
		BuildFlags: buildFlags(o),
	}
	//noexit:allow x/tools exits only on a broken invariant (an unknown load mode), not on user input
	pkgs, err := packages.Load(conf, patterns...)
	if err == nil && len(pkgs) == 0 {
		err = fmt.Errorf("%s matched no packages", strings.Join(patterns, " "))
	}
	return pkgs, err
}

func buildFlags(o *options) []string {
	if o.tags == "" {
		return nil
	}
	return []string{"-tags=" + o.tags}
}

// A finding is one diagnostic of a root package, with the file set that
// places it. The same file in a package and its test variant gives the
// same finding twice, sometimes with different reasons for having no
// fix (the test variant sees the callers in tests); findings keeps one.
type finding struct {
	fset *token.FileSet
	diag analysis.Diagnostic
}

// findings returns the root diagnostics in the checker's print order
// (dependencies first), without duplicates (dedupe).
func findings(g *checker.Graph) []finding {
	var all []finding
	for act := range g.All() {
		if !act.IsRoot || act.Err != nil {
			continue
		}
		for _, d := range act.Diagnostics {
			all = append(all, finding{act.Package.Fset, d})
		}
	}
	return dedupe(all)
}

// dedupe keeps one finding per position, category and message up to its
// "(no automatic fix: ...)": the first, unless a later one has a fix.
func dedupe(all []finding) []finding {
	type key struct {
		pos, end token.Position
		cat, msg string
	}
	at := map[key]int{}
	var out []finding
	for _, f := range all {
		d := f.diag
		msg, _, _ := strings.Cut(d.Message, noFix)
		k := key{f.fset.Position(d.Pos), f.fset.Position(d.End), d.Category, msg}
		if i, ok := at[k]; ok {
			if len(out[i].diag.SuggestedFixes) == 0 && len(d.SuggestedFixes) > 0 {
				out[i] = f
			}
			continue
		}
		at[k] = len(out)
		out = append(out, f)
	}
	return out
}

// noFix starts the part of a message that says why there is no fix.
const noFix = " (no automatic fix: "

// print writes f as the checker's text output does: the diagnostic, then
// each related position indented by a tab, with note appended to the
// message.
func (f finding) print(w io.Writer, note string) {
	fmt.Fprintf(w, "%s: %s%s\n", f.fset.Position(f.diag.Pos), f.diag.Message, note)
	for _, rel := range f.diag.Related {
		fmt.Fprintf(w, "%s: \t%s\n", f.fset.Position(rel.Pos), rel.Message)
	}
}

// warnTerminators warns once about each -terminators entry that names no
// function of any loaded package: a typo must not pass silently.
func (r *run) warnTerminators(pkgs []*packages.Package) {
	if len(r.opts.cfg.Terminators) == 0 {
		return
	}
	known := map[string]bool{}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		if p.Types == nil {
			return
		}
		scope := p.Types.Scope()
		for _, name := range scope.Names() {
			switch obj := scope.Lookup(name).(type) {
			case *types.Func:
				known[obj.FullName()] = true
			case *types.TypeName:
				if named, ok := obj.Type().(*types.Named); ok {
					for i := range named.NumMethods() {
						known[named.Method(i).FullName()] = true
					}
				}
			}
		}
	})
	for _, t := range r.opts.cfg.Terminators {
		if !known[t] {
			fmt.Fprintf(r.stderr, "noexit: warning: -terminators entry %q names no function in any loaded package\n", t)
		}
	}
}
