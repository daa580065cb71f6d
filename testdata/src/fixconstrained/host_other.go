//go:build !linux

package fixconstrained

func host() string { return "localhost" }
