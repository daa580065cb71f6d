package main

import (
	"errors"
	"log"
	"os"
)

func mayFail() error { return errors.New("no") }

// onError cleans up only when it returns an error: an exit while err is
// still nil loses nothing, one after err was set does.
func onError(dir string) (err error) {
	defer func() {
		if err != nil {
			os.RemoveAll(dir)
		}
	}()
	if err = mayFail(); err != nil {
		return err
	}
	helper() // err is nil here: nothing to clean up
	if err = mayFail(); err != nil {
		log.Fatal(err) // want `^log\.Fatal skips the deferred function literal calling os\.RemoveAll \(onerror\.go:14\)`
	}
	return nil
}

// earlyReturn guards with "if err == nil { return }".
func earlyReturn(dir string) (n int, err error) {
	defer func() {
		if err == nil || dir == "" {
			return
		}
		os.RemoveAll(dir)
	}()
	helper()
	n, err = 1, mayFail()
	helper() // want `^main\.helper may end the process and skip the deferred function literal calling os\.RemoveAll \(onerror\.go:31\)`
	return n, err
}

// escaped lets a literal set err: it may be non-nil anywhere.
func escaped(dir string) (err error) {
	defer func() {
		if err != nil {
			os.RemoveAll(dir)
		}
	}()
	set := func() { err = mayFail() }
	set()
	helper() // want `^main\.helper may end the process and skip the deferred function literal calling os\.RemoveAll \(onerror\.go:45\)`
	return nil
}

var pkgErr error

// packageVar guards on a package variable, which any call may set:
// nil after the check, it need not be at the call.
func packageVar(dir string) {
	defer func() {
		if pkgErr != nil {
			os.RemoveAll(dir)
		}
	}()
	if pkgErr != nil {
		return
	}
	helper() // want `^main\.helper may end the process and skip the deferred function literal calling os\.RemoveAll \(onerror\.go:61\)`
}

// ranged assigns err in a range clause.
func ranged(dir string, errs []error) (err error) {
	defer func() {
		if err != nil {
			os.RemoveAll(dir)
		}
	}()
	for _, err = range errs {
		log.Fatal("in the loop") // want `^log\.Fatal skips the deferred function literal calling os\.RemoveAll \(onerror\.go:74\)`
	}
	return nil
}

// rangedInLiteral assigns err in a range clause of a literal.
func rangedInLiteral(dir string, errs []error) (err error) {
	defer func() {
		if err != nil {
			os.RemoveAll(dir)
		}
	}()
	set := func() {
		for _, err = range errs {
		}
	}
	set()
	log.Fatal("after") // want `^log\.Fatal skips the deferred function literal calling os\.RemoveAll \(onerror\.go:87\)`
	return nil
}

// switched tests err in a switch case, whose edges are not those of an
// if: default runs only when err is set.
func switched(dir string) (err error) {
	defer func() {
		if err != nil {
			os.RemoveAll(dir)
		}
	}()
	err = mayFail()
	switch false {
	case err != nil:
	default:
		log.Fatal("err is set") // want `^log\.Fatal skips the deferred function literal calling os\.RemoveAll \(onerror\.go:104\)`
	}
	return nil
}
