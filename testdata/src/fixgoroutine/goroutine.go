package fixgoroutine

import (
	"errors"
	"net/http"
	"strings"
	"sync"
	"time"

	"k8s.io/klog/v2"
)

var errBad = errors.New("bad")

// load fails for "" at once and for "slow..." after a while.
func load(p string) error {
	switch {
	case p == "":
		return errBad
	case strings.HasPrefix(p, "slow"):
		time.Sleep(50 * time.Millisecond)
		return errors.New(p)
	}
	return nil
}

// Load waits for its goroutines: the first error comes back after Wait.
func Load(paths []string) error { // want Load:"mayExit"
	var wg sync.WaitGroup
	for _, p := range paths {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := load(p); err != nil {
				klog.Fatalf("load %q: %v", p, err) // want `klog.Fatalf ends the process`
			}
		}()
	}
	wg.Wait()
	return nil
}

// Count returns a count and an error: the zero count goes with the
// goroutine's error.
func Count(paths []string) (int, error) { // want Count:"mayExit"
	var wg sync.WaitGroup
	n := len(paths)
	wg.Add(len(paths))
	for i := range paths {
		go func(p string) {
			defer wg.Done()
			if p == "" {
				klog.Fatal("empty path") // want `klog.Fatal ends the process`
			}
		}(paths[i])
	}
	wg.Wait()
	return n, nil
}

// warm has no error result: it gains one, and Warm passes it on.
func warm(n int) {
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := load(""); err != nil {
				klog.Errorf("warm %d: %v", i, err)
				klog.FlushAndExit(klog.ExitFlushTimeout, 1) // want `klog.FlushAndExit ends the process`
			}
		}()
	}
	wg.Wait()
}

func Warm() error { // want Warm:"mayExit"
	warm(2)
	return nil
}

// Serve starts a server in the background: nothing waits for it.
func Serve(srv *http.Server) { // want Serve:"mayExit"
	go func() {
		if err := srv.ListenAndServe(); err != nil {
			klog.Fatal(err) // want `\(no automatic fix: the goroutine is not waited for: send the error to the caller on a channel, or restart the server in the goroutine\)`
		}
	}()
}

// Late calls Done at the end, not deferred: a return would skip it.
func Late(paths []string) error { // want Late:"mayExit"
	var wg sync.WaitGroup
	for _, p := range paths {
		wg.Add(1)
		go func() {
			if err := load(p); err != nil {
				klog.Fatal(err) // want `\(no automatic fix: the goroutine does not defer Done before the exit; defer it first, or send the error to the caller on a channel\)`
			}
			wg.Done()
		}()
	}
	wg.Wait()
	return nil
}

// Early may return before Wait: the goroutine's error would be lost.
func Early(paths []string) error { // want Early:"mayExit"
	var wg sync.WaitGroup
	for _, p := range paths {
		if p == "stop" {
			return nil
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := load(p); err != nil {
				klog.Fatal(err) // want `\(no automatic fix: the function may return before wg.Wait\(\), and the goroutine's error would be lost\)`
			}
		}()
	}
	wg.Wait()
	return nil
}

// Shared waits on a group it was given: it cannot own the channel.
func Shared(wg *sync.WaitGroup, p string) error { // want Shared:"mayExit"
	wg.Add(1)
	go func() {
		defer wg.Done()
		if err := load(p); err != nil {
			klog.Fatal(err) // want `\(no automatic fix: wg is not a variable of the function that starts the goroutine; send the error to the caller on a channel\)`
		}
	}()
	wg.Wait()
	return nil
}
