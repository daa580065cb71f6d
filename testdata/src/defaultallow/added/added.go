// Package added is allowed by -allow=defaultallow/added.
package added

import "os"

func Fail() { os.Exit(1) }
