package fiximports

import "log"

// Shadow has a variable named fmt where the error goes.
func Shadow(fmt string, err error) error { // want Shadow:"mayExit"
	if err != nil {
		log.Fatalf("%s: %v", fmt, err) // want `\(no automatic fix: the message cannot be restated as an error: the name fmt means something else here\)`
	}
	return nil
}

// Kept keeps its log import, still used.
func Kept(err error) error { // want Kept:"mayExit"
	log.Print("checking")
	if err != nil {
		log.Fatal(err) // want `log.Fatal ends the process`
	}
	return nil
}
