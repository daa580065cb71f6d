//go:build !windows

package c

func name() string { return "other" }
