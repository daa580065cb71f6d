//go:build linux

package fixconstrained

import "k8s.io/klog/v2"

func host() string {
	klog.Fatal("no host") // want `klog.Fatal ends the process, reached from exported fixconstrained.Host -> fixconstrained.host -> klog.Fatal; .*\(no automatic fix: fixconstrained.host is also used in host_other.go, which this build excludes\)`
	return ""
}
