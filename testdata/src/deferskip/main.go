// Package main holds the defer-skip cases outside func main: each
// function defers a cleanup, then may end the process.
package main

import (
	"bufio"
	"deferskipa"
	"flag"
	"log"
	"os"
	"sort"
	"sync"

	"k8s.io/klog/v2"
)

func main() {
	direct("x")
	far("y")
}

// direct exits right after its defer: what go-critic's exitAfterDefer
// finds.
func direct(path string) {
	f, err := os.Create(path)
	if err != nil {
		log.Fatal(err) // no defer yet
	}
	defer os.Remove(f.Name())
	if _, err := f.WriteString("x"); err != nil {
		log.Fatal(err) // want `^log\.Fatal skips the deferred os\.Remove \(main\.go:29\): the process ends before it runs; return the error instead$`
	}
}

// far exits two packages away: far -> deferskipa.Process ->
// deferskipb.Load -> klog.Fatalf.
func far(name string) {
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	w.WriteString(deferskipa.Process(name)) // want `^deferskipa\.Process may end the process and skip the deferred w\.Flush \(main\.go:39\): deferskipa\.Process -> deferskipb\.Load \(a\.go:8\) -> klog\.Fatalf \(b\.go:10\); return the error instead$`
}

// sorted exits in a closure that sort.Slice runs.
func sorted(xs []string) {
	f, _ := os.Create("sorted")
	defer os.Remove(f.Name())
	sort.Slice(xs, func(i, j int) bool {
		if xs[i] == "" {
			log.Fatal("empty") // want `^log\.Fatal skips the deferred os\.Remove \(main\.go:46\)`
		}
		return xs[i] < xs[j]
	})
}

// stored hands a literal out: its exit runs later, not while stored runs.
func stored() func() {
	f, _ := os.Create("stored")
	defer os.Remove(f.Name())
	return func() { log.Fatal("later") }
}

// looped defers in a loop: the exit before the defer skips the defers of
// the earlier iterations.
func looped(paths []string) {
	for _, p := range paths {
		if p == "" {
			log.Fatal("empty path") // want `^log\.Fatal skips the deferred os\.Remove \(main\.go:70\)`
		}
		f, _ := os.Open(p)
		defer os.Remove(f.Name())
	}
}

// branch defers on one branch only: the other branch's exit skips nothing.
func branch(keep bool) {
	if keep {
		f, _ := os.Create("kept")
		defer os.Remove(f.Name())
		log.Fatal("kept") // want `^log\.Fatal skips the deferred os\.Remove \(main\.go:78\)`
	} else {
		log.Fatal("not kept")
	}
}

// recovered defers only a recover: nothing to lose.
func recovered() {
	defer func() {
		if r := recover(); r != nil {
			log.Printf("recovered: %v", r)
		}
	}()
	log.Fatal("nothing deferred that matters")
}

var mu sync.Mutex

// harmless defers calls that lose nothing when the process ends.
func harmless(wg *sync.WaitGroup) {
	mu.Lock()
	defer mu.Unlock()
	defer wg.Done()
	defer klog.Infof("done")
	defer func() {}()
	log.Fatal("only harmless defers")
}

// allowed says why exiting here is right.
func allowed() {
	f, _ := os.Create("allowed")
	defer os.Remove(f.Name())
	log.Fatal("allowed") //noexit:allow nothing has been written yet
}

// several skips more than one defer.
func several() {
	f, _ := os.Create("a")
	defer os.Remove(f.Name())
	w := bufio.NewWriter(f)
	defer w.Flush()
	os.Exit(3) // want `^os\.Exit skips the deferred os\.Remove \(main\.go:117\) and 1 more: the process ends before they run`
}

// helper exits; its callers skip their defers through it.
func helper() {
	klog.Exitf("helper gives up")
}

// local calls a helper of its own package that exits.
func local() {
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	helper() // want `^main\.helper may end the process and skip the deferred w\.Flush \(main\.go:131\): main\.helper -> klog\.Exitf \(main\.go:125\)`
}

// launched starts a goroutine that exits while the defer is pending.
func launched() {
	var wg sync.WaitGroup
	defer wg.Wait()
	wg.Add(1)
	go func() {
		defer wg.Done()
		log.Fatal("in the goroutine") // want `^log\.Fatal skips the deferred wg\.Wait \(main\.go:138\)`
	}()
}

// inLiteral defers inside a literal that it runs: the literal's frame.
func inLiteral() {
	func() {
		f, _ := os.Create("lit")
		defer os.Remove(f.Name())
		log.Fatal("in the literal") // want `^log\.Fatal skips the deferred os\.Remove \(main\.go:150\)`
	}()
	log.Fatal("after the literal returned")
}

// closing defers a literal that closes: the message names its call.
func closing() {
	f, _ := os.Create("closing")
	defer func() {
		log.Printf("closing")
		if err := os.Remove(f.Name()); err != nil {
			log.Printf("remove: %v", err)
		}
	}()
	log.Fatal("before the close") // want `^log\.Fatal skips the deferred function literal calling os\.Remove \(main\.go:159\)`
}

// parsed parses the command line after a defer: a bad flag skips it, and
// the code after the parse still runs.
func parsed() {
	f, _ := os.Create("parsed")
	defer os.Remove(f.Name())
	flag.Parse()                 // want `^flag\.Parse skips the deferred os\.Remove \(main\.go:172\)`
	log.Fatal("after the parse") // want `^log\.Fatal skips the deferred os\.Remove \(main\.go:172\)`
}
