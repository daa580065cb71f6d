// Command fixmainrun writes a header, then fails when FIXMAINRUN_FAIL is
// set. Its exits skip the deferred flush: the fix moves its body into run.
package main

import (
	"bufio"
	"errors"
	"flag"
	"log"
	"os"
)

func main() {
	flag.Parse() // exits on a bad flag, but skips no defer: it stays
	f, err := os.Create(os.Getenv("FIXMAINRUN_OUT"))
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	w := bufio.NewWriter(f)
	defer w.Flush()
	w.WriteString("header\n")
	if err := check(os.Getenv("FIXMAINRUN_FAIL")); err != nil {
		log.Fatalf("check: %v", err) // want `^log\.Fatalf skips the deferred w\.Flush \(main\.go:21\): the process ends before it runs; return the error from a run function and exit in main$`
	}
	if os.Getenv("FIXMAINRUN_EARLY") != "" {
		return
	}
	w.WriteString("done\n")
}

func check(s string) error {
	if s != "" {
		return errors.New("failing as asked")
	}
	return nil
}
