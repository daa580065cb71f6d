package analyzer

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"go/token"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/analysis"
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
	// Mod is the module of the call to the terminator: "path@version",
	// "path" for a main or workspace module, "" when the driver does not
	// say (GOPATH mode, some build systems).
	Mod string

	// callPos is Call in the file set of the pass that made the fact;
	// facts that crossed a process boundary (go vet) do not have it.
	callPos token.Pos
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
		if withPos && h.Call.IsValid() {
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

// maxEncodedHops bounds the hops a fact keeps once serialised. In memory
// a fact shares its tail with its callee's; serialised, each fact carries
// its own copy, so a chain of n exported functions would cost n²/2 hops.
// Longer paths keep their first hops and the terminator, with a marker
// for the calls left out.
const maxEncodedHops = 32

func (f *mayExit) GobEncode() ([]byte, error) {
	var hops []gobHop
	for h := f; h != nil; h = h.Next {
		if len(hops) == maxEncodedHops-2 && h.Len > 1 {
			hops = append(hops, gobHop{Func: fmt.Sprintf("(%d more calls)", h.Len)})
			h = h.terminal()
		}
		hops = append(hops, gobHop{h.Func, h.Call})
	}
	var buf bytes.Buffer
	err := gob.NewEncoder(&buf).Encode(struct {
		Cat  string
		Len  int
		Mod  string
		Hops []gobHop
	}{f.Cat, f.Len, f.Mod, hops})
	return buf.Bytes(), err
}

func (f *mayExit) GobDecode(data []byte) error {
	var v struct {
		Cat  string
		Len  int
		Mod  string
		Hops []gobHop
	}
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&v); err != nil {
		return err
	}
	if len(v.Hops) == 0 || v.Len < len(v.Hops)-1 {
		return fmt.Errorf("noexit: malformed mayExit fact")
	}
	var next *mayExit
	for i := len(v.Hops) - 1; i >= 0; i-- {
		h := &mayExit{Func: v.Hops[i].Func, Call: v.Hops[i].Call, Cat: v.Cat, Mod: v.Mod, Next: next}
		if next != nil {
			h.Len = next.Len + 1
		}
		next = h
	}
	// An elided path is longer than its hops: restore the true lengths,
	// counting down from the head; the terminator stays at 0.
	if v.Len > len(v.Hops)-1 {
		l := v.Len
		for h := next; h.Next != nil; h = h.Next {
			h.Len, l = l, l-1
		}
	}
	*f = *next
	return nil
}

// terminal returns the terminator hop.
func (f *mayExit) terminal() *mayExit {
	for f.Next != nil {
		f = f.Next
	}
	return f
}

// exitSite returns the hop that calls the terminator.
func (f *mayExit) exitSite() *mayExit {
	for f.Next != nil && f.Next.Next != nil {
		f = f.Next
	}
	return f
}

// modulePath is Mod without its version.
func (f *mayExit) modulePath() string {
	path, _, _ := strings.Cut(f.Mod, "@")
	return path
}

// moduleOf names the module of the pass's package as facts record it:
// "path@version", "path", or "" when the driver does not say. go vet
// fills pass.Module from its per-package configuration (ModulePath,
// ModuleVersion), the standalone command from go/packages.
func moduleOf(pass *analysis.Pass) string {
	m := pass.Module
	if m == nil || m.Path == "" {
		return ""
	}
	if m.Replace != nil && m.Replace.Version != "" {
		return m.Path + "@" + m.Replace.Version
	}
	if m.Version == "" || m.Main {
		return m.Path
	}
	return m.Path + "@" + m.Version
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
