// Package generics exits through generic functions and methods of generic
// types; calls resolve through their origin.
package generics

import "os"

func must[T any](v T, err error) T {
	if err != nil {
		os.Exit(1) // want `os\.Exit ends the process, reached from exported\ generics\.Parse -> generics\.must -> os\.Exit`
	}
	return v
}

func Parse(s string) int { // want Parse:`mayExit\(generics\.Parse -> generics\.must -> os\.Exit\)`
	return must[int](len(s), nil)
}

type Stack[T any] struct{ items []T }

func (s *Stack[T]) Pop() T { // want Pop:`mayExit\(\(\*generics\.Stack\)\.Pop -> os\.Exit\)`
	if len(s.items) == 0 {
		os.Exit(2) // want `os\.Exit ends the process, reached from exported\ \(\*generics\.Stack\)\.Pop -> os\.Exit`
	}
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v
}

func Use() int { // want Use:`mayExit\(generics\.Use -> \(\*generics\.Stack\)\.Pop -> os\.Exit\)`
	s := &Stack[int]{}
	return s.Pop()
}
