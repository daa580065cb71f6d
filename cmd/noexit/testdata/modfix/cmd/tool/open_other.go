//go:build !windows

package main

func openConfig() string { return "/etc/tool.conf" }
