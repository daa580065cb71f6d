package analyzer

// A baseline records findings that a codebase already has, so that CI
// fails only on new ones. One line per finding, tab-separated:
//
//	example.com/lib	lib.Register	os.Exit	0
//	example.com/lib	*	(*restful.Container).Add -> log.Fatalf in github.com/emicklei/go-restful/v3	0
//
// package, enclosing function ("*" for a call into another module's exit
// site, which is reported once per package), terminator or callee (or the
// exit site), and the occurrence index of that callee within the function
// in source order. No line numbers: the entries survive unrelated edits
// and moved code.
//
// Writing is safe when many processes write one file at once, as go vet
// runs one process per package: each package replaces its own lines under
// a lock file (FILE.lock, created exclusively), by writing a temporary
// file and renaming it over FILE.

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/tools/go/analysis"
)

const baselineHeader = "# noexit baseline: findings not to report (see -baseline); one per line: package, function, callee, occurrence\n"

// baseline is the -baseline file, read once per resolved path.
type baseline struct {
	path  string
	mu    sync.Mutex
	files map[string]map[string]bool
}

// load returns the keys recorded in the file at path.
func (b *baseline) load(path string) (map[string]bool, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if keys, ok := b.files[path]; ok {
		return keys, nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("noexit: baseline: %w", err)
	}
	keys := map[string]bool{}
	for i, line := range strings.Split(string(data), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if err := checkBaselineLine(line); err != nil {
			return nil, fmt.Errorf("noexit: baseline: %s:%d: %w", path, i+1, err)
		}
		keys[line] = true
	}
	b.files[path] = keys
	return keys, nil
}

func checkBaselineLine(line string) error {
	f := strings.Split(line, "\t")
	if len(f) != 4 || f[0] == "" || f[1] == "" || f[2] == "" {
		return fmt.Errorf("want 4 tab-separated fields (package, function, callee, occurrence), have %q", line)
	}
	if _, err := strconv.Atoi(f[3]); err != nil {
		return fmt.Errorf("occurrence %q is not a number", f[3])
	}
	return nil
}

// baselineKeys returns the baseline line of each finding of package pkg.
func baselineKeys(pkg string, findings []finding) []string {
	seen := map[string]int{}
	keys := make([]string, len(findings))
	for i, f := range findings {
		id := f.fn + "\t" + f.callee
		keys[i] = pkg + "\t" + id + "\t" + strconv.Itoa(seen[id])
		seen[id]++
	}
	return keys
}

// writesBaseline reports whether the pass's findings belong in a baseline:
// those of the main module (or of unknown modules), not of dependencies
// analysed only for their facts.
func writesBaseline(pass *analysis.Pass) bool {
	m := pass.Module
	return m == nil || m.Main || m.Version == ""
}

// resolve makes a relative baseline path relative to the root of the
// package's module (the directory of the nearest go.mod above its files),
// so that the standalone command and go vet, which runs in each package's
// directory, name the same file. Without a go.mod it stays relative to
// the current directory.
func (s *settings) resolve(pass *analysis.Pass, path string) string {
	if filepath.IsAbs(path) || len(pass.Files) == 0 {
		return path
	}
	dir := filepath.Dir(pass.Fset.Position(pass.Files[0].Package).Filename)
	for d := dir; ; {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return filepath.Join(d, path)
		}
		parent := filepath.Dir(d)
		if parent == d {
			return path
		}
		d = parent
	}
}

// writeBaseline replaces the lines of package pkg in the file at path
// with keys.
func writeBaseline(path, pkg string, keys []string) error {
	unlock, err := lockFile(path + ".lock")
	if err != nil {
		return fmt.Errorf("noexit: write-baseline: %w", err)
	}
	defer unlock()
	var lines []string
	data, err := os.ReadFile(path)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("noexit: write-baseline: %w", err)
	}
	sc := bufio.NewScanner(strings.NewReader(string(data)))
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") || strings.HasPrefix(line, pkg+"\t") {
			continue
		}
		lines = append(lines, line)
	}
	lines = append(lines, keys...)
	slices.Sort(lines)
	tmp, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".tmp*")
	if err != nil {
		return fmt.Errorf("noexit: write-baseline: %w", err)
	}
	err = tmp.Chmod(0o644)
	if err == nil {
		_, err = tmp.WriteString(baselineHeader + strings.Join(append(lines, ""), "\n"))
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("noexit: write-baseline: %w", err)
	}
	return nil
}

// lockFile takes the lock at path, waiting for another holder for up to a
// minute; a lock older than that is left over from a killed process and
// is broken.
func lockFile(path string) (unlock func(), err error) {
	const wait = time.Minute
	start := time.Now()
	for {
		f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
		if err == nil {
			f.Close()
			return func() { os.Remove(path) }, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return nil, err
		}
		if fi, serr := os.Stat(path); serr == nil && time.Since(fi.ModTime()) > wait {
			os.Remove(path)
			continue
		}
		if time.Since(start) > 2*wait {
			return nil, fmt.Errorf("%s: still locked after %v", path, 2*wait)
		}
		time.Sleep(5 * time.Millisecond)
	}
}
