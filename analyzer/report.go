package analyzer

import (
	"fmt"
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/noexit-lint/noexit/fix"
)

// report emits, in node and source order, one diagnostic per terminator
// call and per call into another package's may-exit function inside the
// reach of an entry point.
func (g *graph) report() {
	defer g.flush()
	for _, n := range g.nodes {
		if !n.reached {
			continue
		}
		for _, e := range n.edges {
			if !g.counts(e) {
				continue
			}
			switch {
			case e.kind == termCall:
				g.reportTerm(n, e)
			case e.kind == foreignCall && g.set.deps:
				g.reportForeign(n, e)
			}
		}
	}
}

// Have: func Register() { ...; os.Exit(1) }
// Say:  os.Exit ends the process on init path pkg.Register -> os.Exit; ...
func (g *graph) reportTerm(n *node, e *edge) {
	hops := entryPath(n)
	names := pathNames(hops, n)
	names = append(names, e.name)
	msg := fmt.Sprintf("%s %s on init path %s", e.name, verb(e.cat), strings.Join(names, " -> "))
	site := fix.Site{
		Pass:     g.pass,
		File:     n.file,
		Call:     e.call,
		Pos:      e.pos,
		Name:     e.term,
		Category: e.cat,
		Cache:    g.fixes,
	}
	fixes, why := fix.ForTerminator(site)
	if len(fixes) > 0 {
		g.sites[len(g.pending)] = site
	}
	msg += "; " + advice(e.term)
	if why != "" {
		msg += " (" + why + ")"
	}
	g.pending = append(g.pending, analysis.Diagnostic{
		Pos:            e.pos,
		End:            e.end,
		Category:       e.cat,
		Message:        msg,
		SuggestedFixes: fixes,
		Related:        g.related(n, hops, nil),
	})
}

// flush settles the package's fixes together (fix.Cache.Settle): fixes
// that overlap become one, those that would not compile are dropped,
// saying why; then it reports.
func (g *graph) flush() {
	var sites []fix.Site
	var fixes [][]analysis.SuggestedFix
	var idx []int
	for i, d := range g.pending {
		if len(d.SuggestedFixes) > 0 {
			sites = append(sites, g.sites[i])
			fixes = append(fixes, d.SuggestedFixes)
			idx = append(idx, i)
		}
	}
	if len(fixes) > 0 {
		out, why := g.fixes.Settle(g.pass, sites, fixes)
		for j, fs := range out {
			d := &g.pending[idx[j]]
			d.SuggestedFixes = fs
			if len(fs) == 0 && why[j] != "" {
				d.Message += " (" + why[j] + ")"
			}
		}
	}
	for _, d := range g.pending {
		g.pass.Report(d)
	}
}

// Have: func Register() { util.MustIP() }  // util.MustIP may exit
// Say:  util.MustIP may end the process: util.MustIP -> klog.Fatalf (ip.go:9),
// on init path pkg.Register -> util.MustIP; ...
func (g *graph) reportForeign(n *node, e *edge) {
	hops := entryPath(n)
	names := append(pathNames(hops, n), e.name)
	msg := fmt.Sprintf("%s %s: %s, on init path %s; handle the failure there or make it return an error",
		e.name, mayVerb(e.foreign.Cat), e.foreign.path(true), strings.Join(names, " -> "))
	g.pending = append(g.pending, analysis.Diagnostic{
		Pos:      e.pos,
		End:      e.end,
		Category: e.foreign.Cat,
		Message:  msg,
		Related:  g.related(n, hops, e.foreign),
	})
}

// pathNames lists the display names from the entry down to n.
func pathNames(hops []*edge, n *node) []string {
	var names []string
	for _, h := range hops {
		names = append(names, h.from.name)
	}
	return append(names, n.name)
}

// related lists each hop of the path with its own position: the entry's
// declaration, each local call, then each call inside the dependency.
func (g *graph) related(n *node, hops []*edge, foreign *mayExit) []analysis.RelatedInformation {
	entry := n
	if len(hops) > 0 {
		entry = hops[0].from
	}
	rel := []analysis.RelatedInformation{{
		Pos:     entry.pos,
		Message: fmt.Sprintf("init path starts at %s (%s)", entry.name, entry.entry),
	}}
	for _, h := range hops {
		rel = append(rel, analysis.RelatedInformation{
			Pos:     h.pos,
			Message: fmt.Sprintf("%s calls %s", h.from.name, h.name),
		})
	}
	for f := foreign; f != nil && f.Next != nil; f = f.Next {
		pos := f.callPos
		if !pos.IsValid() || g.pass.Fset.Position(pos) != f.Call {
			pos = g.posOf(f.Call) // the fact came from another file set
		}
		if !pos.IsValid() {
			continue
		}
		rel = append(rel, analysis.RelatedInformation{
			Pos:     pos,
			Message: fmt.Sprintf("%s calls %s", f.Func, f.Next.Func),
		})
	}
	return rel
}

// posOf maps a position recorded in another package's fact back into the
// pass's file set. Drivers that load dependencies from source (noexit,
// golangci-lint) have those files. go vet knows other packages from export
// data only, whose stand-in files have one byte a line and end at the last
// line the export data mentions; there, and where the file is missing, the
// position gets a small stand-in file of its own, so that each hop keeps its
// file, line and column.
func (g *graph) posOf(p token.Position) token.Pos {
	if !p.IsValid() {
		return token.NoPos
	}
	if g.files == nil {
		g.files = map[string]*token.File{}
		g.pass.Fset.Iterate(func(f *token.File) bool {
			if _, dup := g.files[f.Name()]; !dup {
				g.files[f.Name()] = f
			}
			return true
		})
	}
	if f := g.files[p.Filename]; f != nil && p.Line <= f.LineCount() {
		start := f.LineStart(p.Line)
		if off := f.Offset(start) + p.Column - 1; off <= f.Size() {
			pos := f.Pos(off)
			if q := f.Position(pos); q.Line == p.Line && q.Column == p.Column {
				return pos
			}
		}
	}
	return standIn(g.pass.Fset, p)
}

// standIn adds a file named p.Filename whose lines 1 to p.Line-1 are one
// byte long and whose last line reaches column p.Column, and returns the
// position of p in it.
func standIn(fset *token.FileSet, p token.Position) token.Pos {
	col := max(p.Column, 1)
	lines := make([]int, p.Line)
	for i := range lines {
		lines[i] = i
	}
	f := fset.AddFile(p.Filename, -1, p.Line-1+col)
	f.SetLines(lines)
	return f.Pos(p.Line - 1 + col - 1)
}

func mayVerb(cat string) string {
	switch cat {
	case catGoexit:
		return "may end the goroutine"
	case catPanicLog:
		return "may panic"
	default:
		return "may end the process"
	}
}
