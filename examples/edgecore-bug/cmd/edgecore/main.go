// Command edgecore registers the stream module and runs the framework, the
// way KubeEdge's edgecore does at start-up.
package main

import (
	"flag"

	"k8s.io/klog/v2"

	"example.com/edgecore-bug/cmd/edgecore/app"
	"example.com/edgecore-bug/config/v1alpha1"
)

func main() {
	klog.InitFlags(nil)
	cfg := v1alpha1.EdgeStream{HandshakeTimeout: 30}
	flag.BoolVar(&cfg.Enable, "stream", false, "enable the stream module")
	flag.StringVar(&cfg.TunnelServer, "tunnel-server", "127.0.0.1:10004", "host:port of the cloud stream server")
	flag.StringVar(&cfg.TLSTunnelCAFile, "ca", "/etc/kubeedge/ca/rootCA.crt", "CA of the cloud stream server")
	flag.StringVar(&cfg.TLSTunnelCertFile, "cert", "/etc/kubeedge/certs/server.crt", "tunnel client certificate")
	flag.StringVar(&cfg.TLSTunnelPrivateKeyFile, "key", "/etc/kubeedge/certs/server.key", "tunnel client key")
	hostname := flag.String("hostname-override", "edge-node", "node name")
	nodeIP := flag.String("node-ip", "", "node IP; empty means look it up")
	flag.Parse()

	// Registration happens before any module runs. With -node-ip empty
	// and no usable host interface, the process ends here, even without
	// -stream.
	app.Run(&cfg, *hostname, *nodeIP)
}
