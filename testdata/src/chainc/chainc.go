// Package chainc is the bottom of a three-package chain: it exits.
package chainc

import "log"

func Load(path string) string { // want Load:`mayExit\(chainc\.Load -> chainc\.open -> log\.Fatalf\)`
	return open(path)
}

func open(path string) string {
	if path == "" {
		log.Fatalf("no path") // want `log\.Fatalf ends the process, reached from exported\ chainc\.Load -> chainc\.open -> log\.Fatalf`
	}
	return path
}
