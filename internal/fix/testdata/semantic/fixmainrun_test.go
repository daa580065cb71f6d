package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// The fixed command, failing, still exits with status 1, and its
// deferred flush has written the header first. The unfixed one exits
// before the flush and leaves the file empty.
func TestFlushedBeforeExit(t *testing.T) {
	if os.Getenv("FIXMAINRUN_CHILD") == "1" {
		main()
		return
	}
	out := filepath.Join(t.TempDir(), "out.txt")
	cmd := exec.Command(os.Args[0], "-test.run=^TestFlushedBeforeExit$")
	cmd.Env = append(os.Environ(), "FIXMAINRUN_CHILD=1", "FIXMAINRUN_OUT="+out, "FIXMAINRUN_FAIL=1")
	stderr, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 1 {
		t.Fatalf("failing run: %v, want exit status 1\n%s", err, stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if string(data) != "header\n" {
		t.Fatalf("after the failure the file holds %q, want the flushed header", data)
	}
}

// On success and on the early return, run returns nil and flushes.
func TestRunSucceeds(t *testing.T) {
	for _, early := range []string{"", "1"} {
		out := filepath.Join(t.TempDir(), "out.txt")
		t.Setenv("FIXMAINRUN_OUT", out)
		t.Setenv("FIXMAINRUN_FAIL", "")
		t.Setenv("FIXMAINRUN_EARLY", early)
		if err := run(); err != nil {
			t.Fatalf("run() = %v", err)
		}
		data, _ := os.ReadFile(out)
		want := "header\ndone\n"
		if early != "" {
			want = "header\n"
		}
		if string(data) != want {
			t.Errorf("early=%q: file holds %q, want %q", early, data, want)
		}
	}
}
