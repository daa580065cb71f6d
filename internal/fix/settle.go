package fix

import (
	"fmt"
	"go/ast"
	"path/filepath"
	"slices"

	"github.com/noexit-lint/noexit/internal/rewrite"
	"golang.org/x/tools/go/analysis"
)

// Settle makes the fixes of one package apply together, in one run of
// any driver, and checks what they produce together. sites[i] is the
// site that ForTerminator, on this (Batch) cache, gave fixes[i].
//
// Drivers merge the fixes of a package edit by edit: identical edits
// coalesce, overlapping ones conflict and the later fix is skipped until
// the next run. Fixes whose edits overlap (the same "return f(s)", the
// same import declaration) are therefore rebuilt as one fix for all their
// sites, which each of their diagnostics offers; the identical copies
// coalesce. The merged result of all fixes is then type-checked as the
// driver will write it: an import the merge leaves unused is deleted by
// noexit, go vet -fix and go fix, unless it is a dot import, and by
// nothing under golangci-lint. Fixes that fail together are rebuilt
// together, or, failing that, dropped with the reason.
//
// It returns, for each site, the fixes to offer and, where there are none
// any more, why.
func (c *Cache) Settle(pass *rewrite.Unit, sites []Site, fixes [][]analysis.SuggestedFix) (out [][]analysis.SuggestedFix, why []*rewrite.Refusal) {
	s := &settler{c: c, pass: pass, sites: sites, why: make([]*rewrite.Refusal, len(sites)), msgs: make([]string, len(sites))}
	for i, fs := range fixes {
		if len(fs) > 0 {
			s.msgs[i] = fs[0].Message
		}
	}
	for i, fs := range fixes {
		if len(fs) == 0 {
			continue
		}
		g := &group{members: []int{i}, edits: fs[0].TextEdits}
		if other := s.otherFile(g); other != "" {
			s.why[i] = singleFileWhy(other)
			continue
		}
		if gen := s.generatedFile(g); gen != "" {
			// Drivers skip every fix that touches a generated file.
			s.why[i] = rewrite.Refuse("the fix would edit generated file " + gen)
			continue
		}
		s.groups = append(s.groups, g)
	}
	s.resolveOverlaps()
	s.checkTogether()
	out = make([][]analysis.SuggestedFix, len(sites))
	for _, g := range s.groups {
		for _, i := range g.members {
			msg := s.msgs[i]
			if n := len(g.members) - 1; n > 0 {
				msg += fmt.Sprintf(" (merged with %d overlapping %s)", n, plural(n, "fix", "fixes"))
			}
			out[i] = []analysis.SuggestedFix{{Message: msg, TextEdits: g.edits}}
		}
	}
	return out, s.why
}

// settler holds the state of one Settle.
type settler struct {
	c      *Cache
	pass   *rewrite.Unit
	sites  []Site
	msgs   []string // each site's own fix message
	groups []*group // in the order of their first member
	why    []*rewrite.Refusal
}

// group is one fix that the diagnostics of its members all offer.
type group struct {
	members []int // indexes into sites, ascending
	edits   []analysis.TextEdit
}

// singleFileWhy is the reason given under golangci-lint for a fix that
// also edits another file: golangci-lint applies only the edits in the
// reported file.
func singleFileWhy(other string) *rewrite.Refusal {
	return &rewrite.Refusal{Kind: rewrite.OtherFile, Text: "the fix also edits " + other + " (noexit -fix applies it)"}
}

// otherFile returns the base name of a file, other than its members'
// own, that g edits, when only single-file fixes may be offered.
func (s *settler) otherFile(g *group) string {
	if !s.c.SingleFile {
		return ""
	}
	for _, i := range g.members {
		own := s.pass.Fset.File(s.sites[i].File.Pos())
		for _, e := range g.edits {
			if tf := s.pass.Fset.File(e.Pos); tf != own {
				if tf == nil {
					return "an unknown file"
				}
				return filepath.Base(tf.Name())
			}
		}
	}
	return ""
}

// generatedFile returns the base name of a generated file that g edits.
func (s *settler) generatedFile(g *group) string {
	for _, e := range g.edits {
		for _, f := range s.pass.Files {
			if f.FileStart <= e.Pos && e.Pos <= f.FileEnd && ast.IsGenerated(f) {
				return filepath.Base(s.pass.Fset.File(e.Pos).Name())
			}
		}
	}
	return ""
}

// resolveOverlaps rebuilds overlapping groups as one, until no two
// overlap. Each round merges or drops at least one group, so it ends.
func (s *settler) resolveOverlaps() {
	for {
		comps := s.overlapping()
		if len(comps) == 0 {
			return
		}
		gone := map[int]bool{}
		for _, comp := range comps {
			var gs []*group
			for _, i := range comp {
				gs = append(gs, s.groups[i])
			}
			if g := s.combine(gs...); g != nil {
				s.groups[comp[0]] = g
			} else {
				at := s.pass.Fset.Position(s.sites[gs[0].members[0]].Pos)
				for _, g := range gs[1:] {
					s.drop(g, rewrite.Refuse(fmt.Sprintf("its edits overlap the fix at %s:%d; run again after applying that one", filepath.Base(at.Filename), at.Line)))
				}
			}
			for _, i := range comp[1:] {
				gone[i] = true
			}
		}
		var kept []*group
		for i, g := range s.groups {
			if !gone[i] {
				kept = append(kept, g)
			}
		}
		s.groups = kept
	}
}

