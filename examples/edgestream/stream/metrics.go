package stream

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/noexit-lint/noexit/examples/edgestream/ipsource"
)

// MetricsHandler returns an http.Handler that serves the module's metrics
// in the Prometheus text format. Until the node IP is known it answers
// 503 Service Unavailable with a short reason, and serves no metrics. Once
// the provider finds an address, the handler serves metrics again. If
// later lookups fail, it keeps serving them with the cached address.
func (s *EdgeStream) MetricsHandler() http.Handler {
	return http.HandlerFunc(s.serveMetrics)
}

func (s *EdgeStream) serveMetrics(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	st := s.ip.Status()
	if st.State != ipsource.Ready {
		msg := "degraded: node IP address is not known yet"
		if st.LastErr != nil {
			msg += ": " + st.LastErr.Error()
		}
		http.Error(w, msg, http.StatusServiceUnavailable)
		return
	}

	var b strings.Builder
	metric := func(name, typ, help, labels string, value uint64) {
		fmt.Fprintf(&b, "# HELP %s %s\n# TYPE %s %s\n%s%s %d\n", name, help, name, typ, name, labels, value)
	}
	metric("edgestream_node_info", "gauge", "Identity of this edge node; the value is always 1.",
		fmt.Sprintf(`{node="%s",ip="%s"}`, escapeLabel(s.nodeName), escapeLabel(st.Addr.String())), 1)
	var connected uint64
	if s.connected.Load() {
		connected = 1
	}
	metric("edgestream_tunnel_connected", "gauge", "Whether the stream tunnel is connected (1) or not (0).", "", connected)
	metric("edgestream_tunnel_sessions_total", "counter", "Stream tunnel sessions established.", "", s.sessions.Load())
	metric("edgestream_tunnel_failures_total", "counter", "Failed dials and dropped stream tunnel sessions.", "", s.failures.Load())
	metric("edgestream_ip_lookup_failures_total", "counter", "Failed node IP lookups.", "", st.Failures)

	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	w.WriteHeader(http.StatusOK)
	if r.Method == http.MethodGet {
		_, _ = w.Write([]byte(b.String()))
	}
}

// labelEscaper escapes the characters that the Prometheus text format
// does not allow unescaped in label values.
var labelEscaper = strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)

// escapeLabel escapes a label value for the Prometheus text format.
func escapeLabel(v string) string { return labelEscaper.Replace(v) }
