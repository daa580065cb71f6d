package modfix

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/noexit-lint/noexit/internal/recheck"
)

// verify type-checks every package that edits touch, and every package
// that imports one of those, tests included, with the edits applied in
// memory on top of the fixes already accepted: under the host's
// configuration on the packages the driver loaded (only what the edits
// change is checked again), and under each other platform that a touched
// package has a file for. It returns why the fix must be dropped, or "".
// A package that did not type-check before the change (cgo code under
// CGO_ENABLED=0, a missing platform file) cannot judge it.
func (m *module) verify(edits Edits) string {
	overlay, why := m.opts.Trial(edits)
	if why != "" {
		return "no module-wide fix: " + why
	}
	if len(overlay) == 0 {
		return ""
	}
	for i := range m.configs {
		c := &m.configs[i]
		if i > 0 {
			dirs := touched(c.files, overlay)
			if len(dirs) == 0 {
				continue // no file of the touched packages builds only there
			}
			m.load(c, dirs)
		}
		_, changed := recheck.Overlay(c.pkgs, overlay, false)
		if errs := recheck.Errors(changed); len(errs) > 0 {
			return fmt.Sprintf("no module-wide fix: the change does not type-check for %s: %s", c.platform, strings.Join(errs, "; "))
		}
	}
	return ""
}

// touched returns the directories of overlay's files that hold one of
// files: the packages the change touches that have a file only that
// platform builds.
func touched(files []string, overlay map[string][]byte) map[string]bool {
	dirs := map[string]bool{}
	for f := range overlay {
		dirs[filepath.Dir(f)] = true
	}
	out := map[string]bool{}
	for _, f := range files {
		if d := filepath.Dir(f); dirs[d] {
			out[d] = true
		}
	}
	return out
}
