package fixflag

import (
	"os"
	"testing"
)

// A bad flag is now an error the caller sees, not a run on zero values.
func TestParse(t *testing.T) {
	stderr := os.Stderr
	os.Stderr, _ = os.Open(os.DevNull)
	defer func() { os.Stderr = stderr }()
	if v, err := Parse([]string{"-bogus"}); err == nil || v {
		t.Errorf("Parse(-bogus) = %v, %v; want false and an error", v, err)
	}
	if v, err := Parse([]string{"-v"}); err != nil || !v {
		t.Errorf("Parse(-v) = %v, %v; want true, nil", v, err)
	}
	if err := Checked([]string{"-bogus"}); err == nil {
		t.Error("Checked(-bogus) = nil, want an error")
	}
}
