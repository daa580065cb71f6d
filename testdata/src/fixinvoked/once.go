package fixinvoked

import (
	"log"
	"sync"

	"k8s.io/klog/v2"
)

// Config is what InitConfigure checks once.
type Config struct {
	Addr string
	Port int
}

var once sync.Once

// initConfig checks the configuration the first time only: the error
// must outlive the call, so that a second call fails like the first.
func initConfig(c *Config) {
	once.Do(func() {
		if c.Addr == "" {
			klog.Exit("addr must be set") // want `klog.Exit ends the process`
		}
		c.Port = 80
	})
}

// Setup is the entry point: it already returns an error.
func Setup(c *Config) error { // want Setup:"mayExit"
	initConfig(c)
	return nil
}

// Server starts its listener once; the error lives next to the Once.
type Server struct {
	mu    sync.Mutex
	start sync.Once // guards listen
	addr  string
}

// Start already returns an error.
func (s *Server) Start() error { // want Start:"mayExit"
	s.start.Do(func() {
		if s.addr == "" {
			log.Fatal("no address") // want `log.Fatal ends the process`
		}
		s.listen()
	})
	return nil
}

func (s *Server) listen() {
	s.mu.Lock()
	defer s.mu.Unlock()
}

var (
	loadOnce sync.Once
	loaded   []string
)

// load ends in the Do call: the function gains an error result and
// returns the once's error.
func load(names []string) {
	loadOnce.Do(func() {
		if len(names) == 0 {
			log.Fatalf("no names") // want `log.Fatalf ends the process`
		}
		loaded = names
	})
}

// Load is the entry point.
func Load(names []string) (int, error) { // want Load:"mayExit"
	load(names)
	return len(loaded), nil
}
