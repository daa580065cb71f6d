package modfix

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/packages"
)

// verify type-checks every package that edits touch, with its tests,
// under every configuration, with the edits applied in memory on top of
// the fixes already accepted. It returns why the fix must be dropped, or
// "".
func (m *module) verify(edits Edits) string {
	overlay, why := m.opts.Trial(edits)
	if why != "" {
		return "no module-wide fix: " + why
	}
	dirs := map[string]string{} // directory -> import path
	for _, c := range m.configs[:1] {
		for _, p := range c.pkgs {
			for _, f := range append(slices.Clone(p.GoFiles), p.IgnoredFiles...) {
				dirs[filepath.Dir(f)] = basePath(p)
			}
		}
	}
	seen := map[string]bool{}
	var paths []string
	for file := range overlay {
		if p, ok := dirs[filepath.Dir(file)]; ok && !seen[p] {
			seen[p] = true
			paths = append(paths, p)
		}
	}
	slices.Sort(paths)
	if len(paths) == 0 {
		return ""
	}
	base, _ := m.opts.Trial(Edits{})
	for i := range m.configs {
		c := &m.configs[i]
		if i > 0 && !touches(c.files, overlay) {
			continue // no file of the touched packages builds only there
		}
		// Packages that do not type-check without the change (cgo under
		// CGO_ENABLED=0, a missing platform file) cannot judge it.
		key := fmt.Sprintf("%s/%s %d %s", c.goos, c.goarch, m.gen, strings.Join(paths, " "))
		broken := m.broken[key]
		if broken == nil {
			broken = map[string]bool{}
			if pkgs, err := m.loadUnder(c.platform, base, paths); err == nil {
				packages.Visit(pkgs, nil, func(p *packages.Package) {
					if len(p.Errors) > 0 {
						broken[p.ID] = true
					}
				})
			}
			if m.broken == nil {
				m.broken = map[string]map[string]bool{}
			}
			m.broken[key] = broken
		}
		pkgs, err := m.loadUnder(c.platform, overlay, paths)
		if err != nil {
			return fmt.Sprintf("no module-wide fix: loading for %s/%s: %v", c.goos, c.goarch, err)
		}
		var errs []string
		packages.Visit(pkgs, nil, func(p *packages.Package) {
			if p.Module == nil || !p.Module.Main || broken[p.ID] {
				return
			}
			for _, e := range p.Errors {
				errs = append(errs, e.Error())
			}
		})
		if len(errs) > 0 {
			slices.Sort(errs)
			return fmt.Sprintf("no module-wide fix: the change does not type-check for %s/%s: %s", c.goos, c.goarch,
				strings.Join(slices.Compact(errs), "; "))
		}
	}
	return ""
}

// touches reports whether one of files lies in the directory of a file
// of overlay: a package the change touches has a file that only that
// platform builds.
func touches(files []string, overlay map[string][]byte) bool {
	dirs := map[string]bool{}
	for f := range overlay {
		dirs[filepath.Dir(f)] = true
	}
	for _, f := range files {
		if dirs[filepath.Dir(f)] {
			return true
		}
	}
	return false
}
