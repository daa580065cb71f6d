// Package gcltest holds the end-to-end test of the golangci-lint module
// plugin: it builds golangci-lint with noexit compiled in (through
// scripts/build-golangci.sh, or takes the binary named by $NOEXIT_GOLANGCI),
// runs it on the sample module in testdata/sample and checks what a user
// sees: findings, exit codes, --fix, configuration errors and the JSON and
// SARIF outputs. It has no non-test code.
package gcltest
