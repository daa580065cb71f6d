package fixeffects

import (
	"errors"
	"testing"
)

// The calls in the exit's arguments still run, once each.
func TestEffects(t *testing.T) {
	base := errors.New("bad input")
	for _, tc := range []struct {
		name string
		run  func(error) error
		want string
	}{
		{"Check", Check, "bad input"},
		{"Pair", Pair, "pair: bad input"},
		{"Described", Described, "stop: described bad input"},
	} {
		reports = 0
		err := tc.run(base)
		if err == nil || err.Error() != tc.want {
			t.Errorf("%s: error %v, want %q", tc.name, err, tc.want)
		}
		if reports != 1 {
			t.Errorf("%s: the dropped call ran %d times, want once", tc.name, reports)
		}
		reports = 0
		if err := tc.run(nil); err != nil || reports != 0 {
			t.Errorf("%s on the success path: %v, %d calls", tc.name, err, reports)
		}
	}
}
