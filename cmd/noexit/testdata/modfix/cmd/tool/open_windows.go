package main

import "example.com/modfix/lib"

func openConfig() string {
	f := lib.Open(`C:\tool.conf`)
	defer f.Close()
	return f.Name()
}
