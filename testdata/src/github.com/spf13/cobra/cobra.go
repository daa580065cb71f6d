// Package cobra is a stand-in for github.com/spf13/cobra: the fields and
// methods the test cases use.
package cobra

// Command is a command of a command line.
type Command struct {
	Use           string
	Short         string
	SilenceUsage  bool
	SilenceErrors bool

	PersistentPreRun   func(cmd *Command, args []string)
	PersistentPreRunE  func(cmd *Command, args []string) error
	PreRun             func(cmd *Command, args []string)
	PreRunE            func(cmd *Command, args []string) error
	Run                func(cmd *Command, args []string)
	RunE               func(cmd *Command, args []string) error
	PostRun            func(cmd *Command, args []string)
	PostRunE           func(cmd *Command, args []string) error
	PersistentPostRun  func(cmd *Command, args []string)
	PersistentPostRunE func(cmd *Command, args []string) error

	commands []*Command
}

// AddCommand adds sub-commands.
func (c *Command) AddCommand(cmds ...*Command) { c.commands = append(c.commands, cmds...) }

// Execute runs the command.
func (c *Command) Execute() error {
	if c.RunE != nil {
		return c.RunE(c, nil)
	}
	if c.Run != nil {
		c.Run(c, nil)
	}
	return nil
}
