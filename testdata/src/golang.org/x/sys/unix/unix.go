// Package unix is a test stub for analysistest that mirrors a small subset of
// the exported API shape of golang.org/x/sys/unix (v0.50.0, linux). It is not
// the real package.
//
// Exit terminates the process immediately (the real one issues the
// exit_group system call directly; the stub uses syscall.Exit, which does the
// same). The other functions are harmless.
package unix

import (
	"os"
	"syscall"
)

// Signals used with Kill.
const (
	SIGINT  = syscall.Signal(0x2)
	SIGKILL = syscall.Signal(0x9)
	SIGTERM = syscall.Signal(0xf)
)

// Exit terminates the process with the given status code without running
// deferred functions or flushing buffers.
func Exit(code int) {
	syscall.Exit(code)
}

// Getpid returns the process id of the caller.
func Getpid() (pid int) { return os.Getpid() }

// Getppid returns the process id of the caller's parent.
func Getppid() (ppid int) { return os.Getppid() }

// Getuid returns the numeric user id of the caller.
func Getuid() (uid int) { return os.Getuid() }

// Getenv retrieves the value of the environment variable named by the key.
func Getenv(key string) (value string, found bool) { return os.LookupEnv(key) }

// Kill sends signal sig to the process pid.
func Kill(pid int, sig syscall.Signal) (err error) { return syscall.Kill(pid, sig) }
