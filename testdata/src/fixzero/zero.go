package fixzero

import (
	"io"
	"time"

	"fixzero/other"

	"k8s.io/klog/v2"
)

type Code int

type Flag bool

type Name string

type point struct{ x, y int }

func Kinds(err error) (*int, map[string]int, []byte, chan int, func(), io.Reader, any, error) { // want Kinds:"mayExit"
	if err != nil {
		klog.Fatal(err) // want `klog.Fatal ends the process`
	}
	return nil, nil, nil, nil, nil, nil, nil, nil
}

func Basics(err error) (int, float64, complex128, string, bool, uintptr, error) { // want Basics:"mayExit"
	if err != nil {
		klog.Fatal(err) // want `klog.Fatal ends the process`
	}
	return 1, 1, 1, "", true, 1, nil
}

func Named(err error) (Code, Flag, Name, other.Mode, error) { // want Named:"mayExit"
	if err != nil {
		klog.Fatal(err) // want `klog.Fatal ends the process`
	}
	return 1, true, "x", 1, nil
}

func Structs(err error) (point, other.Settings, time.Time, struct{ A int }, error) { // want Structs:"mayExit"
	if err != nil {
		klog.Fatal(err) // want `klog.Fatal ends the process`
	}
	return point{}, other.Settings{}, time.Time{}, struct{ A int }{}, nil
}

func Arrays(err error) ([4]byte, [2]point, error) { // want Arrays:"mayExit"
	if err != nil {
		klog.Fatal(err) // want `klog.Fatal ends the process`
	}
	return [4]byte{}, [2]point{}, nil
}

func Generic[T any, P ~int](err error) (T, P, []T, error) { // want Generic:"mayExit"
	if err != nil {
		klog.Fatal(err) // want `klog.Fatal ends the process`
	}
	var t T
	return t, 1, nil, nil
}

func Shadowed(err error) (point, error) { // want Shadowed:"mayExit"
	if err != nil {
		point := 1
		_ = point
		klog.Fatal(err) // want `klog.Fatal ends the process, .*\(no automatic fix: a result's zero value cannot be written here\)`
	}
	return point{}, nil
}
