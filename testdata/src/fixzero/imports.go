package fixzero

import "k8s.io/klog/v2"

func helper() {
	klog.Fatal("no helper") // want `klog.Fatal ends the process`
}
