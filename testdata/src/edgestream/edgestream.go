// Package edgestream models the edge stream module of KubeEdge's edgecore
// before the fix, for the analyzer tests. It is registered with the beehive
// framework and keeps a TLS tunnel to the cloud open.
//
// The bug: when nodeIP is empty, newEdgeStream asks util.GetLocalIP for the
// host's address, and when that fails (cable unplugged, Wi-Fi off) it logs
// and calls os.Exit(1). That runs inside Register, while edgecore registers
// its modules and before any of them starts, and it runs even when the
// stream module is disabled. The cloud finds the session by node name; the
// IP only feeds metrics.
package edgestream

import (
	"net"
	"os"
	"time"

	"github.com/kubeedge/beehive/pkg/core"
	"github.com/kubeedge/kubeedge/pkg/apis/componentconfig/edgecore/v1alpha1"
	"github.com/kubeedge/kubeedge/pkg/util"
	"k8s.io/klog/v2"
)

// Module identity, as reported by Name and Group.
const (
	ModuleNameEdgeStream = "edgestream"
	GroupNameEdgeStream  = "edgestream"
)

// retryInterval is the wait between a failed or dropped tunnel and the
// next dial.
const retryInterval = 2 * time.Second

type edgeStream struct {
	enable           bool
	config           v1alpha1.EdgeStream
	hostnameOverride string
	nodeIP           net.IP
	metrics          *tunnelMetrics
	done             chan struct{}
}

var _ core.Module = (*edgeStream)(nil)

// Register registers the stream module with the framework, enabled or not.
func Register(s *v1alpha1.EdgeStream, hostnameOverride, nodeIP string) { // want Register:`^mayExit\(edgestream\.Register -> edgestream\.newEdgeStream -> os\.Exit\)$`
	core.Register(newEdgeStream(s, hostnameOverride, nodeIP))
}

func newEdgeStream(s *v1alpha1.EdgeStream, hostnameOverride, nodeIP string) *edgeStream {
	ip := net.ParseIP(nodeIP)
	if nodeIP == "" {
		var err error
		ip, err = util.GetLocalIP(hostnameOverride)
		if err != nil {
			klog.Errorf("init new edged error: %v", err)
			os.Exit(1) // want `^os\.Exit ends the process, reached from exported\ edgestream\.Register -> edgestream\.newEdgeStream -> os\.Exit; return an error instead \(no automatic fix: the error would change the signature of exported edgestream\.Register\)$`
		}
	}
	return &edgeStream{
		enable:           s.Enable,
		config:           *s,
		hostnameOverride: hostnameOverride,
		nodeIP:           ip,
		metrics:          &tunnelMetrics{},
		done:             make(chan struct{}),
	}
}

func (e *edgeStream) Name() string { return ModuleNameEdgeStream }

func (e *edgeStream) Group() string { return GroupNameEdgeStream }

func (e *edgeStream) Enable() bool { return e.enable }

// Start keeps the tunnel to the cloud open: it dials, serves the session
// until it drops, and dials again every two seconds after a failure. The
// framework calls it in its own goroutine.
func (e *edgeStream) Start() {
	ticker := time.NewTicker(retryInterval)
	defer ticker.Stop()
	for {
		if err := e.connect(); err != nil {
			e.metrics.failures.Add(1)
			klog.Errorf("stream tunnel to %s is down, retrying in %v: %v", e.config.TunnelServer, retryInterval, err)
		}
		select {
		case <-e.done:
			return
		case <-ticker.C:
		}
	}
}
