// Package v1alpha1 holds the edgecore configuration types, cut down to the
// stream module's section (after KubeEdge's
// pkg/apis/componentconfig/edgecore/v1alpha1).
package v1alpha1

// EdgeStream is the configuration of the edgestream module.
type EdgeStream struct {
	// Enable says whether the module is started. A disabled module is
	// still registered.
	Enable bool
	// TLSTunnelCAFile, TLSTunnelCertFile and TLSTunnelPrivateKeyFile are
	// the files of the tunnel's TLS client identity.
	TLSTunnelCAFile         string
	TLSTunnelCertFile       string
	TLSTunnelPrivateKeyFile string
	// HandshakeTimeout is the dial and TLS handshake timeout, in seconds.
	HandshakeTimeout int32
	// ReadDeadline and WriteDeadline bound each tunnel read and write, in
	// seconds.
	ReadDeadline  int32
	WriteDeadline int32
	// TunnelServer is the host:port of the cloud stream server.
	TunnelServer string
}
