// Package edgestream is the reference patched version of an edge stream
// module, kept as an example for the noexit analyzer.
//
// # The bug
//
// In the original edge node agent, the stream module's
// Register(config, hostnameOverride, nodeIP) called newEdgeStream. When
// nodeIP was empty, newEdgeStream asked a helper for the host's local IP,
// which meant choosing a host network interface. If that failed, Register
// logged "init new edged error" and called os.Exit(1). That happened while
// modules were being registered, before any module ran, and even when the
// stream module was disabled. The address only fed metrics. The cloud side
// looks sessions up by node name, so the process died over a value it did
// not need.
//
// # The patch
//
// The packages below this one show the fixed design:
//
//   - framework is a small module framework. Registration only records a
//     module, and the registry starts enabled modules only.
//   - ipsource finds the node's IP address without ever exiting. A Provider
//     keeps the last good address and retries in the background with
//     bounded exponential backoff.
//   - stream is the stream module. Register never fails because an IP
//     address is missing. Start dials the cloud and uses the node name as
//     the session key. The metrics handler reports that it is degraded until
//     an address is known, and recovers by itself once one is found.
//
// No package here calls os.Exit, log.Fatal or panic to report an error.
// Errors are returned or logged.
package edgestream
