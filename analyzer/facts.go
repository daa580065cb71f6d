package analyzer

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"go/token"
	"path/filepath"
	"strings"
)

// mayExit is the fact that a function may end the process: its body can
// reach a terminator. It holds one shortest witness path as a linked list
// of hops; Next points at the callee's own fact, so a chain of n functions
// costs n hops in memory, not n²/2.
//
//	f (a.go:3) -> g (a.go:9) -> os.Exit
type mayExit struct {
	Func string         // display name of the function, "pkg.F" or "(*pkg.T).M"
	Call token.Position // where Func calls Next.Func; zero on the terminator
	Cat  string         // category of the terminator at the end of the path
	Len  int            // number of calls to the terminator
	Next *mayExit       // nil on the terminator itself
}

func (*mayExit) AFact() {}

func (f *mayExit) String() string { return "mayExit(" + f.path(false) + ")" }

// path renders the hops as "a.F -> a.g -> os.Exit", with the position of
// each call if withPos: "a.F -> a.g (f.go:3) -> os.Exit (f.go:9)".
func (f *mayExit) path(withPos bool) string {
	var b strings.Builder
	b.WriteString(f.Func)
	for h := f; h.Next != nil; h = h.Next {
		b.WriteString(" -> ")
		b.WriteString(h.Next.Func)
		if withPos {
			fmt.Fprintf(&b, " (%s)", shortPos(h.Call))
		}
	}
	return b.String()
}

// gobHop is the flat, serialised form of one hop. Facts are gob-encoded
// between go vet's per-package processes; flattening avoids deep recursion
// in the encoder.
type gobHop struct {
	Func string
	Call token.Position
}

func (f *mayExit) GobEncode() ([]byte, error) {
	var hops []gobHop
	for h := f; h != nil; h = h.Next {
		hops = append(hops, gobHop{h.Func, h.Call})
	}
	var buf bytes.Buffer
	err := gob.NewEncoder(&buf).Encode(struct {
		Cat  string
		Hops []gobHop
	}{f.Cat, hops})
	return buf.Bytes(), err
}

func (f *mayExit) GobDecode(data []byte) error {
	var v struct {
		Cat  string
		Hops []gobHop
	}
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&v); err != nil {
		return err
	}
	if len(v.Hops) == 0 {
		return fmt.Errorf("noexit: empty mayExit fact")
	}
	var next *mayExit
	for i := len(v.Hops) - 1; i >= 0; i-- {
		h := &mayExit{Func: v.Hops[i].Func, Call: v.Hops[i].Call, Cat: v.Cat, Next: next}
		if next != nil {
			h.Len = next.Len + 1
		}
		next = h
	}
	*f = *next
	return nil
}

// terminates is the fact that a function is itself a terminator, declared
// with //noexit:terminates; callers in other packages treat it like
// os.Exit.
type terminates struct{}

func (*terminates) AFact() {}

func (*terminates) String() string { return "terminates" }

// shortPos renders a position as "file.go:12", stable across checkouts.
func shortPos(p token.Position) string {
	if !p.IsValid() {
		return "?"
	}
	return fmt.Sprintf("%s:%d", filepath.Base(p.Filename), p.Line)
}
