package analyzer

import (
	"cmp"
	"fmt"
	"go/token"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/noexit-lint/noexit/internal/fix"
)

// report emits, in node and source order, one diagnostic per terminator
// call and per call into another package's may-exit function inside the
// reach of an entry point. With -deps=module, calls whose exit lies in
// another module are reported once per package and exit site, at the
// first such call.
func (g *graph) report() {
	groups := g.thirdPartyGroups()
	for _, n := range g.nodes {
		if !n.reached || n.generated {
			continue
		}
		for _, e := range inSourceOrder(n.edges) {
			// A stored terminator is a callback of its own: report it.
			if !g.counts(e) && (!e.stored || e.kind == localCall || e.allowed) {
				continue
			}
			switch {
			case e.kind == termCall:
				g.reportTerm(n, e)
			case e.kind == foreignCall && g.set.deps == DepsAll:
				g.reportForeign(n, e, nil)
			case e.kind == foreignCall && g.set.deps == DepsModule:
				gr := groups[e]
				if gr == nil || gr.first == e {
					g.reportForeign(n, e, gr)
				}
			}
		}
	}
}

// inSourceOrder returns edges sorted by position. The walk records the
// outer call of a chain first: x.A().B() yields B, then A.
func inSourceOrder(edges []*edge) []*edge {
	if slices.IsSortedFunc(edges, byPos) {
		return edges
	}
	return slices.SortedStableFunc(slices.Values(edges), byPos)
}

func byPos(a, b *edge) int { return cmp.Compare(a.pos, b.pos) }

// A group is the calls of one package whose chains end at the same exit
// site in another module.
type group struct {
	first *edge
	count int
}

// thirdPartyGroups groups the reached calls into another module's
// may-exit functions by exit site. Calls whose module is unknown on
// either side are not grouped: each is reported.
func (g *graph) thirdPartyGroups() map[*edge]*group {
	if g.set.deps != DepsModule || g.module == "" {
		return nil
	}
	own, _, _ := strings.Cut(g.module, "@")
	res := map[*edge]*group{}
	byKey := map[string]*group{}
	for _, n := range g.nodes {
		if !n.reached {
			continue
		}
		for _, e := range inSourceOrder(n.edges) {
			if e.kind != foreignCall || !g.counts(e) || e.foreign.Mod == "" || e.foreign.modulePath() == own {
				continue
			}
			key := siteKey(e.foreign)
			gr := byKey[key]
			if gr == nil {
				gr = &group{first: e}
				byKey[key] = gr
			}
			gr.count++
			res[e] = gr
		}
	}
	return res
}

// siteKey identifies an exit site: the call to the terminator, its
// position and its module.
func siteKey(f *mayExit) string {
	site := f.exitSite()
	return f.Mod + " " + site.Func + " " + site.Call.String() + " " + f.terminal().Func
}

// Have: func Register() { ...; os.Exit(1) }
// Say:  os.Exit ends the process, reached from exported pkg.Register -> os.Exit; ...
func (g *graph) reportTerm(n *node, e *edge) {
	hops := entryPath(n)
	msg := fmt.Sprintf("%s %s, reached from %s", e.name, verb(e.cat), g.pathText(hops, n, e.name)) + callbackNote(n, e)
	site := fix.Site{
		Unit:     g.unit,
		File:     n.file,
		Call:     e.call,
		Pos:      e.pos,
		Name:     e.term,
		Category: e.cat,
		Cache:    g.fixes,
	}
	fixes, why := fix.ForTerminator(site)
	msg += "; " + advice(e.term)
	if why != nil {
		msg += " (" + why.Say("automatic") + ")"
	}
	g.pending = append(g.pending, finding{
		Diagnostic: analysis.Diagnostic{
			Pos:            e.pos,
			End:            e.end,
			Category:       e.cat,
			Message:        msg,
			SuggestedFixes: fixes,
			Related:        g.related(n, hops, nil),
		},
		fn:     n.name,
		callee: e.term,
		site:   site,
	})
}

