package fixrefuse

import (
	"os"

	"k8s.io/klog/v2"
)

func init() {
	if os.Getenv("X") == "" {
		klog.Fatal("X is not set") // want `\(no automatic fix: init cannot return an error\)`
	}
}

func Start() { // want Start:"mayExit"
	go func() {
		klog.Fatal("worker died") // want `\(no automatic fix: the goroutine is not waited for: send the error to the caller on a channel, or restart the server in the goroutine\)`
	}()
}

func Exported() { // want Exported:"mayExit"
	helper()
}

func helper() {
	klog.Fatal("helper") // want `\(no automatic fix: the error would change the signature of exported fixrefuse.Exported\)`
}

// Value hands valued out uncalled: a callback, so Value cannot exit.
func Value() func() {
	return valued
}

func valued() {
	klog.Fatal("valued") // want `\(no automatic fix: fixrefuse.valued is used as a value\)`
}

func Deferred() error { // want Deferred:"mayExit"
	defer deferred()
	return nil
}

func deferred() {
	klog.Fatal("deferred") // want `\(no automatic fix: fixrefuse.deferred is deferred\)`
}

func Literal() error { // want Literal:"mayExit"
	f := func() {
		klog.Fatal("literal") // want `\(no automatic fix: the function literal does not return an error\)`
	}
	f()
	return nil
}

func Follow() error { // want Follow:"mayExit"
	klog.Fatal("follow") // want `\(no automatic fix: statements follow the exit\)`
	println()
	return nil
}

func Header() error { // want Header:"mayExit"
	if v := header(); v > 0 {
		return nil
	}
	return nil
}

func header() int {
	klog.Fatal("header") // want `\(no automatic fix: the call to fixrefuse.header cannot pass on an error where it is\)`
	return 1
}

type T struct{}

type runner interface{ run() }

func (T) run() {
	klog.Fatal("run") // want `\(no automatic fix: \(fixrefuse.T\).run may implement an interface\)`
}

func Run() error { // want Run:"mayExit"
	var r runner = T{}
	_ = r
	T{}.run()
	return nil
}

func Spawn() error { // want Spawn:"mayExit"
	go worker()
	return nil
}

func worker() {
	klog.Fatal("worker") // want `\(no automatic fix: fixrefuse.worker is started with go\)`
}

func Stop(failed bool) error { // want Stop:"mayExit"
	code := 0
	if failed {
		code = 1
	}
	os.Exit(code) // want `\(no automatic fix: the exit status is not a constant, and 0 would mean success\)`
	return nil
}

func Cleanup() error { // want Cleanup:"mayExit"
	defer func() error {
		klog.Fatal("cleanup failed") // want `\(no automatic fix: the error of a deferred function would be dropped\)`
		return nil
	}()
	return nil
}
