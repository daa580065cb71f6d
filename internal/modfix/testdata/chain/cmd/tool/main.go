package main

import (
	"os"

	"example.com/chain/svc"
)

func main() {
	svc.Listen(os.Args[1])
}
