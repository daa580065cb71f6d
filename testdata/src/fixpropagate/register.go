package fixpropagate

import "net"

type Module struct {
	ip   net.IP
	port int
}

// Register is the entry point: it already returns an error.
func Register(name string) (*Module, error) { // want Register:"mayExit"
	setup(name)
	m := &Module{}
	m.ip = localIP()
	var p int
	p = port()
	if port() > 1024 {
		return nil, nil
	}
	m.port = p + port()
	return m, nil
}

// Address returns addr's result.
func Address() (string, error) { // want Address:"mayExit"
	return addr(), nil
}

func addr() string {
	return localIP().String()
}

// Local calls local, which passes the results of localIP on as they are.
func Local() (net.IP, error) { // want Local:"mayExit"
	ip := local()
	return ip, nil
}

func local() net.IP {
	return localIP()
}
