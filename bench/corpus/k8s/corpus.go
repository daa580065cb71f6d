// Package corpus pins the Kubernetes client libraries that the noexit
// benchmarks analyse; it is never built into anything.
package corpus

import (
	_ "k8s.io/apiserver/pkg/server"
	_ "k8s.io/client-go/kubernetes"
)
