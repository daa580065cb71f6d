package lib_test

import (
	"os"
	"testing"

	"example.com/modfix/lib"
)

func TestOpen(t *testing.T) {
	f := lib.Open(os.DevNull)
	f.Close()
}
