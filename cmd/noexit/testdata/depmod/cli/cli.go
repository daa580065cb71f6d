// Package cli calls cobra.CheckErr, which ends the process, four times:
// with the default -deps=module it is reported once, at the first call.
package cli

import "github.com/spf13/cobra"

func Run(c *cobra.Command) {
	cobra.CheckErr(c.Execute())
}

func Check(err error) {
	cobra.CheckErr(err)
}

func Twice(a, b error) {
	cobra.CheckErr(a)
	cobra.CheckErr(b)
}
