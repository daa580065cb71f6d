package b

// N is a number.
func N() int { return 1 }
