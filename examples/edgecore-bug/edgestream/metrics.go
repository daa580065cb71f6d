package edgestream

import (
	"fmt"
	"net/http"
	"sync/atomic"
)

// tunnelMetrics counts tunnel sessions and failures.
type tunnelMetrics struct {
	sessions atomic.Uint64
	failures atomic.Uint64
}

// MetricsHandler serves the module's metrics in the Prometheus text
// format. This is the only place that uses the node IP.
func (e *edgeStream) MetricsHandler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; version=0.0.4")
		fmt.Fprintf(w, "edgestream_node_info{node=%q,ip=%q} 1\n", e.hostnameOverride, e.nodeIP.String())
		fmt.Fprintf(w, "edgestream_tunnel_sessions_total %d\n", e.metrics.sessions.Load())
		fmt.Fprintf(w, "edgestream_tunnel_failures_total %d\n", e.metrics.failures.Load())
	})
}
