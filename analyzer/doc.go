// Package analyzer defines noexit, an analysis that reports process exits
// reachable from a library's init paths.
//
// # Analyzer noexit
//
// noexit: report process exits reachable from a library's init paths
//
// A library that ends the process takes the decision away from the program
// that embeds it. noexit reports each call to a terminator (os.Exit,
// log.Fatal, klog.Fatal, logrus and zap Fatal, flag.Parse and
// flag.NewFlagSet with flag.ExitOnError, and -terminators) that an entry
// point reaches, with the whole call path, and each call into another
// package's function that may end the process, with the path inside that
// package.
//
// A function literal or function value counts as run by the function that
// mentions it only when that function calls, defers, starts or ranges over
// it, or passes it to a parameter that the callee runs (inferred as a fact
// for analysed code, catalogued for the standard library: sort.Slice,
// sync.(*Once).Do, filepath.Walk ...). One that is only stored is a
// callback: it does not make the storing function may-exit, and its exits
// are reported as reached from the callback.
//
// Entry points are init functions, package variable initialisers,
// exported functions, exported methods of exported types (an exported
// alias counts), methods of types whose values escape as an interface,
// every method of a type that implements a lifecycle interface (by default
// KubeEdge beehive's core.Module), promoted ones included, functions in
// generated files, and functions matching -entry patterns.
//
// Exiting is allowed in package main, in _test.go and generated files, in
// packages with a cmd or test-support path element (test, tests, e2e,
// testing, testutil, testutils, testhelpers; -default-allow), in packages
// matching -allow, and where a "//noexit:allow <reason>" comment stands on
// the call's line, on the line above, or in the function's doc comment. A
// function documented with "//noexit:terminates" is itself a terminator.
//
// With the default -deps=module, a call whose exit lies in another module
// is reported once per package and exit site, with the module and the
// number of other calls. -trust accepts the exits of dependency packages
// and functions: they neither report nor propagate. -baseline and
// -write-baseline let a codebase with existing exits fail only on new ones.
//
// The defer-skip category reports, in any function with a defer statement
// (main and allowed packages included, tests excluded), each call made
// while a deferred call may be pending to a terminator or to a function
// that may reach one: the exit skips the deferred cleanup. Deferred
// recover, logging, unlocks, WaitGroup.Done and empty literals are not
// counted. In func main the fix moves the body into run() error.
//
// The standard library and the catalogued logging modules are modeled:
// their exits are exactly the catalogue, never inferred from their bodies.
package analyzer
