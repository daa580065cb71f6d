package c

// Name is only built here.
func Name() string { return name() }
