package fixinvoked

import (
	"log"
	"sort"
	"strconv"
	"strings"
)

// SortPorts sorts port numbers given as text: the less function may run
// many times, so once the error is set the later runs do nothing.
func SortPorts(specs []string) error { // want SortPorts:"mayExit"
	sort.Slice(specs, func(i, j int) bool {
		a, err := strconv.Atoi(specs[i])
		if err != nil {
			log.Fatalf("bad port %q: %v", specs[i], err) // want `log.Fatalf ends the process`
		}
		b, _ := strconv.Atoi(specs[j])
		return a < b
	})
	return nil
}

// upper is called for its result; it gains an error result.
func upper(s string) string {
	out := strings.Map(func(r rune) rune {
		if r > 127 {
			log.Fatalf("not ASCII: %q", r) // want `log.Fatalf ends the process`
		}
		return r - 32
	}, s)
	return out
}

// Upper is the entry point.
func Upper(s string) (string, error) { // want Upper:"mayExit"
	return upper(s), nil
}
