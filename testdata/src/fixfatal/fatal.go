package fixfatal

import (
	"log"
	"os"

	"k8s.io/klog/v2"
)

type Config struct{ Port int }

// Load reads the configuration.
func Load(path string) (*Config, error) { // want Load:"mayExit"
	data, err := os.ReadFile(path)
	if err != nil {
		klog.Fatalf("read %s: %v", path, err) // want `klog.Fatalf ends the process`
	}
	return &Config{Port: len(data)}, nil
}

// Port parses a port.
func Port(s string) (int, Config, error) { // want Port:"mayExit"
	if s == "" {
		log.Fatal("empty port") // want `log.Fatal ends the process`
	}
	return len(s), Config{}, nil
}