// overlapping returns the sets of groups (indexes, ascending) that
// overlap, directly or through others: an edit of one overlaps an edit of
// another that is not identical to it, or both insert different text at
// one place. One sweep over the package's edits in position order finds
// them.
func (s *settler) overlapping() [][]int {
	type item struct {
		e analysis.TextEdit
		g int
	}
	var items []item
	for gi, g := range s.groups {
		for _, e := range g.edits {
			items = append(items, item{e, gi})
		}
	}
	slices.SortStableFunc(items, func(x, y item) int {
		if x.e.Pos != y.e.Pos {
			return int(x.e.Pos - y.e.Pos)
		}
		return int(x.e.End - y.e.End)
	})
	parent := make([]int, len(s.groups))
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	union := func(i, j int) {
		if i, j := find(i), find(j); i != j {
			parent[max(i, j)] = min(i, j)
		}
	}
	same := func(x, y analysis.TextEdit) bool {
		return x.Pos == y.Pos && x.End == y.End && string(x.NewText) == string(y.NewText)
	}
	cover, insert := -1, -1 // the item reaching furthest; the last insertion
	for k, it := range items {
		if cover >= 0 && it.e.Pos < items[cover].e.End && it.g != items[cover].g && !same(it.e, items[cover].e) {
			union(it.g, items[cover].g)
		}
		if it.e.Pos == it.e.End {
			if insert >= 0 && items[insert].e.Pos == it.e.Pos && it.g != items[insert].g && !same(it.e, items[insert].e) {
				union(it.g, items[insert].g)
			}
			insert = k
		}
		if cover < 0 || it.e.End > items[cover].e.End {
			cover = k
		}
	}
	byRoot := map[int][]int{}
	for i := range s.groups {
		byRoot[find(i)] = append(byRoot[find(i)], i)
	}
	var comps [][]int
	for i := range s.groups {
		if c := byRoot[i]; len(c) > 1 {
			comps = append(comps, c)
		}
	}
	return comps
}

// combine builds one fix for the sites of the groups, nil if it cannot.
func (s *settler) combine(gs ...*group) *group {
	var members []int
	for _, g := range gs {
		members = append(members, g.members...)
	}
	slices.Sort(members)
	fx := newFixer(s.pass, s.c)
	for _, i := range members {
		if _, ok, _ := fx.add(s.sites[i]); !ok {
			return nil
		}
	}
	if fx.finish() != "" {
		return nil
	}
	fx.b.finishImports()
	edits := fx.b.result()
	if len(edits) == 0 {
		return nil
	}
	g := &group{members: members, edits: edits}
	if s.otherFile(g) != "" {
		return nil
	}
	return g
}

func (s *settler) drop(g *group, why *rewrite.Refusal) {
	for _, i := range g.members {
		s.why[i] = why
	}
}

// checkTogether type-checks the package with every group applied. When
// that fails, the groups that edit a file with an error are rebuilt as
// one; if the package still fails, each group is checked alone, then
// added one by one, and those that break the build are dropped.
func (s *settler) checkTogether() {
	if len(s.groups) == 0 {
		return
	}
	b := newBuilder(s.pass, s.c)
	bad, ok := s.checkGroups(b, s.groups)
	if ok {
		return
	}
	var touched []*group
	var rest []*group
	for _, g := range s.groups {
		if s.edits(g, bad) {
			touched = append(touched, g)
		} else {
			rest = append(rest, g)
		}
	}
	if len(touched) > 1 {
		if g := s.combine(touched...); g != nil {
			rest = append(rest, g)
			s.groups = rest
			slices.SortFunc(s.groups, func(x, y *group) int { return x.members[0] - y.members[0] })
			s.resolveOverlaps()
			if _, ok := s.checkGroups(b, s.groups); ok {
				return
			}
		}
	}
	var kept []*group
	for _, g := range s.groups {
		switch {
		case !b.typeChecks(g.edits):
			s.drop(g, noCompile(""))
		case len(kept) > 0:
			if _, ok := s.checkGroups(b, append(slices.Clone(kept), g)); !ok {
				s.drop(g, noCompile(" together with the package's other fixes"))
				continue
			}
			fallthrough
		default:
			kept = append(kept, g)
		}
	}
	s.groups = kept
}

// checkGroups type-checks the package with the groups' edits merged; bad
// names the files with errors ("" for an error without a file). A
// package that does not type-check even unedited passes.
func (s *settler) checkGroups(b *builder, gs []*group) (bad map[string]bool, ok bool) {
	var all []analysis.TextEdit
	for _, g := range gs {
		all = append(all, g.edits...)
	}
	merged, clean := mergeEdits(all)
	if !clean {
		return map[string]bool{"": true}, false
	}
	bad = b.checkMerged(merged, !s.c.SingleFile)
	if len(bad) == 0 || b.baselineFails() {
		return nil, true
	}
	return bad, false
}

// edits reports whether g edits one of the files.
func (s *settler) edits(g *group, files map[string]bool) bool {
	if files[""] {
		return true
	}
	for _, e := range g.edits {
		if tf := s.pass.Fset.File(e.Pos); tf != nil && files[tf.Name()] {
			return true
		}
	}
	return false
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
