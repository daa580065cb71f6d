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
// Entry points are init functions, package variable initialisers,
// exported functions, exported methods of exported types, every method of
// a type that implements a lifecycle interface (by default KubeEdge
// beehive's core.Module), and functions matching -entry patterns.
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
// The standard library and the catalogued logging modules are modeled:
// their exits are exactly the catalogue, never inferred from their bodies.
package analyzer
