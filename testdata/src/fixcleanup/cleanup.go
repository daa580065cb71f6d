package fixcleanup

import (
	"context"
	"sync"
	"time"

	"k8s.io/klog/v2"
)

var mu sync.Mutex

// Locked exits while holding the lock: a return would leave it locked.
func Locked(n int) error { // want Locked:"mayExit"
	mu.Lock()
	if n < 0 {
		klog.Fatalf("negative %d", n) // want `\(no automatic fix: returning here would skip mu.Unlock\(\) below, which the exit did not need\)`
	}
	mu.Unlock()
	return nil
}

// Deferred unlocks with defer: the return is safe.
func Deferred(n int) error { // want Deferred:"mayExit"
	mu.Lock()
	defer mu.Unlock()
	if n < 0 {
		klog.Fatalf("negative %d", n) // want `klog.Fatalf ends the process`
	}
	return nil
}

// Produce closes its channel after the loop: an early return would leave
// the reader waiting for ever.
func Produce(ch chan<- int, xs []int) error { // want Produce:"mayExit"
	for _, x := range xs {
		if x < 0 {
			klog.Fatalf("negative %d", x) // want `\(no automatic fix: returning here would skip close\(ch\) below, which the exit did not need\)`
		}
		ch <- x
	}
	close(ch)
	return nil
}

// Work marks the wait group done at the end.
func Work(wg *sync.WaitGroup, n int) error { // want Work:"mayExit"
	if n < 0 {
		klog.Fatalf("negative %d", n) // want `\(no automatic fix: returning here would skip wg.Done\(\) below, which the exit did not need\)`
	}
	wg.Done()
	return nil
}

// Timeout cancels its context at the end, not deferred.
func Timeout(n int) error { // want Timeout:"mayExit"
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	if n < 0 {
		klog.Fatalf("negative %d", n) // want `\(no automatic fix: returning here would skip cancel\(\) below, which the exit did not need\)`
	}
	<-ctx.Done()
	cancel()
	return nil
}

// Tick stops its ticker at the end.
func Tick(n int) error { // want Tick:"mayExit"
	t := time.NewTicker(time.Millisecond)
	if n < 0 {
		klog.Fatalf("negative %d", n) // want `\(no automatic fix: returning here would skip t.Stop\(\) below, which the exit did not need\)`
	}
	<-t.C
	t.Stop()
	return nil
}

// Caller locks around a helper that gains an error result: the new
// return in the caller would skip the unlock.
func Caller(n int) error { // want Caller:"mayExit"
	mu.Lock()
	helper(n)
	mu.Unlock()
	return nil
}

func helper(n int) {
	if n < 0 {
		klog.Fatalf("negative %d", n) // want `\(no automatic fix: returning here would skip mu.Unlock\(\) below, which the exit did not need\)`
	}
}
