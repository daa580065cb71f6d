package fixpropagate

import (
	"net"
	"os"

	"k8s.io/klog/v2"
)

// localIP used to end the process when the node has no address.
func localIP() net.IP {
	addrs, err := net.InterfaceAddrs()
	if err != nil {
		klog.Fatalf("cannot list addresses: %v", err) // want `klog.Fatalf ends the process`
	}
	for _, a := range addrs {
		if n, ok := a.(*net.IPNet); ok {
			return n.IP
		}
	}
	klog.Errorf("no address")
	os.Exit(1) // want `os.Exit ends the process`
	return nil
}

func setup(name string) {
	if name == "" {
		return
	}
	ip := localIP()
	klog.Infof("%s at %s", name, ip)
}

func port() int {
	if os.Getenv("PORT") == "" {
		klog.Fatal("PORT is not set") // want `klog.Fatal ends the process`
	}
	return 80
}
