package edgestream

import (
	"testing"

	"example.com/edgecore-bug/config/v1alpha1"
)

func TestRegisterWithNodeIP(t *testing.T) {
	Register(&v1alpha1.EdgeStream{}, "edge-node", "192.0.2.10")
}
