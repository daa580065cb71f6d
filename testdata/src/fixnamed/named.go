package fixnamed

import "k8s.io/klog/v2"

// Config has named results; the fix names the new one err.
func Config() (string, error) { // want Config:"mayExit"
	name, port := config()
	_ = port
	return name, nil
}

func config() (name string, port int) {
	name = "x"
	if name == "" {
		return
	}
	if port < 0 {
		klog.Fatal("negative port") // want `klog.Fatal ends the process`
	}
	return name, 80
}

// Open has a named error-free result and mentions err itself.
func Open() (int, error) { // want Open:"mayExit"
	return open(), nil
}

func open() (fd int) {
	var err error
	if err != nil {
		klog.Fatal(err) // want `klog.Fatal ends the process`
	}
	return
}
