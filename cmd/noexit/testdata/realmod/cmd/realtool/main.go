// Command realtool opens a cache; a program may end its own process.
package main

import (
	"log"
	"os"

	"example.com/realmod/cache"
	"example.com/realmod/internal/cmd/tool"
	"example.com/realmod/store"
)

func main() {
	if len(os.Args) < 2 {
		log.Fatal("usage: realtool DIR")
	}
	cache.Open(os.Args[1]).Check()
	store.New(os.Args[1]).Sync()
	tool.Run(os.Args[1:])
	os.Exit(0)
}
