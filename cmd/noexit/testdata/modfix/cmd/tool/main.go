// Command tool opens its configuration.
package main

import (
	"fmt"

	"example.com/modfix/use"
)

func main() {
	n := use.Setup("tool.conf")
	fmt.Println(n, openConfig())
}
