module example.com/edgecore-bug

go 1.26.0

require k8s.io/klog/v2 v2.140.0

require github.com/noexit-lint/noexit v0.0.0 // indirect

require (
	github.com/go-logr/logr v1.4.1 // indirect
	golang.org/x/mod v0.42.0 // indirect
	golang.org/x/sync v0.24.0 // indirect
	golang.org/x/tools v0.52.0 // indirect
)

replace github.com/noexit-lint/noexit => ../..

tool github.com/noexit-lint/noexit/cmd/noexit
