package fixgolangci

// Open calls port, in b.go: port's fix would edit this file too.
func Open() (int, error) { // want Open:"mayExit"
	return port(), nil
}