// A finding is a diagnostic with its baseline identity: the enclosing
// function and the terminator or callee ("*" and the exit site for a
// call into another module's exit site).
type finding struct {
	analysis.Diagnostic
	fn, callee string
	site       fix.Site // of a terminator's fix, for flush to settle
	// checked: the fix was verified on its own and is not settled
	// with the package's other fixes (the main -> run fix).
	checked bool
}

// flush drops the findings a baseline records (or records them, with
// -write-baseline), settles the package's remaining fixes together
// (fix.Cache.Settle: fixes that overlap become one, those that would not
// compile are dropped, saying why) and reports.
func (g *graph) flush() error {
	keys := baselineKeys(g.pass.Pkg.Path(), g.pending)
	if g.set.writeTo != "" {
		if !writesBaseline(g.pass) {
			return nil
		}
		return writeBaseline(g.set.resolve(g.pass, g.set.writeTo), g.pass.Pkg.Path(), keys)
	}
	if g.set.baseline != nil && len(g.pending) > 0 && writesBaseline(g.pass) {
		known, err := g.set.baseline.load(g.set.resolve(g.pass, g.set.baseline.path))
		if err != nil {
			return err
		}
		var kept []finding
		for i, f := range g.pending {
			if !known[keys[i]] {
				kept = append(kept, f)
			}
		}
		g.pending = kept
	}
	var sites []fix.Site
	var fixes [][]analysis.SuggestedFix
	var idx []int
	for i, d := range g.pending {
		if len(d.SuggestedFixes) > 0 && !d.checked {
			sites = append(sites, d.site)
			fixes = append(fixes, d.SuggestedFixes)
			idx = append(idx, i)
		}
	}
	if len(fixes) > 0 {
		out, why := g.fixes.Settle(g.unit, sites, fixes)
		for j, fs := range out {
			d := &g.pending[idx[j]]
			d.SuggestedFixes = fs
			if len(fs) == 0 && why[j] != nil {
				d.Message += " (" + why[j].Say("automatic") + ")"
			}
		}
	}
	for _, d := range g.pending {
		g.pass.Report(d.Diagnostic)
	}
	return nil
}

// Have: func Register() { util.MustIP() }  // util.MustIP may exit
// Say:  util.MustIP may end the process: util.MustIP -> klog.Fatalf (ip.go:9),
// reached from exported pkg.Register -> util.MustIP; ...
// A call into another module's exit site (gr != nil) also names the module
// and the number of other calls in the package that reach the same site.
func (g *graph) reportForeign(n *node, e *edge, gr *group) {
	hops := entryPath(n)
	chain := elide(hopTexts(e.foreign))
	if gr != nil {
		chain += " in " + e.foreign.Mod
	}
	msg := fmt.Sprintf("%s %s: %s, reached from %s%s", e.name, mayVerb(e.foreign.Cat), chain, g.pathText(hops, n, e.name), callbackNote(n, e))
	f := finding{
		Diagnostic: analysis.Diagnostic{
			Pos:      e.pos,
			End:      e.end,
			Category: e.foreign.Cat,
			Related:  g.related(n, hops, e.foreign),
		},
		fn:     n.name,
		callee: e.name,
	}
	if gr == nil {
		msg += "; handle the failure there or make it return an error"
	} else {
		msg += moreCalls(gr.count-1) + "; handle the failure there, or accept it with -trust"
		site := e.foreign.exitSite()
		f.fn, f.callee = "*", site.Func+" -> "+site.Next.Func+" in "+e.foreign.modulePath()
	}
	f.Message = msg
	g.pending = append(g.pending, f)
}

// moreCalls counts the other calls of a group for a message.
func moreCalls(n int) string {
	switch {
	case n == 1:
		return "; 1 more call in this package reaches this exit"
	case n > 1:
		return fmt.Sprintf("; %d more calls in this package reach this exit", n)
	}
	return ""
}

