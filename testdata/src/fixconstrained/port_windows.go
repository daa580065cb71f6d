package fixconstrained

func defaultPort() int { return port("8080") }
