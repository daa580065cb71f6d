package c

import "syscall"

func name() string { return syscall.UTF16ToString(nil) }
