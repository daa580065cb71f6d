package main_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestRealDependencies runs noexit on depmod, which uses the real pflag
// and cobra modules: pflag is modeled like flag, and cobra.CheckErr's
// exit, in another module, is reported once for the package, at the
// first call, with the number of other calls and cobra's module@version.
func TestRealDependencies(t *testing.T) {
	t.Parallel()
	bin := noexitBin(t)
	dir := copyModule(t, "depmod")
	want := []string{
		"cli/cli.go:8:2: cobra.CheckErr may end the process: cobra.CheckErr -> os.Exit (cobra.go:238) in github.com/spf13/cobra@v1.10.2, reached from exported cli.Run -> cobra.CheckErr; 4 more calls in this package reach this exit; handle the failure there, or accept it with -trust",
		"flags/flags.go:12:2: pflag.Parse ends the process on a flag error, reached from exported flags.Parse -> pflag.Parse; parse a pflag.FlagSet created with pflag.ContinueOnError and return its error",
		"flags/flags.go:16:9: pflag.NewFlagSet ends the process on a flag error, reached from exported flags.NewSet -> pflag.NewFlagSet; use pflag.ContinueOnError and return the parse error",
		"flags/flags.go:24:9: (*pflag.FlagSet).Parse ends the process on a flag error, reached from exported flags.CommandLine -> (*pflag.FlagSet).Parse; parse a pflag.FlagSet created with pflag.ContinueOnError and return its error",
	}
	for _, tc := range []struct {
		name string
		cmd  []string
		code int
	}{
		{"standalone", []string{bin, "./..."}, 3},
		{"vet", []string{"go", "vet", "-vettool=" + bin, "./..."}, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := runIn(t, dir, nil, tc.cmd[0], tc.cmd[1:]...)
			if r.code != tc.code {
				t.Errorf("exit code %d, want %d\n%s", r.code, tc.code, r)
			}
			got := findings(r.stderr, dir)
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("findings:\n%s\nwant:\n%s\n\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"), r)
			}
		})
	}
	t.Run("all", func(t *testing.T) {
		r := runIn(t, dir, nil, bin, "-deps=all", "./cli")
		if n := strings.Count(r.stderr, "cobra.CheckErr may end the process"); n != 4 {
			t.Errorf("-deps=all: %d findings for cobra.CheckErr, want 4 (one per call)\n%s", n, r)
		}
	})
	t.Run("trust", func(t *testing.T) {
		r := runIn(t, dir, nil, bin, "-trust=github.com/spf13/cobra.CheckErr,github.com/spf13/pflag", "./...")
		if r.code != 0 || r.stderr != "" {
			t.Errorf("trusting cobra.CheckErr and pflag: want no findings\n%s", r)
		}
	})
	t.Run("unmatched trust", func(t *testing.T) {
		r := runIn(t, dir, nil, bin, "-trust=github.com/spf13/cobra.CheckErr,github.com/spf13/pflag,github.com/spf13/cobra.ChekErr", "-modeled=example.com/nothere/...", "./...")
		want := "noexit: warning: trust entry \"github.com/spf13/cobra.ChekErr\" matches no loaded package or function\n" +
			"noexit: warning: trust entry \"example.com/nothere/...\" matches no loaded package or function\n"
		if r.code != 0 || r.stderr != want {
			t.Errorf("want exit code 0 and exactly the warnings\n%s\nwant stderr:\n%s", r, want)
		}
	})
}

// findings returns the diagnostic lines of out (not related information,
// not go vet's package headers), sorted, paths relative to dir.
func findings(out, dir string) []string {
	var res []string
	for _, b := range blocks(outputLines(out, dir)) {
		res = append(res, b[0])
	}
	return res
}

// TestBaseline adopts noexit on realmod with a baseline: written, a rerun
// reports nothing; after a new exit is added and the old code moves down
// 20 lines, exactly the new exit is reported. Standalone and under go vet,
// whose per-package processes write the one file concurrently.
func TestBaseline(t *testing.T) {
	t.Parallel()
	bin := noexitBin(t)
	realModule(t) // the dependencies are in the module cache
	for _, tc := range []struct {
		name string
		cmd  []string
		code int // with findings
	}{
		{"standalone", []string{bin}, 3},
		{"vet", []string{"go", "vet", "-vettool=" + bin}, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := copyModule(t, "realmod")
			run := func(args ...string) result {
				args = append(append(tc.cmd[1:len(tc.cmd):len(tc.cmd)], args...), "./...")
				return runIn(t, dir, nil, tc.cmd[0], args...)
			}
			if r := run("-write-baseline=noexit.baseline"); r.code != 0 || findings(r.stderr, dir) != nil {
				t.Fatalf("-write-baseline: want exit code 0 and no findings\n%s", r)
			}
			data, err := os.ReadFile(filepath.Join(dir, "noexit.baseline"))
			if err != nil {
				t.Fatal(err)
			}
			if n := strings.Count(string(data), "\n"); n != 7 {
				t.Errorf("baseline has %d lines, want a header and 6 findings:\n%s", n, data)
			}
			if strings.Contains(string(data), ".go:") {
				t.Errorf("baseline records positions:\n%s", data)
			}
			if r := run("-baseline=noexit.baseline"); r.code != 0 || r.stderr != "" && findings(r.stderr, dir) != nil {
				t.Fatalf("-baseline right after writing it: want no findings\n%s", r)
			}

			// Move the code down 20 lines and add one new exit.
			store := filepath.Join(dir, "store", "store.go")
			src := readFile(t, store)
			src = strings.Replace(src, "\nimport (", strings.Repeat("\n// moved", 20)+"\nimport (", 1)
			src += "\nfunc Fresh() {\n\tklog.Fatal(\"new\")\n}\n"
			if err := os.WriteFile(store, []byte(src), 0o644); err != nil {
				t.Fatal(err)
			}
			r := run("-baseline=noexit.baseline")
			got := findings(r.stderr, dir)
			want := regexp.MustCompile(`^store/store\.go:\d+:\d+: klog\.Fatal ends the process, reached from exported store\.Fresh -> klog\.Fatal`)
			if r.code != tc.code || len(got) != 1 || !want.MatchString(got[0]) {
				t.Errorf("after an edit: want exactly the new exit (exit code %d)\n%s", tc.code, r)
			}
		})
	}
}
