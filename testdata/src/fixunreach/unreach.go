package fixunreach

import "k8s.io/klog/v2"

// Mode picks a mode; the exit held the default case, so once it returns
// the final return is unreachable.
func Mode(k int) (string, error) { // want Mode:"mayExit"
	switch k {
	case 1:
		return "one", nil
	default:
		klog.Fatalf("bad mode %d", k) // want `klog.Fatalf ends the process`
	}
	return "", nil
}

// Wait loops for ever: the break only leaves the select, so the loop
// never ends and needs no final return.
func Wait(c, done chan int) error { // want Wait:"mayExit"
	wait(c, done)
	return nil
}

func wait(c, done chan int) {
	for {
		select {
		case v := <-c:
			if v < 0 {
				break
			}
			println(v)
		case <-done:
			klog.Fatalf("stopped: %d", len(done)) // want `klog.Fatalf ends the process`
		}
	}
}

// Pick returns from every case of the select once the exit does.
func Pick(a, b chan int) (int, error) { // want Pick:"mayExit"
	select {
	case v := <-a:
		return v, nil
	case <-b:
		klog.Fatalf("b closed: %d", len(b)) // want `klog.Fatalf ends the process`
	}
	klog.Info("never")
	return 0, nil
}

// Labeled leaves the loop with a labelled break: the final return stays.
func Labeled(c chan int) (int, error) { // want Labeled:"mayExit"
	n := 0
loop:
	for {
		select {
		case v, ok := <-c:
			if !ok {
				break loop
			}
			n += v
		default:
			klog.Fatalf("no value after %d", n) // want `klog.Fatalf ends the process`
		}
	}
	return n, nil
}

// Both exits return once fixed, together: the final return goes with
// either fix, and the merged fixes agree.
func Both(k int) (int, error) { // want Both:"mayExit"
	switch k {
	case 1:
		klog.Fatalf("one: %d", k) // want `klog.Fatalf ends the process`
	default:
		klog.Fatalf("other: %d", k) // want `klog.Fatalf ends the process`
	}
	return 0, nil
}
