// Package callbacks tells function literals and values that a function
// runs from those it only stores: a stored one is a callback, which does
// not make the storing function may-exit; its own exits are reported as
// reached from the callback.
package callbacks

import (
	"log"
	"os"
	"sort"
	"sync"
)

type Command struct {
	Run func(args []string)
}

// InitHelp stores a closure in a field, as cobra's InitDefaultHelpCmd
// does: InitHelp itself cannot exit.
func InitHelp(c *Command) {
	c.Run = func(args []string) {
		log.Fatal("no help topic") // want `log\.Fatal ends the process, reached from exported callbacks\.InitHelp -> callbacks\.InitHelp\.func1 -> log\.Fatal, reached from callback stored by callbacks\.InitHelp`
	}
}

var registry = map[string]func(){}

// Register only stores its argument.
func Register(name string, f func()) {
	registry[name] = f
}

// init registers a constructor: registering is not running.
func init() {
	Register("exit", newExiting)
}

func newExiting() {
	os.Exit(1) // want `os\.Exit ends the process, reached from init -> callbacks\.newExiting -> os\.Exit, reached from callback stored by callbacks\.init`
}

type server struct{}

func (*server) stop() {
	os.Exit(2) // want `os\.Exit ends the process, reached from exported callbacks\.Hooks -> \(\*callbacks\.server\)\.stop -> os\.Exit, reached from callback stored by callbacks\.Hooks`
}

func (*server) fail() {
	os.Exit(3) // want `os\.Exit ends the process, reached from exported callbacks\.Fail -> \(\*callbacks\.server\)\.fail -> os\.Exit;`
}

// Hooks stores a method value: a callback.
func Hooks(s *server) []func() {
	return []func(){s.stop}
}

// Fail calls a method value through a local variable: run.
func Fail(s *server) { // want Fail:"mayExit"
	f := s.fail
	f()
}

var once sync.Once

// Setup runs its literal through sync.(*Once).Do: may exit.
func Setup() { // want Setup:"mayExit"
	once.Do(func() {
		os.Exit(4) // want `os\.Exit ends the process, reached from exported callbacks\.Setup -> os\.Exit;`
	})
}

// Sorted runs its comparison through sort.Slice: may exit.
func Sorted(xs []int) { // want Sorted:"mayExit"
	sort.Slice(xs, func(i, j int) bool {
		if xs[i] == xs[j] {
			log.Fatalf("duplicate %d", xs[i]) // want `log\.Fatalf ends the process, reached from exported callbacks\.Sorted -> log\.Fatalf;`
		}
		return xs[i] < xs[j]
	})
}

// Lazy calls the function sync.OnceFunc returns: may exit.
func Lazy() { // want Lazy:"mayExit"
	load := sync.OnceFunc(func() {
		os.Exit(5) // want `os\.Exit ends the process, reached from exported callbacks\.Lazy -> os\.Exit;`
	})
	load()
}

// LazyStored returns it uncalled: a callback.
func LazyStored() func() {
	return sync.OnceFunc(func() {
		os.Exit(6) // want `reached from callback stored by callbacks\.LazyStored`
	})
}

// Later starts a goroutine and defers: both run.
func Later() { // want Later:"mayExit"
	go func() { os.Exit(7) }()    // want `os\.Exit ends the process, reached from exported callbacks\.Later -> os\.Exit;`
	defer func() { os.Exit(8) }() // want `os\.Exit ends the process, reached from exported callbacks\.Later -> os\.Exit;`
}

// Nested stores a literal that runs another one: one callback, one node.
func Nested(c *Command) {
	c.Run = func(args []string) {
		func() {
			os.Exit(9) // want `os\.Exit ends the process, reached from exported callbacks\.Nested -> callbacks\.Nested\.func1 -> os\.Exit, reached from callback stored by callbacks\.Nested`
		}()
	}
}

// Each invokes its parameter; Wrap is a wrapper of it.
func Each(xs []int, f func(int)) { // want Each:`invokes\(1\)`
	for _, x := range xs {
		f(x)
	}
}

func Wrap(f func(int)) { Each([]int{1}, f) } // want Wrap:`invokes\(0\)`

// Wrapped passes its literal to Wrap: may exit.
func Wrapped() { // want Wrapped:"mayExit"
	Wrap(func(int) { os.Exit(10) }) // want `os\.Exit ends the process, reached from exported callbacks\.Wrapped -> os\.Exit;`
}

func apply[T any](v T) {
	os.Exit(11) // want `os\.Exit ends the process, reached from exported callbacks\.Generic -> callbacks\.apply -> os\.Exit;`
}

// Generic passes an explicit instantiation to a function that runs it.
func Generic() { // want Generic:"mayExit"
	Each([]int{1}, apply[int])
}