// pathText renders the path from n's entry to callee for a message, the
// entry named by its kind: "exported pkg.F -> pkg.g -> os.Exit".
func (g *graph) pathText(hops []*edge, n *node, callee string) string {
	names := append(pathNames(hops, n), callee)
	entry := n
	if len(hops) > 0 {
		entry = hops[0].from
	}
	names[0] = entryPhrase(entry)
	return elide(names)
}

// entryPhrase says what kind of entry n is, with its name: "exported
// pkg.F", "init", "core.Module method (*pkg.hub).Start".
func entryPhrase(n *node) string {
	switch kind := n.entry; {
	case kind == "init function":
		return "init"
	case kind == "package variable initialiser":
		return "the initialiser of " + strings.TrimPrefix(n.name, "var ")
	case kind == "exported function", kind == "exported method":
		return "exported " + n.name
	case strings.HasPrefix(kind, "exported method promoted to "):
		return "exported " + n.name + " (promoted to " + strings.TrimPrefix(kind, "exported method promoted to ") + ")"
	case strings.HasPrefix(kind, "method of a ") && strings.Contains(kind, " implementer"):
		// "method of a core.Module implementer[, promoted as (*pkg.T).M]"
		iface, promoted, _ := strings.Cut(strings.TrimPrefix(kind, "method of a "), " implementer")
		phrase := iface + " method " + n.name
		if as, ok := strings.CutPrefix(promoted, ", promoted as "); ok {
			phrase += " (promoted as " + as + ")"
		}
		return phrase
	case strings.HasPrefix(kind, "matches entry pattern "):
		return n.name + " (-entry " + strings.TrimPrefix(kind, "matches entry pattern ") + ")"
	case kind == "":
		return n.name
	default:
		return n.name + " (" + kind + ")"
	}
}

// maxHops is the most names a path shows in a message; longer paths keep
// the first three and the last two. Related information and -json have
// every hop.
const maxHops = 6

// elide joins names with " -> ", eliding the middle of a long path:
// "a -> b -> c -> … 4 more … -> h -> i".
func elide(names []string) string {
	if len(names) > maxHops {
		more := fmt.Sprintf("… %d more …", len(names)-5)
		names = append(append(names[:3:3], more), names[len(names)-2:]...)
	}
	return strings.Join(names, " -> ")
}

// hopTexts lists the hops of a fact with the position of each call:
// "util.MustIP", "util.die (util.go:12)", "os.Exit (util.go:19)".
func hopTexts(f *mayExit) []string {
	texts := []string{f.Func}
	for h := f; h.Next != nil; h = h.Next {
		t := h.Next.Func
		if h.Call.IsValid() {
			t += " (" + shortPos(h.Call) + ")"
		}
		texts = append(texts, t)
	}
	return texts
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
		Message: "reached from " + entryPhrase(entry),
	}}
	for _, h := range hops {
		how := "calls"
		if h.stored {
			how = "stores callback"
		}
		rel = append(rel, analysis.RelatedInformation{
			Pos:     h.pos,
			Message: fmt.Sprintf("%s %s %s", h.from.name, how, h.name),
		})
	}
	return append(rel, g.factRelated(foreign)...)
}

// factRelated lists each call of a may-exit fact's path with its own
// position.
func (g *graph) factRelated(f *mayExit) []analysis.RelatedInformation {
	var rel []analysis.RelatedInformation
	for ; f != nil && f.Next != nil; f = f.Next {
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

// callbackNote names the function that stored the callback whose code
// reaches e (or that stores e's function itself), "" if there is none.
func callbackNote(n *node, e *edge) string {
	s := storer(n)
	if e.stored {
		s = n
	}
	if s == nil {
		return ""
	}
	return ", reached from callback stored by " + s.name
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

// pathNames lists the display names from the entry down to n.
func pathNames(hops []*edge, n *node) []string {
	var names []string
	for _, h := range hops {
		names = append(names, h.from.name)
	}
	return append(names, n.name)
}
