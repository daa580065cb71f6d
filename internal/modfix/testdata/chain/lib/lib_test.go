package lib_test

import (
	"testing"

	"example.com/chain/lib"
)

func TestPort(t *testing.T) {
	p := lib.Port("80")
	if p != 80 {
		t.Fatal(p)
	}
}
